import '../language/polyfills.js';
import v8 from 'node:v8';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createWarrantServices } from '../language/warrant-module.js';
import { registerGraphRequest } from './graph-request.js';
import { registerSummaryRequest } from './summary-request.js';

// The transport (IPC from VS Code, or --stdio / --node-ipc / --socket=N from other editors)
// is chosen by vscode-languageserver from the command line.
// The live heap of a 10,000-claim workspace is ~185 MB, but V8's default heap growth lets it reach
// 4× that between full collections while the user types; collect sooner (docs/performance.md).
v8.setFlagsFromString('--heap-growing-percent=30');

const connection = createConnection(ProposedFeatures.all);
const { shared, Warrant } = createWarrantServices({ connection, ...NodeFileSystem });
registerGraphRequest(connection, Warrant);
registerSummaryRequest(connection, Warrant);
startLanguageServer(shared);
