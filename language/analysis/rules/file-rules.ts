import type { Finding } from '../finding.js';
import { describeFileProblem, DOCUMENT_OUTSIDE_WORKSPACE, type ExternalFiles, type FileProblem } from '../external-files.js';
import { IssueCodes } from '../issue-codes.js';
import type { WorkspaceElements } from '../workspace-elements.js';
import { linesOf, memoised } from '../transcript-lines.js';

/** Problems a bibliography statement reports at once before the rest are summarised. */
const SHOWN_PROBLEMS = 5;

/** bibliography-not-found, bibliography-syntax, quote-not-found, line-range-invalid. */
export function fileFindings(elements: WorkspaceElements, files: ExternalFiles): Finding[] {
    const findings: Finding[] = [];
    for (const statement of elements.bibliographies) {
        const facts = files.bibliography(statement);
        if (!facts) {
            continue;
        }
        if (facts.status !== 'ok') {
            findings.push({
                code: IssueCodes.BibliographyNotFound, node: statement, property: 'path',
                message: notReadMessage(facts.status, facts.path, 'Bibliography ')
            });
            continue;
        }
        for (const problem of facts.problems.slice(0, SHOWN_PROBLEMS)) {
            findings.push({
                code: IssueCodes.BibliographySyntax, node: statement, property: 'path',
                message: `${facts.path}:${problem.line + 1}: ${problem.message}`,
                data: { line: problem.line }
            });
        }
        if (facts.problems.length > SHOWN_PROBLEMS) {
            findings.push({
                code: IssueCodes.BibliographySyntax, node: statement, property: 'path',
                message: `${facts.path}: ${facts.problems.length - SHOWN_PROBLEMS} more malformed entries (see the file's own diagnostics).`
            });
        }
    }
    // Many data quote one transcript: split and normalise each text once per analysis, not per datum.
    const lines = memoised(linesOf);
    const normalised = memoised(normaliseQuote);
    for (const datum of elements.data) {
        const origin = datum.origin;
        // `in ""` names a file too (the folder itself): reported like any other path, not skipped.
        if (origin?.file === undefined) {
            continue;
        }
        const range = origin.lines;
        // A malformed range is wrong whatever the file holds: reported even when it cannot be read.
        const malformed = range && rangeProblem(range.from, range.to ?? range.from);
        if (range && malformed) {
            findings.push({ code: IssueCodes.LineRangeInvalid, node: origin, property: 'lines', message: `The line range of datum \`${datum.name}\` (${describeRange(range.from, range.to)}) ${malformed}.` });
        }
        const facts = files.transcript(origin);
        if (!facts) {
            continue;
        }
        if (facts.status !== 'ok') {
            findings.push({ code: IssueCodes.QuoteNotFound, node: origin, property: 'file', message: notReadMessage(facts.status, facts.path, `The file of datum \`${datum.name}\`: `) });
            continue;
        }
        if (malformed) {
            continue;
        }
        const fileLines = range ? lines(facts.text) : [];
        if (range && Math.max(range.from, range.to ?? range.from) > fileLines.length) {
            findings.push({
                code: IssueCodes.LineRangeInvalid, node: origin, property: 'lines',
                message: `The line range of datum \`${datum.name}\` (${describeRange(range.from, range.to)}) runs past the end of ${facts.path}, which has ${fileLines.length} ${fileLines.length === 1 ? 'line' : 'lines'}.`
            });
            continue;
        }
        if (origin.quote === undefined) {
            continue;
        }
        const haystack = range
            ? normaliseQuote(selectLines(fileLines, range.from, range.to ?? range.from))
            : normalised(facts.text);
        if (!haystack.includes(normaliseQuote(origin.quote))) {
            const where = origin.lines ? `lines ${origin.lines.from}–${origin.lines.to ?? origin.lines.from} of ${facts.path}` : facts.path;
            findings.push({ code: IssueCodes.QuoteNotFound, node: origin, property: 'quote', message: `The quote of datum \`${datum.name}\` is not in ${where}.` });
        }
    }
    return findings;
}

/** Why a named file was not read; a document outside the workspace gets the same one sentence whatever it names. */
export function notReadMessage(problem: FileProblem, path: string, lead: string): string {
    return problem === 'document-outside-workspace' ? DOCUMENT_OUTSIDE_WORKSPACE : `${lead}${describeFileProblem(problem, path)}.`;
}

/** Why a 1-based inclusive line range names no lines, before looking at the file. */
function rangeProblem(from: number, to: number): string | undefined {
    if (!Number.isInteger(from) || !Number.isInteger(to)) {
        return 'is not whole line numbers';
    }
    if (from < 1) {
        return 'starts before line 1';
    }
    return from > to ? 'is reversed: it ends before it starts' : undefined;
}

function describeRange(from: number, to: number | undefined): string {
    return to === undefined ? `line ${from}` : `lines ${from}–${to}`;
}

/** 1-based, inclusive, on a range already checked. */
function selectLines(lines: string[], from: number, to: number): string {
    return lines.slice(from - 1, to).join('\n');
}


/** Transcripts and quotes differ in line breaks, runs of spaces, typographic quotes, dashes and ellipses. */
export function normaliseQuote(text: string): string {
    return text
        .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
        .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
        .replace(/\u2026/g, '...')
        .replace(/\s+/g, ' ')
        // A typed `--` or ` - ` stands for a pasted en or em dash, spaced or not. After the
        // spaces are collapsed: `\s*` before the dash retried every start of a long run of spaces.
        .replace(/ ?[-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]+ ?/g, '-')
        .trim();
}
