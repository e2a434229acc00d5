import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { GraphModel, GraphNode } from '../../language/graph/graph-model.js';
import { evidenceEnd } from '../../language/graph/graph-model.js';
import { chooseEngine, DEFAULT_ELK_NODE_LIMIT, layoutGraph, type PositionedGraph } from '../../language/graph/layout.js';
import { layoutDrift, layersOf } from './layout-drift.js';
import { evidenceOrder, normalizeModel, supportTree } from '../../language/graph/model-utils.js';
import { isotonicPlacement, MAX_DUMMY_SPAN } from '../../language/graph/fast-layered.js';
import { generateModel, hostileModel, lscbModel, withOneMoreClaim } from './fixtures.js';

function shuffled<T>(list: T[], seed: number): T[] {
    const out = [...list];
    let s = seed;
    for (let i = out.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) >>> 0;
        const j = s % (i + 1);
        [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
}

function positions(g: PositionedGraph): string {
    return JSON.stringify({ w: g.width, h: g.height, n: g.nodes.map(n => [n.node.id, n.x, n.y, n.width, n.height]), e: g.edges.map(e => e.points) });
}

/** Fraction of edges drawn with the evidence end lower than the other end (cycles excepted). */
function evidenceBelow(g: PositionedGraph): number {
    const byId = new Map(g.nodes.map(n => [n.node.id, n]));
    const edges = g.edges.filter(e => e.edge.from !== e.edge.to && byId.get(e.edge.from)!.node.status !== 'circular');
    const ok = edges.filter(e => {
        const lower = byId.get(evidenceEnd(e.edge))!, upper = byId.get(evidenceEnd(e.edge) === e.edge.from ? e.edge.to : e.edge.from)!;
        return lower.y > upper.y;
    });
    return ok.length / Math.max(1, edges.length);
}

function overlaps(g: PositionedGraph): number {
    let count = 0;
    const nodes = [...g.nodes].sort((a, b) => a.x - b.x);
    for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length && nodes[j].x < nodes[i].x + nodes[i].width; j++) {
            const a = nodes[i], b = nodes[j];
            if (a.y < b.y + b.height && b.y < a.y + a.height) count++;
        }
    }
    return count;
}

/** Claim i supported by claim i + 1 and by datum i mod hubs: hub data support claims thousands of layers apart. */
function chainModel(claims: number, hubs: number): GraphModel {
    const at = (line: number) => ({ uri: 'file:///chain.warrant', range: { start: { line, character: 0 }, end: { line, character: 10 } } });
    const nodes: GraphNode[] = [
        ...Array.from({ length: hubs }, (_, k): GraphNode => ({ id: `d${k}`, kind: 'datum', label: `Datum ${k}`, status: 'grounded', ...at(k) })),
        ...Array.from({ length: claims }, (_, i): GraphNode => ({ id: `c${i}`, kind: 'claim', label: `Claim ${i}`, status: 'grounded', ...at(hubs + i) }))
    ];
    const edges: GraphModel['edges'] = [];
    for (let i = 0; i < claims; i++) {
        if (i + 1 < claims) edges.push({ from: `c${i + 1}`, to: `c${i}`, kind: 'supports' });
        edges.push({ from: `d${i % hubs}`, to: `c${i}`, kind: 'supports' });
    }
    return { nodes, edges };
}

/** Vertical route segments longer than `min` that pass through a node's box. */
function nodesCrossed(g: PositionedGraph, min: number): number {
    const byX = [...g.nodes].sort((a, b) => a.x - b.x);
    let crossed = 0;
    for (const e of g.edges) {
        for (let k = 1; k < e.points.length; k++) {
            const p = e.points[k - 1], q = e.points[k];
            if (p.x !== q.x || Math.abs(q.y - p.y) < min) continue;
            const top = Math.min(p.y, q.y), bottom = Math.max(p.y, q.y);
            for (const n of byX) {
                if (n.x >= p.x) break;
                if (n.x + n.width > p.x && n.y < bottom && n.y + n.height > top) crossed++;
            }
        }
    }
    return crossed;
}

