/**
 * Latency of hover and completion through the LSP connection (the bundled server over stdio,
 * a real JSON-RPC client) on the case study. Not a test: `node --import tsx test/lsp/measure.ts`
 * after `node scripts/build.mjs`. Prints medians and 90th percentiles in milliseconds.
 */
import '../setup.js';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Position } from 'vscode-languageserver';
import { LspClient } from '../helpers/lsp-client.js';
import { copyCaseStudy, positionIn } from './fixtures.js';

const ROUNDS = Number(process.env.ROUNDS ?? 40);
const log = (...args: unknown[]) => process.env.DEBUG && console.error(...args);

function stats(samples: number[]): { median: number; p90: number; min: number; max: number } {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { median: round(at(0.5)), p90: round(at(0.9)), min: round(sorted[0]), max: round(sorted[sorted.length - 1]) };
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}

async function time(run: () => Promise<unknown>): Promise<number> {
    const start = performance.now();
    await run();
    return performance.now() - start;
}

async function main(): Promise<void> {
    const dir = copyCaseStudy();
    const client = await LspClient.start(dir);
    try {
        const file = 'argument.warrant';
        const text = readFileSync(path.join(dir, file), 'utf8');
        await client.open(file, text);
        log('opened');
        await client.diagnosticsOf(file, d => d.length > 0, 60000);
        log('diagnostics');

        const hovers: Array<[string, Position]> = [
            ['claim declaration (trace, evidence, profile)', positionIn(text, 'claim genderHypothesis', 7)],
            ['claim reference', positionIn(text, 'supported by welfareProfessionsGendered', 14)],
            ['stat in classifies', positionIn(text, 'classifies policeWomen', 12)],
            ['@key (.bib reference)', positionIn(text, '@Hall2005', 3)],
            ['datum reference', positionIn(text, 'supported by teaRequest', 14)]
        ];
        const completions: Array<[string, Position]> = [
            ['names after `supported by`', positionIn(text, 'supported by teaRequest', 13)],
            ['@keys after `cites @`', positionIn(text, '@Hall2005', 1)],
            ['clause keywords', positionIn(text, '  cites @Sprague2005', 2)]
        ];

        const first = await time(() => client.hover(file, hovers[0][1]));
        const results: Record<string, ReturnType<typeof stats>> = {};
        const all = { hover: [] as number[], completion: [] as number[] };
        for (const [label, position] of hovers) {
            const samples: number[] = [];
            for (let i = 0; i < ROUNDS; i++) {
                samples.push(await time(() => client.hover(file, position)));
            }
            all.hover.push(...samples);
            results[`hover: ${label}`] = stats(samples);
        }
        for (const [label, position] of completions) {
            const samples: number[] = [];
            for (let i = 0; i < ROUNDS; i++) {
                samples.push(await time(() => client.completion(file, position)));
            }
            all.completion.push(...samples);
            results[`completion: ${label}`] = stats(samples);
        }
        log('steady done');
        // Right after an edit: the request waits for the rebuild it needs (hover: the analysis).
        const afterEdit: number[] = [];
        for (let i = 0; i < 10; i++) {
            await client.change(file, text + `\n// edit ${i}\n`);
            afterEdit.push(await time(() => client.hover(file, hovers[0][1])));
        }
        results['hover right after an edit (includes the rebuild)'] = stats(afterEdit);
        results['ALL hovers'] = stats(all.hover);
        results['ALL completions'] = stats(all.completion);

        console.log(`Warrant LSP latency on the case study (${ROUNDS} rounds each, ms), Node ${process.version}`);
        console.log(`first hover after the initial build: ${round(first)} ms`);
        console.table(results);
    } finally {
        await client.stop();
        rmSync(dir, { recursive: true, force: true });
    }
}

await main();
