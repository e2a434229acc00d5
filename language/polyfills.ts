// Langium 4.4's parser (chevrotain 13) calls Object.groupBy, which Node 20 lacks;
// VS Code hosts extensions on Node 20, so every entry point loads this first.
import 'core-js/actual/object/group-by.js';
import 'core-js/actual/map/group-by.js';
