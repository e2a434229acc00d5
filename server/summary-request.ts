import { DocumentState, isOperationCancelled } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { summarize, toRecord } from '../language/analysis/check-summary.js';
import { WorkspaceSummaryRequest, type WorkspaceSummaryResult } from '../language/protocol.js';
import type { WarrantServices } from '../language/warrant-module.js';

/** Edits that cancel the validation of the unopened files are waited out this many times. */
const ATTEMPTS = 5;

/**
 * Answers `warrant/summary` with the figures `warrant check` prints. The server validates only
 * the documents the editor opened (the workspace's other files are indexed, not checked, at
 * start-up); this request validates the rest first, so their diagnostics are published to the
 * Problems panel too and the figures are the whole workspace's.
 */
export function registerSummaryRequest(connection: Connection, services: WarrantServices): void {
    const shared = services.shared;
    const workspace = shared.workspace;
    // By method name: the server's vscode-languageserver carries its own copy of the protocol classes.
    connection.onRequest(WorkspaceSummaryRequest.method, async (_params: unknown, cancelToken: CancellationToken): Promise<WorkspaceSummaryResult> => {
        await workspace.WorkspaceManager.ready;
        for (let attempt = 1; ; attempt++) {
            await workspace.DocumentBuilder.waitUntil(DocumentState.Validated, cancelToken);
            try {
                await workspace.WorkspaceLock.write(async token => {
                    const unchecked = workspace.LangiumDocuments.all.filter(document => document.state < DocumentState.Validated).toArray();
                    if (unchecked.length > 0) {
                        await workspace.DocumentBuilder.build(unchecked, { validation: true }, token);
                    }
                });
                break;
            } catch (error) {
                // An edit arrived meanwhile (it cancels the build): check again once it is built.
                if (!isOperationCancelled(error) || attempt === ATTEMPTS || cancelToken.isCancellationRequested) {
                    throw error;
                }
            }
        }
        return workspace.WorkspaceLock.read(() => ({
            summary: summarize(workspace.LangiumDocuments.all.map(document => ({ diagnostics: (document.diagnostics ?? []).map(toRecord) })).toArray(), services.warrant.Analysis.get()),
            configProblems: [...services.warrant.Files.configProblems]
        }));
    });
}
