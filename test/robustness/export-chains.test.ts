import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { buildGraphModel } from '../../language/analysis/graph-model-builder.js';
import { exportAif } from '../../language/graph/export/aif.js';
import { exportDot } from '../../language/graph/export/dot.js';
import { exportGraphml } from '../../language/graph/export/graphml.js';
import { exportHtml } from '../../language/graph/export/html.js';
import { exportJson } from '../../language/graph/export/json.js';
import { exportMarkdown } from '../../language/graph/export/markdown.js';
import { MAX_DUMMY_SPAN } from '../../language/graph/fast-layered.js';
import { layoutGraph } from '../../language/graph/layout.js';
import { renderSvg } from '../../language/graph/render-svg.js';
import { supportChainText, type SupportChainShape } from '../helpers/support-chain.js';
import { workspaceOf } from '../helpers/workspace.js';
import { xmllint } from '../graph/helpers.js';
import { fuzzSettings } from './arbitraries.js';
import { assertNoCrashOutput, removeWorkspace, runCli, tempWorkspace } from './helpers.js';

/** Node groups of a rendered map, counted by parsing it. */
function countNodes(svg: string): number {
    const xpath = 'count(//*[local-name()="g"][@data-id][contains(concat(" ", @class, " "), " w-node ")])';
    const result = spawnSync('xmllint', ['--nonet', '--xpath', xpath, '-'], { input: svg, encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(result.status, 0, result.stderr);
    return Number(result.stdout.trim());
}

describe('picture exports of deep support chains', function () {
    this.timeout(300_000);

    it('exports a 5,000-claim chain with 50 hub data as SVG and HTML within a 1 GB heap', async () => {
        const shape: SupportChainShape = { claims: 5000, hubs: 50 };
        const dir = tempWorkspace({ 'chain.warrant': supportChainText(shape) }, 'warrant-chain-');
        try {
            const [svgRun, htmlRun] = await Promise.all(['svg', 'html'].map(format =>
                // the old layout needed over 4 GB for this chain and died
                runCli(['export', 'chain.warrant', '--format', format, '--out', `chain.${format}`], dir, 120_000, ['--max-old-space-size=1024'])));
            for (const [format, run] of [['svg', svgRun], ['html', htmlRun]] as const) {
                assert.equal(run.status, 0, `${format}: exit ${run.status} (${run.signal ?? 'no signal'})\n${run.stderr.slice(-2000)}`);
                assertNoCrashOutput(run, format);
            }
            const svg = readFileSync(path.join(dir, 'chain.svg'), 'utf8');
            assert.equal(xmllint(svg), '');
            assert.equal(countNodes(svg), shape.claims + shape.hubs);
            assert.equal((svg.match(/<g class="w-edge /g) ?? []).length, 2 * shape.claims - 1);

            const html = readFileSync(path.join(dir, 'chain.html'), 'utf8');
            const picture = /<div class="w-static-map" id="warrant-static">(<svg[\s\S]*?<\/svg>)<\/div>/.exec(html);
            assert.ok(picture, 'the page holds the pre-rendered map');
            assert.equal(countNodes(picture[1]), shape.claims + shape.hubs);
            const embedded = /<script type="application\/json" id="warrant-model">([\s\S]*?)<\/script>/.exec(html);
            assert.ok(embedded, 'the page embeds the model');
            assert.equal((JSON.parse(embedded[1]) as { nodes: unknown[] }).nodes.length, shape.claims + shape.hubs);
        } finally {
            removeWorkspace(dir);
        }
    });

    it('long support chains (generated: depth, hubs, skips, cycles, pieces) export in every format with bounded routes', async () => {
        const shapes: fc.Arbitrary<SupportChainShape> = fc.record({
            claims: fc.integer({ min: 120, max: 1500 }),
            hubs: fc.integer({ min: 0, max: 40 }),
            skip: fc.oneof(fc.constant(0), fc.integer({ min: 2, max: 60 })),
            back: fc.option(fc.record({ every: fc.integer({ min: 20, max: 400 }), by: fc.integer({ min: 1, max: 300 }) }), { nil: undefined }),
            pieces: fc.integer({ min: 1, max: 4 })
        });
        const { seed, numRuns } = fuzzSettings(6, 'support chains');
        await fc.assert(fc.asyncProperty(shapes, async shape => {
            const workspace = await workspaceOf({ 'chain.warrant': supportChainText(shape) });
            try {
                const model = buildGraphModel(workspace.services.warrant.Analysis.get());
                assert.equal(model.nodes.length, shape.claims + shape.hubs);
                const positioned = await layoutGraph(model);
                for (const e of positioned.edges) {
                    assert.ok(e.points.length >= 2 && e.points.length <= 2 * MAX_DUMMY_SPAN + 2, `${e.edge.from} → ${e.edge.to}: ${e.points.length} points`);
                    assert.ok(e.points.every(p => Number.isFinite(p.x) && Number.isFinite(p.y)));
                }
                const svg = renderSvg(positioned, { embedStyle: true });
                assert.equal(xmllint(svg), '');
                assert.equal(countNodes(svg), model.nodes.length);
                const html = await exportHtml(model, { title: 'chain' });
                assert.ok(html.includes('<svg') && html.endsWith('</html>\n'));
                assert.equal((JSON.parse(exportJson(model)) as { nodes: unknown[] }).nodes.length, model.nodes.length);
                assert.equal((exportDot(model).match(/ -> /g) ?? []).length, model.edges.length);
                assert.equal(xmllint(exportGraphml(model)), '');
                assert.ok(exportAif(model).length > 0 && exportMarkdown(model, { title: 'chain' }).includes('c0'));
            } finally {
                workspace.dispose();
            }
        }), { seed, numRuns });
    });
});
