// A REFI-QDA project in the real workbench: claims rest on its codes and segments, hover shows
// a segment's excerpt and case, and go to definition opens the transcript (read-only, served
// by the language server through the warrant-qda: scheme) with the excerpt selected.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { QDA_SOURCE_SCHEME } from '../../../language/protocol.js';
import { closeAllEditors, codeOf, describeDiagnostics, diagnosticsOf, log, openFixture, waitFor } from './helpers.js';

const FILE = 'qda/interviews.warrant';

function positionOf(document: vscode.TextDocument, text: string, delta: number): vscode.Position {
    const offset = document.getText().indexOf(text);
    assert.ok(offset >= 0, `${text} is in ${FILE}`);
    return document.positionAt(offset + delta);
}

function hoverText(hovers: readonly vscode.Hover[]): string {
    return hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
}

suite('REFI-QDA project: claims on its segments, hover, and the transcript at a segment', () => {
    teardown(closeAllEditors);

    test('the project is read: every claim on it is grounded, none of its references is unknown', async () => {
        const { document } = await openFixture(FILE);
        const hover = () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'segment "tea request" in interviews', 'segment "'.length + 2));
        // The hover names the segment's source once the project is read.
        await waitFor(async () => /\*\*segment\*\*/.test(hoverText(await hover())), 'the project to be read (a segment hover)');
        // The example's project holds one uncoded selection on purpose: an Information, not a problem.
        const problems = diagnosticsOf(document.uri).filter(d => d.severity <= vscode.DiagnosticSeverity.Warning);
        assert.deepEqual(problems.map(d => codeOf(d)), [], describeDiagnostics(problems));
    });

    test('hover on a segment shows its excerpt and case; go to definition opens the transcript read-only at that excerpt', async () => {
        const { document } = await openFixture(FILE);
        const at = positionOf(document, 'segment "tea request" in interviews', 'segment "'.length + 2);
        const hovers = await waitFor(async () => {
            const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
            return /\*\*segment\*\*/.test(hoverText(found)) ? found : undefined;
        }, 'a segment hover');
        const hover = hoverText(hovers);
        assert.match(hover, /\*Case\*/, hover);

        const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, at);
        assert.equal(definitions.length, 1, 'one segment, one place');
        const target = definitions[0]!;
        const uri = 'targetUri' in target ? target.targetUri : target.uri;
        const range = 'targetUri' in target ? target.targetRange : target.range;
        assert.equal(uri.scheme, QDA_SOURCE_SCHEME);
        const transcript = await vscode.workspace.openTextDocument(uri);
        const excerpt = transcript.getText(range);
        assert.ok(excerpt.trim().length > 10, `the excerpt at the definition: ${JSON.stringify(excerpt)}`);
        // The hover quotes the same words the transcript holds at that range.
        const firstWords = excerpt.trim().split(/\s+/).slice(0, 4).join(' ');
        assert.ok(hover.replace(/\\/g, '').includes(firstWords), `the hover quotes "${firstWords}":\n${hover}`);

        // Read-only: typing in the transcript's editor changes nothing.
        const editor = await vscode.window.showTextDocument(transcript);
        editor.selection = new vscode.Selection(range.start, range.start);
        await vscode.commands.executeCommand('type', { text: 'typed ' });
        assert.equal(transcript.getText(range), excerpt, 'the excerpt is unchanged');
        assert.equal(transcript.isDirty, false, 'the transcript is not changed');
        log(`qda: ${uri.toString()} ${range.start.line}:${range.start.character} "${firstWords}…"`);
    });
});
