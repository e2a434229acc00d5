import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWorkspace } from '../../cli/load-workspace.js';
import { buildCheckReport } from '../../cli/check-report.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the case-study example (Dudau & McAllister 2018)', function () {
    this.timeout(30000);

    it('parses and links with no syntax or linking error, and the checker shows the paper\'s gaps', async () => {
        const workspace = await loadWorkspace([path.join(repository, 'examples/lscb-gender-hypothesis')], repository);
        const report = buildCheckReport(workspace);
        const codes = report.files.flatMap(file => file.diagnostics.map(d => d.code));
        for (const code of ['lexing-error', 'parsing-error', 'unknown-reference', 'duplicate-id', 'bibliography-not-found', 'bibliography-syntax', 'scheme-invalid', 'pattern-incomplete']) {
            assert.ok(!codes.includes(code), `unexpected ${code}`);
        }
        const analysis = workspace.services.warrant.Analysis.get();
        assert.equal(report.summary.claims, analysis.elements.claims.length);
        assert.ok(report.summary.claims >= 30);
        const annex = analysis.elements.data.filter(datum => datum.$container.name === 'GenderData');
        assert.equal(annex.length, 8, 'one datum per Annex row');
        assert.equal(analysis.elements.data.length, 10, 'and the two answers to the partner question');
        // The paper calls police "unequivocally male-dominated"; ~26% women is `integrated` by Hakim's bands.
        const mismatch = report.files.flatMap(f => f.diagnostics).find(d => d.code === 'classification-mismatch' && d.message.startsWith('`policeWomen`'));
        assert.ok(mismatch);
        assert.match(mismatch.message, /falls in `integrated`/);
        // The serendipity pattern and the gender hypothesis are grounded in the annex.
        const hypothesis = analysis.nodeOf(analysis.elements.byName.get('genderHypothesis')!)!;
        assert.equal(analysis.grounding.grounded[hypothesis.index], true);
        // Works cited in the text but missing from the paper's reference list are flagged.
        assert.ok(codes.includes('unknown-citation'));
    });

    it('shows the paper\'s citation slips with the entry of the list each means', async () => {
        const workspace = await loadWorkspace([path.join(repository, 'examples/lscb-gender-hypothesis')], repository);
        const messages = buildCheckReport(workspace).files.flatMap(file => file.diagnostics).filter(d => d.code === 'unknown-citation').map(d => d.message);
        for (const [cited, meant] of [['AaltioMarjosola1994', 'AaltionMarjosola1994'], ['CrookMackay2015', 'KrookMackay2015'], ['Henricksson2006', 'Henriksson2006'],
            ['KellyNewman2004', 'KellyNewman2001'], ['Evans1997', 'Evans2008'], ['MeierNicholsonCrotty2006', 'Meier2006']]) {
            const message = messages.find(m => m.startsWith(`Unknown citation @${cited}:`));
            assert.ok(message, `@${cited} is not flagged`);
            assert.match(message, new RegExp(`Did you mean @${meant}\\b`));
        }
    });

    it('checks the paper\'s excerpt (paper.qmd) against the map: its missing references, the police claim\'s misclassification', async () => {
        const workspace = await loadWorkspace([path.join(repository, 'examples/lscb-gender-hypothesis')], repository);
        const paper = buildCheckReport(workspace).files.find(file => file.path.endsWith('paper.qmd'))!;
        const codes = (code: string) => paper.diagnostics.filter(d => d.code === code);
        assert.deepEqual(codes('unknown-citation').map(d => /@(\S+):/.exec(d.message)![1]).sort(), ['HSCIC2013', 'Hudson2009', 'Simpson1985']);
        assert.match(codes('classification-mismatch')[0]?.message ?? '', /`policeMaleDominated`.*`policeWomen` is 26%, which falls in `integrated`/);
        assert.deepEqual(codes('unknown-claim-span'), []);
        assert.ok(codes('ungrounded-claim-span').some(d => d.message.includes('`policyOverlooksProfessions`')));
    });

    it('triangulates the compliance dynamics: interview answers and observation', async () => {
        const workspace = await loadWorkspace([path.join(repository, 'examples/lscb-gender-hypothesis')], repository);
        const report = buildCheckReport(workspace);
        const diagnostics = report.files.flatMap(file => file.diagnostics);
        assert.ok(!diagnostics.some(d => d.code === 'single-source' && d.message.startsWith('`complianceDynamics`')), 'complianceDynamics rests on two methods');
        const analysis = workspace.services.warrant.Analysis.get();
        const compliance = analysis.elements.byName.get('complianceDynamics')!;
        assert.equal(analysis.grounding.grounded[analysis.nodeOf(compliance)!.index], true);
        const methods = new Set(analysis.elements.data.filter(datum => ['namedCollaborative', 'namedReluctant', 'collaborativePoliceRep'].includes(datum.name)).map(datum => datum.method));
        assert.deepEqual([...methods].sort(), ['interview', 'observation']);
    });
});
