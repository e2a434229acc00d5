/**
 * Arrow-key moves on the laid-out case study: up and down along real edges, sideways within a
 * layer, Home/End to the ends of the argument, and the map's single tab stop.
 */
import assert from 'node:assert/strict';
import { EdgeNavigator, type Direction } from '../../extension/preview/webview/edge-navigation.js';
import { evidenceEnd, type GraphEdge, type GraphModel } from '../../language/graph/graph-model.js';
import { layoutGraph, type PositionedGraph, type PositionedNode } from '../../language/graph/layout.js';
import { conclusionEnd } from '../../language/graph/model-utils.js';
import { lscbModel } from '../graph/fixtures.js';

const centre = (p: PositionedNode) => p.x + p.width / 2;

describe('edge navigation (arrow keys between nodes)', function () {
    this.timeout(20_000); // ELK lays the case study out in this process
    let layout: PositionedGraph;
    let nav: EdgeNavigator;
    let at: Map<string, PositionedNode>;
    const go = (id: string, direction: Direction, shown?: (id: string) => boolean) => nav.move(id, direction, shown)?.to.node.id;
    /** The nodes one edge away from `id` in that direction, straight from the model. */
    const neighbours = (id: string, way: 'up' | 'down') => new Set(layout.model.edges
        .filter(e => (way === 'up' ? evidenceEnd(e) : conclusionEnd(e)) === id)
        .map(e => way === 'up' ? conclusionEnd(e) : evidenceEnd(e))
        .filter(other => other !== id));

    before(async () => {
        layout = await layoutGraph(lscbModel());
        nav = new EdgeNavigator(layout);
        at = new Map(layout.nodes.map(p => [p.node.id, p]));
    });

    it('walks up a chain of real edges from a datum to the top conclusion, then stops', () => {
        const steps: { id: string; kind?: string }[] = [];
        let id: string | undefined = 'teaRequest';
        while (id) {
            const move = nav.move(id, 'up');
            if (!move) break;
            steps.push({ id: move.to.node.id, kind: move.edge?.kind });
            id = move.to.node.id;
        }
        assert.deepEqual(steps, [
            { id: 'genderPattern', kind: 'observes' },
            { id: 'genderHypothesis', kind: 'interprets' },
            { id: 'lscbFailure', kind: 'supports' }
        ]);
        assert.equal(go('@HomeOffice2013', 'up'), 'policeWomen', 'a source goes up to what cites it');
        assert.equal(go('policeWomen', 'up'), 'policeMaleDominated', 'a stat goes up to the claim that classifies it');
        assert.equal(go('loopB', 'up'), 'loopA', 'cycles are followed like any edge');
    });

    for (const way of ['up', 'down'] as const) {
        it(`${way}: for every node, an edge that way to the horizontally nearest neighbour, or nothing when there is none`, () => {
            for (const p of layout.nodes) {
                const id = p.node.id;
                const expected = neighbours(id, way);
                const move = nav.move(id, way);
                if (expected.size === 0) {
                    assert.equal(move, undefined, `${id} has nothing ${way}`);
                    continue;
                }
                assert.ok(move, `${id} moves ${way}`);
                const to = move.to.node.id;
                assert.ok(expected.has(to), `${id} → ${to} is an edge ${way}`);
                const edge = move.edge as GraphEdge;
                assert.ok(layout.model.edges.includes(edge), 'the edge reported is one of the model');
                assert.deepEqual(way === 'up' ? [evidenceEnd(edge), conclusionEnd(edge)] : [conclusionEnd(edge), evidenceEnd(edge)], [id, to]);
                const distance = Math.abs(centre(move.to) - centre(p));
                for (const other of expected) assert.ok(Math.abs(centre(at.get(other)!) - centre(p)) >= distance, `${other} is not nearer than ${to}`);
            }
        });
    }

    it('down from the contested hypothesis reaches its supporters, its interpreting pattern and its opposer only through edges', () => {
        const below = neighbours('genderHypothesis', 'down');
        assert.ok(below.has('protocolExplanation') && below.has('genderPattern') && below.has('informalTalk'));
        const first = go('genderHypothesis', 'down')!;
        assert.ok(below.has(first));
        // hidden nodes are skipped: the next nearest edge takes over, never a node that is not an edge away
        const hidden = new Set([first]);
        const second = go('genderHypothesis', 'down', id => !hidden.has(id))!;
        assert.ok(below.has(second) && second !== first);
        assert.equal(go('genderHypothesis', 'down', id => !below.has(id)), undefined);
    });

    for (const side of ['left', 'right'] as const) {
        it(`${side}: the nearest node of the same layer that side, else an edge neighbour that side`, () => {
            const beyond = (p: PositionedNode, from: PositionedNode) => side === 'left' ? centre(p) < centre(from) : centre(p) > centre(from);
            const sameLayer = (a: PositionedNode, b: PositionedNode) => a.y < b.y + b.height && b.y < a.y + a.height;
            let withinLayer = 0;
            for (const p of layout.nodes) {
                const row = layout.nodes.filter(q => q !== p && sameLayer(q, p) && beyond(q, p));
                const move = nav.move(p.node.id, side);
                if (row.length > 0) {
                    withinLayer++;
                    assert.ok(move && row.includes(move.to), `${p.node.id} ${side} stays in its layer`);
                    assert.equal(move.edge, undefined);
                    for (const q of row) assert.ok(Math.abs(centre(q) - centre(p)) >= Math.abs(centre(move.to) - centre(p)), `${q.node.id} is not nearer`);
                    continue;
                }
                const linked = new Set([...neighbours(p.node.id, 'up'), ...neighbours(p.node.id, 'down')].filter(id => beyond(at.get(id)!, p)));
                if (linked.size === 0) assert.equal(move, undefined, `${p.node.id}: nothing ${side}`);
                else assert.ok(move && linked.has(move.to.node.id) && move.edge, `${p.node.id} ${side} follows an edge`);
            }
            assert.ok(withinLayer >= 5, 'the case study has several nodes per layer');
        });
    }

    it('Home goes to the top conclusion a node leads to, End to the evidence at the bottom', () => {
        assert.equal(go('teaRequest', 'home'), 'lscbFailure');
        assert.equal(go('lscbFailure', 'home'), undefined, 'already at the top');
        assert.equal(go('loopB', 'home'), 'cultureClaim', 'a cycle does not trap Home');
        const end = go('lscbFailure', 'end')!;
        assert.equal(neighbours(end, 'down').size, 0, `${end} rests on nothing`);
        assert.equal(go('@Hall2005', 'end'), undefined, 'a source is already at the bottom');
    });

    it('the tab stop is the selection when drawn, else the highest top conclusion', () => {
        assert.equal(nav.entry('teaRequest')?.node.id, 'teaRequest');
        assert.equal(nav.entry('noSuchNode')?.node.id, 'lscbFailure');
        assert.equal(nav.entry(null)?.node.id, 'lscbFailure');
        const shown = (id: string) => id !== 'lscbFailure';
        const entry = nav.entry(null, shown)!;
        assert.equal(nav.move(entry.node.id, 'up', shown), undefined, 'nothing shown above the entry');
        const tops = layout.nodes.filter(p => shown(p.node.id) && nav.move(p.node.id, 'up', shown) === undefined);
        assert.ok(tops.every(p => p.y >= entry.y), 'and it is the highest of those');
    });

    it('breaks ties by model order, whatever the order of the edges', () => {
        const box = (id: string, x: number, y: number) => ({ node: { id, kind: 'claim' as const, label: id, status: 'grounded' as const }, x, y, width: 100, height: 40, group: '' });
        const model: GraphModel = {
            nodes: [box('top', 100, 0).node, box('b', 0, 100).node, box('a', 200, 100).node],
            edges: [{ from: 'a', to: 'top', kind: 'supports' }, { from: 'b', to: 'top', kind: 'supports' }]
        };
        const graph: PositionedGraph = {
            width: 300, height: 140, overview: false, engine: 'fast', routing: 'polyline', model, groups: [], bundles: [],
            nodes: [box('top', 100, 0), box('b', 0, 100), box('a', 200, 100)],
            edges: model.edges.map(edge => ({ edge, points: [] }))
        };
        assert.equal(new EdgeNavigator(graph).move('top', 'down')?.to.node.id, 'b', 'b comes first in the model, equally near');
        const swapped = { ...graph, model: { ...model, nodes: [model.nodes[0], model.nodes[2], model.nodes[1]] } };
        assert.equal(new EdgeNavigator(swapped).move('top', 'down')?.to.node.id, 'a');
        assert.equal(new EdgeNavigator(graph).move('unknown', 'up'), undefined);
    });
});
