// The map preview in the real workbench: it opens beside the editor, draws the case study, follows
// edits, and a click on a node reveals its declaration. The runner looks inside the webview.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, screenshot, screenshotsAvailable, waitFor, webviewClick, webviewCount } from './helpers.js';

const NODE = 'svg [data-id]';

suite('Preview', () => {
    teardown(closeAllEditors);

    test('Open Preview to the Side opens a map panel beside the editor', async () => {
        await openFixture('lscb/serendipity.warrant');
        await vscode.commands.executeCommand('warrant.openPreviewToSide');
        const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap(group => group.tabs)
            .find(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('warrant.preview')), 'a warrant.preview webview tab');
        assert.match(tab.label, /serendipity\.warrant/);
        assert.notEqual(tab.group.viewColumn, vscode.window.activeTextEditor?.viewColumn, 'beside, not in place');
    });

    test('the map draws the document\'s argument, follows edits, and a click reveals the declaration', async function () {
        this.timeout(150_000); // three waits on a webview in a browser on a loaded 2-core runner
        if (!screenshotsAvailable()) {
            this.skip(); // looking inside the webview needs the web runner
        }
        const { document } = await openFixture('lscb/serendipity.warrant');
        await vscode.commands.executeCommand('warrant.openPreviewToSide');
        const initial = await waitFor(async () => ((await webviewCount(NODE)) ?? 0) > 3 && webviewCount(NODE), 'nodes in the map', 45_000);
        assert.ok(await webviewCount('svg [data-id="genderPattern"]'), 'the pattern is drawn');
        assert.ok(await webviewCount('svg [data-id="teaRequest"]'), 'and the data it observes');
        // Laid out by ELK, which the preview runs in a worker (VS Code webviews allow blob: workers only).
        assert.equal(await webviewCount('svg.warrant-map[data-engine="elk"]'), 1, 'ELK ran in the webview');
        await screenshot('preview-case-study', { webview: true, selector: NODE, settleMs: 800 });

        // A new claim resting on the pattern appears in the map.
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, new vscode.Position(document.lineCount, 0), '\nclaim freshClaim "A claim added while the map is open" supported by genderPattern\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        await waitFor(async () => ((await webviewCount('svg [data-id="freshClaim"]')) ?? 0) === 1, 'the new claim in the map', 30_000);
        assert.ok(((await webviewCount(NODE)) ?? 0) > (initial as number));

        // Clicking a datum's node opens its declaration in annex.warrant (after Fit, as a user
        // would, so that the node is on screen).
        await webviewClick('button.w-fit');
        await webviewClick('svg [data-id="teaRequest"]');
        const editor = await waitFor(() => vscode.window.visibleTextEditors.find(e => e.document.uri.path.endsWith('lscb/annex.warrant')), 'annex.warrant revealed', 15_000);
        const line = editor.document.lineAt(editor.selection.active.line).text;
        assert.match(line, /datum teaRequest/);
    });
});
