// The map preview in the real workbench: it opens beside the editor, draws the case study, follows
// edits, and a click on a node reveals its declaration. The runner looks inside the webview.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MIN_PX, READABLE_PX, readMapText, type TextReading } from '../../webview/readability.js';
import { closeAllEditors, log, openFixture, resizeWorkbench, screenshot, screenshotsAvailable, waitFor, webviewClick, webviewCount, webviewEvaluate } from './helpers.js';

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

    test('the map reads at the size of the panel: argument.warrant and the focus on genderHypothesis, 800 px wide', async function () {
        this.timeout(180_000);
        if (!screenshotsAvailable()) {
            this.skip(); // measuring inside the webview needs the web runner
        }
        const MAP = '.w-canvas > svg.warrant-map';
        const panel = async () => (await webviewEvaluate(MAP, () => ({ width: window.innerWidth, height: window.innerHeight }), undefined))!;
        const read = async () => (await webviewEvaluate(MAP, readMapText, { readable: READABLE_PX, min: MIN_PX }))!;
        const describe = (r: TextReading) => `${r.drawn} drawn, ${r.readable} readable, ${r.tooSmall} under ${MIN_PX} px, median ${r.median.toFixed(1)} px, smallest ${JSON.stringify(r.smallest)}`;
        const settled = (what: string) => waitFor(async () => (await webviewCount(`${MAP}[data-scale]`)) === 1 && (await webviewCount('.w-viewport .w-node')) !== 0, what, 45_000);
        await vscode.commands.executeCommand('workbench.action.closeSidebar');
        await vscode.commands.executeCommand('workbench.action.closePanel');
        try {
            const { document } = await openFixture('lscb/argument.warrant');
            await vscode.commands.executeCommand('warrant.openPreviewToSide');
            await settled('the map of argument.warrant');
            // the window that makes the preview beside the editor 800 px wide
            const first = await panel();
            await resizeWorkbench(1400 + 2 * (800 - first.width), 1000);
            await vscode.commands.executeCommand('workbench.action.evenEditorWidths');
            await waitFor(async () => Math.abs((await panel()).width - 800) <= 12, 'an 800 px panel', 15_000);
            log(`preview panel: ${JSON.stringify(await panel())}`);

            const views: [string, () => Promise<void>][] = [
                ['argument.warrant', async () => undefined],
                ['focus on genderHypothesis', async () => {
                    await vscode.commands.executeCommand('warrant.showTrace', document.uri.toString(), 'genderHypothesis');
                    await waitFor(async () => (await webviewCount('.w-banner:not([hidden])')) === 1, 'focus mode', 30_000);
                    await settled('the support tree of genderHypothesis');
                }]
            ];
            for (const [name, open] of views) {
                await open();
                await new Promise(resolve => setTimeout(resolve, 500));
                const initial = await read();
                log(`${name}, first view: ${describe(initial)}`);
                assert.equal(initial.tooSmall, 0, `${name}, first view: ${describe(initial)}`);
                assert.ok(initial.readable >= 12, `${name}, first view: ${describe(initial)}`);
                await webviewClick('button.w-fit');
                await new Promise(resolve => setTimeout(resolve, 300));
                const fitted = await read();
                log(`${name}, after Fit: ${describe(fitted)}`);
                assert.equal(fitted.tooSmall, 0, `${name}, after Fit: ${describe(fitted)}`);
                assert.ok(fitted.readable >= 5, `${name}, after Fit: ${describe(fitted)}`);
            }
        } finally {
            await resizeWorkbench(1400, 900);
            await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
        }
    });
});
