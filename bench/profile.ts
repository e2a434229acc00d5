/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): self time by function and by package or
 * project folder, and inclusive time of chosen functions.
 *
 *   node --import tsx bench/profile.ts FILE.cpuprofile [--top 25]
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface ProfileNode {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
}

interface CpuProfile {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
    startTime: number;
    endTime: number;
}

export interface HotSpot {
    name: string;
    where: string;
    selfMs: number;
    share: number;
}

export interface ProfileSummary {
    totalMs: number;
    /** Busy time (total minus idle). */
    busyMs: number;
    functions: HotSpot[];
    /** Self time grouped by npm package or project folder; shares of busy time. */
    modules: Array<{ module: string; selfMs: number; share: number }>;
    /** Inclusive time (shares of busy time) of functions whose name matches one of `inclusive`. */
    inclusive: Array<{ name: string; totalMs: number; share: number }>;
    /** Busy time attributed to the innermost enclosing category function (see `categories`). */
    categories: Array<{ category: string; selfMs: number; share: number }>;
}

function moduleOf(url: string, name: string): string {
    if (!url) {
        return name.startsWith('(') ? name : '(native)';
    }
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (pkg) {
        return pkg[1]!;
    }
    if (url.startsWith('node:')) {
        return 'node internals';
    }
    const own = /\/(language\/[^/]+|cli|server|bench|extension|out)\//.exec(url);
    if (own) {
        return own[1]!;
    }
    return url.replace(/^.*\//, '');
}

function shortUrl(url: string): string {
    return url.replace(/^file:\/\//, '').replace(/^.*?\/node_modules\//, '').replace(/^.*?\/(language|cli|server|bench|extension|out)\//, '$1/');
}

export interface SummaryOptions {
    top?: number;
    inclusive?: string[];
    /**
     * Only samples taken in this window, in µs of the monotonic clock (`process.hrtime.bigint() / 1000n`
     * of any process on the machine: V8's profile timestamps use the same clock).
     */
    window?: { fromUs: number; toUs: number };
    /**
     * Attributes every sample to the innermost frame on its stack whose function name is listed
     * under a category (async continuations restart the stack at the resumed function, so list
     * the functions that do the work, not their async callers). Unmatched samples: "other".
     */
    categories?: Record<string, string[]>;
}

/** What the build and the keystroke path are made of (function names in Langium 4.4 and Warrant). */
export const BUILD_CATEGORIES: Record<string, string[]> = {
    'parse (lexer, parser, CST/AST)': ['parse', 'tokenize', 'fromString', 'fromTextDocument'],
    'choose documents to relink': ['shouldRelink', 'isAffected'],
    'index exported symbols': ['updateContent', 'collectExportedSymbols', 'createDescription'],
    'local scopes': ['collectLocalSymbols'],
    'link (scope lookup)': ['link', 'doLink', 'getScope', 'getCandidate', 'getGlobalScope', 'buildReference'],
    'index references': ['updateReferences', 'createDescriptions', 'createInfoDescriptions'],
    'workspace analysis': ['analyzeWorkspace'],
    'external files (bib, transcripts)': ['refresh', 'loadConfig'],
    'validation (per document)': ['validateDocument', 'validateAst', 'validateAstNodes', 'checkDocument', 'processLinkingErrors', 'toDiagnostic'],
    'staleness check': ['staleDocuments', 'fingerprint'],
    'unlink / reset': ['unlink', 'resetToState', 'removeContent', 'removeReferences'],
    'LSP messages': ['sendDiagnostics', 'sendNotification', 'handleMessage', 'write', 'encode']
};

/** Maps frames of a bundle (out/*.cjs with its .map) back to the source file and line. */
function sourceMapper(): (url: string, line: number, column: number) => { url: string; line: number } {
    const maps = new Map<string, SourceMap | undefined>();
    return (url, line, column) => {
        if (!url.endsWith('.cjs')) {
            return { url, line };
        }
        if (!maps.has(url)) {
            const mapFile = `${url.startsWith('file:') ? fileURLToPath(url) : url}.map`;
            maps.set(url, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : undefined);
        }
        const entry = maps.get(url)?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
        return entry?.originalSource ? { url: entry.originalSource, line: entry.originalLine ?? 0 } : { url, line };
    };
}

export function summarizeProfile(file: string, options: SummaryOptions = {}): ProfileSummary {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const mapSource = sourceMapper();
    const byId = new Map(profile.nodes.map(node => [node.id, node]));
    const self = new Map<number, number>();
    let time = profile.startTime;
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < profile.samples.length; i++) {
        const delta = profile.timeDeltas[i] ?? 0;
        time += delta;
        if (options.window && (time < options.window.fromUs || time > options.window.toUs)) {
            continue;
        }
        first = Math.min(first, time - delta);
        last = Math.max(last, time);
        const id = profile.samples[i]!;
        self.set(id, (self.get(id) ?? 0) + delta / 1000);
    }
    const totalMs = options.window ? Math.max(0, last - first) / 1000 : (profile.endTime - profile.startTime) / 1000;
    let idle = 0;
    const functions = new Map<string, HotSpot>();
    const modules = new Map<string, number>();
    for (const node of profile.nodes) {
        const ms = self.get(node.id) ?? 0;
        const { functionName } = node.callFrame;
        if (functionName === '(idle)') {
            idle += ms;
            continue;
        }
        if (ms === 0) {
            continue;
        }
        const { url, line: lineNumber } = mapSource(node.callFrame.url, node.callFrame.lineNumber, node.callFrame.columnNumber);
        const name = functionName || '(anonymous)';
        const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : '';
        const key = `${name}@${where}`;
        const entry = functions.get(key) ?? { name, where, selfMs: 0, share: 0 };
        entry.selfMs += ms;
        functions.set(key, entry);
        const module = moduleOf(url, name);
        modules.set(module, (modules.get(module) ?? 0) + ms);
    }
    const busyMs = totalMs - idle;
    const categories = new Map<string, number>();
    if (options.categories) {
        const categoryOf = new Map<string, string>();
        for (const [category, names] of Object.entries(options.categories)) {
            names.forEach(name => categoryOf.set(name, category));
        }
        const parent = new Map<number, number>();
        for (const node of profile.nodes) {
            for (const child of node.children ?? []) {
                parent.set(child, node.id);
            }
        }
        const cache = new Map<number, string>();
        const classify = (id: number): string => {
            const known = cache.get(id);
            if (known) {
                return known;
            }
            const node = byId.get(id)!;
            const name = node.callFrame.functionName;
            const own = name === '(garbage collector)' ? 'garbage collection' : name === '(program)' || name === '(idle)' ? name : categoryOf.get(name);
            const up = parent.get(id);
            const result = own ?? (up === undefined ? 'other' : classify(up));
            cache.set(id, result);
            return result;
        };
        for (const [id, ms] of self) {
            const category = classify(id);
            if (category !== '(idle)') {
                categories.set(category, (categories.get(category) ?? 0) + ms);
            }
        }
    }
    // Inclusive time: sum of self time below any frame matching the name (counted once per stack).
    const inclusive = (options.inclusive ?? []).map(pattern => {
        let total = 0;
        const visit = (id: number, inside: boolean) => {
            const node = byId.get(id)!;
            const matches = inside || node.callFrame.functionName === pattern;
            if (matches) {
                total += self.get(id) ?? 0;
            }
            for (const child of node.children ?? []) {
                visit(child, matches);
            }
        };
        visit(profile.nodes[0]!.id, false);
        return { name: pattern, totalMs: total, share: total / busyMs };
    });
    return {
        totalMs,
        busyMs,
        functions: [...functions.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, options.top ?? 25)
            .map(f => ({ ...f, selfMs: Math.round(f.selfMs), share: f.selfMs / busyMs })),
        modules: [...modules.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)
            .map(([module, ms]) => ({ module, selfMs: Math.round(ms), share: ms / busyMs })),
        inclusive: inclusive.map(i => ({ ...i, totalMs: Math.round(i.totalMs) })),
        categories: [...categories.entries()].sort((a, b) => b[1] - a[1]).map(([category, ms]) => ({ category, selfMs: Math.round(ms), share: ms / busyMs }))
    };
}

export function formatProfile(summary: ProfileSummary): string {
    const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
    const lines = [`busy ${Math.round(summary.busyMs)} ms of ${Math.round(summary.totalMs)} ms profiled`];
    if (summary.categories.length > 0) {
        lines.push('', 'by phase (innermost enclosing function):');
        for (const c of summary.categories) {
            lines.push(`  ${pct(c.share).padStart(6)}  ${String(c.selfMs).padStart(6)} ms  ${c.category}`);
        }
    }
    lines.push('', 'self time by module:');
    for (const m of summary.modules) {
        lines.push(`  ${pct(m.share).padStart(6)}  ${String(m.selfMs).padStart(6)} ms  ${m.module}`);
    }
    lines.push('', 'self time by function:');
    for (const f of summary.functions) {
        lines.push(`  ${pct(f.share).padStart(6)}  ${String(f.selfMs).padStart(6)} ms  ${f.name}  ${f.where}`);
    }
    if (summary.inclusive.length > 0) {
        lines.push('', 'inclusive time:');
        for (const i of summary.inclusive) {
            lines.push(`  ${pct(i.share).padStart(6)}  ${String(i.totalMs).padStart(6)} ms  ${i.name}`);
        }
    }
    return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const file = process.argv[2];
    if (!file) {
        console.error('usage: bench/profile.ts FILE.cpuprofile [--top N] [--inclusive name,name]');
        process.exit(2);
    }
    const topIndex = process.argv.indexOf('--top');
    const incIndex = process.argv.indexOf('--inclusive');
    console.log(formatProfile(summarizeProfile(file, {
        top: topIndex > 0 ? Number(process.argv[topIndex + 1]) : 25,
        inclusive: incIndex > 0 ? process.argv[incIndex + 1]!.split(',') : [],
        categories: BUILD_CATEGORIES
    })));
}
