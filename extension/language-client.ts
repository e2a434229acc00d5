import * as vscode from 'vscode';
import {
    CloseAction, ErrorAction,
    type BaseLanguageClient, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions
} from 'vscode-languageclient';
import type { InitializationOptions } from '../language/protocol.js';
import { serveClientFiles } from './client-files.js';
import { platform } from './platform.js';

/** Restarts allowed within RESTART_WINDOW_MS before giving up (a crash loop must not spin forever). */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * The files whose changes the server needs: bibliographies (BibTeX and CSL-JSON), transcripts,
 * REFI-QDA projects (`.qdpx`) and the config live outside .warrant documents, and Markdown
 * manuscripts are part of the workspace. One watcher for the whole activation, disposed with
 * it: the client only stops listening to it, and a new client starts when the workspace is
 * trusted.
 */
export function watchWarrantFiles(context: vscode.ExtensionContext): vscode.FileSystemWatcher {
    const watcher = vscode.workspace.createFileSystemWatcher('**/{*.warrant,*.bib,*.json,*.txt,*.md,*.qmd,*.markdown,*.qdpx}');
    context.subscriptions.push(watcher);
    return watcher;
}

/**
 * Starts the bundled language server (a Node process on the desktop, a Web Worker in the browser).
 * Returns at once: activation does not wait for the server (requests wait for it instead).
 */
export function startLanguageClient(context: vscode.ExtensionContext, fileEvents: vscode.FileSystemWatcher): BaseLanguageClient {
    const clientOptions: LanguageClientOptions = {
        // Markdown and Quarto manuscripts: their `warrant` fences and their prose (see docs/manuscripts.md).
        documentSelector: [{ language: 'warrant' }, { language: 'markdown', scheme: 'file' }, { language: 'quarto' }, { pattern: '**/*.qmd' }],
        synchronize: { fileEvents },
        // Untrusted workspaces: the server reads nothing but the open documents (see docs/security.md).
        // Snippets come from the manifest's snippets/warrant.json; the server's would show twice.
        // Quick fixes that insert declarations run warrant.insertSnippet & co. (extension/editor-commands.ts).
        initializationOptions: { trusted: vscode.workspace.isTrusted === true, completionSnippets: false, editorCommands: true, clientFiles: true } satisfies InitializationOptions,
        errorHandler: new RestartingErrorHandler()
    };
    const client = platform().createClient(context, clientOptions);
    // Files outside `file:` (a virtual workspace) are read through the editor.
    serveClientFiles(client);
    client.start().catch(error => {
        void vscode.window.showErrorMessage(`The Warrant language server could not start: ${error instanceof Error ? error.message : String(error)}`);
    });
    return client;
}

/** Restarts a crashed server, telling the user once per session; stops after a crash loop. */
class RestartingErrorHandler implements ErrorHandler {
    private restarts: number[] = [];
    private told = false;

    error(): ErrorHandlerResult {
        return { action: ErrorAction.Continue };
    }

    closed(): CloseHandlerResult {
        const now = Date.now();
        this.restarts = this.restarts.filter(time => now - time < RESTART_WINDOW_MS);
        if (this.restarts.length >= MAX_RESTARTS) {
            return {
                action: CloseAction.DoNotRestart,
                message: `The Warrant language server stopped ${MAX_RESTARTS} times in 3 minutes and will not be restarted. Run "Warrant: Restart Language Server" after fixing the cause (see the Warrant output channel).`
            };
        }
        this.restarts.push(now);
        if (!this.told) {
            this.told = true;
            void vscode.window.showWarningMessage('The Warrant language server stopped unexpectedly and was restarted. Your text is unaffected.');
        }
        return { action: CloseAction.Restart, handled: true };
    }
}
