/**
 * The benchmark's LSP client: the tests' stdio client (test/helpers/lsp-client.ts) with a
 * generated workspace as its root folder, sending incremental edits (what VS Code sends while
 * typing) and waiting on the numbered, timed publishes.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { SERVER_NODE_FLAGS } from '../extension/server-node-flags.js';
import { LspClient, stopServer, type Publish } from '../test/helpers/lsp-client.js';
import { memoryOf, REPOSITORY, threadTimes } from './common.js';

/** The server the benchmark talks to; WARRANT_BENCH_SERVER overrides it (experiments with a patched bundle). */
export const SERVER_BUNDLE = process.env.WARRANT_BENCH_SERVER ?? path.join(REPOSITORY, 'out/server.cjs');

export class BenchClient extends LspClient {
    private readonly texts = new Map<string, string>();

    private constructor(child: ChildProcess, rootDir: string) {
        super(child, rootDir);
    }

    /** Starts the server with the extension's Node flags, then `nodeFlags`. */
    static async startBench(rootDir: string, nodeFlags: string[] = []): Promise<BenchClient> {
        return LspClient.launch((child, dir) => new BenchClient(child, dir), rootDir, undefined, { nodeFlags: [...SERVER_NODE_FLAGS, ...nodeFlags], bundle: SERVER_BUNDLE });
    }

    get pid(): number {
        return this.process.pid!;
    }

    text(file: string): string {
        return this.texts.get(file)!;
    }

    /** Opens a file of the workspace with its text on disk. */
    override async open(file: string, text = readFileSync(path.join(this.rootDir, file), 'utf8')): Promise<void> {
        this.texts.set(file, text);
        await super.open(file, text);
    }

    /** Replaces [start, end) of the open document by `insert`, as one incremental change. Returns the seq before sending. */
    async edit(file: string, start: number, end: number, insert: string): Promise<{ seq: number; sentAt: number }> {
        const text = this.texts.get(file)!;
        const range = { start: positionAt(text, start), end: positionAt(text, end) };
        this.texts.set(file, text.slice(0, start) + insert + text.slice(end));
        const seq = this.lastSeq;
        const sentAt = performance.now();
        await this.changeRanges(file, [{ range, text: insert }]);
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
            const seq = this.lastSeq;
            await new Promise(resolve => setTimeout(resolve, quietMs));
            if (this.lastSeq === seq || performance.now() > deadline) {
                return;
            }
        }
    }

    memory(): { peakMb: number; rssMb: number } | undefined {
        return memoryOf(this.pid);
    }

    /** On-CPU and run-queue-wait time (ms) of the server's main thread so far. */
    mainThread(): { cpuMs: number; waitMs: number } {
        return threadTimes(this.pid);
    }

    override stop(): Promise<void> {
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
