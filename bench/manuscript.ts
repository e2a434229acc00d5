/**
 * A 100-page manuscript: `warrant check` on it, and the time from an edit of its prose to its
 * diagnostics in the language server. Run by `npm run bench`, or on its own after a build:
 *
 *   node --import tsx bench/manuscript.ts [--keep]
 *
 * The manuscript is generated (deterministic): about 40,000 words in 200 paragraphs, 600 Pandoc
 * citations of a 300-entry bibliography (one in twenty unknown), 50 `warrant` fences of four
 * claims each with their data, and a claim span every fourth paragraph.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flag, median, REPOSITORY, report, round } from './common.js';
import { LspClient } from '../test/helpers/lsp-client.js';

const WORDS = ['the', 'professions', 'partnership', 'gender', 'collaboration', 'board', 'evidence', 'of', 'and', 'social', 'care', 'police', 'children', 'in', 'practice', 'culture'];

export function generateManuscript(): { files: Record<string, string>; words: number; citations: number; fences: number } {
    const bib: string[] = [];
    for (let i = 0; i < 300; i++) {
        bib.push(`@article{Author${i}Y${1950 + (i % 70)}, author = {Author${i}, A.}, title = {Title number ${i}}, journal = {Journal}, year = {${1950 + (i % 70)}}}`);
    }
    const parts = ['---', 'title: "A long paper"', 'bibliography: refs.bib', '---', ''];
    let words = 0;
    let citations = 0;
    let fences = 0;
    for (let p = 0; p < 200; p++) {
        const sentence: string[] = [];
        for (let w = 0; w < 200; w++) {
            sentence.push(WORDS[(p * 7 + w * 3) % WORDS.length]);
            if (w % 66 === 65) {
                const n = (p * 3 + w) % 300;
                sentence.push(citations % 20 === 19 ? `[@Missing${citations}]` : `[@Author${n}Y${1950 + (n % 70)}, p. ${w}]`);
                citations++;
            }
        }
        words += 200;
        const text = sentence.join(' ') + '.';
        parts.push(p % 4 === 0 && fences > 0 ? `[${text}]{.claim ref=c${fences - 1}_0}` : text, '');
        if (p % 4 === 3 && fences < 50) {
            const f = fences++;
            parts.push('```warrant', `annex A${f} {`, `  datum d${f} interview emergent "said ${f}"`, '}');
            for (let c = 0; c < 4; c++) {
                parts.push(`claim c${f}_${c} "Claim ${f}.${c}" supported by ${c === 0 ? `d${f}` : `c${f}_${c - 1}`}`);
            }
            parts.push('```', '');
        }
    }
    return { files: { 'paper.qmd': parts.join('\n'), 'refs.bib': bib.join('\n') + '\n' }, words, citations, fences };
}

export interface ManuscriptResult {
    manuscript: { words: number; citations: number; fences: number; characters: number };
    checkMs: { median: number; runs: number[] };
    editToDiagnosticsMs: { median: number; max: number; samples: number };
}

async function main(): Promise<void> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'warrant-manuscript-bench-'));
    const generated = generateManuscript();
    for (const [name, text] of Object.entries(generated.files)) {
        writeFileSync(path.join(dir, name), text);
    }
    const cli = path.join(REPOSITORY, 'bin/warrant.cjs');
    const checks: number[] = [];
    for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const result = spawnSync(process.execPath, [cli, 'check', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        checks.push(performance.now() - started);
        if (result.status === 2) {
            throw new Error(result.stderr);
        }
    }
    const client = await LspClient.start(dir);
    const latencies: number[] = [];
    try {
        const text = generated.files['paper.qmd'];
        await client.open('paper.qmd', text, 'quarto');
        const unknown = (d: { code?: unknown }[]) => d.filter(x => x.code === 'unknown-citation').length;
        const base = unknown(await client.diagnosticsOf('paper.qmd', d => unknown(d) > 0, 60_000));
        const at = text.indexOf('.\n\n', text.length / 2);
        for (let i = 0; i < 21; i++) {
            const edited = i % 2 === 0 ? `${text.slice(0, at)} @Typo${i}${text.slice(at)}` : text;
            const started = performance.now();
            await client.change('paper.qmd', edited);
            await client.diagnosticsOf('paper.qmd', d => unknown(d) === (i % 2 === 0 ? base + 1 : base), 60_000);
            if (i > 0) {
                latencies.push(performance.now() - started);
            }
        }
    } finally {
        await client.stop();
    }
    report({
        manuscript: { words: generated.words, citations: generated.citations, fences: generated.fences, characters: generated.files['paper.qmd'].length },
        checkMs: { median: round(median(checks)), runs: checks.map(ms => round(ms)) },
        editToDiagnosticsMs: { median: round(median(latencies)), max: round(Math.max(...latencies)), samples: latencies.length }
    } satisfies ManuscriptResult);
    if (flag('keep')) {
        console.log(`kept ${dir}`);
    } else {
        rmSync(dir, { recursive: true, force: true });
    }
}

if (process.argv[1]?.endsWith('manuscript.ts')) {
    await main();
}
