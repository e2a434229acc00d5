// The server pushes, the preview pulls: a bibliography written on disk (no editor event, no
// edit of the document) changes a claim's grounding, and the open map shows it.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EditorCommands } from '../../../language/protocol.js';
import { closeAllEditors, fixtureUri, screenshotsAvailable, waitFor, webviewCount } from './helpers.js';

const FOLDER = 'graph-changed';
const WEBER = '@book{Weber1922, title = {Economy and Society}, author = {Weber, Max}, year = 1922}\n';
const MERTON = '@article{Merton1948, title = {The Bearing of Empirical Research}, author = {Merton, Robert K.}, year = 1948}\n';

async function write(relativePath: string, text: string): Promise<void> {
    await vscode.workspace.fs.writeFile(fixtureUri(relativePath), new TextEncoder().encode(text));
}

const claimWith = (status: string) => `svg [data-id="mertonClaim"][data-status="${status}"]`;

suite('Preview follows files changed on disk', () => {
    teardown(closeAllEditors);
    suiteTeardown(async () => {
        await vscode.workspace.fs.delete(fixtureUri(FOLDER), { recursive: true, useTrash: false });
    });

    test('a key written into the .bib grounds the claim in the open map, without any edit', async function () {
        this.timeout(150_000); // waits on a webview in a browser on a loaded 2-core runner
        if (!screenshotsAvailable()) {
            this.skip(); // looking inside the webview needs the web runner
        }
        await write(`${FOLDER}/refs.bib`, WEBER);
        await write(`${FOLDER}/cites.warrant`, 'bibliography "refs.bib"\n\nclaim mertonClaim "Research shapes theory" cites @Merton1948 p. 506\n');
        const document = await vscode.workspace.openTextDocument(fixtureUri(`${FOLDER}/cites.warrant`));
        await vscode.window.showTextDocument(document, { preview: false });
        const version = document.version;
        await vscode.commands.executeCommand(EditorCommands.openPreviewToSide);
        await waitFor(async () => (await webviewCount(claimWith('ungrounded'))) === 1, 'the claim drawn as ungrounded', 45_000);

        await write(`${FOLDER}/refs.bib`, WEBER + MERTON);
        await waitFor(async () => (await webviewCount(claimWith('grounded'))) === 1, 'the claim redrawn as grounded once the key is in the .bib', 45_000);
        assert.equal(await webviewCount(claimWith('ungrounded')), 0);
        assert.equal(document.version, version, 'the document was not edited');
        assert.equal(document.isDirty, false);
    });
});
