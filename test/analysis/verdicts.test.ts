import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver';
import { buildCheckReport } from '../../cli/check-report.js';
import { buildGraphModel } from '../../language/analysis/graph-model-builder.js';
import { bandOf, formatQuantity } from '../../language/analysis/quantities.js';
import { exportDot } from '../../language/graph/export/dot.js';
import { exportMarkdown } from '../../language/graph/export/markdown.js';
import { renderLegendTree } from '../../language/graph/render-svg.js';
import { serializeSvg } from '../../language/graph/svg-tree.js';
import { lensTitle } from '../../language/lsp/describe.js';
import { check, workspaceOf, type TestWorkspace } from '../helpers/workspace.js';
import { documentOf, params } from '../lsp/fixtures.js';

/** The Markdown of the hover at `needle` (+delta characters) in `main.warrant`. */
async function hoverText(workspace: TestWorkspace, needle: string, delta = 7): Promise<string> {
    const document = documentOf(workspace, 'main.warrant');
    const hover: Hover | undefined = await workspace.services.lsp.HoverProvider!.getHoverContent(document, params(document, needle, delta));
    return (hover?.contents as { value?: string } | undefined)?.value ?? '';
}

function node(workspace: TestWorkspace, name: string) {
    const analysis = workspace.services.warrant.Analysis.get();
    return { analysis, node: analysis.nodeOf(analysis.elements.byName.get(name)!)! };
}

