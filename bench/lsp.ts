/**
 * The benchmark's LSP client: spawns the bundled server (`node out/server.cjs --stdio`) with a
 * generated workspace as its root folder and speaks JSON-RPC to it, like test/helpers/lsp-client.ts
 * but keeping every `publishDiagnostics` with its arrival time and sending incremental edits
 * (what VS Code sends while typing).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, InitializedNotification,
    InitializeRequest, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter,
    type Diagnostic, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import { CompletionRequest, HoverRequest, type CompletionItem, type CompletionList, type Hover, type Position } from 'vscode-languageserver-protocol';
import { stopServer } from '../test/helpers/lsp-client.js';
import { memoryOf, REPOSITORY, threadTimes } from './common.js';

/** The server the benchmark talks to; WARRANT_BENCH_SERVER overrides it (experiments with a patched bundle). */
export const SERVER_BUNDLE = process.env.WARRANT_BENCH_SERVER ?? path.join(REPOSITORY, 'out/server.cjs');

export interface Publish {
    seq: number;
    uri: string;
    time: number;
    diagnostics: Diagnostic[];
}

export class BenchClient {
    readonly connection: ProtocolConnection;
    readonly publishes: Publish[] = [];
    private readonly texts = new Map<string, string>();
    private readonly versions = new Map<string, number>();
    private readonly waiters = new Set<() => void>();
    private seq = 0;
    stderr = '';
    readonly startedAt = performance.now();

    private constructor(readonly process: ChildProcess, readonly rootDir: string) {
        this.connection = createProtocolConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
        process.stderr!.on('data', chunk => (this.stderr = (this.stderr + String(chunk)).slice(-20000)));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.publishes.push({ seq: ++this.seq, uri: params.uri, time: performance.now(), diagnostics: params.diagnostics });
            for (const wake of [...this.waiters]) {
                wake();
            }
        });
        this.connection.listen();
    }

    static async start(rootDir: string, nodeFlags: string[] = []): Promise<BenchClient> {
        const child = spawn(process.execPath, [...nodeFlags, SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const client = new BenchClient(child, rootDir);
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
            }
        });
        await client.connection.sendNotification(InitializedNotification.type, {});
        return client;
    }

    get pid(): number {
        return this.process.pid!;
    }

    get lastSeq(): number {
        return this.seq;
    }

    uri(file: string): string {
        return pathToFileURL(path.join(this.rootDir, file)).href;
    }

    text(file: string): string {
        return this.texts.get(file)!;
    }

    async open(file: string): Promise<void> {
        const text = readFileSync(path.join(this.rootDir, file), 'utf8');
        this.texts.set(file, text);
        this.versions.set(file, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: this.uri(file), languageId: 'warrant', version: 1, text }
        });
    }

    /** Replaces [start, end) of the open document by `insert`, as one incremental change. Returns the seq before sending. */
    async edit(file: string, start: number, end: number, insert: string): Promise<{ seq: number; sentAt: number }> {
        const text = this.texts.get(file)!;
        const range = { start: positionAt(text, start), end: positionAt(text, end) };
        this.texts.set(file, text.slice(0, start) + insert + text.slice(end));
        const version = (this.versions.get(file) ?? 1) + 1;
        this.versions.set(file, version);
        const seq = this.seq;
        const sentAt = performance.now();
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: this.uri(file), version },
            contentChanges: [{ range, text: insert }]
        });
        return { seq, sentAt };
    }

    /** The first publish for `file` after `sinceSeq` whose diagnostics satisfy `accept`. */
    async waitFor(file: string, sinceSeq: number, accept: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 60_000): Promise<Publish> {
        const uri = this.uri(file);
        const deadline = performance.now() + timeoutMs;
        let checked = 0;
        for (;;) {
            for (let i = checked; i < this.publishes.length; i++) {
                const p = this.publishes[i]!;
                if (p.seq > sinceSeq && p.uri === uri && accept(p.diagnostics)) {
                    return p;
                }
            }
            checked = this.publishes.length;
            const remaining = deadline - performance.now();
            if (remaining <= 0) {
                const last = [...this.publishes].reverse().find(p => p.uri === uri);
                throw new Error(`no matching diagnostics for ${file} within ${timeoutMs} ms; last: ${JSON.stringify(last?.diagnostics.slice(0, 5).map(d => [d.code, d.message]))}\n${this.stderr.slice(-3000)}`);
            }
            await this.nextPublish(remaining);
        }
    }

    /** Resolves once every file in `files` has had a publish after `sinceSeq`. */
    async waitForAll(files: string[], sinceSeq: number, timeoutMs = 300_000): Promise<number> {
        const pending = new Set(files.map(f => this.uri(f)));
        const deadline = performance.now() + timeoutMs;
        let checked = 0;
        let lastTime = 0;
        for (;;) {
            for (let i = checked; i < this.publishes.length; i++) {
                const p = this.publishes[i]!;
                if (p.seq > sinceSeq && pending.delete(p.uri)) {
                    lastTime = p.time;
                }
            }
            checked = this.publishes.length;
            if (pending.size === 0) {
                return lastTime;
            }
            const remaining = deadline - performance.now();
            if (remaining <= 0) {
                throw new Error(`no diagnostics for ${pending.size} files within ${timeoutMs} ms, e.g. ${[...pending][0]}\n${this.stderr.slice(-3000)}`);
            }
            await this.nextPublish(remaining);
        }
    }

    /** Resolves when no diagnostics have arrived for `quietMs`. */
    async settle(quietMs = 150, timeoutMs = 60_000): Promise<void> {
        const deadline = performance.now() + timeoutMs;
        for (;;) {
            const seq = this.seq;
            await new Promise(resolve => setTimeout(resolve, quietMs));
            if (this.seq === seq || performance.now() > deadline) {
                return;
            }
        }
    }

    private nextPublish(timeoutMs: number): Promise<void> {
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

    hover(file: string, position: Position): Promise<Hover | null> {
        return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: this.uri(file) }, position });
    }

    completion(file: string, position: Position): Promise<CompletionList | CompletionItem[] | null> {
        return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: this.uri(file) }, position });
    }

    memory(): { peakMb: number; rssMb: number } | undefined {
        return memoryOf(this.pid);
    }

    /** On-CPU and run-queue-wait time (ms) of the server's main thread so far. */
    mainThread(): { cpuMs: number; waitMs: number } {
        return threadTimes(this.pid);
    }

    stop(): Promise<void> {
        return stopServer(this.connection, this.process, { shutdownMs: 5000, killAfterMs: 10_000 });
    }
}

export function positionAt(text: string, offset: number): Position {
    let line = 0;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, character: offset - lineStart };
}
