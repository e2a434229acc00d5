import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { WorkspaceSummaryRequest, type WorkspaceSummary, type WorkspaceSummaryResult } from '../language/protocol.js';
import { countOf } from '../language/analysis/check-summary.js';

/** What *Warrant: Check Workspace* reports (also returned to the caller: tests, other extensions). */
export interface CheckWorkspaceResult extends WorkspaceSummaryResult {
    message: string;
}

/** `12 files · 93 claims · 79 grounded · 3 errors · 14 warnings`: the figures of `warrant check`'s summary. */
export function summaryLine(summary: WorkspaceSummary): string {
    return [countOf(summary.files, 'file'), countOf(summary.claims, 'claim'), `${summary.grounded} grounded`, countOf(summary.errors, 'error'), countOf(summary.warnings, 'warning')].join(' · ');
}

/**
 * Asks the server for the workspace's summary (the CLI's figures, once every file is checked),
 * shows it in a notification and the Warrant output channel, and focuses the Problems panel.
 */
export async function checkWorkspace(client: LanguageClient | undefined): Promise<CheckWorkspaceResult | undefined> {
    if (!client) {
        void vscode.window.showErrorMessage('The Warrant language server is not running. Run "Warrant: Restart Language Server".');
        return undefined;
    }
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Warrant: checking the workspace' },
        () => client.sendRequest(WorkspaceSummaryRequest.method, {}) as Promise<WorkspaceSummaryResult>
    );
    const message = summaryLine(result.summary);
    client.outputChannel.appendLine(`Check Workspace: ${message}`);
    for (const problem of result.configProblems) {
        client.outputChannel.appendLine(`  warrant.config.json: ${problem}`);
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const notify = result.summary.errors > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void notify(`Warrant: ${message}`, 'Show Output').then(answer => {
        if (answer) {
            client.outputChannel.show(true);
        }
    });
    return { ...result, message };
}
