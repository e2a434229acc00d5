/**
 * Child process: the graph helper's own measurement (test/graph/measure.ts) — layout + render of
 * its generated models in Node and in headless Chromium running the real preview script (layout
 * + DOM, as the webview does).
 *
 *   node --import tsx bench/graph-chromium.ts --sizes 100,500,2000
 */
import { measureInChromium, measureInNode, type GraphTiming } from '../test/graph/measure.js';
import { arg, report } from './common.js';

const sizes = arg('sizes', '100,500,2000').split(',').map(Number);
const result: { node?: GraphTiming[]; chromium?: GraphTiming[]; nodeError?: string; chromiumError?: string } = {};
try {
    result.node = await measureInNode(sizes);
} catch (error) {
    result.nodeError = String(error).slice(0, 500);
}
try {
    result.chromium = await measureInChromium(sizes);
} catch (error) {
    result.chromiumError = String(error).slice(0, 500);
}
report(result);
process.exit(0);
