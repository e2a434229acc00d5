import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    createProtocolConnection, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidChangeWatchedFilesNotification, FileChangeType, DidOpenTextDocumentNotification, ExitNotification,
    InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
    type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';
import {
    CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DocumentFormattingRequest, DocumentHighlightRequest, DocumentOnTypeFormattingRequest,
    DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, InlayHintRequest, PrepareRenameRequest, ReferencesRequest, RenameRequest,
    SemanticTokensRequest, WorkspaceSymbolRequest,
    type CodeAction, type CodeLens, type Command, type CompletionItem, type CompletionList, type DocumentHighlight, type DocumentSymbol, type FoldingRange, type Hover,
    type InlayHint, type Location, type LocationLink, type Position, type PrepareRenameResult, type Range, type SemanticTokens,
    type SymbolInformation, type TextEdit, type WorkspaceEdit, type WorkspaceSymbol
} from 'vscode-languageserver-protocol';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER_BUNDLE = path.join(repository, 'out/server.cjs');

/** One `publishDiagnostics`, numbered in arrival order, with its arrival time (performance.now()). */
export interface Publish {
    seq: number;
    uri: string;
    time: number;
    diagnostics: Diagnostic[];
}

/** How the server process is started: a command prefix (`strace …`), Node flags, another bundle. */
export interface Launch {
    wrapper?: string[];
    nodeFlags?: string[];
    bundle?: string;
}

/** What the server wrote on stderr is kept up to this many characters (the latest). */
const STDERR_KEPT = 100_000;

/**
 * A real LSP client: spawns the bundled server (`node out/server.cjs --stdio`) and speaks
 * JSON-RPC to it over its stdin/stdout, like Neovim or Helix would. The tests and the
 * benchmark (bench/lsp.ts extends it) share it.
 */
export class LspClient {
    readonly connection: ProtocolConnection;
    private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
    private readonly waiters = new Set<() => void>();
    private readonly versions = new Map<string, number>();
    /** Every diagnostics notification in arrival order. */
    readonly publishes: Publish[] = [];
    /** Every diagnostics notification, counted per URI (test/robustness: cancelled builds publish nothing). */
    readonly publishCounts = new Map<string, number>();
    /** `window/logMessage` notifications (what the server reports of its own trouble). */
    readonly logMessages: Array<{ type: number; message: string }> = [];
    stderr = '';
    readonly startedAt = performance.now();

