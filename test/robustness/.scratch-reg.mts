import '../../language/polyfills.js';
import { readFileSync } from 'node:fs';
import { InProcessHarness } from './in-process.js';
const h = new InProcessHarness();
try { await h.run([readFileSync(process.argv[2], 'utf8')], [0.5]); console.log('OK'); } catch (e) { console.log('FAIL', String(e).slice(0, 400)); }
