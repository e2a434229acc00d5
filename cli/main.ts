import '../language/polyfills.js';
console.log('warrant: not yet');
