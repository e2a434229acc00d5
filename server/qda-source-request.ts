import path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { wholeText } from '../language/qda/index.js';
import { parseQdaSourceUri } from '../language/lsp/qda-source-uri.js';
import { QdaSourceRequest, type QdaSourceParams } from '../language/protocol.js';
import type { WarrantServices } from '../language/warrant-module.js';

/**
 * Answers `warrant/qdaSource` with the text of a source of a project the workspace has read:
 * only a project a document names and the server read (inside the workspace, trusted), never
 * a file named by the request itself.
 */
export function registerQdaSourceRequest(connection: Connection, services: WarrantServices): void {
    // By method name: the server's vscode-languageserver carries its own copy of the protocol classes.
    connection.onRequest(QdaSourceRequest.method, (params: QdaSourceParams): { text: string } | null => {
        const target = typeof params?.uri === 'string' ? parseQdaSourceUri(params.uri) : undefined;
        const index = target ? services.warrant.Files.projects.cached(path.resolve(target.projectFile)) : undefined;
        const utf8 = target ? index?.source(target.sourceGuid)?.utf8 : undefined;
        return utf8 === undefined ? null : { text: wholeText(utf8) };
    });
}
