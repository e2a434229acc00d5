import { citesAfter, readCitation, type ProseCitation } from './citations.js';
import { readClaimAttributes, type ClaimSpan } from './claim-spans.js';
import type { Region } from './fences.js';

export interface Prose {
    citations: ProseCitation[];
    claimSpans: ClaimSpan[];
}

/** Open brackets remembered per paragraph; deeper nesting is not a span anyone writes. */
const MAX_OPEN_BRACKETS = 64;
const HTML_TAG = /<[A-Za-z/!?][^<>\n]*>/y;
/** The longest attribute block read after a span's `]`. */
const MAX_ATTRIBUTES = 500;
/** The characters the scanner acts on; it jumps over everything else. */
const SPECIAL = /[\\`<\n[\]@]/g;

/**
 * The citations and claim spans of a manuscript's prose: `text` outside the `skipped` regions
 * (see fences.ts), where Pandoc reads neither inside inline code, an HTML comment or tag, an
 * autolink or a link's destination, nor after a backslash. One pass, linear in the text.
 */
export function scanProse(text: string, skipped: readonly Region[]): Prose {
    const citations: ProseCitation[] = [];
    const claimSpans: ClaimSpan[] = [];
    const runs = new BacktickRuns(text);
    const closers = new NextCloser(text);
    let at = 0;
    for (const region of [...skipped, { start: text.length, end: text.length }]) {
        scanRegion(text, at, region.start, citations, claimSpans, runs, closers);
        at = Math.max(at, region.end);
    }
    return { citations, claimSpans };
}

function scanRegion(text: string, from: number, limit: number, citations: ProseCitation[], claimSpans: ClaimSpan[], runs: BacktickRuns, closers: NextCloser): void {
    let brackets: number[] = [];
    let i = from;
    while (i < limit) {
        SPECIAL.lastIndex = i;
        const next = SPECIAL.exec(text);
        if (!next || next.index >= limit) {
            return;
        }
        i = next.index;
        const char = next[0];
        if (char === '\\') {
            i += 2;
        } else if (char === '`') {
            let run = 1;
            while (text[i + run] === '`') {
                run++;
            }
            const close = runs.next(run, i + run);
            i = close === -1 || close >= limit ? i + run : close + run;
        } else if (char === '<') {
            if (text.startsWith('<!--', i)) {
                const close = text.indexOf('-->', i + 4);
                i = close === -1 || close >= limit ? limit : close + 3;
            } else {
                HTML_TAG.lastIndex = i;
                i = HTML_TAG.test(text) && HTML_TAG.lastIndex <= limit ? HTML_TAG.lastIndex : i + 1;
            }
        } else if (char === '\n') {
            if (brackets.length > 0 && startsBlankLine(text, i + 1)) {
                brackets = [];
            }
            i++;
        } else if (char === '[') {
            if (brackets.length < MAX_OPEN_BRACKETS) {
                brackets.push(i);
            }
            i++;
        } else if (char === ']') {
            const open = brackets.pop();
            i++;
            if (text[i] === '(') {
                // A link's destination (up to the line's end) is a URL, not prose.
                const close = closers.next(i);
                i = text[close] === ')' && close < limit ? close + 1 : i;
            } else if (text[i] === '{' && open !== undefined) {
                const read = readClaimAttributes(text, i, Math.min(limit, i + MAX_ATTRIBUTES), open + 1, i - 1);
                if (read) {
                    claimSpans.push(read.span);
                    i = read.end;
                }
            }
        } else if (char === '@' && citesAfter(text[i - 1] === '-' ? text[i - 2] : text[i - 1])) {
            const citation = readCitation(text, i, limit);
            if (citation) {
                citations.push(citation);
                i = citation.offset + citation.length;
            } else {
                i++;
            }
        } else {
            i++;
        }
    }
}

/** Whether the line at `at` holds only spaces and tabs (a paragraph ends there). */
function startsBlankLine(text: string, at: number): boolean {
    let i = at;
    while (text[i] === ' ' || text[i] === '\t') {
        i++;
    }
    return i >= text.length || text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n');
}

/**
 * The next `)` or line break after an offset, remembered: many `](` without a `)` on their
 * line must not each search the line again.
 */
class NextCloser {
    private found = -1;

    constructor(private readonly text: string) {}

    next(from: number): number {
        if (this.found < from) {
            const closer = /[)\n]/g;
            closer.lastIndex = from;
            this.found = closer.exec(this.text)?.index ?? this.text.length;
        }
        return this.found;
    }
}

/**
 * Where the runs of backticks of each length start, found in one pass on first use: a code
 * span closes at the next run of exactly its opening's length, and searching the text again
 * for each opening was quadratic on many runs of different lengths.
 */
class BacktickRuns {
    private starts?: Map<number, number[]>;

    constructor(private readonly text: string) {}

    /** The start of the first run of exactly `length` backticks at or after `from`, or -1. */
    next(length: number, from: number): number {
        const starts = (this.starts ??= this.index()).get(length);
        if (!starts) {
            return -1;
        }
        let low = 0;
        let high = starts.length;
        while (low < high) {
            const mid = (low + high) >> 1;
            if (starts[mid] < from) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low < starts.length ? starts[low] : -1;
    }

    private index(): Map<number, number[]> {
        const starts = new Map<number, number[]>();
        const runs = /`+/g;
        for (let match = runs.exec(this.text); match; match = runs.exec(this.text)) {
            const list = starts.get(match[0].length);
            if (list) {
                list.push(match.index);
            } else {
                starts.set(match[0].length, [match.index]);
            }
        }
        return starts;
    }
}
