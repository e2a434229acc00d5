/**
 * Child process: a `.warrant` file resting on every code of a generated REFI-QDA project
 * (5,000 segments, about 50 MB), built by the language services the server and the CLI use.
 *
 *   node --import tsx bench/qda-server.ts [--megabytes 50] [--segments 5000] [--claims 20]
 *
 * build: the whole first build (parse, link, read the project with the server's pacing,
 * analyse 5,000 segments as data, validate); block: the longest the event loop was held
 * meanwhile (monitorEventLoopDelay, and a setInterval(1) probe), and the most main-thread CPU
 * time between two probe ticks (the block without the time other processes took); rebuild: a second build after
 * an edit of the .warrant file, when the project is taken from the cache (same mtime and size).
 */
import '../language/polyfills.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createWarrantServices } from '../language/warrant-module.js';
import { arg, mainThreadTimes, report, round } from './common.js';
import { generateProject } from './qda-project.js';

const megabytes = Number(arg('megabytes', '50'));
const segments = Number(arg('segments', '5000'));
const claims = Number(arg('claims', '20'));

const dir = mkdtempSync(path.join(tmpdir(), 'warrant-qda-server-'));
const project = generateProject(megabytes * 2 ** 20 * 3.1, segments);
writeFileSync(path.join(dir, 'big.qdpx'), project.bytes);
const text = (n: number) => ['project big "big.qdpx" { method interview }',
    ...Array.from({ length: n }, (_, i) => `claim c${i} "Claim ${i}" supported by code "code ${(i % 20) + 1}" in big`)].join('\n') + '\n';
writeFileSync(path.join(dir, 'a.warrant'), text(claims));

// The services as the server has them once it has started (the parser built, a first document
// parsed): what is measured is what reading the project adds, not the server's start-up.
const { shared, Warrant } = createWarrantServices(NodeFileSystem);
Warrant.warrant.Files.setRoots([dir]);
const warmUp = shared.workspace.LangiumDocumentFactory.fromString('claim w "W"\n', URI.file(path.join(dir, 'warm-up.warrant')));
shared.workspace.LangiumDocuments.addDocument(warmUp);
await shared.workspace.DocumentBuilder.build([warmUp], { validation: true });

// The probe also reads the main thread's CPU time, so that a gap the operating system made
// (this VM's cores are shared) is told apart from a block of our own work.
let lastTick = performance.now();
let lastCpu = mainThreadTimes().cpuMs;
let longestGap = 0;
let longestCpu = 0;
const probe = setInterval(() => {
    const now = performance.now();
    const cpu = mainThreadTimes().cpuMs;
    longestGap = Math.max(longestGap, now - lastTick);
    longestCpu = Math.max(longestCpu, cpu - lastCpu);
    lastTick = now;
    lastCpu = cpu;
}, 1);
const delay = monitorEventLoopDelay({ resolution: 1 });
await new Promise(resolve => setTimeout(resolve, 20));
delay.enable();
lastTick = performance.now();
longestGap = 0;
longestCpu = 0;

const start = performance.now();
const added = shared.workspace.LangiumDocumentFactory.fromString(text(claims), URI.file(path.join(dir, 'a.warrant')));
shared.workspace.LangiumDocuments.addDocument(added);
await shared.workspace.DocumentBuilder.build([added], { validation: true });
const buildMs = performance.now() - start;
// The probe records a block when it next runs: give it that chance before reading it.
const settle = () => new Promise(resolve => setTimeout(resolve, 20));
await settle();
const firstBlockMs = delay.max / 1e6;
const firstGapMs = longestGap;
const firstCpuMs = longestCpu;

const analysis = Warrant.warrant.Analysis.get();
const dataNodes = analysis.graph.nodes.filter(node => node.segment !== undefined).length;
const grounded = analysis.graph.nodes.filter(node => node.kind === 'claim' && analysis.status(node) === 'grounded').length;

// An edit of the .warrant file: the project is not read again.
delay.reset();
longestGap = 0;
longestCpu = 0;
lastTick = performance.now();
const edited = text(claims) + 'claim extra "Extra" supported by code "code 1" in big\n';
const rebuildStart = performance.now();
writeFileSync(path.join(dir, 'a.warrant'), edited);
await shared.workspace.DocumentBuilder.update([URI.file(path.join(dir, 'a.warrant'))], []);
const rebuildMs = performance.now() - rebuildStart;
await settle();
delay.disable();
clearInterval(probe);
rmSync(dir, { recursive: true, force: true });

report({
    megabytes: round(project.bytes.length / 2 ** 20, 1),
    segments,
    claims,
    segmentNodes: dataNodes,
    groundedClaims: grounded,
    buildMs: round(buildMs),
    maxBlockMs: round(firstBlockMs, 1),
    probeMaxGapMs: round(firstGapMs, 1),
    maxBlockCpuMs: round(firstCpuMs, 1),
    rebuildMs: round(rebuildMs),
    rebuildMaxBlockMs: round(delay.max / 1e6, 1),
    rebuildProbeMaxGapMs: round(longestGap, 1),
    rebuildMaxBlockCpuMs: round(longestCpu, 1)
});