describe('layout', function () {
    this.timeout(120_000);

    it('lays out the case study with ELK: evidence below conclusions, no overlaps, labels wrapped', async () => {
        const g = await layoutGraph(lscbModel());
        assert.equal(g.engine, 'elk');
        assert.equal(g.routing, 'splines');
        assert.equal(g.nodes.length, lscbModel().nodes.length);
        assert.equal(g.edges.length, lscbModel().edges.length);
        assert.equal(evidenceBelow(g), 1);
        assert.equal(overlaps(g), 0);
        const hypothesis = g.nodes.find(n => n.node.id === 'genderHypothesis')!;
        assert.ok(hypothesis.text!.lines.length >= 2, 'long label wrapped');
        const lscb = g.nodes.find(n => n.node.id === 'lscbFailure')!;
        assert.match(layersOf(g).get('lscbFailure')!, /\/0$/, 'the thesis is on top');
        assert.ok(g.nodes.every(n => n.y >= lscb.y));
        const classifies = g.edges.filter(e => e.edge.kind === 'classifies');
        assert.ok(classifies.every(e => e.label), 'classifies edges carry a label');
    });

    it('is deterministic, whatever order the server sends nodes and edges in', async () => {
        for (const model of [lscbModel(), generateModel(60, 5), generateModel(300, 6)]) {
            const a = await layoutGraph(model);
            const b = await layoutGraph(model);
            const c = await layoutGraph({ nodes: shuffled(model.nodes, 7), edges: shuffled(model.edges, 11) });
            assert.equal(positions(a), positions(b));
            assert.equal(positions(a), positions(c));
        }
    });

    for (const [engine, size] of [['elk', 100], ['fast', 400]] as const) {
        it(`is stable (${engine}, ${size} nodes): adding one claim keeps layers and left-to-right order`, async () => {
            for (const seed of [1, 2, 3]) {
                const model = generateModel(size, seed);
                const before = await layoutGraph(model, { engine });
                const after = await layoutGraph(withOneMoreClaim(model), { engine });
                const drift = layoutDrift(before, after);
                assert.equal(drift.common, model.nodes.length);
                // The bound: ≥ 90% of nodes stay in their layer; ≥ 97% of same-layer pairs keep their order.
                assert.ok(drift.sameLayer >= 0.9, `seed ${seed}: only ${drift.sameLayer} kept their layer`);
                assert.ok(drift.orderKept >= 0.97, `seed ${seed}: only ${drift.orderKept} of pairs kept their order`);
            }
        });
    }

    it('adding one claim changes the inside of its own group only: every other file is drawn exactly as before', async () => {
        for (const seed of [1, 2]) {
            const model = generateModel(400, seed);
            const before = await layoutGraph(model), after = await layoutGraph(withOneMoreClaim(model));
            const added = after.nodes.find(n => n.node.id === 'addedClaim')!;
            const inside = (g: PositionedGraph) => {
                const origin = new Map(g.groups.map(group => [group.key, group]));
                const byGroup = new Map<string, Map<string, [number, number]>>();
                for (const n of g.nodes) {
                    const o = origin.get(n.group)!;
                    if (!byGroup.has(n.group)) byGroup.set(n.group, new Map());
                    byGroup.get(n.group)!.set(n.node.id, [n.x - o.x, n.y - o.y]);
                }
                return byGroup;
            };
            const a = inside(before), b = inside(after);
            assert.ok(a.size >= 5, 'several groups');
            for (const [group, members] of a) {
                if (group === added.group) continue;
                const now = b.get(group)!;
                assert.deepEqual([...now.keys()], [...members.keys()], `seed ${seed}: ${group} keeps its members`);
                // positions are rounded to 0.1 px, the group's and the node's each: 0.2 px is "the same place"
                for (const [id, [x, y]] of members) {
                    const [nx, ny] = now.get(id)!;
                    assert.ok(Math.abs(nx - x) <= 0.2 && Math.abs(ny - y) <= 0.2, `seed ${seed}: ${id} moved inside ${group}: ${x},${y} → ${nx},${ny}`);
                }
            }
        }
    });

    it('fast engine: evidence below conclusions and no overlaps on generated maps', async () => {
        for (const seed of [1, 2]) {
            const g = await layoutGraph(generateModel(500, seed));
            assert.equal(g.engine, 'fast');
            assert.equal(g.routing, 'polyline');
            assert.ok(evidenceBelow(g) > 0.97, `evidence below: ${evidenceBelow(g)}`);
            assert.equal(overlaps(g), 0);
            for (const e of g.edges) assert.ok(e.points.length >= 2 && e.points.every(p => Number.isFinite(p.x) && Number.isFinite(p.y)));
        }
    });

    it('deep chains with hub data: long edges run in lanes beside the nodes, routes stay short', async () => {
        for (const [claims, hubs] of [[400, 8], [3000, 30]]) {
            const g = await layoutGraph(chainModel(claims, hubs));
            assert.equal(g.engine, 'fast');
            assert.equal(g.nodes.length, claims + hubs);
            assert.equal(evidenceBelow(g), 1);
            assert.equal(overlaps(g), 0);
            // a dummy per layer would give an edge from the bottom hub to the top claim ~2 × claims points
            const longest = Math.max(...g.edges.map(e => e.points.length));
            assert.ok(longest <= 2 * MAX_DUMMY_SPAN + 2, `a route of ${longest} points`);
            const lanes = g.edges.filter(e => e.points.length === 4 && e.points[1].x === e.points[2].x && Math.abs(e.points[2].y - e.points[1].y) > g.height / 2);
            assert.ok(lanes.length >= hubs, 'the hubs reach their far claims through lanes');
            assert.equal(nodesCrossed(g, 1), 0, 'no straight stretch of a route passes through a node');
        }
    });

    it('is stable on a deep chain: adding one claim keeps layers and left-to-right order', async () => {
        const model = chainModel(400, 8);
        const drift = layoutDrift(await layoutGraph(model), await layoutGraph(withOneMoreClaim(model)));
        assert.equal(drift.common, model.nodes.length);
        assert.ok(drift.sameLayer >= 0.9, `only ${drift.sameLayer} kept their layer`);
        assert.ok(drift.orderKept >= 0.97, `only ${drift.orderKept} of pairs kept their order`);
    });

    it('chooses ELK for small maps, the fast engine above the limit and the overview above 1,000 nodes', async () => {
        assert.equal(chooseEngine(DEFAULT_ELK_NODE_LIMIT), 'elk');
        assert.equal(chooseEngine(DEFAULT_ELK_NODE_LIMIT + 1), 'fast');
        assert.equal(chooseEngine(10, { engine: 'fast' }), 'fast');
        const big = await layoutGraph(generateModel(1200, 3));
        assert.ok(big.overview);
        assert.ok(big.nodes.every(n => n.text === undefined && n.width < 60));
        const forced = await layoutGraph(lscbModel(), { overview: true });
        assert.ok(forced.overview && forced.nodes.every(n => n.text === undefined));
    });

    // Its time is a budget of `npm run bench` (graph rows), not an assertion here.
    it('lays out 2,000 nodes, every one at a finite position', async () => {
        const g = await layoutGraph(generateModel(2000, 4));
        assert.equal(g.nodes.length, 2000);
        assert.ok(g.nodes.every(n => Number.isFinite(n.x) && Number.isFinite(n.y) && n.width > 0 && n.height > 0));
    });

    it('survives inconsistent input: duplicate ids, dangling edges, self loops, unknown kinds, empty models', async () => {
        const empty = await layoutGraph({ nodes: [], edges: [] });
        assert.equal(empty.nodes.length, 0);
        const odd: GraphModel = {
            nodes: [
                { id: 'a', kind: 'claim', label: 'A', status: 'grounded' },
                { id: 'a', kind: 'datum', label: 'duplicate', status: 'grounded' },
                { id: 'b', kind: 'mystery' as GraphNode['kind'], label: 'B', status: 'weird' as GraphNode['status'] },
                { id: 'c', kind: 'claim', label: '', status: 'circular' }
            ],
            edges: [
                { from: 'a', to: 'a', kind: 'supports' },
                { from: 'b', to: 'a', kind: 'supports' },
                { from: 'b', to: 'a', kind: 'supports' },
                { from: 'ghost', to: 'a', kind: 'supports' },
                { from: 'c', to: 'a', kind: 'teleports' as GraphModel['edges'][number]['kind'] }
            ]
        };
        for (const engine of ['elk', 'fast'] as const) {
            const g = await layoutGraph(odd, { engine });
            assert.deepEqual(g.nodes.map(n => n.node.id).sort(), ['a', 'b', 'c']);
            assert.equal(g.edges.length, 2, 'self loop kept, duplicate and dangling edges dropped');
            assert.ok(g.edges.every(e => e.points.length >= 2));
        }
        await layoutGraph(hostileModel());
    });

    it('never throws and stays deterministic on random graphs (property)', async () => {
        const kinds = ['claim', 'pattern', 'datum', 'stat', 'source', 'scheme'] as const;
        const edgeKinds = ['supports', 'opposes', 'cites', 'observes', 'interprets', 'classifies'] as const;
        await fc.assert(fc.asyncProperty(
            fc.integer({ min: 0, max: 25 }).chain(n => fc.tuple(
                fc.array(fc.tuple(fc.constantFrom(...kinds), fc.string({ maxLength: 30 })), { minLength: n, maxLength: n }),
                fc.array(fc.tuple(fc.nat(30), fc.nat(30), fc.constantFrom(...edgeKinds)), { maxLength: 50 }))),
            fc.constantFrom('elk' as const, 'fast' as const),
            async ([nodes, edges], engine) => {
                const model: GraphModel = {
                    nodes: nodes.map(([kind, label], i) => ({ id: `n${i}`, kind, label, status: 'grounded' })),
                    edges: edges.map(([a, b, kind]) => ({ from: `n${a}`, to: `n${b}`, kind }))
                };
                const a = await layoutGraph(model, { engine });
                const b = await layoutGraph(model, { engine });
                assert.equal(positions(a), positions(b));
                assert.ok(a.nodes.every(n => Number.isFinite(n.x) && Number.isFinite(n.y)));
            }), { numRuns: 40 });
    });
});

