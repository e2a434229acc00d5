/**
 * Child process: one cold full build + validation of a generated workspace, the way
 * `warrant check` does it (`loadWorkspace`), or with a baseline variant (see variants.ts).
 *
 *   node --import tsx bench/cold-build.ts --dir DIR [--variant warrant|default-scoping|langium-defaults]
 *
 * Reports wall and CPU time, GC pauses, the time of each Langium build phase, peak RSS (VmHWM) and counts.
 */
import '../language/polyfills.js';
// The V8 settings of the `warrant` process: this measures what `warrant check` costs.
import '../cli/engine-tuning.js';
import { DefaultDocumentBuilder, DefaultLangiumDocumentFactory, DocumentState, type LangiumDocument } from 'langium';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadWorkspace } from '../cli/load-workspace.js';
import { WorkspaceAnalysisProvider } from '../language/workspace/analysis-provider.js';
import { arg, cpuMs, gcTimer, mainThreadTimes, memoryOf, report, round } from './common.js';
import { loadWithLangiumDefaults, referenceCounts, useDefaultScoping, type Variant } from './variants.js';

const dir = arg('dir');
/** Writes a CPU profile of the build alone (module loading excluded) to this file. */
const profileFile = arg('profile', '');
const variant = arg('variant', 'warrant') as Variant;

// Time per build phase: wrap the builder's per-phase loop (one call per phase and build).
const PHASE_NAMES: Record<number, string> = {
    [DocumentState.Parsed]: 'parse', [DocumentState.IndexedContent]: 'index', [DocumentState.ComputedScopes]: 'scopes',
    [DocumentState.Linked]: 'link', [DocumentState.IndexedReferences]: 'indexReferences', [DocumentState.Validated]: 'validate'
};
const phases: Record<string, number> = {};
/** The same, in on-CPU time of the main thread (robust when other processes compete for the cores). */
const phasesCpu: Record<string, number> = {};
type RunCancelable = (documents: LangiumDocument[], state: DocumentState, ...rest: unknown[]) => Promise<void>;
const builder = DefaultDocumentBuilder.prototype as unknown as { runCancelable: RunCancelable };
const runCancelable = builder.runCancelable;
builder.runCancelable = async function (this: unknown, documents, state, ...rest) {
    const start = performance.now();
    const cpuStart = mainThreadTimes().cpuMs;
    try {
        return await runCancelable.call(this, documents, state, ...rest);
    } finally {
        const name = PHASE_NAMES[state] ?? String(state);
        phases[name] = (phases[name] ?? 0) + performance.now() - start;
        phasesCpu[name] = (phasesCpu[name] ?? 0) + mainThreadTimes().cpuMs - cpuStart;
    }
};
// loadWorkspace parses while creating the documents (fromString), before the build.
const factory = DefaultLangiumDocumentFactory.prototype as unknown as { fromString: (...args: unknown[]) => unknown };
const fromString = factory.fromString;
let firstParseMs: number | undefined;
factory.fromString = function (this: unknown, ...args: unknown[]) {
    const start = performance.now();
    const cpuStart = mainThreadTimes().cpuMs;
    try {
        return fromString.apply(this, args);
    } finally {
        const ms = performance.now() - start;
        firstParseMs ??= ms;
        phases.parse = (phases.parse ?? 0) + ms;
        phasesCpu.parse = (phasesCpu.parse ?? 0) + mainThreadTimes().cpuMs - cpuStart;
    }
};
// The workspace analysis runs after the references are indexed (prepare, in stages), inside
// that phase's time; or, when nothing prepared it, inside the first validation. Time it on its own.
let analysisMs = 0;
let analysisCpuMs = 0;
const analysisProto = WorkspaceAnalysisProvider.prototype as unknown as { get: () => unknown; prepare: (...args: unknown[]) => Promise<unknown> };
const timing = () => {
    const start = performance.now();
    const cpuStart = mainThreadTimes().cpuMs;
    return () => {
        analysisMs += performance.now() - start;
        analysisCpuMs += mainThreadTimes().cpuMs - cpuStart;
    };
};
const get = analysisProto.get;
analysisProto.get = function (this: unknown) {
    const done = timing();
    try {
        return get.call(this);
    } finally {
        done();
    }
};
const prepare = analysisProto.prepare;
analysisProto.prepare = async function (this: unknown, ...args: unknown[]) {
    const done = timing();
    try {
        return await prepare.apply(this, args);
    } finally {
        done();
    }
};

let session: Session | undefined;
if (profileFile) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
}
const before = memoryOf('self');
const gc = gcTimer();
const cpu = process.cpuUsage();
const thread = mainThreadTimes();
const start = performance.now();
let documents: LangiumDocument[];
if (variant === 'langium-defaults') {
    documents = (await loadWithLangiumDefaults(dir)).documents;
} else {
    if (variant === 'default-scoping') {
        useDefaultScoping();
    }
    documents = (await loadWorkspace([dir], dir)).documents;
}
const wallMs = performance.now() - start;
const cpuTime = cpuMs(cpu);
const threadAfter = mainThreadTimes();
const after = memoryOf('self');
const gcMs = await gc.stop();
if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
    session.disconnect();
}

const severities: Record<string, number> = {};
const codes: Record<string, number> = {};
for (const document of documents) {
    for (const diagnostic of document.diagnostics ?? []) {
        const severity = ['', 'error', 'warning', 'information', 'hint'][diagnostic.severity ?? 1]!;
        severities[severity] = (severities[severity] ?? 0) + 1;
        codes[String(diagnostic.code)] = (codes[String(diagnostic.code)] ?? 0) + 1;
    }
}
const phaseSum = Object.values(phases).reduce((a, b) => a + b, 0);
report({
    variant,
    documents: documents.length,
    wallMs: round(wallMs),
    /** All threads (GC helpers and compiler threads included). */
    cpuMs: round(cpuTime),
    /** The main thread's on-CPU time, and the time it waited for a core (contention). */
    mainCpuMs: round(threadAfter.cpuMs - thread.cpuMs),
    mainWaitMs: round(threadAfter.waitMs - thread.waitMs),
    /** Main-thread garbage-collection pauses. */
    gcMs: round(gcMs),
    phasesMs: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(v)])),
    analysisMs: round(analysisMs),
    phasesCpuMs: Object.fromEntries(Object.entries(phasesCpu).map(([k, v]) => [k, round(v)])),
    analysisCpuMs: round(analysisCpuMs),
    /** The first document's parse, which includes building the parser (the lexer and the fast parser's plan of the grammar; Chevrotain's analysis only if a document has a syntax error). */
    firstParseMs: round(firstParseMs ?? NaN),
    /** Services (parser construction), reading files, builder bookkeeping. */
    otherMs: round(wallMs - phaseSum),
    rssBeforeMb: round(before?.rssMb ?? NaN),
    peakRssMb: round(after?.peakMb ?? NaN),
    references: referenceCounts(documents),
    severities,
    codes
});
