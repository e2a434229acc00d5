import assert from 'node:assert/strict';
import { layoutGraph } from '../../language/graph/layout.js';
import { GRAPH_STYLESHEET, renderLegendTree, renderSvg, renderSvgTree } from '../../language/graph/render-svg.js';
import { serializeSvg } from '../../language/graph/svg-tree.js';
import { generateModel, hostileModel, HOSTILE, lscbModel } from './fixtures.js';
import { assertInert, xmllint } from './helpers.js';

describe('SVG renderer', function () {
    this.timeout(60_000);

    it('draws every node and edge, with data-id, kind and status classes', async () => {
        const model = lscbModel();
        const svg = renderSvg(await layoutGraph(model), { embedStyle: true });
        assert.equal(xmllint(svg), '');
        assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
        assert.equal((svg.match(/<g class="w-node /g) ?? []).length, model.nodes.length);
        assert.equal((svg.match(/<g class="w-edge /g) ?? []).length, model.edges.length);
        for (const n of model.nodes) assert.ok(svg.includes(`data-id="${n.id}"`), n.id);
        assert.match(svg, /class="w-node w-kind-claim w-status-contested"/);
        assert.match(svg, /class="w-node w-kind-claim w-status-ungrounded"/);
        assert.match(svg, /class="w-node w-kind-claim w-status-circular"/);
        for (const kind of ['supports', 'opposes', 'cites', 'observes', 'interprets', 'classifies']) {
            assert.match(svg, new RegExp(`class="w-edge w-edge-${kind}( w-edge-between)?"`));
            assert.match(svg, new RegExp(`marker-end="url\\(#w-${kind}\\)"`));
        }
        assert.match(svg, /<style>/);
        assert.ok(svg.includes('prefers-color-scheme: dark'));
    });

    it('tells statuses apart without colour: dash pattern and badge', async () => {
        const svg = renderSvg(await layoutGraph(lscbModel()));
        assert.match(svg, /w-status-ungrounded[^]*?stroke-dasharray="6 4"/);
        assert.match(svg, /w-status-circular[^]*?stroke-dasharray="10 3 2 3"/);
        assert.equal((svg.match(/class="w-badge w-badge-ungrounded"/g) ?? []).length, 1);
        assert.equal((svg.match(/class="w-badge w-badge-contested"/g) ?? []).length, 1);
        assert.equal((svg.match(/class="w-badge w-badge-circular"/g) ?? []).length, 2);
    });

    it('never writes inline style attributes or event handlers (strict CSP)', async () => {
        const svg = renderSvg(await layoutGraph(hostileModel()), { embedStyle: false, interactive: true });
        assert.ok(!/\sstyle="/.test(svg));
        assert.ok(!/\son[a-z]+="/i.test(svg.replace(/onerror=&quot;/g, '')));
        assert.ok(!/<script/i.test(svg));
        assert.ok(!/<foreignObject/i.test(svg));
    });

    it('escapes hostile ids, labels and details; bidi controls removed from text, visible in tooltips', async () => {
        const svg = renderSvg(await layoutGraph(hostileModel()));
        assert.equal(xmllint(svg), '');
        assertInert(svg, 'svg');
        assert.ok(svg.includes('&lt;script&gt;window.__pwned = true&lt;/script&gt;'));
        assert.ok(svg.includes('&lt;img src=x onerror=&quot;window.__pwned=true&quot;&gt;'));
        assert.ok(svg.includes('⟨U+202E⟩'), 'tooltip shows the bidi control');
        assert.ok(svg.includes('contains invisible or bidirectional control characters'));
        // the quote-laden id survives as an escaped attribute that parses back to the original
        assert.ok(svg.includes(`data-id="quotes&quot;&lt;x&gt;&#39;&amp;He said &quot;sto"`));
    });

    it('draws the overview without labels above 1,000 nodes', async () => {
        const g = await layoutGraph(generateModel(1100, 2));
        const svg = renderSvg(g);
        assert.ok(g.overview);
        assert.match(svg, /class="warrant-map w-overview"/);
        assert.ok(!svg.includes('class="w-label"'));
        assert.equal((svg.match(/<g class="w-node /g) ?? []).length, 1100);
        assert.equal(xmllint(svg), '');
    });

    it('serialises trees safely and refuses handler attributes', () => {
        assert.throws(() => serializeSvg({ tag: 'g', attrs: { onclick: 'x' } }));
        assert.throws(() => serializeSvg({ tag: 'g><script', attrs: {} }));
        assert.equal(serializeSvg({ tag: 'text', attrs: { 'data-x': '"<>' }, children: [HOSTILE.script] }),
            '<text data-x="&quot;&lt;&gt;">&lt;script&gt;window.__pwned = true&lt;/script&gt;</text>');
    });

    it('renders a legend with the same classes, and a standalone stylesheet', async () => {
        const legend = serializeSvg(renderLegendTree());
        assert.equal(xmllint(legend), '');
        assert.match(legend, /w-kind-pattern/);
        assert.match(legend, /w-badge-circular/);
        assert.ok(GRAPH_STYLESHEET.includes('--vscode-editor-background'));
        assert.ok(GRAPH_STYLESHEET.includes('.vscode-high-contrast'));
        const tree = renderSvgTree(await layoutGraph(lscbModel()), { titles: false });
        assert.ok(!JSON.stringify(tree).includes('"tag":"title","attrs":{},"children":["claim'), 'no node titles when disabled');
    });
});
