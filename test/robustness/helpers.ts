import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver';
import { GraphRequest } from '../../language/protocol.js';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../language/validation/document-validator.js';
import type { LspClient } from '../helpers/lsp-client.js';
import { mulberry32 } from '../helpers/random.js';

export const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(REPOSITORY, 'bin/warrant.cjs');
export const FIXTURES = path.join(REPOSITORY, 'test/robustness/fixtures');

/**
 * Per-request limit. Requests answer in milliseconds on a laptop; the limit is generous so a
 * loaded 2-core CI runner does not flake (5 s once did, for a highlight under load), and still
 * far below "the server hangs".
 */
export const REQUEST_LIMIT_MS = Number(process.env.ROBUSTNESS_REQUEST_LIMIT_MS ?? 10000);

/** A fresh temporary folder with the given files (text or bytes). */
export function tempWorkspace(files: Record<string, string | Uint8Array> = {}, prefix = 'warrant-robust-'): string {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    writeFiles(dir, files);
    return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
    for (const [name, content] of Object.entries(files)) {
        const file = path.join(dir, name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
    }
}

export function removeWorkspace(dir: string | undefined): void {
    if (dir) {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** Resolves with the promise's value, or rejects naming the request once `ms` have passed. */
export async function within<T>(label: string, promise: Promise<T>, ms = REQUEST_LIMIT_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${label}: no answer within ${ms} ms`)), ms);
    });
    try {
        return await Promise.race([promise, timeout]);
    } finally {
        clearTimeout(timer);
    }
}

export interface ProbeTiming {
    request: string;
    ms: number;
}

/**
 * Sends the editor's usual requests for one document — hover and completion at a few
 * positions, document symbols, formatting, code lens, semantic tokens, folding, inlay hints,
 * document highlight, definition and the preview's `warrant/graph` — all at once, as an
 * editor does after a change. Each must answer (a result, not an internal error) within the
 * per-request limit. Returns the timings.
 */
export async function probeRequests(client: LspClient, file: string, text: string, limitMs = REQUEST_LIMIT_MS): Promise<ProbeTiming[]> {
    const document = TextDocument.create('file:///probe', 'warrant', 1, text);
    const positions: Position[] = [0, Math.floor(text.length / 2), text.length].map(offset => document.positionAt(offset));
    const end = document.positionAt(text.length);
    const uri = client.uri(file);
    const requests: Array<[string, () => Promise<unknown>]> = [
        ['documentSymbol', () => client.documentSymbols(file)],
        ['formatting', () => client.formatting(file)],
        ['codeLens', () => client.codeLens(file)],
        ['semanticTokens', () => client.semanticTokens(file)],
        ['foldingRange', () => client.foldingRanges(file)],
        ['inlayHint', () => client.inlayHints(file, { start: { line: 0, character: 0 }, end })],
        ['warrant/graph', () => client.connection.sendRequest(GraphRequest.method, { uri })]
    ];
    positions.forEach((position, i) => {
        requests.push(
            [`hover#${i}`, () => client.hover(file, position)],
            [`completion#${i}`, () => client.completion(file, position)],
            [`highlight#${i}`, () => client.documentHighlight(file, position)],
            [`definition#${i}`, () => client.definition(file, position)]
        );
    });
    return Promise.all(requests.map(async ([name, send]) => {
        const started = Date.now();
        try {
            await within(`${name} on ${file}`, send(), limitMs);
        } catch (error) {
            const code = (error as { code?: number }).code;
            assert.fail(`${name} on ${file} failed${code !== undefined ? ` (JSON-RPC error ${code})` : ''}: ${(error as Error).message}`);
        }
        return { request: name, ms: Date.now() - started };
    }));
}

/** Every diagnostic has a well-formed range inside the text, and a file has at most the cap. */
export function assertLocatedAndBounded(diagnostics: Diagnostic[], text: string | undefined, label: string): void {
    assert.ok(diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE, `${label}: ${diagnostics.length} diagnostics, more than the cap of ${MAX_DIAGNOSTICS_PER_FILE}`);
    const document = text === undefined ? undefined : TextDocument.create('file:///x', 'warrant', 1, text);
    const lastLine = document ? document.lineCount - 1 : Number.MAX_SAFE_INTEGER;
    for (const d of diagnostics) {
        const { start, end } = d.range;
        const where = `${label}: ${JSON.stringify(d.range)} of ${JSON.stringify(d.message).slice(0, 120)}`;
        assert.ok(Number.isInteger(start.line) && Number.isInteger(start.character) && Number.isInteger(end.line) && Number.isInteger(end.character), `integer positions, ${where}`);
        assert.ok(start.line >= 0 && start.character >= 0, `non-negative start, ${where}`);
        assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `ordered range, ${where}`);
        assert.ok(end.line <= lastLine, `range inside the text (last line ${lastLine}), ${where}`);
        if (document) {
            const lineLength = (line: number) => document.offsetAt({ line: line + 1, character: 0 }) - document.offsetAt({ line, character: 0 });
            if (end.line < lastLine) {
                assert.ok(end.character <= lineLength(end.line), `end column inside its line, ${where}`);
            }
        }
        assert.equal(typeof d.message, 'string');
        assert.ok(String(d.message).length > 0, `a message, ${where}`);
        assert.ok(d.code !== undefined, `a code, ${where}`);
    }
}

export interface CliResult {
    status: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
    ms: number;
}

/** Runs the bundled CLI (asynchronously, so two can run side by side on two cores); `nodeFlags` go to Node (e.g. a heap limit). */
export function runCli(args: string[], cwd: string, timeoutMs = 60000, nodeFlags: string[] = []): Promise<CliResult> {
    return new Promise(resolve => {
        const started = Date.now();
        const child = spawn(process.execPath, [...nodeFlags, CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', chunk => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('close', (status, signal) => {
            clearTimeout(timer);
            resolve({ status, signal, stdout, stderr, ms: Date.now() - started });
        });
    });
}

/** No stack trace, no "internal error", no uncaught exception. */
export function assertNoCrashOutput(result: { stdout: string; stderr: string }, label: string): void {
    const output = result.stdout + result.stderr;
    assert.doesNotMatch(output, /\n\s+at .+[:(]\d+:\d+\)?/, `${label}: stack trace in the output:\n${output.slice(0, 2000)}`);
    assert.doesNotMatch(output, /internal error|Uncaught|UnhandledPromiseRejection|FATAL ERROR|Maximum call stack/i, `${label}: crash in the output:\n${output.slice(0, 2000)}`);
}

/** Resident memory of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) / 1024 : NaN;
}

/** Reproducible pseudo-random bytes (mulberry32), for binary fixtures. */
export function seededBytes(seed: number, length: number): Uint8Array {
    const random = mulberry32(seed);
    return Uint8Array.from({ length }, () => Math.floor(random() * 4294967296) & 0xff);
}

/** Runs `run` over the items, `parallel` at a time (default two: the CI machines have two cores). */
export async function inPairs<T, R>(items: T[], run: (item: T) => Promise<R>, parallel = 2): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    await Promise.all(Array.from({ length: parallel }, async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await run(items[i]);
        }
    }));
    return results;
}
