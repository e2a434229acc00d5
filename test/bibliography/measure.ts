/**
 * Timings of the bibliography subsystem on a generated library (not a test: no assertions).
 *
 *   npx tsx test/bibliography/measure.ts [--entries 10000] [--no-full-parse] [--json]
 *
 * `measureBibliography()` returns the numbers for the benchmark harness.
 */
import { pathToFileURL } from 'node:url';
import { BibliographyStore } from '../../language/bibliography/bibliography-store.js';
import { loadBibtexParser, parseEntryDetails } from '../../language/bibliography/details.js';
import { formatReference } from '../../language/bibliography/format.js';
import { KeyMatcher } from '../../language/bibliography/nearest-keys.js';
import { scanBibliography } from '../../language/bibliography/scanner.js';
import { generateBibliography } from './generate.js';

export interface BibliographyMeasurements {
    entries: number;
    megabytes: number;
    /** First scan in the process (includes JIT warm-up), then the median and minimum of 10 more. */
    scanColdMs: number;
    scanMedianMs: number;
    scanMinMs: number;
    /** `BibliographyStore.update` of a changed text: scan plus merging the keys into the store. */
    storeUpdateMs: number;
    /** Building the nearest-key index, then one suggestion query (median of 100 typos). */
    keyMatcherBuildMs: number;
    nearestKeysMedianMs: number;
    /** `import('@retorquere/bibtex-parser')`: module initialisation, kept off the startup path. */
    parserImportMs: number;
    /** Details of one entry: the first in the process, then the median of 50 others. */
    entryDetailFirstMs: number;
    entryDetailMedianMs: number;
    /** `parse()` of the whole file by @retorquere/bibtex-parser (undefined when skipped). */
    fullParseMs?: number;
    fullParseEntries?: number;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(f: () => T): [T, number] {
    const start = performance.now();
    const result = f();
    return [result, performance.now() - start];
}

async function timeAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
    const start = performance.now();
    const result = await f();
    return [result, performance.now() - start];
}

export async function measureBibliography(options: { entries?: number; fullParse?: boolean } = {}): Promise<BibliographyMeasurements> {
    const count = options.entries ?? 10_000;
    const { text, keys } = generateBibliography(count, 42);

    const [, scanColdMs] = time(() => scanBibliography(text));
    const scans: number[] = [];
    for (let i = 0; i < 10; i++) {
        scans.push(time(() => scanBibliography(text))[1]);
    }

    const store = new BibliographyStore({ preloadParser: false });
    store.update('file:///bench/references.bib', text + '\n');
    const [, storeUpdateMs] = time(() => store.update('file:///bench/references.bib', text));

    const [matcher, keyMatcherBuildMs] = time(() => new KeyMatcher(keys));
    const lookups: number[] = [];
    for (let i = 0; i < 100; i++) {
        const key = keys[(i * 97) % keys.length]!;
        const typo = key.slice(0, -2) + key.slice(-1) + key.slice(-2, -1);
        lookups.push(time(() => matcher.nearest(typo, 3))[1]);
    }

    const [parser, parserImportMs] = await timeAsync(() => loadBibtexParser());
    const index = scanBibliography(text);
    const first = index.byKey.get(keys[0]!)!;
    const [, entryDetailFirstMs] = time(() => formatReference(parseEntryDetails(index, first)));
    const details: number[] = [];
    for (let i = 1; i <= 50; i++) {
        const entry = index.byKey.get(keys[(i * 193) % keys.length]!)!;
        details.push(time(() => formatReference(parseEntryDetails(index, entry)))[1]);
    }

    const result: BibliographyMeasurements = {
        entries: count,
        megabytes: text.length / 1e6,
        scanColdMs,
        scanMedianMs: median(scans),
        scanMinMs: Math.min(...scans),
        storeUpdateMs,
        keyMatcherBuildMs,
        nearestKeysMedianMs: median(lookups),
        parserImportMs,
        entryDetailFirstMs,
        entryDetailMedianMs: median(details),
    };
    if (options.fullParse !== false) {
        const [library, fullParseMs] = time(() => parser.parse(text));
        result.fullParseMs = fullParseMs;
        result.fullParseEntries = library.entries.length;
    }
    return result;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
    const args = process.argv.slice(2);
    const entriesArg = args.indexOf('--entries');
    const entries = entriesArg >= 0 ? Number(args[entriesArg + 1]) : 10_000;
    const result = await measureBibliography({ entries, fullParse: !args.includes('--no-full-parse') });
    if (args.includes('--json')) {
        console.log(JSON.stringify(result, null, 2));
    } else {
        const ms = (n: number | undefined): string => n === undefined ? 'skipped' : `${n.toFixed(n < 10 ? 2 : 0)} ms`;
        console.log(`bibliography: ${result.entries} entries, ${result.megabytes.toFixed(1)} MB`);
        console.log(`  key index scan        cold ${ms(result.scanColdMs)}, median ${ms(result.scanMedianMs)}, min ${ms(result.scanMinMs)}`);
        console.log(`  store update          ${ms(result.storeUpdateMs)}`);
        console.log(`  nearest keys          index ${ms(result.keyMatcherBuildMs)}, one lookup ${ms(result.nearestKeysMedianMs)} (median)`);
        console.log(`  parser import         ${ms(result.parserImportMs)}`);
        console.log(`  one entry's details   first ${ms(result.entryDetailFirstMs)}, then ${ms(result.entryDetailMedianMs)} (median)`);
        console.log(`  full parse (all)      ${ms(result.fullParseMs)}${result.fullParseEntries !== undefined ? ` (${result.fullParseEntries} entries)` : ''}`);
    }
}
