import * as vscode from 'vscode';
import {
    CloseAction, ErrorAction, LanguageClient, TransportKind,
    type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions, type ServerOptions
} from 'vscode-languageclient/node';
import type { InitializationOptions } from '../language/protocol.js';

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
 * Starts the bundled language server in a Node process of its own, over IPC. Returns at once:
 * activation does not wait for the server (requests wait for it instead).
 */
export function startLanguageClient(context: vscode.ExtensionContext, fileEvents: vscode.FileSystemWatcher): LanguageClient {
    const serverModule = context.asAbsolutePath('out/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        // Markdown and Quarto manuscripts: their `warrant` fences and their prose (see docs/manuscripts.md).
        documentSelector: [{ language: 'warrant' }, { language: 'markdown', scheme: 'file' }, { language: 'quarto' }, { pattern: '**/*.qmd' }],
        synchronize: { fileEvents },
        // Untrusted workspaces: the server reads nothing but the open documents (see docs/security.md).
        // Snippets come from the manifest's snippets/warrant.json; the server's would show twice.
        // Quick fixes that insert declarations run warrant.insertSnippet & co. (extension/editor-commands.ts).
        initializationOptions: { trusted: vscode.workspace.isTrusted === true, completionSnippets: false, editorCommands: true } satisfies InitializationOptions,
        errorHandler: new RestartingErrorHandler()
    };
    const client = new LanguageClient('warrant', 'Warrant', serverOptions, clientOptions);
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
