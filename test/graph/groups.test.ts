import assert from 'node:assert/strict';
import type { GraphModel, GraphNode } from '../../language/graph/graph-model.js';
import { groupNodes, groupSummary } from '../../language/graph/groups.js';
import { layoutGraph } from '../../language/graph/layout.js';
import { normalizeModel } from '../../language/graph/model-utils.js';
import { renderSvg } from '../../language/graph/render-svg.js';
import { lscbModel } from './fixtures.js';

const node = (id: string, uri: string | undefined, section?: string, extra: Partial<GraphNode> = {}): GraphNode =>
    ({ id, kind: 'claim', label: id, status: 'grounded', ...(uri ? { uri, range: { start: { line: Number(id.replace(/\D/g, '') || 0), character: 0 }, end: { line: 0, character: 1 } } } : {}), ...(section ? { section } : {}), ...extra });

describe('map groups (files and sections)', () => {
    it('groups by file and section, names files below their common folder, and keeps cited-only sources apart', () => {
        const model = normalizeModel({
            nodes: [
                node('c1', 'file:///w/paper/argument.warrant', 'Findings'),
                node('c2', 'file:///w/paper/argument.warrant', 'Findings', { status: 'ungrounded' }),
                node('c3', 'file:///w/paper/argument.warrant', 'Discussion'),
                node('c4', 'file:///w/paper/argument.warrant'),
                node('d5', 'file:///w/paper/data/annex%20one.warrant', undefined, { kind: 'datum' }),
                node('@Missing', undefined, undefined, { kind: 'source', status: 'ungrounded' })
            ],
            edges: []
        } as GraphModel);
        const groups = groupNodes(model);
        assert.deepEqual(groups.map(g => g.title), [
            'argument.warrant', 'argument.warrant § Discussion', 'argument.warrant § Findings', 'data/annex one.warrant', 'cited, in no bibliography or file'
        ].sort((a, b) => groups.findIndex(g => g.title === a) - groups.findIndex(g => g.title === b)));
        const findings = groups.find(g => g.section === 'Findings')!;
        assert.equal(findings.members.length, 2);
        assert.equal(groupSummary(findings), '2 claims · 1 ungrounded');
        assert.equal(groupSummary(groups.find(g => g.file.startsWith('data/'))!), '1 datum');
        assert.equal(new Set(groups.map(g => g.key)).size, groups.length, 'keys are distinct');
    });

    it('hides invisible characters of section titles and escapes them in the SVG', async () => {
        const model: GraphModel = {
            nodes: [node('c1', 'file:///w/a.warrant', '<script>x</script>\u202Eevil'), node('c2', 'file:///w/b.warrant')],
            edges: [{ from: 'c2', to: 'c1', kind: 'supports' }]
        };
        const layout = await layoutGraph(model);
        assert.equal(layout.groups.length, 2);
        assert.ok(!layout.groups[0].title.includes('\u202E'));
        const svg = renderSvg(layout);
        assert.ok(!svg.includes('<script>'));
        assert.match(svg, /&lt;script&gt;x&lt;\/script&gt;/);
    });

    it('lays out groups as boxes that hold their members and do not overlap, with the edges between them bundled', async () => {
        const layout = await layoutGraph(lscbModel());
        const framed = layout.groups.filter(g => g.framed);
        assert.equal(framed.length, layout.groups.length);
        assert.ok(framed.length >= 2);
        for (const n of layout.nodes) {
            const g = framed.find(group => group.key === n.group)!;
            assert.ok(n.x >= g.x && n.y >= g.y && n.x + n.width <= g.x + g.width && n.y + n.height <= g.y + g.height, `${n.node.id} inside its group`);
        }
        for (let i = 0; i < framed.length; i++) for (let j = i + 1; j < framed.length; j++) {
            const a = framed[i], b = framed[j];
            assert.ok(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y, `${a.title} and ${b.title} apart`);
        }
        const between = layout.edges.filter(e => e.between);
        assert.ok(between.length > 0);
        assert.equal(layout.bundles.reduce((sum, b) => sum + b.count, 0), between.length, 'every edge between groups is in one bundle');
        for (const e of between) {
            const bundle = layout.bundles.find(b => b.points.every(p => e.points.some(q => q.x === p.x && q.y === p.y)));
            assert.ok(bundle, `${e.edge.from} → ${e.edge.to} runs along a bundle`);
        }
    });

    it('a map of one file and no sections is one group without a frame', async () => {
        const model: GraphModel = { nodes: [node('c1', 'file:///w/a.warrant'), node('c2', 'file:///w/a.warrant')], edges: [{ from: 'c2', to: 'c1', kind: 'supports' }] };
        const layout = await layoutGraph(model);
        assert.equal(layout.groups.length, 1);
        assert.equal(layout.groups[0].framed, false);
        assert.doesNotMatch(renderSvg(layout), /w-group-box/);
    });
});
