/**
 * A small, linear-time layered (Sugiyama-style) layout used when ELK would be too slow:
 * large maps (ELK layered grows super-linearly: 150 nodes already cost it over a second)
 * and the label-less overview. Same conventions as the ELK layout: conclusions on top,
 * evidence below, nodes of a layer kept in the given (stable) order.
 *
 * Phases: connected components → cycle breaking and layering ({@link topDownLayering})
 * → long-edge dummies → in-layer order (real nodes keep the given order,
 * dummies are merged in by barycentre) → x placement by alternating median-free barycentre
 * sweeps, each solved exactly as an isotonic regression (pool adjacent violators) under the
 * minimum-gap constraints → lanes for edges longer than {@link MAX_DUMMY_SPAN} layers
 * → polyline routes through the dummies and lanes → shelf packing of components.
 * Every phase is O(V + D + E) per sweep (D = dummy nodes ≤ MAX_DUMMY_SPAN · E) except the
 * lane assignment, O(E log E), so 2,000 nodes take milliseconds and a 5,000-layer chain too.
 */

import { assignLanes } from './lanes.js';
import { topDownLayering, type LayeringEdge } from './layering.js';

export interface FastNode { width: number; height: number }
/** An edge drawn from `lower` (evidence, below) to `upper` (conclusion, above). */
export interface FastEdge { lower: number; upper: number }
export interface FastPoint { x: number; y: number }

export interface FastOptions {
    nodeGap: number;
    layerGap: number;
    /** Horizontal room of a long edge passing through a layer. */
    edgeGap: number;
    componentGap: number;
    /** Target width / height of the whole drawing when packing components. */
    aspectRatio: number;
    /** Placement sweeps (each one down and one up). */
    sweeps: number;
}

export const DEFAULT_FAST_OPTIONS: FastOptions = { nodeGap: 28, layerGap: 56, edgeGap: 10, componentGap: 40, aspectRatio: 1.6, sweeps: 4 };

/**
 * Edges spanning more layers than this run in a lane beside the drawing instead of through a
 * dummy node per layer. Argument maps are shallow (generated 2,000-node maps have 8 layers and
 * no edge longer than 6), so they keep the dummy routing; the bound caps the dummies at
 * MAX_DUMMY_SPAN per edge on deep chains.
 */
export const MAX_DUMMY_SPAN = 10;

export interface FastResult {
    /** Top-left corners. */
    x: number[];
    y: number[];
    /** One route per input edge, from the lower node's top to the upper node's bottom (self loops: empty). */
    routes: FastPoint[][];
    width: number;
    height: number;
}

/**
 * @param order node indices in the preferred left-to-right order (e.g. {@link evidenceOrder});
 * must list every node once.
 */
export function fastLayered(nodes: FastNode[], edges: FastEdge[], order: number[], options: Partial<FastOptions> = {}): FastResult {
    const opt = { ...DEFAULT_FAST_OPTIONS, ...options };
    const n = nodes.length;
    const rank = new Array<number>(n);
    order.forEach((v, r) => { rank[v] = r; });

    // components (union-find), listed by their first node in the given order
    const parent = Array.from({ length: n }, (_, i) => i);
    const find = (a: number): number => {
        while (parent[a] !== a) { parent[a] = parent[parent[a]]; a = parent[a]; }
        return a;
    };
    for (const e of edges) if (e.lower !== e.upper) parent[find(e.lower)] = find(e.upper);
    const componentOf = new Map<number, number[]>();
    for (const v of order) {
        const root = find(v);
        let list = componentOf.get(root);
        if (!list) componentOf.set(root, list = []);
        list.push(v);
    }
    const edgesByComponent = new Map<number, number[]>();
    edges.forEach((e, i) => {
        if (e.lower === e.upper) return;
        const root = find(e.lower);
        let list = edgesByComponent.get(root);
        if (!list) edgesByComponent.set(root, list = []);
        list.push(i);
    });

    const x = new Array<number>(n).fill(0);
    const y = new Array<number>(n).fill(0);
    const routes: FastPoint[][] = edges.map(() => []);
    const boxes: { members: number[]; edgeIds: number[]; width: number; height: number }[] = [];
    for (const [root, members] of componentOf) {
        const edgeIds = edgesByComponent.get(root) ?? [];
        const size = layoutComponent(nodes, edges, members, edgeIds, rank, opt, x, y, routes);
        boxes.push({ members, edgeIds, ...size });
    }

    // shelf packing, rows top-aligned so every component's conclusions sit at the top of its row
    const area = boxes.reduce((s, b) => s + (b.width + opt.componentGap) * (b.height + opt.componentGap), 0);
    const rowWidth = Math.max(...boxes.map(b => b.width), Math.sqrt(area * opt.aspectRatio), 1);
    let cx = 0, cy = 0, rowHeight = 0, width = 0;
    for (const b of boxes) {
        if (cx > 0 && cx + b.width > rowWidth) {
            cx = 0;
            cy += rowHeight + opt.componentGap;
            rowHeight = 0;
        }
        for (const v of b.members) { x[v] += cx; y[v] += cy; }
        for (const i of b.edgeIds) for (const p of routes[i]) { p.x += cx; p.y += cy; }
        cx += b.width + opt.componentGap;
        width = Math.max(width, cx - opt.componentGap);
        rowHeight = Math.max(rowHeight, b.height);
    }
    return { x, y, routes, width, height: boxes.length === 0 ? 0 : cy + rowHeight };
}

