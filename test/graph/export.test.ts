import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { exportAif, toAif } from '../../language/graph/export/aif.js';
import { exportDot } from '../../language/graph/export/dot.js';
import { exportGraphml, GRAPHML_NS } from '../../language/graph/export/graphml.js';
import { exportHtml, inlineScript } from '../../language/graph/export/html.js';
import { exportJson } from '../../language/graph/export/json.js';
import { exportMarkdown } from '../../language/graph/export/markdown.js';
import type { GraphModel } from '../../language/graph/graph-model.js';
import { layoutGraph } from '../../language/graph/layout.js';
import { normalizeModel } from '../../language/graph/model-utils.js';
import { generateModel, hostileModel, lscbModel } from './fixtures.js';
import { assertInert, xmllint } from './helpers.js';

function shuffledModel(m: GraphModel): GraphModel {
    return { nodes: [...m.nodes].reverse(), edges: [...m.edges].reverse() };
}

describe('exporters', function () {
    this.timeout(60_000);

    describe('DOT', () => {
        it('is accepted by Graphviz (dot -Tsvg), for the case study and for hostile labels', () => {
            for (const model of [lscbModel(), hostileModel(), generateModel(150, 3)]) {
                const dot = exportDot(model, { title: 'Map "with" <quotes> \\ and \u202E bidi' });
                const result = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
                assert.equal(result.status, 0, result.stderr);
                assert.equal(result.stderr, '', 'no Graphviz warnings');
                assert.equal(xmllint(result.stdout), '', 'Graphviz produced well-formed SVG');
                assertInert(result.stdout.replace(/&#45;/g, '-'), 'dot → svg');
                assertInert(dot, 'dot', false); // plain quoted text: <script> in a DOT string is just text
            }
        });

        it('draws evidence at the bottom and keeps every node and edge', () => {
            const model = lscbModel();
            const dot = exportDot(model);
            assert.match(dot, /rankdir=BT/);
            for (const n of model.nodes) assert.ok(dot.includes(`"${n.id}" [`), n.id);
            assert.equal((dot.match(/ -> /g) ?? []).length, model.edges.length);
            assert.match(dot, /"@HomeOffice2013" -> "policeWomen" \[[^\]]*dir=back/, 'cites drawn from the source, arrow at the source');
            assert.match(dot, /"protocolExplanation" -> "genderHypothesis" \[[^\]]*arrowhead=tee/);
            assert.match(dot, /"cultureClaim" \[[^\]]*style="dashed/);
        });

        it('keeps backslash sequences literal and quotes everything', () => {
            const dot = exportDot(hostileModel());
            assert.ok(dot.includes('back\\\\slash \\"quoted\\" \\\\N \\\\G'));
            const result = spawnSync('dot', ['-Tplain'], { input: dot, encoding: 'utf8' });
            assert.equal(result.status, 0, result.stderr);
            assert.ok(result.stdout.includes('\\N'), 'the label still shows a literal \\N');
        });
    });

    describe('GraphML', () => {
        it('is well-formed XML in the GraphML namespace with typed keys', async () => {
            const model = lscbModel();
            const xml = exportGraphml(model, { layout: await layoutGraph(model) });
            assert.equal(xmllint(xml), '');
            assert.ok(xml.includes(`<graphml xmlns="${GRAPHML_NS}"`));
            assert.match(xml, /<key id="n_label" for="node" attr.name="label" attr.type="string"\/>/);
            assert.match(xml, /<key id="n_x" for="node" attr.name="x" attr.type="double"\/>/);
            assert.equal((xml.match(/<node /g) ?? []).length, model.nodes.length);
            assert.equal((xml.match(/<edge /g) ?? []).length, model.edges.length);
            // namespace-aware check with XPath
            const count = spawnSync('xmllint', ['--xpath', `count(//*[local-name()="node" and namespace-uri()="${GRAPHML_NS}"])`, '-'], { input: xml, encoding: 'utf8' });
            assert.equal(count.stdout.trim(), String(model.nodes.length));
        });

        it('escapes hostile text and keeps ids referentially intact', () => {
            const model = hostileModel();
            const xml = exportGraphml(model);
            assert.equal(xmllint(xml), '');
            assertInert(xml, 'graphml');
            const ids = new Set([...xml.matchAll(/<node id="([^"]*)"/g)].map(m => m[1]));
            for (const m of xml.matchAll(/<edge id="[^"]*" source="([^"]*)" target="([^"]*)"/g)) {
                assert.ok(ids.has(m[1]) && ids.has(m[2]), `edge ends exist: ${m[1]} → ${m[2]}`);
            }
        });
    });

    describe('AIF', () => {
        it('has the AIFdb shape: I nodes, an RA per inference, a CA per conflict', () => {
            const model = lscbModel();
            const doc = toAif(model);
            assert.deepEqual(Object.keys(doc), ['nodes', 'edges', 'locutions']);
            assert.deepEqual(doc.locutions, []);
            const byId = new Map(doc.nodes.map(n => [n.nodeID, n]));
            assert.equal(byId.size, doc.nodes.length, 'unique node ids');
            for (const n of doc.nodes) {
                assert.ok(/^\d+$/.test(n.nodeID));
                assert.ok(['I', 'RA', 'CA'].includes(n.type));
                assert.equal(typeof n.text, 'string');
                assert.deepEqual(Object.keys(n), ['nodeID', 'text', 'type']);
            }
            assert.equal(doc.nodes.filter(n => n.type === 'I').length, model.nodes.length);
            const opposes = model.edges.filter(e => e.kind === 'opposes').length;
            const classifyingClaims = new Set(model.edges.filter(e => e.kind === 'classifies').map(e => e.from)).size;
            const inferences = model.edges.filter(e => e.kind !== 'opposes' && e.kind !== 'classifies').length + classifyingClaims;
            assert.equal(doc.nodes.filter(n => n.type === 'CA').length, opposes);
            assert.equal(doc.nodes.filter(n => n.type === 'RA').length, inferences);
            for (const e of doc.edges) {
                assert.deepEqual(Object.keys(e), ['edgeID', 'fromID', 'toID', 'formEdgeID']);
                assert.ok(byId.has(e.fromID) && byId.has(e.toID));
                const kinds = [byId.get(e.fromID)!.type, byId.get(e.toID)!.type];
                assert.ok(kinds.includes('I') && kinds.some(k => k !== 'I'), 'edges join I-nodes to scheme nodes');
            }
            for (const s of doc.nodes.filter(n => n.type !== 'I')) {
                assert.equal(doc.edges.filter(e => e.fromID === s.nodeID).length, 1, 'one conclusion');
                assert.ok(doc.edges.filter(e => e.toID === s.nodeID).length >= 1, 'at least one premise');
            }
            // the opposition runs from the opposing claim through a CA into the opposed one
            const id = (text: string) => doc.nodes.find(n => n.type === 'I' && n.text.startsWith(text))!.nodeID;
            const ca = doc.nodes.find(n => n.type === 'CA')!;
            assert.ok(doc.edges.some(e => e.fromID === id('Partnership failure is explained') && e.toID === ca.nodeID));
            assert.ok(doc.edges.some(e => e.fromID === ca.nodeID && e.toID === id('Occupational gender segregation is a barrier')));
            // a stat carries its value, a source its author and year
            assert.ok(doc.nodes.some(n => n.text === 'Women among police officers, England and Wales: 26%'));
            assert.ok(doc.nodes.some(n => n.text.startsWith('Merton, R.K. (1948). The Bearing')));
        });

        it('adds AIFdb timestamps on request, and is inert JSON', () => {
            const json = exportAif(hostileModel(), { timestamp: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) });
            assertInert(json, 'aif');
            assert.ok(!/[<>&]/.test(json));
            const doc = JSON.parse(json);
            assert.ok(doc.nodes.every((n: { timestamp: string }) => n.timestamp === '2024-01-02 03:04:05'));
            assert.ok(doc.nodes.some((n: { text: string }) => n.text === '<script>window.__pwned = true</script>'), 'text survives as data');
        });
    });

    describe('JSON', () => {
        it('is the graph model in canonical order with a fixed key order', () => {
            const model = lscbModel();
            const json = exportJson(model);
            assert.equal(json, exportJson(shuffledModel(model)), 'independent of input order');
            const parsed = JSON.parse(json) as GraphModel;
            assert.deepEqual(parsed, JSON.parse(JSON.stringify(normalizeModel(model), (_k, v) => v)));
            assert.deepEqual(Object.keys(parsed), ['nodes', 'edges']);
            assert.deepEqual(Object.keys(parsed.nodes.find(n => n.id === 'teaRequest')!), ['id', 'kind', 'label', 'status', 'detail', 'uri', 'range']);
            assert.deepEqual(Object.keys(parsed.edges[0]), ['from', 'to', 'kind']);
        });

        it('keeps hostile text exactly, written inertly', () => {
            const model = hostileModel();
            const json = exportJson(model);
            assertInert(json, 'json');
            assert.ok(!/[<>&]/.test(json));
            const parsed = JSON.parse(json) as GraphModel;
            assert.ok(parsed.nodes.some(n => n.label.includes('\u202E')), 'bidi kept as data');
            assert.deepEqual(new Set(parsed.nodes.map(n => n.label)), new Set(normalizeModel(model).nodes.map(n => n.label)));
        });
    });

    describe('Markdown', () => {
        it('lists each claim with status, data (method/respondent/emergent), stats and sources', () => {
            const md = exportMarkdown(lscbModel(), { title: 'LSCB evidence' });
            assert.ok(md.startsWith('# LSCB evidence\n'));
            const row = md.split('\n').find(l => l.startsWith('| **genderHypothesis**'))!;
            assert.ok(row.includes('⊥ contested'));
            assert.ok(row.includes('**teaRequest**') && row.includes('interview · SW1 (social worker, female) · emergent') && row.includes('via pattern genderPattern'));
            assert.ok(row.includes('**policeWomen**') === false, 'stats of supporting claims are listed on those claims');
            assert.ok(row.includes('**@Hall2005**') && row.includes('**@Merton1948**'));
            assert.ok(row.includes('**protocolExplanation**'), 'opposed by');
            const police = md.split('\n').find(l => l.startsWith('| **policeMaleDominated**'))!;
            assert.ok(police.includes('**policeWomen**') && police.includes('26%') && police.includes('classified by **Hakim**'));
            assert.ok(police.includes('**@HomeOffice2013**') && police.includes('(via policeWomen)'));
            assert.match(md, /\| \*\*cultureClaim\*\* Professional cultures reinforce gendered expectations \| ⚠ ungrounded \| — \|/);
            assert.match(md, /## Data/);
            assert.match(md, /## Sources/);
        });

        it('escapes hostile text so no cell breaks and no HTML gets through', () => {
            const md = exportMarkdown(hostileModel());
            assertInert(md, 'markdown', false);
            assert.ok(md.includes('\\<script\\>window'), 'angle brackets backslash-escaped');
            assert.ok(!/(?<!\\)<(?!br>)/.test(md), 'the only unescaped tag is our own <br>');
            assert.ok(md.includes('\\[link\\](javascript:alert(1))'));
            for (const line of md.split('\n').filter(l => l.startsWith('| ') && !l.startsWith('|---'))) {
                const unescapedPipes = (line.match(/(?<!\\)\|/g) ?? []).length;
                assert.ok([5, 8].includes(unescapedPipes), `row keeps its columns (4 or 7): ${line.slice(0, 80)}`);
            }
        });
    });

    describe('HTML', () => {
        it('is a standalone page under a nonce CSP, with the map and the model inert', async () => {
            const html = await exportHtml(hostileModel(), { title: '<Map> "x"', nonce: 'TESTNONCE123', viewerScript: 'console.log("</script><b>bold</b>")' });
            assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; img-src data:; style-src &#39;nonce-TESTNONCE123&#39;; script-src &#39;nonce-TESTNONCE123&#39;; worker-src blob:">/);
            assert.equal((html.match(/<script/g) ?? []).length, 2, 'the JSON island and the viewer, nothing else');
            assert.match(html, /<script nonce="TESTNONCE123">/);
            assert.match(html, /<style nonce="TESTNONCE123">/);
            assert.match(html, /<title>&lt;Map&gt; &quot;x&quot;<\/title>/);
            assertInert(html, 'html');
            const island = /<script type="application\/json" id="warrant-model">([^]*?)<\/script>/.exec(html)![1];
            assert.ok(!island.includes('<'));
            assert.equal((JSON.parse(island) as GraphModel).nodes.length, normalizeModel(hostileModel()).nodes.length);
            assert.ok(!html.includes('console.log("</script>'), 'inlined script cannot close its element');
            assert.equal(inlineScript('a</SCRIPT>b<!--c'), 'a<\\/SCRIPT>b<\\!--c');
        });

        it('without a viewer script is a static picture, and nonces are random', async () => {
            const a = await exportHtml(lscbModel());
            const b = await exportHtml(lscbModel());
            assert.equal((a.match(/<script/g) ?? []).length, 1);
            const nonce = (s: string) => /nonce-([A-Za-z0-9_-]+)/.exec(s)![1];
            assert.notEqual(nonce(a), nonce(b));
            assert.ok(nonce(a).length >= 22);
        });
    });
});
