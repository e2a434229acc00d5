import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands.js';
import { startLanguageClient, watchWarrantFiles } from './language-client.js';
import { PreviewManager } from './preview/preview-manager.js';

let client: LanguageClient | undefined;

/** What the extension exposes to other extensions (and its tests). */
export interface WarrantExtensionApi {
    /**
     * Milliseconds `activate` took: VS Code's "activate call" time. The host measures the code
     * loading before it (the bundle's require); together they are the activation time that
     * "Developer: Show Running Extensions" shows.
     */
    activateCallMs: number;
}

export function activate(context: vscode.ExtensionContext): WarrantExtensionApi {
    const started = performance.now();
    const fileEvents = watchWarrantFiles(context);
    client = startLanguageClient(context, fileEvents);
    const previews = new PreviewManager(() => client, context.extensionUri);
    context.subscriptions.push(previews, previews.listenTo(client));
    registerCommands(context, previews, () => client);
    context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(async () => {
        // Trust lets the server read bibliographies and transcripts: start it again with it.
        await client?.stop();
        client = startLanguageClient(context, fileEvents);
        context.subscriptions.push(previews.listenTo(client));
    }));
    return { activateCallMs: performance.now() - started };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
