// The case study through the VS Code API: rule diagnostics, grounding that follows edits, language
// features via the execute*Provider commands, a quick fix applied for real, every command registered.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, codeOf, describeDiagnostics, diagnosticsOf, openFixture, replaceText, waitFor } from './helpers.js';

const ARGUMENT = 'lscb/argument.warrant';

function codes(uri: vscode.Uri): string[] {
    return diagnosticsOf(uri).map(d => codeOf(d) ?? '');
}

function positionOf(document: vscode.TextDocument, text: string, delta = 1): vscode.Position {
    const offset = document.getText().indexOf(text);
    assert.ok(offset >= 0, `"${text}" not in ${document.uri.path}`);
    return document.positionAt(offset + delta);
}

suite('Case study: rules, editing and language features', () => {
    teardown(closeAllEditors);

    test('the rule diagnostics of the case study appear with their codes', async () => {
        const { document } = await openFixture(ARGUMENT);
        await waitFor(() => ['unknown-citation', 'classification-mismatch', 'unsupported-claim', 'single-source'].every(code => codes(document.uri).includes(code)),
            () => `the case study's findings; have:\n${describeDiagnostics(diagnosticsOf(document.uri))}`);
        const mismatch = diagnosticsOf(document.uri).find(d => codeOf(d) === 'classification-mismatch' && d.message.startsWith('`policeWomen`'));
        assert.ok(mismatch);
        assert.equal(mismatch.severity, vscode.DiagnosticSeverity.Warning);
        assert.match(mismatch.message, /falls in `integrated`/);
        // The paper's slip "Henricksson et al., 2006" is flagged with the list's entry.
        const slip = diagnosticsOf(document.uri).find(d => codeOf(d) === 'unknown-citation' && d.message.startsWith('Unknown citation @Henricksson2006:'));
        assert.ok(slip, describeDiagnostics(diagnosticsOf(document.uri)));
        assert.match(slip.message, /Did you mean @Henriksson2006\b/);
        assert.ok(!codes(document.uri).includes('unknown-reference'), describeDiagnostics(diagnosticsOf(document.uri)));
    });

    test('removing a claim\'s last evidence makes it unsupported, and undo grounds it again', async () => {
        const { document, editor } = await openFixture(ARGUMENT);
        const isUnsupported = () => diagnosticsOf(document.uri).some(d => codeOf(d) === 'unsupported-claim' && d.message.startsWith('`teaAnecdoteRevealing`'));
        await waitFor(() => codes(document.uri).length > 0 && !isUnsupported(), 'the claim to be grounded at first');
        // Its evidence: one datum and one source.
        await replaceText(document, '  supported by teaRequest\n  cites @Sprague2005\n', '');
        await waitFor(isUnsupported, () => `unsupported-claim on teaAnecdoteRevealing; have:\n${describeDiagnostics(diagnosticsOf(document.uri))}`);
        await vscode.window.showTextDocument(editor.document);
        await vscode.commands.executeCommand('undo');
        await waitFor(() => !isUnsupported(), 'the claim to be grounded again after undo');
        assert.ok(document.getText().includes('  supported by teaRequest\n  cites @Sprague2005\n'));
    });

    test('hover, completion and definition through the VS Code API', async () => {
        const { document } = await openFixture(ARGUMENT);
        await waitFor(() => codes(document.uri).length > 0, 'diagnostics, i.e. a built workspace');
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'claim teaAnecdoteRevealing', 8));
        const hoverText = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
        assert.match(hoverText, /grounded/i);
        assert.match(hoverText, /teaRequest/);

        const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'supported by teaRequest', 'supported by '.length + 2));
        const target = definitions[0];
        const targetUri = 'targetUri' in target ? target.targetUri : target.uri;
        assert.match(targetUri.path, /lscb\/annex\.warrant$/);

        const citation = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, '@Merton1948', 3));
        const bib = citation[0];
        assert.match(('targetUri' in bib ? bib.targetUri : bib.uri).path, /references\.bib$/);

        const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, 'supported by teaRequest', 'supported by '.length));
        const labels = completions.items.map(item => (typeof item.label === 'string' ? item.label : item.label.label));
        assert.ok(labels.includes('teaRequest'), labels.slice(0, 20).join(', '));
        assert.ok(!labels.includes('Hakim'), 'a scheme is no supporter');
    });

    test('a quick fix applied through the API changes exactly what it says', async () => {
        const { document } = await openFixture(ARGUMENT);
        await replaceText(document, 'classifies policeWomen as maleDominated by Hakim', 'classifies policeWomen as maleDominated by Hakim');
        const mismatch = await waitFor(() => diagnosticsOf(document.uri).find(d => codeOf(d) === 'classification-mismatch' && d.message.startsWith('`policeWomen`')), 'the police classification mismatch');
        const before = document.getText();
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, mismatch.range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find(action => action.title === 'Classify as `integrated`');
        assert.ok(fix?.edit, actions.map(a => a.title).join(', '));
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        const after = document.getText();
        const offset = document.offsetAt(mismatch.range.start);
        assert.equal(after, before.slice(0, offset) + 'integrated' + before.slice(offset + 'maleDominated'.length));
        await waitFor(() => !diagnosticsOf(document.uri).some(d => codeOf(d) === 'classification-mismatch' && d.range.start.line === mismatch.range.start.line), 'the mismatch to go');
    });

    test('every contributed command is registered', async () => {
        await openFixture(ARGUMENT);
        const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
        await extension.activate();
        const manifest = JSON.parse(readFileSync(vscode.Uri.joinPath(extension.extensionUri, 'package.json').fsPath, 'utf8'));
        const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
        const registered = new Set(await vscode.commands.getCommands(true));
        assert.deepEqual(contributed.filter(command => !registered.has(command)), []);
    });
});