    protected constructor(readonly process: ChildProcess, readonly rootDir: string) {
        this.connection = createProtocolConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
        process.stderr!.on('data', chunk => (this.stderr = (this.stderr + String(chunk)).slice(-STDERR_KEPT)));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params);
            this.publishes.push({ seq: this.publishes.length + 1, uri: params.uri, time: performance.now(), diagnostics: params.diagnostics });
            this.publishCounts.set(params.uri, (this.publishCounts.get(params.uri) ?? 0) + 1);
            [...this.waiters].forEach(wake => wake());
        });
        this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
            this.logMessages.push(params);
        });
        this.connection.listen();
    }

    static async start(rootDir: string, initializationOptions?: unknown): Promise<LspClient> {
        return LspClient.launch((child, dir) => new LspClient(child, dir), rootDir, initializationOptions);
    }

    /**
     * Like `start`, with the server's command line prefixed by `wrapper` (test/robustness runs it
     * under `strace` to see every file it opens).
     */
    static async startWith(wrapper: string[], rootDir: string, initializationOptions?: unknown): Promise<LspClient> {
        return LspClient.launch((child, dir) => new LspClient(child, dir), rootDir, initializationOptions, { wrapper });
    }

    /** Spawns the server, wraps it in `make`'s client and initializes it with `rootDir` as the workspace folder. */
    protected static async launch<T extends LspClient>(make: (child: ChildProcess, rootDir: string) => T, rootDir: string, initializationOptions?: unknown, launch: Launch = {}): Promise<T> {
        const command = [...(launch.wrapper ?? []), process.execPath, ...(launch.nodeFlags ?? []), launch.bundle ?? SERVER_BUNDLE, '--stdio'];
        const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
        const client = make(child, rootDir);
        const rootUri = pathToFileURL(rootDir).href;
        await client.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: path.basename(rootDir) }],
            capabilities: {
                textDocument: {
                    synchronization: { didSave: true, dynamicRegistration: false },
                    publishDiagnostics: { relatedInformation: true },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    completion: { completionItem: { snippetSupport: true } }
                },
                workspace: { workspaceFolders: true, configuration: false }
            },
            initializationOptions
        });
        await client.connection.sendNotification(InitializedNotification.type, {});
        return client;
    }

    /** The number of the last diagnostics notification received (0 before the first). */
    get lastSeq(): number {
        return this.publishes.length;
    }

    uri(file: string): string {
        return pathToFileURL(path.join(this.rootDir, file)).href;
    }

    async open(file: string, text: string, languageId = 'warrant'): Promise<void> {
        this.versions.set(file, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: this.uri(file), languageId, version: 1, text }
        });
    }

    async change(file: string, text: string): Promise<void> {
        const version = (this.versions.get(file) ?? 1) + 1;
        this.versions.set(file, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: this.uri(file), version },
            contentChanges: [{ text }]
        });
    }

    /** Incremental changes (ranges in UTF-16 code units, as LSP's default position encoding). */
    async changeRanges(file: string, changes: Array<{ range: Range; text: string }>): Promise<void> {
        const version = (this.versions.get(file) ?? 1) + 1;
        this.versions.set(file, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: this.uri(file), version },
            contentChanges: changes
        });
    }

    async close(file: string): Promise<void> {
        this.versions.delete(file);
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri(file) } });
    }

    /** The last diagnostics published for `file` (undefined before the first). */
    lastDiagnostics(file: string): Diagnostic[] | undefined {
        return this.diagnostics.get(this.uri(file))?.diagnostics;
    }

    /** Tells the server that files changed on disk, as an editor's file watcher would. */
    async filesChanged(files: string[], type: FileChangeType = FileChangeType.Changed): Promise<void> {
        await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: files.map(file => ({ uri: this.uri(file), type })) });
    }

    /** Resolves with the first published diagnostics of `file` that satisfy `accept`. */
    async diagnosticsOf(file: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs = 15000): Promise<Diagnostic[]> {
        const uri = this.uri(file);
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const current = this.diagnostics.get(uri);
            if (current && accept(current.diagnostics)) {
                return current.diagnostics;
            }
            const remaining = deadline - Date.now();
            if (remaining <= 0) {
                throw new Error(`no matching diagnostics for ${file} within ${timeoutMs} ms; last: ${JSON.stringify(current?.diagnostics.map(d => [d.code, d.message]))}\n${this.stderr}`);
            }
            await this.nextPublish(remaining);
        }
    }

    /** Resolves at the next diagnostics notification, or after `timeoutMs`. */
    protected nextPublish(timeoutMs: number): Promise<void> {
        return new Promise(resolve => {
            const wake = () => {
                clearTimeout(timer);
                this.waiters.delete(wake);
                resolve();
            };
            const timer = setTimeout(wake, timeoutMs);
            this.waiters.add(wake);
        });
    }

    // --- Editor requests (test/lsp): thin typed wrappers over the JSON-RPC requests. ---

    private position(file: string, position: Position): { textDocument: { uri: string }; position: Position } {
        return { textDocument: { uri: this.uri(file) }, position };
    }

    hover(file: string, position: Position): Promise<Hover | null> {
        return this.connection.sendRequest(HoverRequest.type, this.position(file, position));
    }

    completion(file: string, position: Position): Promise<CompletionList | CompletionItem[] | null> {
        return this.connection.sendRequest(CompletionRequest.type, this.position(file, position));
    }

    definition(file: string, position: Position): Promise<Location | Location[] | LocationLink[] | null> {
        return this.connection.sendRequest(DefinitionRequest.type, this.position(file, position));
    }

    references(file: string, position: Position, includeDeclaration = true): Promise<Location[] | null> {
        return this.connection.sendRequest(ReferencesRequest.type, { ...this.position(file, position), context: { includeDeclaration } });
    }

    documentHighlight(file: string, position: Position): Promise<DocumentHighlight[] | null> {
        return this.connection.sendRequest(DocumentHighlightRequest.type, this.position(file, position));
    }

    prepareRename(file: string, position: Position): Promise<PrepareRenameResult | null> {
        return this.connection.sendRequest(PrepareRenameRequest.type, this.position(file, position));
    }

    rename(file: string, position: Position, newName: string): Promise<WorkspaceEdit | null> {
        return this.connection.sendRequest(RenameRequest.type, { ...this.position(file, position), newName });
    }

    documentSymbols(file: string): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
        return this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: this.uri(file) } });
    }

    workspaceSymbols(query: string): Promise<SymbolInformation[] | WorkspaceSymbol[] | null> {
        return this.connection.sendRequest(WorkspaceSymbolRequest.type, { query });
    }

    foldingRanges(file: string): Promise<FoldingRange[] | null> {
        return this.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: this.uri(file) } });
    }

    formatting(file: string, options = { tabSize: 4, insertSpaces: true }): Promise<TextEdit[] | null> {
        return this.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: this.uri(file) }, options });
    }

    onTypeFormatting(file: string, position: Position, ch: string, options = { tabSize: 4, insertSpaces: true }): Promise<TextEdit[] | null> {
        return this.connection.sendRequest(DocumentOnTypeFormattingRequest.type, { ...this.position(file, position), ch, options });
    }

    codeLens(file: string): Promise<CodeLens[] | null> {
        return this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: this.uri(file) } });
    }

    inlayHints(file: string, range: Range): Promise<InlayHint[] | null> {
        return this.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: this.uri(file) }, range });
    }

    semanticTokens(file: string): Promise<SemanticTokens | null> {
        return this.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: this.uri(file) } });
    }

    codeActions(file: string, range: Range, diagnostics: Diagnostic[]): Promise<Array<Command | CodeAction> | null> {
        return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: this.uri(file) }, range, context: { diagnostics } });
    }

    stop(): Promise<void> {
        return stopServer(this.connection, this.process, { shutdownMs: 2000, killAfterMs: 2000 });
    }
}

/**
 * Ends a server the LSP way (shutdown, then exit), without waiting long on one that no longer
 * answers, and kills it if it has not exited after `killAfterMs`.
 */
export async function stopServer(connection: ProtocolConnection, child: ChildProcess, timeouts: { shutdownMs: number; killAfterMs: number }): Promise<void> {
    try {
        await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise(resolve => setTimeout(resolve, timeouts.shutdownMs))]);
        await connection.sendNotification(ExitNotification.type);
    } catch {
        // already gone
    }
    connection.dispose();
    if (child.exitCode === null) {
        await new Promise(resolve => {
            const timer = setTimeout(() => {
                child.kill('SIGKILL');
                resolve(undefined);
            }, timeouts.killAfterMs);
            child.once('exit', () => {
                clearTimeout(timer);
                resolve(undefined);
            });
        });
    }
}
