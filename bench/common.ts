/** Small helpers shared by the benchmark's parts: statistics, /proc readings, child processes. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../test/helpers/random.js';

export const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A deterministic shuffle (Fisher–Yates with mulberry32). */
export function mulberry32Shuffle<T>(list: T[], seed: number): T[] {
    const next = mulberry32(seed);
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
}

export function median(values: number[]): number {
    return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
    if (values.length === 0) {
        return NaN;
    }
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** A row of the benchmark's table. */
export interface Row {
    figure: string;
    measured: string;
    budget: string;
    /** pass / MISS on wall time; "(CPU …)" adds the verdict on the main thread's CPU time where contention makes wall time unfair. */
    result: string;
}

export const verdict = (ok: boolean): string => ok ? 'pass' : 'MISS';

/** Milliseconds for the table: `850 ms`, `2.35 s`. */
export const formatMs = (ms: number): string => ms >= 1000 ? `${round(ms / 1000, 2)} s` : `${round(ms)} ms`;

export function round(value: number, digits = 0): number {
    const f = 10 ** digits;
    return Math.round(value * f) / f;
}

/** VmHWM (peak RSS) and VmRSS of a process, in MB, from /proc/PID/status. */
export function memoryOf(pid: number | 'self'): { peakMb: number; rssMb: number } | undefined {
    try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
        return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
    } catch {
        return undefined;
    }
}

/** On-CPU and run-queue-wait time (ms) of a thread (default: a process's main thread), from schedstat. */
export function threadTimes(pid: number, tid = pid): { cpuMs: number; waitMs: number } {
    try {
        const [run, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
        return { cpuMs: run! / 1e6, waitMs: wait! / 1e6 };
    } catch {
        return { cpuMs: NaN, waitMs: NaN };
    }
}

/** The same for this process's main thread. */
export function mainThreadTimes(): { cpuMs: number; waitMs: number } {
    return threadTimes(process.pid);
}

/** User + system CPU time of this process in ms since `since`. */
export function cpuMs(since?: NodeJS.CpuUsage): number {
    const usage = process.cpuUsage(since);
    return (usage.user + usage.system) / 1000;
}

/** Sums the main thread's garbage-collection pauses from now until `stop()` (ms). */
export function gcTimer(): { stop(): Promise<number> } {
    let total = 0;
    const add = (entries: PerformanceEntry[]) => entries.forEach(entry => (total += entry.duration));
    const observer = new PerformanceObserver(list => add(list.getEntries()));
    observer.observe({ entryTypes: ['gc'] });
    return {
        async stop() {
            // GC entries reach observers asynchronously.
            await new Promise(resolve => setImmediate(resolve));
            add(observer.takeRecords());
            observer.disconnect();
            return total;
        }
    };
}

/** Prints a child's result for `runChild` to pick up. */
export function report(result: unknown): void {
    process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
}

export interface ChildOptions {
    /** Extra node flags (e.g. --cpu-prof). */
    nodeFlags?: string[];
    timeoutMs?: number;
}

/** Runs `bench/<script>` in a fresh Node process (through tsx) and returns what it `report`ed. */
export async function runChild<T>(script: string, args: string[], options: ChildOptions = {}): Promise<T> {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', path.join(REPOSITORY, 'bench', script), ...args], {
        cwd: REPOSITORY,
        stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += String(chunk)));
    child.stderr.on('data', chunk => (stderr += String(chunk)));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    const code = await new Promise<number | null>(resolve => child.on('close', resolve));
    clearTimeout(timer);
    const line = stdout.split('\n').reverse().find(l => l.startsWith('RESULT '));
    if (!line) {
        throw new Error(`bench/${script} ${args.join(' ')} exited with ${code} and no result\n${stderr.slice(-4000)}\n${stdout.slice(-2000)}`);
    }
    return JSON.parse(line.slice('RESULT '.length)) as T;
}

export function arg(name: string, fallback?: string): string {
    const index = process.argv.indexOf(`--${name}`);
    if (index >= 0 && index + 1 < process.argv.length) {
        return process.argv[index + 1]!;
    }
    if (fallback === undefined) {
        throw new Error(`missing --${name}`);
    }
    return fallback;
}

export function flag(name: string): boolean {
    return process.argv.includes(`--${name}`);
}
