/**
 * Figures measured through the real LSP connection to the bundled server: keystroke latency
 * (didChange → publishDiagnostics), server memory, hover and completion latency.
 */
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import type { ArgumentWorkspace } from './argument.js';
import { median, percentile, round } from './common.js';
import type { GeneratedWorkspace } from './generate.js';
import { BenchClient, positionAt } from './lsp.js';

export interface LatencyStats {
    count: number;
    medianMs: number;
    p95Ms: number;
    maxMs: number;
    /** Median on-CPU time of the server's main thread per operation (for edits: the whole update, all files). */
    serverCpuMedianMs?: number;
    /** Median time the server's main thread waited for a core (machine contention). */
    serverWaitMedianMs?: number;
    /** For edits: how many files other than the edited one had diagnostics published (median, max). */
    otherFilesPublished?: { median: number; max: number };
}

interface Sample {
    latency: number;
    cpu: number;
    wait: number;
    /** Files other than the edited one whose diagnostics were published after an edit. */
    otherFiles?: number;
}

/** The files other than `edited` with diagnostics published after `sinceSeq`. */
function otherFilesPublished(client: BenchClient, edited: string, sinceSeq: number): number {
    const uri = client.uri(edited);
    return new Set(client.publishes.filter(p => p.seq > sinceSeq && p.uri !== uri).map(p => p.uri)).size;
}

/** Runs `work` against the server: its result, its duration, and the server main thread's CPU and run-queue wait meanwhile. */
async function onServer<T>(client: BenchClient, work: () => Promise<T>): Promise<Sample & { value: T }> {
    const before = client.mainThread();
    const start = performance.now();
    const value = await work();
    const latency = performance.now() - start;
    const after = client.mainThread();
    return { value, latency, cpu: after.cpuMs - before.cpuMs, wait: after.waitMs - before.waitMs };
}

function stats(samples: Sample[]): LatencyStats {
    const latencies = samples.map(s => s.latency);
    const others = samples.flatMap(s => s.otherFiles === undefined ? [] : [s.otherFiles]);
    return {
        ...(others.length > 0 ? { otherFilesPublished: { median: median(others), max: Math.max(...others) } } : {}),
        count: samples.length,
        medianMs: round(median(latencies), 1),
        p95Ms: round(percentile(latencies, 95), 1),
        maxMs: round(Math.max(...latencies), 1),
        serverCpuMedianMs: round(median(samples.map(s => s.cpu)), 1),
        serverWaitMedianMs: round(median(samples.map(s => s.wait)), 1)
    };
}

const messageOf = (d: Diagnostic): string => typeof d.message === 'string' ? d.message : d.message.value;
const hasUnknown = (name: string) => (d: Diagnostic[]) => d.some(x => x.code === 'unknown-reference' && messageOf(x).includes(`\`${name}\``));
const noUnknown = (d: Diagnostic[]) => !d.some(x => x.code === 'unknown-reference');
const unsupported = (claim: string) => (d: Diagnostic[]) => d.some(x => x.code === 'unsupported-claim' && messageOf(x).startsWith(`\`${claim}\``));
const supported = (claim: string) => (d: Diagnostic[]) => !unsupported(claim)(d);

export interface KeystrokeOptions {
    /** Fewer edits (smoke runs). */
    scale?: number;
    /** Run the server with --cpu-prof writing here; the result says which window holds the measured edits. */
    profileDir?: string;
    /** Extra node flags for the server process (experiments). */
    serverFlags?: string[];
}

export interface KeystrokeResult {
    claims: number;
    /** Server spawn → diagnostics published for every file (initial build + first full validation). */
    startupMs: number;
    warmupMs: number[];
    all: LatencyStats;
    kinds: Record<string, LatencyStats>;
    /** Edits per kind, with what each waits for. */
    description: Record<string, string>;
    /** Monotonic-clock window (µs) of the measured edits, for the server's CPU profile. */
    window: { fromUs: number; toUs: number };
}

