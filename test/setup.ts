// Node 20 lacks Object.groupBy, which Langium's parser needs (see language/polyfills.ts).
import '../language/polyfills.js';