/** Lays out one component at the origin; writes x/y/routes; returns its size. */
function layoutComponent(nodes: FastNode[], edges: FastEdge[], members: number[], edgeIds: number[], rank: number[], opt: FastOptions,
    outX: number[], outY: number[], routes: FastPoint[][]): { width: number; height: number } {
    // local indices
    const local = new Map<number, number>();
    members.forEach((v, i) => local.set(v, i));
    const m = members.length;
    // 1–2. cycle breaking and layering (shared with the evidence order)
    const localEdges: LayeringEdge[] = edgeIds.map(id => ({ lower: local.get(edges[id].lower)!, upper: local.get(edges[id].upper)! }));
    const layering = topDownLayering(m, localEdges);
    const layer = layering.layer;
    const layerCount = Math.max(1, layering.count);
    // oriented edges: up/lo in local indices, after flipping
    const oriented = edgeIds.map((id, k) => ({ id, ...layering.oriented[k]!, flipped: layering.flipped[k] === 1 }));

    // 3. items per layer: real nodes and the dummies of edges spanning up to MAX_DUMMY_SPAN
    //    layers; longer edges run in lanes beside the drawing (step 7), grouped by their lower
    //    end, so a deep chain with hub data costs O(V + E) rather than O(layers × E)
    interface Item { real: number; edge: number; width: number; ups: number[]; downs: number[]; pos: number; x: number; key: number }
    const items: Item[] = [];
    const byLayer: number[][] = Array.from({ length: layerCount }, () => []);
    for (let i = 0; i < m; i++) {
        items.push({ real: i, edge: -1, width: nodes[members[i]].width, ups: [], downs: [], pos: 0, x: 0, key: rank[members[i]] });
        byLayer[layer[i]].push(i);
    }
    const isLong = (e: { up: number; lo: number }) => layer[e.lo] - layer[e.up] > MAX_DUMMY_SPAN;
    const chains = new Map<number, number[]>(); // edge id → items from upper to lower (inclusive)
    for (const e of oriented) {
        if (isLong(e)) continue;
        const chain = [e.up];
        for (let L = layer[e.up] + 1; L < layer[e.lo]; L++) {
            const d = items.length;
            items.push({ real: -1, edge: e.id, width: opt.edgeGap, ups: [], downs: [], pos: 0, x: 0, key: 0 });
            byLayer[L].push(d);
            chain.push(d);
        }
        chain.push(e.lo);
        for (let k = 1; k < chain.length; k++) {
            items[chain[k - 1]].downs.push(chain[k]);
            items[chain[k]].ups.push(chain[k - 1]);
        }
        chains.set(e.id, chain);
    }

    // 4. in-layer order: real nodes keep the given order; dummies are merged in by the barycentre
    //    of their neighbour above (top-down), then below (bottom-up), then above again (more
    //    sweeps do not help: measured). Real nodes never swap, so edits cannot reshuffle a layer
    //    (letting them move by barycentre halves the crossings but flips ~4% of pairs per edit).
    const ordered = (L: number, neighbours: (it: Item) => number[]) => {
        const bary = (i: number) => {
            const ns = neighbours(items[i]);
            if (ns.length === 0) return Number.NaN;
            let sum = 0;
            for (const u of ns) sum += items[u].pos;
            return sum / ns.length;
        };
        const real = byLayer[L].filter(i => items[i].real >= 0).sort((a, b) => items[a].key - items[b].key);

        const dummies = byLayer[L].filter(i => items[i].real < 0);
        if (dummies.length === 0) return real;
        const db = new Map(dummies.map(d => [d, bary(d)]));
        dummies.sort((a, b) => (db.get(a)! - db.get(b)!) || (items[a].edge - items[b].edge));
        const merged: number[] = [];
        let r = 0, d = 0;
        while (r < real.length || d < dummies.length) {
            if (d >= dummies.length) { merged.push(real[r++]); continue; }
            if (r >= real.length) { merged.push(dummies[d++]); continue; }
            const rb = bary(real[r]);
            if (!Number.isNaN(rb) && db.get(dummies[d])! < rb) merged.push(dummies[d++]);
            else merged.push(real[r++]);
        }
        return merged;
    };
    const assign = (L: number, list: number[]) => {
        list.forEach((i, p) => { items[i].pos = p; });
        byLayer[L] = list;
    };
    for (let L = 0; L < layerCount; L++) assign(L, ordered(L, it => it.ups));
    for (let L = layerCount - 2; L >= 0; L--) assign(L, ordered(L, it => it.downs));
    for (let L = 1; L < layerCount; L++) assign(L, ordered(L, it => it.ups));

    // 5. x placement
    const sep = (a: Item, b: Item) => (a.width + b.width) / 2 + (a.real >= 0 && b.real >= 0 ? opt.nodeGap : opt.edgeGap);
    for (const list of byLayer) {
        let cx = 0;
        list.forEach((i, k) => {
            if (k > 0) cx += sep(items[list[k - 1]], items[i]);
            items[i].x = cx;
        });
    }
    const place = (list: number[], neighbours: (it: Item) => number[]) => {
        const desired = list.map(i => {
            const ns = neighbours(items[i]);
            if (ns.length === 0) return items[i].x;
            let s = 0;
            for (const v of ns) s += items[v].x;
            return s / ns.length;
        });
        const xs = isotonicPlacement(desired, list.map((i, k) => k === 0 ? 0 : sep(items[list[k - 1]], items[i])));
        list.forEach((i, k) => { items[i].x = xs[k]; });
    };
    for (let s = 0; s < opt.sweeps; s++) {
        for (let L = 1; L < layerCount; L++) place(byLayer[L], it => it.ups);
        for (let L = layerCount - 2; L >= 0; L--) place(byLayer[L], it => it.downs);
    }
    for (let L = 1; L < layerCount; L++) place(byLayer[L], it => it.ups.concat(it.downs));

    // 6. vertical positions
    const layerHeight = new Array<number>(layerCount).fill(0);
    for (let i = 0; i < m; i++) layerHeight[layer[i]] = Math.max(layerHeight[layer[i]], nodes[members[i]].height);
    const layerTop = new Array<number>(layerCount).fill(0);
    for (let L = 1; L < layerCount; L++) layerTop[L] = layerTop[L - 1] + layerHeight[L - 1] + opt.layerGap;

    let minX = Infinity, maxX = -Infinity;
    for (const it of items) {
        minX = Math.min(minX, it.x - it.width / 2);
        maxX = Math.max(maxX, it.x + it.width / 2);
    }
    for (let i = 0; i < m; i++) {
        const v = members[i];
        outX[v] = items[i].x - nodes[v].width / 2 - minX;
        outY[v] = layerTop[layer[i]] + (layerHeight[layer[i]] - nodes[v].height) / 2;
    }

    // 7. lanes for the long edges: one trunk per lower node, from its layer up to its highest
    //    conclusion, in lanes to the right of every node (lanes never cross a node)
    const trunkOf = new Map<number, number>(); // lower node → trunk index
    const trunks: { top: number; bottom: number }[] = [];
    for (const e of oriented) {
        if (!isLong(e)) continue;
        let t = trunkOf.get(e.lo);
        if (t === undefined) trunkOf.set(e.lo, t = trunks.push({ top: layer[e.up], bottom: layer[e.lo] }) - 1);
        trunks[t].top = Math.min(trunks[t].top, layer[e.up]);
    }
    const lanes = assignLanes(trunks);
    const laneLeft = maxX + opt.nodeGap;
    const laneX = (t: number) => laneLeft + lanes.lane[t] * opt.edgeGap;
    if (lanes.count > 0) maxX = laneLeft + (lanes.count - 1) * opt.edgeGap;

    // 8. routes, with edge ends spread along the node sides in the order of where they go; the
    //    long edges of one lower node leave it through one shared port
    const topPorts = new Map<number, { id: number; toward: number }[]>();
    const bottomPorts = new Map<number, { id: number; toward: number }[]>();
    const addPort = (ports: typeof topPorts, v: number, id: number, toward: number) =>
        (ports.get(v) ?? ports.set(v, []).get(v)!).push({ id, toward });
    const trunkPort = new Map<number, number>(); // trunk → the edge id whose top port it shares
    for (const e of oriented) {
        if (isLong(e)) {
            const t = trunkOf.get(e.lo)!;
            if (!trunkPort.has(t)) {
                trunkPort.set(t, e.id);
                addPort(topPorts, e.lo, e.id, laneX(t));
            }
            addPort(bottomPorts, e.up, e.id, laneX(t));
            continue;
        }
        const chain = chains.get(e.id)!;
        addPort(topPorts, e.lo, e.id, items[chain[chain.length - 2]].x);
        addPort(bottomPorts, e.up, e.id, items[chain[1]].x);
    }
    const portX = new Map<string, number>();
    const spread = (ports: Map<number, { id: number; toward: number }[]>, side: string) => {
        for (const [v, list] of ports) {
            list.sort((a, b) => a.toward - b.toward || a.id - b.id);
            const w = nodes[members[v]].width * 0.6;
            const left = items[v].x - w / 2;
            list.forEach((p, k) => portX.set(`${side}${p.id}`, list.length === 1 ? items[v].x : left + (w * k) / (list.length - 1)));
        }
    };
    spread(topPorts, 't');
    spread(bottomPorts, 'b');
    for (const e of oriented) {
        const lo = members[e.lo], up = members[e.up];
        const t = isLong(e) ? trunkOf.get(e.lo)! : -1;
        const points: FastPoint[] = [{ x: portX.get(`t${t >= 0 ? trunkPort.get(t)! : e.id}`)! - minX, y: outY[lo] }];
        if (t >= 0) {
            // into the lane in the gap above the lower node, up the lane, out in the gap below the upper node
            const x = laneX(t) - minX;
            points.push({ x, y: layerTop[layer[e.lo]] - opt.layerGap / 2 },
                { x, y: layerTop[layer[e.up]] + layerHeight[layer[e.up]] + opt.layerGap / 2 });
        } else {
            const chain = chains.get(e.id)!;
            for (let k = chain.length - 2; k >= 1; k--) {
                const d = items[chain[k]];
                const L = layer[e.up] + k;
                points.push({ x: d.x - minX, y: layerTop[L] + layerHeight[L] }, { x: d.x - minX, y: layerTop[L] });
            }
        }
        points.push({ x: portX.get(`b${e.id}`)! - minX, y: outY[up] + nodes[up].height });
        // the caller's orientation is lower → upper; a flipped (cycle) edge was routed the other way
        routes[e.id] = e.flipped ? points.reverse() : points;
    }
    return { width: maxX - minX, height: layerTop[layerCount - 1] + layerHeight[layerCount - 1] };
}

