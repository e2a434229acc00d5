/**
 * Layer assignment shared by the evidence order and the fast layout: conclusions on top
 * (layer 0), evidence below, in linear time.
 */

/** An edge drawn from `lower` (evidence) to `upper` (conclusion); indices into the node list. */
export interface LayeringEdge { lower: number; upper: number }

export interface Layering {
    /** Layer of each node, 0 = top. */
    layer: Int32Array;
    /** Per edge: 1 when the edge was turned around to break a support cycle. */
    flipped: Uint8Array;
    /** Per edge, its ends after flipping: `up` is drawn above `lo` (equal for a self loop). */
    oriented: Array<{ up: number; lo: number }>;
    /** Number of layers. */
    count: number;
}

/**
 * 1. Cycle breaking: depth-first from the top, starting nodes in index order (callers pass
 *    canonically ordered nodes); an edge back into the DFS stack is flipped.
 * 2. Longest path from the top: every node sits one layer below its lowest conclusion.
 * 3. Balancing: a node with more edges going down than up moves down as far as its evidence
 *    allows (fewer long edges, as network-simplex layering would do).
 * Self loops are ignored.
 */
export function topDownLayering(count: number, edges: readonly LayeringEdge[]): Layering {
    const down: number[][] = Array.from({ length: count }, () => []);
    const downEdge: number[][] = Array.from({ length: count }, () => []);
    edges.forEach((e, i) => {
        if (e.lower === e.upper) return;
        down[e.upper].push(e.lower);
        downEdge[e.upper].push(i);
    });
    const flipped = new Uint8Array(edges.length);
    const state = new Uint8Array(count); // 0 new, 1 on the DFS stack, 2 done
    const hasUpper = new Uint8Array(count);
    for (const e of edges) if (e.lower !== e.upper) hasUpper[e.lower] = 1;
    const dfs = (s: number) => {
        const stack: [number, number][] = [[s, 0]];
        state[s] = 1;
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            const [v, k] = top;
            if (k < down[v].length) {
                top[1]++;
                const w = down[v][k];
                if (state[w] === 1) flipped[downEdge[v][k]] = 1;
                else if (state[w] === 0) { state[w] = 1; stack.push([w, 0]); }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    };
    // start from real tops first, so a cycle hanging below a claim is broken at its far end
    for (let s = 0; s < count; s++) if (!hasUpper[s] && state[s] === 0) dfs(s);
    for (let s = 0; s < count; s++) if (state[s] === 0) dfs(s);

    const oriented = edges.map((e, i) => flipped[i] ? { up: e.lower, lo: e.upper } : { up: e.upper, lo: e.lower });
    const outs: number[][] = Array.from({ length: count }, () => []);
    const ins: number[][] = Array.from({ length: count }, () => []);
    const indeg = new Int32Array(count);
    oriented.forEach(({ up, lo }) => {
        if (up === lo) return;
        outs[up].push(lo);
        ins[lo].push(up);
        indeg[lo]++;
    });
    const layer = new Int32Array(count);
    const queue: number[] = [];
    for (let i = 0; i < count; i++) if (indeg[i] === 0) queue.push(i);
    for (let q = 0; q < queue.length; q++) {
        const v = queue[q];
        for (const w of outs[v]) {
            if (layer[v] + 1 > layer[w]) layer[w] = layer[v] + 1;
            if (--indeg[w] === 0) queue.push(w);
        }
    }
    for (let pass = 0; pass < 2; pass++) {
        for (let q = queue.length - 1; q >= 0; q--) {
            const v = queue[q];
            if (outs[v].length === 0 || outs[v].length <= ins[v].length) continue;
            let limit = Infinity;
            for (const w of outs[v]) limit = Math.min(limit, layer[w] - 1);
            if (limit > layer[v]) layer[v] = limit;
        }
    }
    let layers = 0;
    for (let i = 0; i < count; i++) layers = Math.max(layers, layer[i] + 1);
    return { layer, flipped, oriented, count: layers };
}
