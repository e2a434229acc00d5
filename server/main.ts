import '../language/polyfills.js';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createWarrantServices } from '../language/warrant-module.js';
import { registerGraphRequest } from './graph-request.js';

// The transport (IPC from VS Code, or --stdio / --node-ipc / --socket=N from other editors)
// is chosen by vscode-languageserver from the command line.
const connection = createConnection(ProposedFeatures.all);
const { shared, Warrant } = createWarrantServices({ connection, ...NodeFileSystem });
registerGraphRequest(connection, Warrant);
startLanguageServer(shared);