const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** Opens the probe files, waits for the first full validation, then edits and times. */
export async function keystrokeSession(ws: GeneratedWorkspace, options: KeystrokeOptions = {}): Promise<KeystrokeResult> {
    const scale = options.scale ?? 1;
    const { probes } = ws;
    const client = await BenchClient.startBench(ws.root, [...(options.serverFlags ?? []), ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [])]);
    try {
        const warrantFiles = ws.files.filter(f => f.endsWith('.warrant'));
        const seq0 = client.lastSeq;
        await client.open(probes.chainFile);
        await client.open(probes.datum.file);
        await client.open(probes.stat.file);
        const allAt = await client.waitForAll(warrantFiles, seq0);
        const startupMs = allAt - client.startedAt;
        await client.settle(500);

        const samples: Record<string, Sample[]> = {};
        const measure = async (kind: string | undefined, file: string, start: number, end: number, insert: string, waits: Array<[string, (d: Diagnostic[]) => boolean, string?]>): Promise<number> => {
            const { value: { times, latency, otherFiles }, cpu, wait } = await onServer(client, async () => {
                const { seq, sentAt } = await client.edit(file, start, end, insert);
                const byLabel: Record<string, number> = {};
                let slowest = 0;
                for (const [waitFile, accept, label] of waits) {
                    const publish = await client.waitFor(waitFile, seq, accept, 60_000);
                    byLabel[label ?? kind ?? ''] = publish.time - sentAt;
                    slowest = Math.max(slowest, publish.time - sentAt);
                }
                await client.settle(150);
                return { times: byLabel, latency: slowest, otherFiles: otherFilesPublished(client, file, seq) };
            });
            if (kind) {
                for (const [label, time] of Object.entries(times)) {
                    (samples[label] ??= []).push({ latency: time, cpu, wait, otherFiles });
                }
            }
            return latency;
        };
        const chain = probes.chainFile;
        const textAt = () => client.text(chain).indexOf(probes.text.snippet) + probes.text.snippet.length;

        // Warm-up: the first edits after start-up run colder code (JIT); reported, not counted.
        const warmupMs: number[] = [];
        for (const ch of ' warm') {
            const at = textAt();
            warmupMs.push(round(await measure(undefined, chain, at, at, ch, [[chain, () => true]]), 1));
        }
        warmupMs.push(round(await measure(undefined, chain, textAt(), textAt() + 5, '', [[chain, () => true]]), 1));

        const fromUs = nowUs();
        // 1. Typing words into a claim's text: diagnostics of the edited file.
        const words = ' as observed in every board meeting'.slice(0, Math.max(4, Math.round(35 * scale)));
        const textStart = textAt();
        for (let i = 0; i < words.length; i++) {
            await measure('type in claim text', chain, textStart + i, textStart + i, words[i]!, [[chain, () => true]]);
        }
        await measure('type in claim text', chain, textStart, textStart + words.length, '', [[chain, () => true]]);

        // 2. Typing a reference name character by character: unknown until complete, then resolved.
        const target = probes.typing.target;
        const after = client.text(chain).indexOf(probes.typing.after) + probes.typing.after.length;
        await measure('type a reference', chain, after, after, `, ${target[0]}`, [[chain, hasUnknown(target[0]!)]]);
        for (let i = 1; i < target.length; i++) {
            const partial = target.slice(0, i + 1);
            await measure('type a reference', chain, after + 2 + i, after + 2 + i, target[i]!, [[chain, i + 1 === target.length ? noUnknown : hasUnknown(partial)]]);
        }
        await measure('type a reference', chain, after, after + 2 + target.length, '', [[chain, noUnknown]]);

        // 3. Deleting / restoring the datum a chain of claims in two other files rests on.
        const datumFile = probes.datum.file;
        const pairs = Math.max(2, Math.round(8 * scale));
        for (let i = 0; i < pairs; i++) {
            const at = client.text(datumFile).indexOf(probes.datum.block);
            await measure('cross-file', datumFile, at, at + probes.datum.block.length, '', [
                [chain, unsupported('probeChainB'), 'cross-file: dependent file'],
                [probes.chainNextFile, unsupported('probeChainC'), 'cross-file: transitive dependent file']
            ]);
            await measure('cross-file', datumFile, at, at, probes.datum.block, [
                [chain, supported('probeChainB'), 'cross-file: dependent file'],
                [probes.chainNextFile, supported('probeChainC'), 'cross-file: transitive dependent file']
            ]);
        }

        // 4. Breaking / restoring the citation key that grounds a stat: a claim in another file loses / regains its ground.
        const statFile = probes.stat.file;
        for (let i = 0; i < Math.max(2, Math.round(5 * scale)); i++) {
            const at = client.text(statFile).indexOf(probes.stat.snippet) + probes.stat.snippet.length;
            await measure('cross-file: stat key', statFile, at, at, 'x', [[chain, unsupported('probeStatClaim')]]);
            await measure('cross-file: stat key', statFile, at, at + 1, '', [[chain, supported('probeStatClaim')]]);
        }

        const toUs = nowUs();
        // Each cross-file edit counts once in "all", by its slower (transitive) wait.
        const counted = Object.entries(samples).filter(([kind]) => kind !== 'cross-file: dependent file').flatMap(([, s]) => s);
        return {
            window: { fromUs, toUs },
            claims: ws.counts.claims,
            startupMs: round(startupMs),
            warmupMs,
            all: stats(counted),
            kinds: Object.fromEntries(Object.entries(samples).map(([kind, s]) => [kind, stats(s)])),
            description: {
                'type in claim text': 'one character typed into a claim\'s text (then the word deleted), until the edited file\'s diagnostics arrive',
                'type a reference': `\`, ${target}\` typed character by character into a supported-by list (unknown until complete), until the edited file's diagnostics show it`,
                'cross-file: dependent file': 'the datum a chain rests on deleted / restored in the annex file, until the file of the chain (another file) shows the change',
                'cross-file: transitive dependent file': 'same edit, until the file of the last claim of the chain (a third file, which only references the second) shows the change',
                'cross-file: stat key': 'a stat\'s citation key broken / restored in the statistics file, until the claim resting on the stat (another file) shows the change'
            }
        };
    } finally {
        await client.stop();
    }
}

