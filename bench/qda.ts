/**
 * Child process: a generated REFI-QDA project with 5,000 coded segments in 50 transcripts, read
 * the way the language server will read it.
 *
 *   node --import tsx bench/qda.ts [--megabytes 50] [--of file|text] [--segments 5000] [--inflate node|native|fflate]
 *
 * --of file: the .qdpx file is about that size (its transcripts hold about 3× as much text);
 * --of text: the transcripts hold that much text (the file is about a third of it).
 * --inflate: the engine that unpacks entries (default: the fastest the platform has, Node's zlib here).
 *
 * read: `readQdpx` (unzip, project.qde, every source scanned, conventions chosen, excerpts cut)
 * plus `QdaIndex` (codes, segments per code, cases), wall and main-thread CPU time.
 * block: the longest the event loop was held meanwhile, by monitorEventLoopDelay and by a
 * setInterval(1) probe (what another request to the server would wait at most), and the most
 * main-thread CPU time between two of the reader's yields (the same block without the time
 * the operating system gave other processes: this VM's cores are shared).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { inflateEngines, QdaIndex, readQdpx, type InflateEngine } from '../language/qda/index.js';
import { generateProject } from './qda-project.js';
import { arg, mainThreadTimes, report, round } from './common.js';

const megabytes = Number(arg('megabytes', '50'));
const textBytes = megabytes * 2 ** 20 * (arg('of', 'file') === 'file' ? 3.1 : 1);
const segments = Number(arg('segments', '5000'));
const inflate = arg('inflate', inflateEngines()[0]!) as InflateEngine;

const generated = generateProject(textBytes, segments);

// A probe that should run every millisecond: its longest gap is the longest block.
let lastTick = performance.now();
let longestGap = 0;
const probe = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - lastTick);
    lastTick = now;
}, 1);
const delay = monitorEventLoopDelay({ resolution: 1 });
await new Promise(resolve => setTimeout(resolve, 20));
delay.enable();
longestGap = 0;
lastTick = performance.now();

let sliceCpu = mainThreadTimes().cpuMs;
let maxSliceCpuMs = 0;
const yieldNow = async () => {
    maxSliceCpuMs = Math.max(maxSliceCpuMs, mainThreadTimes().cpuMs - sliceCpu);
    await new Promise(resolve => setTimeout(resolve, 0));
    sliceCpu = mainThreadTimes().cpuMs;
};

const thread = mainThreadTimes();
const start = performance.now();
sliceCpu = thread.cpuMs;
const project = await readQdpx(generated.bytes, { yieldNow, inflate });
maxSliceCpuMs = Math.max(maxSliceCpuMs, mainThreadTimes().cpuMs - sliceCpu);
const index = new QdaIndex(project);
const readMs = performance.now() - start;
const after = mainThreadTimes();
const readCpuMs = after.cpuMs - thread.cpuMs;
delay.disable();
clearInterval(probe);

const excerpts = project.selections.filter(s => s.text !== undefined).length;
report({
    inflate,
    megabytes: round(generated.bytes.length / 2 ** 20, 1),
    textMegabytes: round(project.sources.reduce((n, s) => n + (s.utf8?.length ?? 0), 0) / 2 ** 20, 1),
    sources: project.sources.length,
    segments: project.selections.length,
    excerpts,
    codedWithFirst: index.segmentsOf(project.codes[0]!.guid).length,
    problems: project.problems.length,
    readMs: round(readMs),
    readCpuMs: round(readCpuMs),
    maxBlockMs: round(delay.max / 1e6, 1),
    probeMaxGapMs: round(longestGap, 1),
    maxSliceCpuMs: round(maxSliceCpuMs, 1),
    waitedMs: round(after.waitMs - thread.waitMs)
});
