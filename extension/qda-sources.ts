import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { QDA_SOURCE_SCHEME, QdaSourceRequest, type QdaSourceParams } from '../language/protocol.js';

/**
 * Shows the text of a REFI-QDA project's source, read-only, where go to definition on a
 * `segment "…" in project` lands: the language server has the text (it read the project).
 */
export function registerQdaSources(getClient: () => LanguageClient | undefined): vscode.Disposable {
    return vscode.workspace.registerTextDocumentContentProvider(QDA_SOURCE_SCHEME, {
        async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
            const client = getClient();
            const params: QdaSourceParams = { uri: uri.toString() };
            const answer = client ? await client.sendRequest(QdaSourceRequest.method, params) as { text: string } | null : null;
            return answer?.text ?? 'This source is not available: the project that holds it is no longer read by Warrant.';
        }
    });
}