export interface EditedFileResult {
    claims: number;
    files: number;
    /** Characters of the largest file (the one edited, for a single-file workspace). */
    largestFileCharacters: number;
    startupMs: number;
    warmupMs: number[];
    /** didChange → the edited file's diagnostics, one character typed into a claim's text. */
    edits: LatencyStats;
    /** Other files whose diagnostics were published again after each keystroke (nothing in them changed). */
    republished: { median: number; max: number };
    /** The server's peak RSS (VmHWM) at the end. */
    peakRssMb: number;
}

/**
 * Types `keystrokes` characters, one edit at a time, into the text of a claim of the Argdown
 * baseline's argument (bench/argument.ts) and times each until the edited file's diagnostics
 * arrive; then waits until the server is quiet and counts the other files it re-published.
 */
export async function editedFileSession(ws: ArgumentWorkspace, keystrokes: number, serverFlags: string[] = []): Promise<EditedFileResult> {
    const client = await BenchClient.startBench(ws.root, serverFlags);
    try {
        const { file, before } = ws.probe;
        const seq0 = client.lastSeq;
        await client.open(file);
        const allAt = await client.waitForAll(ws.files, seq0, 600_000);
        const startupMs = allAt - client.startedAt;
        await client.settle(1000, 120_000);
        const uri = client.uri(file);
        const type = async (ch: string): Promise<Sample & { republished: number }> => {
            const at = client.text(file).indexOf(before) + before.length;
            const { value, cpu, wait } = await onServer(client, async () => {
                const { seq, sentAt } = await client.edit(file, at, at, ch);
                const publish = await client.waitFor(file, seq, () => true, 120_000);
                // Quiet long enough to see the rebuild of other files through (their publishes come one after another).
                await client.settle(300, 120_000);
                const republished = new Set(client.publishes.filter(p => p.seq > seq && p.uri !== uri).map(p => p.uri)).size;
                return { latency: publish.time - sentAt, republished };
            });
            return { latency: value.latency, cpu, wait, republished: value.republished };
        };
        // Warm-up: the first edits after start-up run colder code (JIT); reported, not counted.
        const warmupMs: number[] = [];
        for (const ch of ' so') {
            warmupMs.push(round((await type(ch)).latency, 1));
        }
        const samples: Array<Sample & { republished: number }> = [];
        const words = ' as observed in every board meeting of the partnership'.padEnd(keystrokes, '.').slice(0, keystrokes);
        for (const ch of words) {
            samples.push(await type(ch));
        }
        const republished = samples.map(s => s.republished);
        return {
            claims: ws.counts.claims,
            files: ws.counts.files,
            largestFileCharacters: ws.counts.largestFileCharacters,
            startupMs: round(startupMs),
            warmupMs,
            edits: stats(samples),
            republished: { median: median(republished), max: Math.max(...republished) },
            peakRssMb: round(client.memory()?.peakMb ?? NaN)
        };
    } finally {
        await client.stop();
    }
}

export interface ServerResult {
    claims: number;
    startupMs: number;
    /** VmHWM and VmRSS of the server process after the first full validation. */
    peakRssMb: number;
    rssMb: number;
    /** VmHWM after the edits below. */
    peakRssAfterEditsMb: number;
    hover: LatencyStats & { answered: number };
    completion: LatencyStats & { answered: number; medianItems: number };
    keystroke: Record<string, LatencyStats>;
}

