import type { DocumentBuilder } from 'langium';
import type { Connection } from 'vscode-languageserver';

/**
 * Langium publishes the diagnostics of every document it validates. A workspace-wide change
 * (the configuration, a bibliography) and a change of findings elsewhere revalidate documents
 * whose diagnostics mostly stay as they were; re-publishing them costs a JSON message each and
 * makes the editor redraw their problems. A document's diagnostics are published when they
 * differ from what the client last received for it, and always once after its text changed
 * or it was removed: that publish is the answer to the edit.
 */
export function publishOnlyChanges(connection: Connection, builder: DocumentBuilder): void {
    const published = new Map<string, string>();
    const answerDue = new Set<string>();
    builder.onUpdate((changed, deleted) => {
        for (const uri of [...changed, ...deleted]) {
            answerDue.add(uri.toString());
        }
    });
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => {
        const diagnostics = JSON.stringify(params.diagnostics);
        if (!answerDue.delete(params.uri) && published.get(params.uri) === diagnostics) {
            return Promise.resolve();
        }
        published.set(params.uri, diagnostics);
        return send(params);
    };
}
