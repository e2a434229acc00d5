// VS Code's own Markdown preview draws a ```warrant-map fence with Warrant's renderer, focused
// as the fence asks; the runner looks inside the preview's iframe.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateWarrant, closeAllEditors, openFixture, screenshot, screenshotsAvailable, waitFor, webviewCount } from './helpers.js';

const BLOCK = '.warrant-map-block svg.warrant-map';

suite('Markdown preview', () => {
    teardown(closeAllEditors);

    test('a warrant-map fence is drawn in the Markdown preview, as the support tree of its focus', async function () {
        this.timeout(120_000);
        if (!screenshotsAvailable()) {
            this.skip(); // looking inside the preview needs the web runner
        }
        await activateWarrant();
        await openFixture('notes.md');
        await vscode.commands.executeCommand('markdown.showPreviewToSide');
        await waitFor(async () => (await webviewCount(`${BLOCK} [data-id="genderHypothesis"]`)) === 1, 'the focused map in the Markdown preview', 60_000);
        const nodes = (await webviewCount(`${BLOCK} .w-node[data-id]`))!;
        assert.ok(nodes > 10, `the support tree of genderHypothesis has ${nodes} elements drawn`);
        assert.equal(await webviewCount(`${BLOCK} [data-id="individualsEssential"]`), 0, 'a claim genderHypothesis does not rest on is left out');
        await screenshot('markdown-preview', { webview: true, selector: BLOCK, settleMs: 800 });
    });
});
