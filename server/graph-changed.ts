import { DocumentState } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { GraphChangedNotification, type GraphChangedParams } from '../language/protocol.js';
import type { WarrantServices } from '../language/warrant-module.js';

/** Builds within this time of the first (a file saved with its bibliography, a revalidation of stale documents) make one notification. */
const COALESCE_MS = 50;

/**
 * Tells the client which documents each build validated (`warrant/graphChanged`), so a map
 * refreshes after a bibliography, transcript or configuration changed on disk, which no
 * editor event reports. Builds that validate nothing send nothing; the documents of builds
 * in quick succession are sent together. A map's refresh only reads, so it never causes one.
 */
export function notifyGraphChanges(connection: Connection, services: WarrantServices, clientUri: (uri: string) => string): void {
    const pending = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    // Langium calls this only for builds that validated at least one document.
    services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        documents.forEach(document => pending.add(document.uri.toString()));
        // Not pushed back by later builds: a storm of builds still notifies every COALESCE_MS.
        timer ??= setTimeout(() => {
            timer = undefined;
            const params: GraphChangedParams = { uris: [...pending].sort().map(clientUri) };
            pending.clear();
            try {
                // By method name: the server's vscode-languageserver carries its own copy of the protocol classes.
                connection.sendNotification(GraphChangedNotification.method, params).catch(() => undefined);
            } catch {
                // The connection closed while the notification waited: nobody is listening.
            }
        }, COALESCE_MS);
    });
}
