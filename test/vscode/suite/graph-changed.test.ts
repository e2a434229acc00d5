// The server pushes, the preview pulls: a bibliography written on disk (no editor event, no
// edit of the document) changes a claim's grounding, and the open map shows it.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { NODE_STATUSES, type NodeStatus } from '../../../language/analysis/vocabulary.js';
import { EditorCommands } from '../../../language/protocol.js';
import { closeAllEditors, fixtureUri, screenshotsAvailable, waitFor, webviewCount } from './helpers.js';

const FOLDER = 'graph-changed';
const WEBER = '@book{Weber1922, title = {Economy and Society}, author = {Weber, Max}, year = 1922}\n';
// A key no other bibliography of the workspace (the case study's) has.
const NEW_ENTRY = '@article{Pushwald2031, title = {Maps That Follow Their Sources}, author = {Pushwald, Ada}, year = 2031}\n';

async function write(relativePath: string, text: string): Promise<void> {
    await vscode.workspace.fs.writeFile(fixtureUri(relativePath), new TextEncoder().encode(text));
}

const CLAIM = 'svg [data-id="sourcedClaim"]';
const claimWith = (status: NodeStatus) => `${CLAIM}[data-status="${status}"]`;

/** What the map shows of the claim, for a failure message. */
async function drawn(): Promise<string> {
    const counts = await Promise.all(NODE_STATUSES.map(async status => `${status}: ${await webviewCount(claimWith(status))}`));
    return `claim nodes ${await webviewCount(CLAIM)} (${counts.join(', ')}), nodes ${await webviewCount('svg [data-id]')}`;
}

async function claimDrawnAs(status: NodeStatus, description: string): Promise<void> {
    try {
        await waitFor(async () => (await webviewCount(claimWith(status))) === 1, description, 45_000);
    } catch (error) {
        throw new assert.AssertionError({ message: `${error instanceof Error ? error.message : String(error)}; the map shows ${await drawn()}` });
    }
}

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
        await write(`${FOLDER}/cites.warrant`, 'bibliography "refs.bib"\n\nclaim sourcedClaim "Research shapes theory" cites @Pushwald2031 p. 5\n');
        const document = await vscode.workspace.openTextDocument(fixtureUri(`${FOLDER}/cites.warrant`));
        await vscode.window.showTextDocument(document, { preview: false });
        const version = document.version;
        await vscode.commands.executeCommand(EditorCommands.openPreviewToSide);
        await claimDrawnAs('ungrounded', 'the claim drawn as ungrounded');

        await write(`${FOLDER}/refs.bib`, WEBER + NEW_ENTRY);
        await claimDrawnAs('grounded', 'the claim redrawn as grounded once the key is in the .bib');
        assert.equal(await webviewCount(claimWith('ungrounded')), 0);
        assert.equal(document.version, version, 'the document was not edited');
        assert.equal(document.isDirty, false);
    });
});
