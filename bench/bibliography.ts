/**
 * Child process: a .bib of N entries (or, with `--format csl-json`, a CSL-JSON library of N
 * items) through the bibliography store the server uses.
 *
 *   node --import tsx bench/bibliography.ts --entries 10000 [--format csl-json]
 *
 * keys: `BibliographyStore.update` (the key index) and a lookup: what diagnostics need.
 * async: the same through `updateAsync` (time-sliced), with the longest event-loop block.
 * suggestions: the nearest-key index and one query (the unknown-citation hint).
 * details: loading @retorquere/bibtex-parser, then every entry's full details (what hovers show;
 *   CSL-JSON items need no parser).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { BibliographyStore } from '../language/bibliography/bibliography-store.js';
import { isBibtexParserLoaded, loadBibtexParser } from '../language/bibliography/details.js';
import { arg, mainThreadTimes, report, round } from './common.js';
import { generateBibliography, generateCslLibrary } from './generate.js';

const entries = Number(arg('entries', '10000'));
const detailsBudgetMs = Number(arg('details-budget-ms', '120000'));
const csl = arg('format', 'bibtex') === 'csl-json';
const { text, keys, malformed } = csl ? generateCslLibrary(entries) : generateBibliography(entries);
const uri = csl ? 'file:///bench/references.json' : 'file:///bench/references.bib';
const probe = keys[Math.floor(keys.length * 0.77)]!;

const time = <T>(f: () => T): [T, number] => {
    const start = performance.now();
    const result = f();
    return [result, performance.now() - start];
};

// Keys usable: the first update in the process (cold code), then a lookup.
const store = new BibliographyStore({ preloadParser: false });
const thread = mainThreadTimes();
const [found, keysMs] = time(() => {
    store.update(uri, text);
    return store.lookup(probe);
});
const keysCpuMs = mainThreadTimes().cpuMs - thread.cpuMs;
const [, suggestionsMs] = time(() => store.nearestKeys(`${probe.slice(0, -2)}x`));
const problems = store.diagnostics(uri).length;

// The time-sliced path, on a fresh store: total time and the longest block of the event loop.
const asyncStore = new BibliographyStore({ preloadParser: false });
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const asyncStart = performance.now();
await asyncStore.updateAsync(uri, text);
const asyncKeysMs = performance.now() - asyncStart;
delay.disable();
const asyncLookup = asyncStore.has(probe);

// Full details of every entry.
const [, parserMs] = await (async (): Promise<[unknown, number]> => {
    const start = performance.now();
    await loadBibtexParser();
    return [undefined, performance.now() - start];
})();
const detailsStart = performance.now();
let detailed = 0;
let partial = 0;
for (const key of keys) {
    const details = store.entry(key);
    if (details && !details.partial) {
        detailed++;
    } else {
        partial++;
    }
    if (performance.now() - detailsStart > detailsBudgetMs) {
        break;
    }
}
const detailsMs = performance.now() - detailsStart;

report({
    entries: entries + 1,
    keys: keys.length,
    malformed,
    megabytes: round(text.length / 1e6, 2),
    problems,
    keysMs: round(keysMs, 1),
    keysCpuMs: round(keysCpuMs, 1),
    found: found !== undefined,
    suggestionsMs: round(suggestionsMs, 1),
    asyncKeysMs: round(asyncKeysMs, 1),
    asyncFound: asyncLookup,
    /** Longest event-loop delay while updateAsync ran (what another request would wait at most). */
    asyncMaxBlockMs: round(delay.max / 1e6, 1),
    parserLoaded: isBibtexParserLoaded(),
    parserImportMs: round(parserMs),
    detailsMs: round(detailsMs),
    detailed,
    partial,
    detailsComplete: detailed + partial === keys.length
});
