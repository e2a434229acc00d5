import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands.js';
import { startLanguageClient } from './language-client.js';
import { PreviewManager } from './preview/preview-manager.js';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
    client = startLanguageClient(context);
    const previews = new PreviewManager(() => client, context.extensionUri);
    context.subscriptions.push(previews);
    registerCommands(context, previews, () => client);
    context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(async () => {
        // Trust lets the server read bibliographies and transcripts: start it again with it.
        await client?.stop();
        client = startLanguageClient(context);
    }));
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
