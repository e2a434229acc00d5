/**
 * Child process: layout + SVG render of the argument map with K nodes, through the real
 * pipeline (generated workspace → loadWorkspace → analysis → buildGraphModel → layoutGraph →
 * renderSvg), in Node. The first layout in the process is "cold" (ELK's and the JIT's start-up
 * included), then the median of three more.
 *
 *   node --import tsx bench/graph.ts --nodes 500 --dir TMPDIR
 */
import '../language/polyfills.js';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { loadWorkspace } from '../cli/load-workspace.js';
import { buildGraphModel } from '../language/analysis/graph-model-builder.js';
import type { GraphModel } from '../language/graph/graph-model.js';
import { chooseEngine, isOverview, layoutGraph } from '../language/graph/layout.js';
import { renderSvg } from '../language/graph/render-svg.js';
import { arg, median, report, round } from './common.js';
import { generateWorkspace } from './generate.js';

const target = Number(arg('nodes'));
const tmp = arg('dir');

// A workspace whose whole map has at least `target` nodes, then a deterministic subset of exactly `target`.
let claims = Math.max(20, Math.round(target / 1.6));
let model: GraphModel | undefined;
for (let attempt = 0; attempt < 5; attempt++) {
    const dir = path.join(tmp, `graph-${target}-${claims}`);
    rmSync(dir, { recursive: true, force: true });
    generateWorkspace({ claims, claimsPerFile: 500 }, dir);
    const workspace = await loadWorkspace([dir], dir);
    const full = buildGraphModel(workspace.services.warrant.Analysis.get());
    rmSync(dir, { recursive: true, force: true });
    if (full.nodes.length >= target) {
        const keep = connectedSubset(full, target);
        const nodes = full.nodes.filter(n => keep.has(n.id));
        model = { nodes, edges: full.edges.filter(e => keep.has(e.from) && keep.has(e.to)) };
        break;
    }
    claims = Math.ceil(claims * (target / full.nodes.length) * 1.05) + 2;
}
if (!model) {
    throw new Error(`could not generate a map of ${target} nodes`);
}

/** `count` node ids grown breadth-first along edges (either direction) from the nodes in model order: a connected-looking map like one document's. */
function connectedSubset(full: GraphModel, count: number): Set<string> {
    const adjacent = new Map<string, string[]>(full.nodes.map(n => [n.id, []]));
    for (const e of full.edges) {
        adjacent.get(e.from)?.push(e.to);
        adjacent.get(e.to)?.push(e.from);
    }
    const keep = new Set<string>();
    for (const seed of full.nodes) {
        const queue = [seed.id];
        while (queue.length > 0 && keep.size < count) {
            const id = queue.shift()!;
            if (keep.has(id)) {
                continue;
            }
            keep.add(id);
            queue.push(...(adjacent.get(id) ?? []));
        }
        if (keep.size >= count) {
            break;
        }
    }
    return keep;
}

const once = async () => {
    const start = performance.now();
    const positioned = await layoutGraph(model!);
    const laidOut = performance.now();
    const svg = renderSvg(positioned);
    const end = performance.now();
    return { layoutMs: laidOut - start, renderMs: end - laidOut, totalMs: end - start, svgBytes: svg.length, width: positioned.width, height: positioned.height };
};
const cold = await once();
const warm = [await once(), await once(), await once()];

report({
    nodes: model.nodes.length,
    edges: model.edges.length,
    engine: chooseEngine(model.nodes.length),
    overview: isOverview(model.nodes.length),
    cold: { layoutMs: round(cold.layoutMs), renderMs: round(cold.renderMs), totalMs: round(cold.totalMs) },
    warm: {
        layoutMs: round(median(warm.map(w => w.layoutMs))),
        renderMs: round(median(warm.map(w => w.renderMs))),
        totalMs: round(median(warm.map(w => w.totalMs)))
    },
    svgKb: round(cold.svgBytes / 1024),
    size: { width: round(cold.width), height: round(cold.height) }
});
