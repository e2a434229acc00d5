/**
 * Layout + render times of generated maps (100 / 500 / 2,000 nodes by default) in Node (layout
 * + SVG string, as the CLI export does) and in headless Chromium (the real preview script:
 * layout + DOM, as the webview does). Not a test: `npx tsx test/graph/measure.ts [sizes…]`,
 * or import {@link measureGraph} from the benchmark. Budgets (docs/performance.md): 500 nodes < 1 s,
 * 2,000 nodes < 5 s.
 */
import { fileURLToPath } from 'node:url';
import { layoutGraph } from '../../language/graph/layout.js';
import { renderSvg } from '../../language/graph/render-svg.js';
import { generateModel } from './fixtures.js';

export interface GraphTiming {
    nodes: number;
    edges: number;
    where: 'node' | 'chromium';
    engine: string;
    overview: boolean;
    /** Median of the warm runs, ms. */
    layoutMs: number;
    renderMs: number;
    totalMs: number;
    /** The first (cold: JIT, ELK start-up) run, ms. */
    coldTotalMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measureInNode(sizes: number[], runs = 3): Promise<GraphTiming[]> {
    const out: GraphTiming[] = [];
    for (const size of sizes) {
        const model = generateModel(size, 1);
        const samples: { layout: number; render: number }[] = [];
        let engine = '', overview = false;
        for (let r = 0; r <= runs; r++) {
            const t0 = performance.now();
            const g = await layoutGraph(model);
            const t1 = performance.now();
            renderSvg(g);
            const t2 = performance.now();
            samples.push({ layout: t1 - t0, render: t2 - t1 });
            engine = g.engine;
            overview = g.overview;
        }
        const warm = samples.slice(1);
        const layoutMs = median(warm.map(s => s.layout)), renderMs = median(warm.map(s => s.render));
        out.push({ nodes: size, edges: model.edges.length, where: 'node', engine, overview, layoutMs, renderMs, totalMs: median(warm.map(s => s.layout + s.render)), coldTotalMs: samples[0].layout + samples[0].render });
    }
    return out;
}

export async function measureInChromium(sizes: number[], runs = 3): Promise<GraphTiming[]> {
    const { buildWebview, launch, serve } = await import('../webview/harness.js');
    const script = await buildWebview();
    const server = await serve(script);
    const browser = await launch({ width: 1400, height: 900 });
    const out: GraphTiming[] = [];
    try {
        for (const size of sizes) {
            const model = generateModel(size, 1);
            const page = await browser.context.newPage();
            await page.goto(server.url);
            await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'ready'));
            const samples: { layoutMs: number; renderMs: number; engine: string; overview: boolean }[] = [];
            for (let r = 0; r <= runs; r++) {
                samples.push(await page.evaluate(([m, v]) => new Promise<{ layoutMs: number; renderMs: number; engine: string; overview: boolean }>(resolve => {
                    window.addEventListener('warrant:rendered', e => resolve((e as CustomEvent).detail), { once: true });
                    window.postMessage({ type: 'model', model: m, version: v }, '*');
                }), [model, r] as const));
                await page.waitForTimeout(200); // let the debounce window pass
            }
            await page.close();
            const warm = samples.slice(1);
            out.push({
                nodes: size, edges: model.edges.length, where: 'chromium', engine: samples[0].engine, overview: samples[0].overview,
                layoutMs: median(warm.map(s => s.layoutMs)), renderMs: median(warm.map(s => s.renderMs)),
                totalMs: median(warm.map(s => s.layoutMs + s.renderMs)), coldTotalMs: samples[0].layoutMs + samples[0].renderMs
            });
        }
    } finally {
        await browser.close();
        await server.close();
    }
    return out;
}

export async function measureGraph(sizes = [100, 500, 2000]): Promise<GraphTiming[]> {
    return [...await measureInNode(sizes), ...await measureInChromium(sizes)];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const sizes = process.argv.slice(2).map(Number).filter(n => n > 0);
    const results = await measureGraph(sizes.length > 0 ? sizes : undefined);
    const f = (n: number) => n.toFixed(0).padStart(6);
    console.log('where     nodes  edges  engine  mode      layout  render   total   (cold)');
    for (const r of results) {
        console.log(`${r.where.padEnd(8)} ${String(r.nodes).padStart(6)} ${String(r.edges).padStart(6)}  ${r.engine.padEnd(6)}  ${(r.overview ? 'overview' : 'detailed').padEnd(8)} ${f(r.layoutMs)}  ${f(r.renderMs)}  ${f(r.totalMs)}  (${f(r.coldTotalMs)})`);
    }
}
