/**
 * Child process: the graph helper's own measurement (test/graph/measure.ts) — layout + render of
 * its generated models in Node and in headless Chromium running the real preview script (layout
 * + DOM, as the webview does). Loaded by path at run time: a missing script is reported as a gap.
 *
 *   node --import tsx bench/graph-chromium.ts --sizes 100,500,2000
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { arg, report, REPOSITORY } from './common.js';

interface Timing {
    nodes: number;
    edges: number;
    where: string;
    engine: string;
    overview: boolean;
    layoutMs: number;
    renderMs: number;
    totalMs: number;
    coldTotalMs: number;
}
interface MeasureModule {
    measureInNode?(sizes: number[], runs?: number): Promise<Timing[]>;
    measureInChromium?(sizes: number[], runs?: number): Promise<Timing[]>;
}

const sizes = arg('sizes', '100,500,2000').split(',').map(Number);
const file = path.join(REPOSITORY, 'test/graph/measure.ts');
if (!existsSync(file)) {
    report({ missing: 'test/graph/measure.ts' });
    process.exit(0);
}
const measure = await import(pathToFileURL(file).href) as MeasureModule;
const result: { node?: Timing[]; chromium?: Timing[]; nodeError?: string; chromiumError?: string } = {};
try {
    result.node = await measure.measureInNode?.(sizes);
} catch (error) {
    result.nodeError = String(error).slice(0, 500);
}
try {
    result.chromium = await measure.measureInChromium?.(sizes);
} catch (error) {
    result.chromiumError = String(error).slice(0, 500);
}
report(result);
process.exit(0);
