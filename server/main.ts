import '../language/polyfills.js';
import v8 from 'node:v8';
import { NodeFileSystemProvider } from 'langium/node';
import { SchemeFileSystemProvider } from '../language/workspace/client-files.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { IncomingMessages } from './incoming-messages.js';
import { startWarrantServer } from './start-server.js';
import { stdioRequested, stdioTransport } from './stdio-transport.js';

// The transport (IPC from VS Code, or --stdio / --node-ipc / --socket=N from other editors)
// is chosen by vscode-languageserver from the command line, except --stdio (stdio-transport.ts).
// The live heap of a 10,000-claim workspace is ~185 MB, but V8's default heap growth lets it reach
// 4× that between full collections while the user types; collect sooner (docs/performance.md).
v8.setFlagsFromString('--heap-growing-percent=30');

const clientUris = new Map<string, string>();
const incoming = new IncomingMessages(clientUris);
const stdio = stdioRequested() ? stdioTransport() : undefined;
const connection = stdio
    ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer, { messageStrategy: incoming })
    : createConnection(ProposedFeatures.all, { messageStrategy: incoming });
stdio?.attach(connection);
// Local files from the disk; a virtual workspace's (vscode-vfs: and the like) through the client.
startWarrantServer(connection, incoming, clientUris, {
    fileSystemProvider: clientFileSystem => new SchemeFileSystemProvider(new NodeFileSystemProvider(), clientFileSystem),
    runtime: `Node ${process.version}`
});
