/**
 * The Argdown baseline of `npm run bench` (issue 19): Warrant and Argdown on the same argument
 * (bench/argument.ts). The full check in-process against Argdown's parse + model at several
 * sizes, run interleaved in fresh processes, medians and their ratio; the peak memory of both
 * processes at the largest size; and keystroke → diagnostics over LSP in that argument, in files
 * of ~500 claims and in one file, next to what Argdown's full re-parse of it costs.
 */
import path from 'node:path';
import { MAX_DOCUMENT_CHARACTERS } from '../language/parser/size-limited-lexer.js';
import { generateArgument, type ArgumentSpec, type ArgumentWorkspace } from './argument.js';
import { formatMs as s, median, round, runChild, verdict, type Row } from './common.js';
import { editedFileSession, type EditedFileResult } from './lsp-figures.js';

/** What bench/cold-build.ts and bench/argdown.ts report that is compared here. */
interface ProcessFigures {
    wallMs: number;
    cpuMs: number;
    mainCpuMs: number;
    gcMs: number;
    peakRssMb: number;
}

interface WarrantCheck extends ProcessFigures {
    documents: number;
    severities: Record<string, number>;
    references: { resolved: number; unresolved: number };
}

interface ArgdownRun extends ProcessFigures {
    version: string;
    parseMs: number;
    modelMs: number;
    errors: number;
    model: { statements: number; arguments: number; relations: number };
}

type Medians = ProcessFigures & { runs: number };

export interface BaselineSize {
    claims: number;
    files: number;
    counts: ArgumentWorkspace['counts'];
    warrant: Medians & { severities: Record<string, number>; unresolved: number };
    argdown: Medians & { version: string; model: ArgdownRun['model']; errors: number };
    /** Warrant's process CPU over Argdown's (medians). */
    cpuRatio: number;
}

export interface EditedFileFigures extends EditedFileResult {
    label: string;
    budget: { medianMs: number; p95Ms?: number; noRepublish?: boolean };
    /** Argdown's parse + model of the same argument (median of 3): what a full re-parse per keystroke costs it. */
    argdownWallMs: number;
    argdownCpuMs: number;
}

export interface BaselineResult {
    sizes: BaselineSize[];
    /** One file of 20,000 claims (bigger than the keystroke one): is it checked, or refused by the size cap? */
    bigFile: { claims: number; characters: number; cap: number; check: WarrantCheck };
    editedFile: EditedFileFigures[];
}

const medians = (runs: ProcessFigures[]): Medians => ({
    runs: runs.length,
    wallMs: round(median(runs.map(r => r.wallMs))),
    cpuMs: round(median(runs.map(r => r.cpuMs))),
    mainCpuMs: round(median(runs.map(r => r.mainCpuMs))),
    gcMs: round(median(runs.map(r => r.gcMs))),
    peakRssMb: round(median(runs.map(r => r.peakRssMb)))
});

const check = (workspace: ArgumentWorkspace) => runChild<WarrantCheck>('cold-build.ts', ['--dir', workspace.root], { timeoutMs: 600_000 });
const argdown = (workspace: ArgumentWorkspace) => runChild<ArgdownRun>('argdown.ts', ['--file', workspace.argdownFile], { timeoutMs: 600_000 });

export async function measureArgdownBaseline(tmp: string, quick: boolean, serverFlags: string[], log: (message: string) => void): Promise<BaselineResult> {
    const sizes: BaselineSize[] = [];
    for (const claims of quick ? [1_000, 5_000] : [1_000, 5_000, 20_000, 40_000]) {
        const workspace = generateArgument({ claims }, path.join(tmp, `argument-${claims}`));
        const runs = quick ? 1 : claims >= 20_000 ? 3 : 5;
        const ours: WarrantCheck[] = [];
        const theirs: ArgdownRun[] = [];
        // Interleaved, first one then the other, so that the shared host's drift hits both alike.
        for (let i = 0; i < runs; i++) {
            if (i % 2 === 0) {
                ours.push(await check(workspace));
                theirs.push(await argdown(workspace));
            } else {
                theirs.push(await argdown(workspace));
                ours.push(await check(workspace));
            }
        }
        const warrant = { ...medians(ours), severities: ours[0]!.severities, unresolved: ours[0]!.references.unresolved };
        const ad = { ...medians(theirs), version: theirs[0]!.version, model: theirs[0]!.model, errors: theirs[0]!.errors };
        const size: BaselineSize = { claims, files: workspace.counts.files, counts: workspace.counts, warrant, argdown: ad, cpuRatio: round(warrant.cpuMs / ad.cpuMs, 2) };
        sizes.push(size);
        log(`same argument, ${claims} claims: Warrant ${warrant.cpuMs} ms CPU (GC ${warrant.gcMs}), ${warrant.peakRssMb} MB; Argdown ${ad.version} ${ad.cpuMs} ms CPU (GC ${ad.gcMs}), ${ad.peakRssMb} MB: ${size.cpuRatio}×`);
    }

    const bigClaims = quick ? 4_000 : 20_000;
    const big = generateArgument({ claims: bigClaims, singleFile: true }, path.join(tmp, `argument-${bigClaims}-one-file`));
    const bigFile = { claims: bigClaims, characters: big.counts.largestFileCharacters, cap: MAX_DOCUMENT_CHARACTERS, check: await check(big) };
    log(`one file of ${bigClaims} claims (${big.counts.largestFileCharacters} characters): ${bigFile.check.references.resolved} references resolved, ${bigFile.check.references.unresolved} not`);

    const editedFile: EditedFileFigures[] = [];
    const scale = quick ? 0.2 : 1;
    const sessions: Array<{ spec: ArgumentSpec; keystrokes: number; budget: EditedFileFigures['budget'] }> = [
        { spec: { claims: 10_000 * scale, claimsPerFile: 500 }, keystrokes: 20, budget: { medianMs: 60, p95Ms: 120, noRepublish: true } },
        { spec: { claims: 10_000 * scale, singleFile: true }, keystrokes: 10, budget: { medianMs: 250 } },
        { spec: { claims: 2_000 * scale, claimsPerFile: 400 * scale }, keystrokes: 30, budget: { medianMs: 40 } }
    ];
    for (const session of sessions) {
        const label = session.spec.singleFile ? 'in one file' : `in files of ${session.spec.claimsPerFile} claims`;
        const workspace = generateArgument(session.spec, path.join(tmp, `argument-edit-${session.spec.claims}-${session.spec.singleFile ? 'one' : session.spec.claimsPerFile}`));
        const reparse = [await argdown(workspace), await argdown(workspace), await argdown(workspace)];
        const result = await editedFileSession(workspace, session.keystrokes, serverFlags);
        editedFile.push({ ...result, label, budget: session.budget, argdownWallMs: round(median(reparse.map(r => r.wallMs))), argdownCpuMs: round(median(reparse.map(r => r.cpuMs))) });
        log(`keystroke, ${result.claims} claims ${label} (${result.files} files): median ${result.edits.medianMs} ms, p95 ${result.edits.p95Ms} ms, ${result.republished.median} other files re-published`);
    }
    return { sizes, bigFile, editedFile };
}