describe('verdicts', function () {
    this.timeout(60000);

    describe('an inline source grounds only when it identifies a work (incomplete-source)', () => {
        it('flags the empty stub on its first empty field, and a claim citing only it is unsupported, saying why', async () => {
            const { diagnostics } = await check('source Smith2099 { author "" year 0 title "" }\nclaim c "C" cites @Smith2099');
            const incomplete = diagnostics.filter(d => d.code === 'incomplete-source');
            assert.equal(incomplete.length, 1);
            assert.equal(incomplete[0].severity, 1, 'an error');
            assert.deepEqual(incomplete[0].range.start, { line: 0, character: 'source Smith2099 { author '.length });
            assert.match(String(incomplete[0].message), /`Smith2099` does not identify a work: it has an empty author, an empty title and year 0, which is not a year/);
            const unsupported = diagnostics.find(d => d.code === 'unsupported-claim');
            assert.ok(unsupported, diagnostics.map(d => d.message).join('\n'));
            assert.match(String(unsupported.message), /`c` does not trace .* rests only on `@Smith2099` \(an incomplete source with an empty author/);
        });

        it('shows the stub in the map as an ungrounded source named by its key', async () => {
            const workspace = await workspaceOf({ 'main.warrant': 'source Smith2099 { author "" year 0 title "" }\nclaim c "C" cites @Smith2099' });
            try {
                const analysis = workspace.services.warrant.Analysis.get();
                const nodes = buildGraphModel(analysis).nodes;
                assert.deepEqual(nodes.map(n => [n.id, n.label, n.status]), [['c', 'C', 'ungrounded'], ['@Smith2099', 'Smith2099', 'ungrounded']]);
                assert.equal(buildCheckReport(workspace).summary.grounded, 0);
            } finally {
                workspace.dispose();
            }
        });

        it('flags missing fields on the source name', async () => {
            const { diagnostics } = await check('source Half { author "Hall, P." }\nclaim c "C" cites @Half');
            const incomplete = diagnostics.find(d => d.code === 'incomplete-source');
            assert.ok(incomplete);
            assert.deepEqual(incomplete.range.start, { line: 0, character: 'source '.length });
            assert.match(String(incomplete.message), /it has no title and no year/);
        });

        it('an editor, a title and a year with a same-year letter identify a work', async () => {
            const { codes } = await check('source Ed2005 { editor "Ed, A." title "A reader" year "2005a" }\nclaim c "C" cites @Ed2005');
            assert.deepEqual(codes.filter(c => c === 'incomplete-source' || c === 'unsupported-claim'), []);
        });
    });

    describe('grounding is the least fixed point, cycles or not', () => {
        let workspace: TestWorkspace;
        before(async () => {
            // a → c → b → a, read "a supported by c", …; a also rests on the datum d.
            workspace = await workspaceOf({
                'main.warrant': 'annex A { datum d interview emergent "d" }\n'
                    + 'claim a "A" supported by b, c, d\n'
                    + 'claim c "C" supported by b\n'
                    + 'claim b "B" supported by a\n'
                    + 'claim top "Top" supported by b\n'
            });
        });
        after(() => workspace.dispose());

        it('counts every claim that reaches the datum as grounded, and still reports the cycle', () => {
            assert.deepEqual(buildCheckReport(workspace).summary.claims, 4);
            assert.deepEqual(buildCheckReport(workspace).summary.grounded, 4);
            const codes = workspace.codes('main.warrant');
            assert.equal(codes.filter(c => c === 'circular-support').length, 3);
            assert.ok(!codes.includes('unsupported-claim'), codes.join(', '));
        });

        it('the map, the code lens and the hover agree', async () => {
            const { analysis, node: a } = node(workspace, 'a');
            const statuses = Object.fromEntries(buildGraphModel(analysis).nodes.filter(n => n.kind === 'claim').map(n => [n.id, n.status]));
            assert.deepEqual(statuses, { a: 'grounded', b: 'grounded', c: 'grounded', top: 'grounded' });
            assert.equal(lensTitle(analysis, a), 'grounded · 1 datum · 1 method · in a support cycle');
            const hover = await hoverText(workspace, 'claim a', 6);
            assert.match(hover, /\*\*claim\*\* `a` — \*\*grounded\*\*/);
            assert.match(hover, /\*Circular support:\* `\w+` → .* grounded through support from outside it/);
        });
    });

    describe('band boundaries are compared exactly', () => {
        const scheme = 'source S { author "A" year 2000 title "T" }\n'
            + 'scheme H cites @S { band low below 25% band mid 25% to 55% band high above 55% }\n'
            + 'scheme K cites @S { band under below 29% band over 29% to 100% }\n';

        it('11 of 20 and 33 of 60 are 55%, inside `25% to 55%`; 29 of 100 is 29%, not below 29%', async () => {
            const workspace = await workspaceOf({
                'main.warrant': scheme
                    + 'stat s1 "x" = 11 of 20 cites @S\nstat s2 "y" = 33 of 60 cites @S\nstat s3 "z" = 29 of 100 cites @S\n'
                    + 'claim c1 "C1" classifies s1 as mid by H\nclaim c2 "C2" classifies s2 as mid by H\nclaim c3 "C3" classifies s3 as over by K\n'
            });
            try {
                assert.deepEqual(workspace.codes('main.warrant').filter(c => c === 'classification-mismatch'), []);
                const analysis = workspace.services.warrant.Analysis.get();
                const stat = (name: string) => analysis.elements.stats.find(s => s.name === name)!;
                const band = (schemeName: string, name: string) => bandOf(analysis.elements.schemes.find(s => s.name === schemeName)!, stat(name).value)?.name;
                assert.deepEqual([band('H', 's1'), band('H', 's2'), band('K', 's3')], ['mid', 'mid', 'over']);
            } finally {
                workspace.dispose();
            }
        });

        it('a real mismatch prints the value as written, with its exact share', async () => {
            const { messages } = await check(scheme + 'stat s "x" = 56 of 100 cites @S\nstat t "y" = 1 of 3 cites @S\n'
                + 'claim c "C" classifies s as mid by H\nclaim d "D" classifies t as mid by H');
            assert.ok(messages.includes('`s` is 56 of 100 (56%), which falls in `high` (above 55%), not `mid` (25%–55%).'), messages.join('\n'));
            assert.ok(!messages.some(m => m.startsWith('`t` is')), 'a third lies in 25%–55%: no mismatch');
        });

        it('formats counts and percentages as written', async () => {
            const workspace = await workspaceOf({ 'main.warrant': 'stat a "a" = 11 of 20\nstat b "b" = 35.30%\nstat c "c" = 1 of 8\nstat d "d" = 2 of 3\n' });
            try {
                const stats = workspace.services.warrant.Analysis.get().elements.stats;
                assert.deepEqual(stats.map(s => formatQuantity(s.value)), ['11 of 20 (55%)', '35.3%', '1 of 8 (12.5%)', '2 of 3 (≈66.67%)']);
            } finally {
                workspace.dispose();
            }
        });
    });

    describe('a grounded claim its own statistic contradicts', () => {
        let workspace: TestWorkspace;
        before(async () => {
            workspace = await workspaceOf({
                'main.warrant': 'source S { author "Home Office" year 2013 title "Police workforce" }\n'
                    + 'stat policeWomen "Women police officers" = 26% cites @S\n'
                    + 'scheme Hakim cites @S { band male below 25% band mixed 25% to 55% band female above 55% }\n'
                    + 'claim policeMaleDominated "Police work is male-dominated" classifies policeWomen as male by Hakim\n'
                    + 'claim policeMixed "Police work is mixed" classifies policeWomen as mixed by Hakim\n'
            });
        });
        after(() => workspace.dispose());

        it('has the status contradicted, counted as grounded, in the lens, the hover, the map and the exports', async () => {
            const { analysis, node: claim } = node(workspace, 'policeMaleDominated');
            assert.equal(analysis.status(claim), 'contradicted');
            assert.equal(analysis.status(node(workspace, 'policeMixed').node), 'grounded');
            assert.equal(buildCheckReport(workspace).summary.grounded, 2);
            assert.equal(lensTitle(analysis, claim), 'grounded · contradicted by its own statistic · 1 stat · 1 source');
            const hover = await hoverText(workspace, 'claim policeMaleDominated');
            assert.match(hover, /— \*\*grounded · contradicted by its own statistic\*\*/);
            assert.match(hover, /\*Contradicted by its own statistic:\* `policeWomen` is 26%, which falls in `mixed`/);
            const model = buildGraphModel(analysis);
            assert.equal(model.nodes.find(n => n.id === 'policeMaleDominated')?.status, 'contradicted');
            assert.match(exportMarkdown(model), /\*\*policeMaleDominated\*\* .*\| ≠ grounded · contradicted by its own statistic \|/);
            assert.match(exportMarkdown(model), /2 claims, 2 grounded/);
            assert.match(exportDot(model), /≠ claim · policeMaleDominated/);
            assert.match(serializeSvg(renderLegendTree()), /w-status-contradicted[\s\S]*contradicted by its data/);
        });
    });

    describe('single-source counts a stat and its sources as one piece of evidence', () => {
        it('flags a claim on one datum and a claim on one stat that cites one source, not one on both', async () => {
            const { codes, messages } = await check('source S { author "A" year 2000 title "T" }\nsource R { author "B" year 2001 title "U" }\n'
                + 'annex A { datum d interview emergent "d" }\nstat s "S" = 10% cites @S\nstat two "T" = 20% cites @S, @R\n'
                + 'claim onDatum "D" supported by d\nclaim onStat "S" supported by s\nclaim onTwoSourcedStat "T" supported by two\nclaim onBoth "B" supported by d, s');
            const single = messages.filter((_, i) => codes[i] === 'single-source');
            assert.equal(single.length, 3, single.join('\n'));
            assert.ok(single.includes('`onDatum` rests on a single piece of evidence (`d`). Triangulate with further data, respondents or methods.'));
            assert.ok(single.some(m => m.startsWith('`onStat` rests on a single piece of evidence (the stat `s` and the source it cites)')), single.join('\n'));
            assert.ok(single.some(m => m.startsWith('`onTwoSourcedStat` rests on a single piece of evidence (the stat `two` and the sources it cites)')), single.join('\n'));
            assert.ok(!single.some(m => m.startsWith('`onBoth`')));
        });
    });

    describe('rules and documentation agree', () => {
        it('every ungrounded claim gets unsupported-claim, cycle members too', async () => {
            const { codes, messages } = await check('claim a "A" supported by b\nclaim b "B" supported by a');
            assert.equal(codes.filter(c => c === 'circular-support').length, 2);
            assert.equal(codes.filter(c => c === 'unsupported-claim').length, 2);
            assert.ok(messages.some(m => /^`b` does not trace .* rests only on `a` \(a claim in a circular chain of support\)/.test(m)), messages.join('\n'));
        });

        it('a pattern needs one datum recorded as emergent: unrecorded occurrence is flagged, all prompted too', async () => {
            const pattern = (observed: string) => `pattern p "P" { unanticipated "u" anomalous "a" observed ${observed} strategic h }\nclaim h "H" supported by p\n`;
            const data = 'annex A { datum unknown interview "no occurrence" datum asked interview prompted "asked" datum raised interview emergent "raised" }\n';
            const unrecorded = await check(data + pattern('unknown'));
            assert.ok(unrecorded.messages.some(m => m.startsWith('No datum `p` observes is recorded as emergent (`unknown` does not say whether it was prompted)')), unrecorded.messages.join('\n'));
            const prompted = await check(data + pattern('asked'));
            assert.ok(prompted.messages.some(m => m.startsWith('Every datum `p` observes was prompted by the researcher')), prompted.messages.join('\n'));
            const emergent = await check(data + pattern('unknown, asked, raised'));
            assert.ok(!emergent.codes.includes('pattern-not-emergent'));
        });
    });
});
