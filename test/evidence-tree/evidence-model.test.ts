// The evidence tree's reading of the graph model: claims first by conclusion, what each rests
// on, counts and grounding paths, cycles walked once.
import assert from 'node:assert/strict';
import { EvidenceModel } from '../../extension/evidence-tree/evidence-model.js';
import type { GraphEdge, GraphModel, GraphNode } from '../../language/graph/graph-model.js';
import type { NodeKind, NodeStatus } from '../../language/analysis/vocabulary.js';

const node = (id: string, kind: NodeKind, status: NodeStatus = 'grounded'): GraphNode => ({ id, kind, status, label: id });

function model(nodes: GraphNode[], edges: GraphEdge[]): EvidenceModel {
    return new EvidenceModel({ nodes, edges } satisfies GraphModel);
}

describe('evidence tree model', () => {
    const argument = model([
        node('base', 'claim'), node('top', 'claim'), node('rival', 'claim', 'ungrounded'),
        node('q1', 'datum'), node('q2', 'datum'), node('share', 'stat'), node('@Key', 'source'), node('@Missing', 'source', 'ungrounded')
    ], [
        { from: 'q1', to: 'base', kind: 'supports' },
        { from: 'base', to: '@Key', kind: 'cites' },
        { from: 'base', to: 'top', kind: 'supports' },
        { from: 'q2', to: 'top', kind: 'supports' },
        { from: 'top', to: 'share', kind: 'classifies' },
        { from: 'rival', to: 'top', kind: 'opposes' },
        { from: 'rival', to: '@Missing', kind: 'cites' }
    ]);

    it('lists conclusions (claims nothing rests on) first, then the others, each in declaration order (an opposer is no conclusion)', () => {
        assert.deepEqual(argument.claims().map(c => c.id), ['top', 'base', 'rival']);
        assert.equal(argument.isConclusion('top'), true);
        assert.equal(argument.isConclusion('base'), false);
    });

    it('gives what a node rests on with the link, evidence below whatever the edge direction', () => {
        assert.deepEqual(argument.reliances('top'), [
            { id: 'base', via: 'supports' }, { id: 'q2', via: 'supports' }, { id: 'share', via: 'classifies' }, { id: 'rival', via: 'opposes' }
        ]);
        assert.deepEqual(argument.reliances('base'), [{ id: 'q1', via: 'supports' }, { id: '@Key', via: 'cites' }]);
        assert.deepEqual(argument.reliances('q1'), []);
    });

    it('counts the evidence a claim rests on, transitively, not its opposers\' evidence', () => {
        assert.equal(argument.summary('top'), 'grounded · 2 data · 1 stat · 1 source');
        assert.equal(argument.summary('base'), 'grounded · 1 datum · 1 source');
        assert.equal(argument.summary('rival'), 'ungrounded · 1 source');
        assert.equal(argument.summary('q1'), 'grounded');
    });

    it('finds the shortest grounding path, and none through unresolved sources or opposers', () => {
        assert.deepEqual(argument.groundingPath('top'), ['top', 'q2']);
        assert.deepEqual(argument.groundingPath('base'), ['base', 'q1']);
        assert.equal(argument.groundingPath('rival'), undefined);
    });

    it('places a node under the nearest claim, along the shortest chain of links', () => {
        assert.deepEqual(argument.placeOf('top'), { claim: 'top', steps: [] });
        assert.deepEqual(argument.placeOf('q1'), { claim: 'base', steps: [{ id: 'q1', via: 'supports' }] });
        assert.deepEqual(argument.placeOf('share'), { claim: 'top', steps: [{ id: 'share', via: 'classifies' }] });
        const deep = model([node('c', 'claim'), node('p', 'pattern'), node('d', 'datum'), node('lonely', 'datum')], [
            { from: 'p', to: 'c', kind: 'interprets' }, { from: 'p', to: 'd', kind: 'observes' }
        ]);
        assert.deepEqual(deep.placeOf('d'), { claim: 'c', steps: [{ id: 'p', via: 'interprets' }, { id: 'd', via: 'observes' }] });
        assert.equal(deep.placeOf('lonely'), undefined);
    });

    it('walks a support cycle once', () => {
        const cycle = model([node('a', 'claim', 'circular'), node('b', 'claim', 'circular')], [
            { from: 'a', to: 'b', kind: 'supports' }, { from: 'b', to: 'a', kind: 'supports' }
        ]);
        assert.equal(cycle.summary('a'), 'circular');
        assert.equal(cycle.groundingPath('a'), undefined);
        assert.deepEqual(cycle.claims().map(c => c.id), ['a', 'b']);
    });

    it('ignores edges to nodes the model does not have', () => {
        const dangling = model([node('a', 'claim')], [{ from: 'ghost', to: 'a', kind: 'supports' }]);
        assert.deepEqual(dangling.reliances('a'), []);
        assert.equal(dangling.isConclusion('a'), true);
    });
});