function identifierPositions(text: string): { references: number[]; declarations: number[]; citations: number[] } {
    const references: number[] = [];
    const declarations: number[] = [];
    const citations: number[] = [];
    for (const match of text.matchAll(/supported by ([^\n]+)/g)) {
        let offset = match.index! + 'supported by '.length;
        for (const name of match[1]!.split(', ')) {
            references.push(offset);
            offset += name.length + 2;
        }
    }
    for (const match of text.matchAll(/^claim (\w+)/gm)) {
        declarations.push(match.index! + 'claim '.length);
    }
    for (const match of text.matchAll(/@[A-Za-z]\w+/g)) {
        citations.push(match.index!);
    }
    return { references, declarations, citations };
}

function spread<T>(list: T[], count: number): T[] {
    if (list.length <= count) {
        return list;
    }
    return Array.from({ length: count }, (_, i) => list[Math.floor((i + 0.5) * list.length / count)]!);
}

/** Memory, hover and completion (and a few edits) on one large workspace. */
export async function serverSession(ws: GeneratedWorkspace): Promise<ServerResult> {
    const client = await BenchClient.startBench(ws.root);
    try {
        const warrantFiles = ws.files.filter(f => f.endsWith('.warrant'));
        const file = ws.probes.chainFile;
        const seq0 = client.lastSeq;
        await client.open(file);
        await client.open(ws.probes.datum.file);
        const allAt = await client.waitForAll(warrantFiles, seq0);
        const startupMs = allAt - client.startedAt;
        await client.settle(1000);
        const memory = client.memory();

        const text = client.text(file);
        const { references, declarations, citations } = identifierPositions(text);
        const at = (offset: number): Position => positionAt(text, offset);

        const hoverSamples: Sample[] = [];
        let hoverAnswered = 0;
        const hoverTargets = [...spread(references, 30), ...spread(declarations, 10), ...spread(citations, 10)];
        for (const offset of hoverTargets) {
            const { value: hover, latency, cpu, wait } = await onServer(client, () => client.hover(file, at(offset + 2)));
            hoverSamples.push({ latency, cpu, wait });
            if (hover) {
                hoverAnswered++;
            }
        }

        const completionSamples: Sample[] = [];
        const items: number[] = [];
        let completionAnswered = 0;
        for (const offset of [...spread(references, 20), ...spread(citations, 10).map(o => o - 1)]) {
            const { value: result, latency, cpu, wait } = await onServer(client, () => client.completion(file, at(offset + 3)));
            completionSamples.push({ latency, cpu, wait });
            const count = Array.isArray(result) ? result.length : result?.items.length ?? 0;
            items.push(count);
            if (count > 0) {
                completionAnswered++;
            }
        }

        // A few edits at this size too (informative; the budget is for 2,000 claims).
        const keystroke: Record<string, Sample[]> = { 'type in claim text': [], 'cross-file': [] };
        const textAt = () => client.text(file).indexOf(ws.probes.text.snippet) + ws.probes.text.snippet.length;
        const edit = async (kind: string, target: string, start: number, end: number, insert: string, waitFile: string, accept: (d: Diagnostic[]) => boolean) => {
            const { value: { latency, otherFiles }, cpu, wait } = await onServer(client, async () => {
                const { seq, sentAt } = await client.edit(target, start, end, insert);
                const publish = await client.waitFor(waitFile, seq, accept, 120_000);
                await client.settle(200);
                return { latency: publish.time - sentAt, otherFiles: otherFilesPublished(client, target, seq) };
            });
            keystroke[kind]!.push({ latency, cpu, wait, otherFiles });
        };
        for (const ch of ' and so on') {
            await edit('type in claim text', file, textAt(), textAt(), ch, file, () => true);
        }
        for (let i = 0; i < 3; i++) {
            const datumFile = ws.probes.datum.file;
            const offset = client.text(datumFile).indexOf(ws.probes.datum.block);
            await edit('cross-file', datumFile, offset, offset + ws.probes.datum.block.length, '', ws.probes.chainNextFile, unsupported('probeChainC'));
            await edit('cross-file', datumFile, offset, offset, ws.probes.datum.block, ws.probes.chainNextFile, supported('probeChainC'));
        }
        const afterEdits = client.memory();

        return {
            claims: ws.counts.claims,
            startupMs: round(startupMs),
            peakRssMb: round(memory?.peakMb ?? NaN),
            rssMb: round(memory?.rssMb ?? NaN),
            peakRssAfterEditsMb: round(afterEdits?.peakMb ?? NaN),
            hover: { ...stats(hoverSamples), answered: hoverAnswered },
            completion: { ...stats(completionSamples), answered: completionAnswered, medianItems: median(items) },
            keystroke: Object.fromEntries(Object.entries(keystroke).map(([kind, s]) => [kind, stats(s)]))
        };
    } finally {
        await client.stop();
    }
}