export function argdownBaselineRows(result: BaselineResult): Row[] {
    const rows: Row[] = [];
    const claims = (n: number) => n.toLocaleString('en');
    const version = result.sizes[0]?.argdown.version ?? '?';
    for (const b of result.sizes) {
        const judged = b.claims >= 20_000;
        rows.push({
            figure: `same argument as Argdown: full check in-process, ${claims(b.claims)} claims (${b.files} files) vs Argdown ${version} parse + model (${claims(b.argdown.model.statements)} statements, ${claims(b.argdown.model.arguments)} arguments, ${claims(b.argdown.model.relations)} relations)`,
            measured: `Warrant ${s(b.warrant.cpuMs)} CPU (GC ${s(b.warrant.gcMs)}, wall ${s(b.warrant.wallMs)}) vs Argdown ${s(b.argdown.cpuMs)} CPU (GC ${s(b.argdown.gcMs)}, wall ${s(b.argdown.wallMs)}): ${b.cpuRatio}×, medians of ${b.warrant.runs} interleaved`,
            budget: judged ? '≤ 1.0× Argdown' : '—',
            result: judged ? verdict(b.cpuRatio <= 1) : 'info'
        });
    }
    const largest = result.sizes[result.sizes.length - 1];
    if (largest) {
        rows.push({
            figure: `same argument: peak memory of the whole process (VmHWM), ${claims(largest.claims)} claims`,
            measured: `Warrant ${largest.warrant.peakRssMb} MB vs Argdown ${largest.argdown.peakRssMb} MB (${round(largest.warrant.peakRssMb / largest.argdown.peakRssMb, 2)}×)`,
            budget: '≤ Argdown\'s', result: verdict(largest.warrant.peakRssMb <= largest.argdown.peakRssMb)
        });
    }
    const big = result.bigFile;
    const refused = big.characters > big.cap;
    rows.push({
        figure: `same argument in one file of ${claims(big.claims)} claims (${claims(big.characters)} characters; cap ${claims(big.cap)})`,
        measured: refused ? 'refused: over the size cap' : `checked: ${s(big.check.cpuMs)} CPU, ${claims(big.check.references.resolved)} references resolved`,
        budget: 'checked', result: verdict(!refused && big.check.references.unresolved === 0)
    });
    for (const e of result.editedFile) {
        const p95 = e.budget.p95Ms;
        const onePerFile = e.files > 1;
        const ok = e.edits.medianMs < e.budget.medianMs && (p95 === undefined || e.edits.p95Ms < p95) && (!e.budget.noRepublish || e.republished.max === 0);
        rows.push({
            figure: `same argument: keystroke → diagnostics of the edited file, ${claims(e.claims)} claims ${e.label} (${e.files} file${e.files > 1 ? 's' : ''}, largest ${claims(e.largestFileCharacters)} characters), LSP (${e.edits.count} edits)`,
            measured: `median ${e.edits.medianMs} ms, p95 ${e.edits.p95Ms} ms (server CPU median ${e.edits.serverCpuMedianMs} ms)${onePerFile ? `; other files re-published per keystroke: median ${e.republished.median}, max ${e.republished.max}` : ''}; Argdown's full re-parse + model ${s(e.argdownWallMs)} (CPU ${s(e.argdownCpuMs)})`,
            budget: `median < ${e.budget.medianMs} ms${p95 ? `, p95 < ${p95} ms` : ''}${e.budget.noRepublish ? ', no re-publish of unchanged files' : ''}`,
            result: verdict(ok)
        });
    }
    return rows;
}
