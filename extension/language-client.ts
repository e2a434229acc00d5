import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Starts the bundled language server in a Node process of its own, over IPC. */
export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
    const serverModule = context.asAbsolutePath('out/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'warrant' }],
        synchronize: {
            // Bibliographies, transcripts and the config live outside .warrant documents.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.warrant,*.bib,warrant.config.json,*.txt,*.md}')
        }
    };
    const client = new LanguageClient('warrant', 'Warrant', serverOptions, clientOptions);
    await client.start();
    return client;
}
