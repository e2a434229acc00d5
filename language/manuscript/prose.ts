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

/**
 * The citations and claim spans of a manuscript's prose: `text` outside the `skipped` regions
 * (see fences.ts), where Pandoc reads neither inside inline code, an HTML comment or tag, an
 * autolink or a link's destination, nor after a backslash. One pass, linear in the text.
 */
export function scanProse(text: string, skipped: readonly Region[]): Prose {
    const citations: ProseCitation[] = [];
    const claimSpans: ClaimSpan[] = [];
    // The next offset a backtick run of each length closes at, once searched (-1: none to the end).
    const closers = new Map<number, number>();
    let at = 0;
    for (const region of [...skipped, { start: text.length, end: text.length }]) {
        scanRegion(text, at, region.start, citations, claimSpans, closers);
        at = Math.max(at, region.end);
    }
    return { citations, claimSpans };
}

function scanRegion(text: string, from: number, limit: number, citations: ProseCitation[], claimSpans: ClaimSpan[], closers: Map<number, number>): void {
    let brackets: number[] = [];
    let i = from;
    while (i < limit) {
        const char = text[i];
        if (char === '\\') {
            i += 2;
        } else if (char === '`') {
            let run = 1;
            while (text[i + run] === '`') {
                run++;
            }
            const close = closingRun(text, i + run, limit, run, closers);
            i = close === -1 ? i + run : close + run;
        } else if (char === '<') {
            if (text.startsWith('<!--', i)) {
                const close = text.indexOf('-->', i + 4);
                i = close === -1 || close >= limit ? limit : close + 3;
            } else {
                HTML_TAG.lastIndex = i;
                i = HTML_TAG.test(text) && HTML_TAG.lastIndex <= limit ? HTML_TAG.lastIndex : i + 1;
            }
        } else if (char === '\n') {
            if (/^[ \t]*\r?\n/.test(text.slice(i + 1, i + 80))) {
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
                // A link's destination is a URL, not prose.
                const close = text.indexOf(')', i);
                const lineEnd = text.indexOf('\n', i);
                i = close !== -1 && close < limit && (lineEnd === -1 || close < lineEnd) ? close + 1 : i;
            } else if (text[i] === '{' && open !== undefined) {
                const read = readClaimAttributes(text, i, Math.min(limit, i + 2000), open + 1, i - 1);
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

/** The offset of the next run of exactly `run` backticks at or after `from`, or -1. */
function closingRun(text: string, from: number, limit: number, run: number, closers: Map<number, number>): number {
    const known = closers.get(run);
    if (known !== undefined && (known === -1 || known >= from)) {
        return known !== -1 && known < limit ? known : -1;
    }
    let i = text.indexOf('`', from);
    while (i !== -1) {
        let length = 1;
        while (text[i + length] === '`') {
            length++;
        }
        if (length === run) {
            closers.set(run, i);
            return i < limit ? i : -1;
        }
        i = text.indexOf('`', i + length);
    }
    closers.set(run, -1);
    return -1;
}