describe('graph model helpers', () => {
    it('orders nodes canonically (document order, then kind and id) and drops bad edges', () => {
        const m = normalizeModel(lscbModel());
        const declared = m.nodes.filter(n => n.uri);
        for (let i = 1; i < declared.length; i++) {
            const a = declared[i - 1], b = declared[i];
            assert.ok(a.uri! < b.uri! || (a.uri === b.uri && a.range!.start.line <= b.range!.start.line));
        }
        assert.ok(m.nodes.slice(declared.length).every(n => !n.uri));
    });

    it('evidence order lists every node once, each under its deepest conclusion', () => {
        const m = normalizeModel(lscbModel());
        const order = evidenceOrder(m);
        assert.deepEqual([...order].sort((a, b) => a - b), m.nodes.map((_, i) => i));
        const pos = new Map(order.map((v, i) => [m.nodes[v].id, i]));
        assert.ok(pos.get('lscbFailure')! < pos.get('genderHypothesis')!);
        assert.ok(pos.get('protocolExplanation')! < pos.get('protocolDisagreement')!, 'a datum goes under the claim right above it');
    });

    it('support tree follows evidence ends transitively', () => {
        const tree = supportTree(lscbModel(), 'genderHypothesis');
        for (const id of ['genderHypothesis', 'genderPattern', 'teaRequest', '@Merton1948', 'policeWomen', '@HomeOffice2013', 'Hakim', '@Hakim1993', 'protocolExplanation', 'protocolDisagreement', '@Hall2005']) {
            assert.ok(tree.has(id), id);
        }
        for (const id of ['lscbFailure', 'loopA', 'cultureClaim']) assert.ok(!tree.has(id), id);
        assert.equal(supportTree(lscbModel(), 'nope').size, 0);
    });

    it('isotonic placement keeps order and gaps and is least-squares optimal', () => {
        const xs = isotonicPlacement([10, 0, 5, 100], [0, 10, 10, 10]);
        for (let i = 1; i < xs.length; i++) assert.ok(xs[i] - xs[i - 1] >= 10 - 1e-9);
        assert.deepEqual(xs.map(x => Math.round(x * 1000) / 1000), [-5, 5, 15, 100]);
    });
});