/**
 * Positions x[0..n) minimising Σ (x[i] − desired[i])² subject to x[i] − x[i−1] ≥ gap[i]
 * (gap[0] ignored): substitute y[i] = x[i] − Σ gap[1..i], which turns the constraints into
 * y non-decreasing — an isotonic regression, solved exactly by pool-adjacent-violators in O(n).
 */
export function isotonicPlacement(desired: number[], gap: number[]): number[] {
    const n = desired.length;
    const offset = new Array<number>(n);
    let acc = 0;
    for (let i = 0; i < n; i++) { if (i > 0) acc += gap[i]; offset[i] = acc; }
    const blockValue: number[] = [], blockWeight: number[] = [], blockEnd: number[] = [];
    for (let i = 0; i < n; i++) {
        let value = desired[i] - offset[i], weight = 1;
        while (blockValue.length > 0 && blockValue[blockValue.length - 1] > value) {
            const pv = blockValue.pop()!, pw = blockWeight.pop()!;
            blockEnd.pop();
            value = (pv * pw + value * weight) / (pw + weight);
            weight += pw;
        }
        blockValue.push(value);
        blockWeight.push(weight);
        blockEnd.push(i);
    }
    const out = new Array<number>(n);
    let start = 0;
    blockEnd.forEach((end, b) => {
        for (let i = start; i <= end; i++) out[i] = blockValue[b] + offset[i];
        start = end + 1;
    });
    return out;
}
