// A Quarto manuscript in the real workbench: its Pandoc citations and claim spans are checked
// against the case study (diagnostics on the .qmd file itself), and a claim span hovers with the
// claim's trace.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, describeDiagnostics, diagnosticsOf, openFixture, waitFor } from './helpers.js';

suite('Manuscript', () => {
    teardown(closeAllEditors);

    test('paper.qmd: unknown citations and the police misclassification on the prose, and a claim span\'s hover', async () => {
        const { document } = await openFixture('lscb/paper.qmd');
        const found = (code: string, text: RegExp) => diagnosticsOf(document.uri).find(d => codeOf(d) === code && text.test(d.message));
        await waitFor(() => found('unknown-citation', /@Hudson2009/) && found('classification-mismatch', /policeWomen/),
            () => `the manuscript's findings; have:\n${describeDiagnostics(diagnosticsOf(document.uri))}`);
        // located on the prose: the citation's key and the police claim's span
        const citation = found('unknown-citation', /@Hudson2009/)!;
        assert.equal(document.getText(citation.range), '@Hudson2009');
        const mismatch = found('classification-mismatch', /policeWomen/)!;
        assert.match(document.lineAt(mismatch.range.start.line).text + document.getText(mismatch.range), /police|Police|policeMaleDominated/);

        const span = document.getText().indexOf('ref=policeMaleDominated') + 'ref='.length + 3;
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(span));
        const text = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
        assert.match(text, /policeMaleDominated/);
        assert.match(text, /policeWomen/, `the trace down to its statistic: ${text}`);
    });
});
