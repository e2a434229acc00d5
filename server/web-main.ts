// The language server in a Web Worker (VS Code for the Web): messages come from the extension
// through postMessage. There is no disk: files outside the documents are read through the client.
import '../language/polyfills.js';
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { IncomingMessages } from './incoming-messages.js';
import { startWarrantServer } from './start-server.js';

/** The worker's own scope (the project's type library is the DOM's, not the worker's). */
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

const clientUris = new Map<string, string>();
const incoming = new IncomingMessages(clientUris);
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope), { messageStrategy: incoming });
startWarrantServer(connection, incoming, clientUris, { fileSystemProvider: clientFileSystem => clientFileSystem, runtime: 'a Web Worker' });
