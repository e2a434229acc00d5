// Screenshots of the workbench for people to look at (test-output/vscode/*.png). Only run-web.mjs
// takes them; elsewhere this suite is skipped.
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, diagnosticsOf, hasCommand, log, openFixture, screenshot, screenshotsAvailable, waitFor, webviewClick, webviewCount } from './helpers.js';

suite('Screenshots', () => {
    suiteSetup(function () {
        if (!screenshotsAvailable()) this.skip();
    });
    teardown(closeAllEditors);

    test('a .warrant file with its diagnostics in the Problems panel', async () => {
        const { document } = await openFixture('linking.warrant');
        await waitFor(() => diagnosticsOf(document.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error),
            () => `an error diagnostic; have:\n${describeDiagnostics(diagnosticsOf(document.uri))}`);
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await screenshot('workbench-problems');
    });

    test('the preview to the side', async function () {
        if (!(await hasCommand('warrant.openPreviewToSide'))) {
            log('note: the command warrant.openPreviewToSide is not registered yet; no preview screenshot');
            this.skip();
        }
        // Room for the map, as a researcher would arrange it: no side bar, no panel.
        await vscode.commands.executeCommand('workbench.action.closeSidebar');
        await vscode.commands.executeCommand('workbench.action.closePanel');
        // Toasts left by earlier suites (an export test's refused target) would cover the map.
        await vscode.commands.executeCommand('notifications.clearAll');
        try {
            const { document } = await openFixture('lscb/argument.warrant');
            await vscode.commands.executeCommand('warrant.openPreviewToSide');
            await screenshot('preview', { webview: true, selector: 'svg [data-id]', settleMs: 1_500 });
            // What the code lens above a claim does: its support tree alone.
            await vscode.commands.executeCommand('warrant.showTrace', document.uri.toString(), 'genderHypothesis');
            await screenshot('preview-focus', { webview: true, selector: 'svg [data-id="genderHypothesis"]', settleMs: 1_500 });
            // The whole case study, fitted: its files and sections as labelled groups.
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
            await vscode.commands.executeCommand('warrant.openWorkspaceMap');
            await waitFor(async () => ((await webviewCount('svg [data-id]')) ?? 0) > 100, 'the workspace map', 45_000);
            await webviewClick('button.w-fit');
            await screenshot('map-workspace', { webview: true, selector: '.w-lod-group', settleMs: 1_500 });
        } finally {
            await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
        }
    });
});
