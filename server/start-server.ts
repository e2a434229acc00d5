import { startLanguageServer } from 'langium/lsp';
import type { FileSystemProvider } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { ReceivedInitializationOptions } from '../language/protocol.js';
import { ClientFiles, ClientFileSystemProvider } from '../language/workspace/client-files.js';
import { MAX_EXTERNAL_FILE_BYTES } from '../language/workspace/workspace-files.js';
import { createWarrantServices, type WarrantServices } from '../language/warrant-module.js';
import packageJson from '../package.json' with { type: 'json' };
import { publishUnderClientUris } from './client-uris.js';
import { publishConfigDiagnostics } from './config-diagnostics.js';
import { publishOnlyChanges } from './publish-changes.js';
import { notifyGraphChanges } from './graph-changed.js';
import { registerGraphRequest } from './graph-request.js';
import type { IncomingMessages } from './incoming-messages.js';
import { answerLangiumErrorsAsErrors } from './response-errors.js';
import { logServerActivity } from './server-log.js';
import { registerQdaSourceRequest } from './qda-source-request.js';
import { registerSummaryRequest } from './summary-request.js';

/**
 * The language server on a connection, the same on both transports: a Node process
 * (server/main.ts) and a Web Worker (server/web-main.ts). `incoming` must be the connection's
 * message strategy; `clientUris` the map it fills; `runtime` names where it runs, for the log.
 */
export function startWarrantServer(connection: Connection, incoming: IncomingMessages, clientUris: Map<string, string>, host: { fileSystemProvider: (clientFiles: ClientFileSystemProvider) => FileSystemProvider; runtime: string }): WarrantServices {
    answerLangiumErrorsAsErrors();
    publishUnderClientUris(connection, clientUris);
    // Files outside `file:` are read through the client (language/workspace/client-files.ts).
    const clientFiles = new ClientFiles((type, params) => connection.sendRequest(type.method, params));
    const clientFileSystem = new ClientFileSystemProvider(clientFiles, MAX_EXTERNAL_FILE_BYTES);
    const { shared, Warrant } = createWarrantServices({ connection, fileSystemProvider: () => host.fileSystemProvider(clientFileSystem), clientFiles });
    incoming.attach(shared, message => connection.console.warn(message));
    publishOnlyChanges(connection, shared.workspace.DocumentBuilder);
    shared.lsp.LanguageServer.onInitialize(params => {
        shared.workspace.ClientFiles.enabled = (params.initializationOptions as ReceivedInitializationOptions)?.clientFiles === true;
    });
    registerGraphRequest(connection, Warrant);
    notifyGraphChanges(connection, Warrant, uri => clientUris.get(uri) ?? uri);
    logServerActivity(connection, Warrant, packageJson.version, host.runtime);
    publishConfigDiagnostics(connection, Warrant);
    registerSummaryRequest(connection, Warrant);
    registerQdaSourceRequest(connection, Warrant);
    startLanguageServer(shared);
    return Warrant;
}

