import '../language/polyfills.js';
import v8 from 'node:v8';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createWarrantServices } from '../language/warrant-module.js';
import packageJson from '../package.json' with { type: 'json' };
import { publishUnderClientUris } from './client-uris.js';
import { publishConfigDiagnostics } from './config-diagnostics.js';
import { notifyGraphChanges } from './graph-changed.js';
import { registerGraphRequest } from './graph-request.js';
import { IncomingMessages } from './incoming-messages.js';
import { answerLangiumErrorsAsErrors } from './response-errors.js';
import { logServerActivity } from './server-log.js';
import { stdioRequested, stdioTransport } from './stdio-transport.js';
import { registerQdaSourceRequest } from './qda-source-request.js';
import { registerSummaryRequest } from './summary-request.js';

// The transport (IPC from VS Code, or --stdio / --node-ipc / --socket=N from other editors)
// is chosen by vscode-languageserver from the command line, except --stdio (stdio-transport.ts).
// The live heap of a 10,000-claim workspace is ~185 MB, but V8's default heap growth lets it reach
// 4× that between full collections while the user types; collect sooner (docs/performance.md).
v8.setFlagsFromString('--heap-growing-percent=30');

answerLangiumErrorsAsErrors();
const clientUris = new Map<string, string>();
const incoming = new IncomingMessages(clientUris);
const stdio = stdioRequested() ? stdioTransport() : undefined;
const connection = stdio
    ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer, { messageStrategy: incoming })
    : createConnection(ProposedFeatures.all, { messageStrategy: incoming });
stdio?.attach(connection);
publishUnderClientUris(connection, clientUris);
const { shared, Warrant } = createWarrantServices({ connection, ...NodeFileSystem });
incoming.attach(shared, message => connection.console.warn(message));
registerGraphRequest(connection, Warrant);
notifyGraphChanges(connection, Warrant, uri => clientUris.get(uri) ?? uri);
logServerActivity(connection, Warrant, packageJson.version);
publishConfigDiagnostics(connection, Warrant);
registerSummaryRequest(connection, Warrant);
registerQdaSourceRequest(connection, Warrant);
startLanguageServer(shared);
