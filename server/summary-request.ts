import { DocumentState } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { summarize, toRecord } from '../cli/check-report.js';
import { WorkspaceSummaryRequest, type WorkspaceSummaryResult } from '../language/protocol.js';
import type { WarrantServices } from '../language/warrant-module.js';

/** Answers `warrant/summary` with the figures `warrant check` prints, once the workspace is validated. */
export function registerSummaryRequest(connection: Connection, services: WarrantServices): void {
    const shared = services.shared;
    // By method name: the server's vscode-languageserver carries its own copy of the protocol classes.
    connection.onRequest(WorkspaceSummaryRequest.method, async (_params: unknown, cancelToken: CancellationToken): Promise<WorkspaceSummaryResult> => {
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, cancelToken);
        return shared.workspace.WorkspaceLock.read(() => {
            const files = shared.workspace.LangiumDocuments.all
                .map(document => ({ diagnostics: (document.diagnostics ?? []).map(toRecord) }))
                .toArray();
            return {
                summary: summarize(files, services.warrant.Analysis.get()),
                configProblems: [...services.warrant.Files.configProblems]
            };
        });
    });
}
