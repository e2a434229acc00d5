/**
 * Where a selection's `startPosition`/`endPosition` fall in the text, under each way tools count
 * them (see QdaConvention), and which way one source's positions were counted.
 *
 * Positions are mapped to UTF-16 indices (what JavaScript strings use) through the list of
 * UTF-16 units a convention does not count: the second half of each surrogate pair for code
 * points, and also the LF of each CR LF for ATLAS.ti's count. A source without such units is
 * the same under every convention and needs no detection.
 */
import type { QdaConvention } from './model.js';
import { countBelow } from './sorted.js';
import type { Utf8Text } from './utf8-text.js';

export interface RawPositions {
    readonly start: number;
    readonly end: number;
}

export type Cut =
    | { readonly ok: true; readonly start: number; readonly end: number }
    | { readonly ok: false; readonly why: string };

export interface ConventionChoice {
    readonly convention: QdaConvention;
    readonly note: string;
    /** Set when the positions fit more than one convention with different excerpts: the standard was kept. */
    readonly ambiguity?: string;
}

const NOTES: Record<QdaConvention, string> = {
    codepoints: 'positions counted in Unicode code points, as the REFI-QDA standard says',
    utf16: 'positions counted in UTF-16 code units, as NVivo writes them',
    'crlf-as-one': 'positions counted with each CR LF line break as one character, as ATLAS.ti writes them'
};

const WORD = /[\p{L}\p{N}_]/u;

/** One source's text and its counts under each convention. */
export class CountedText {
    private readonly skipped = new Map<QdaConvention, readonly number[]>();
    /** UTF-16 indices of the second half of each surrogate pair, and of the LF of each CR LF. */
    private readonly lows: readonly number[];
    private readonly crlfs: readonly number[];

    constructor(readonly text: Utf8Text) {
        this.lows = text.lows;
        this.crlfs = text.crlfs;
    }

    /** Length in code points: what `chars` reports. */
    get codePoints(): number {
        return this.text.length - this.lows.length;
    }

    /** Conventions that count this text differently from one another (the standard first). */
    get candidates(): QdaConvention[] {
        return ['codepoints', ...(this.lows.length > 0 ? ['utf16' as const] : []), ...(this.crlfs.length > 0 ? ['crlf-as-one' as const] : [])];
    }

    length(convention: QdaConvention): number {
        return this.text.length - this.skippedUnits(convention).length;
    }

    /** The UTF-16 range of a selection under a convention, or why it cannot be cut. */
    cut(convention: QdaConvention, { start, end }: RawPositions): Cut {
        if (start < 0 || end < 0) {
            return { ok: false, why: 'has a negative position' };
        }
        if (start > end) {
            return { ok: false, why: `starts (${start}) after it ends (${end})` };
        }
        const length = this.length(convention);
        if (end > length) {
            return { ok: false, why: `ends at ${end}, beyond the text's ${length} ${convention === 'utf16' ? 'UTF-16 units' : 'characters'}` };
        }
        const from = this.toUnits(convention, start);
        const to = this.toUnits(convention, end);
        const split = this.splits(from) ?? this.splits(to);
        return split ? { ok: false, why: split } : { ok: true, start: from, end: to };
    }

    /** Whether a boundary falls inside a word (a sign of positions counted another way). */
    midWord(index: number): boolean {
        if (index <= 0 || index >= this.text.length) {
            return false;
        }
        const [before, at] = this.text.around(index);
        return isWordCharacter(before) && isWordCharacter(at);
    }

    private toUnits(convention: QdaConvention, position: number): number {
        const skipped = this.skippedUnits(convention);
        // The i-th skipped unit (sorted) sits at counted position skipped[i] - i; every one at or before `position` adds a unit.
        let low = 0;
        let high = skipped.length;
        while (low < high) {
            const mid = (low + high) >>> 1;
            if (skipped[mid]! - mid <= position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return position + low;
    }

    /** Read from where the pairs and line breaks fall: no character needs decoding. */
    private splits(index: number): string | undefined {
        if (includesSorted(this.lows, index)) {
            return 'would cut a character outside the Basic Multilingual Plane (such as an emoji) in half';
        }
        if (includesSorted(this.crlfs, index)) {
            return 'would cut a CR LF line break in half';
        }
        return undefined;
    }

    private skippedUnits(convention: QdaConvention): readonly number[] {
        let list = this.skipped.get(convention);
        if (!list) {
            list = convention === 'utf16' ? [] : convention === 'codepoints' ? this.lows : mergeSorted(this.lows, this.crlfs);
            this.skipped.set(convention, list);
        }
        return list;
    }
}

interface Score {
    readonly convention: QdaConvention;
    readonly unfit: number;
    readonly split: number;
    readonly midWord: number;
    readonly cuts: Cut[];
}

/**
 * Which convention one source's positions follow. The standard unless the data show otherwise:
 * positions that only fit the text, or only avoid cutting a character or line break in half,
 * under another count; or boundaries that fall mid-word under the standard and on word
 * boundaries under exactly one other count. Anything less clear keeps the standard and says so.
 */
export function chooseConvention(counted: CountedText, selections: readonly RawPositions[]): ConventionChoice {
    const candidates = counted.candidates;
    const standard: ConventionChoice = { convention: 'codepoints', note: NOTES.codepoints };
    if (candidates.length === 1 || selections.length === 0) {
        return standard;
    }
    const scores = candidates.map(convention => score(counted, convention, selections));
    const [spec, ...others] = scores as [Score, ...Score[]];
    const differing = others.filter(other => other.cuts.some((cut, i) => !sameCut(cut, spec.cuts[i]!)));
    if (differing.length === 0) {
        return standard;
    }
    const valid = (s: Score) => s.unfit === 0 && s.split === 0;
    const chosen = (s: Score, why: string): ConventionChoice => ({ convention: s.convention, note: `${NOTES[s.convention]} (${why})` });
    if (!valid(spec)) {
        const fits = differing.filter(valid);
        const best = fits.length === 1 ? fits[0] : fewestMidWord(fits);
        if (best) {
            return chosen(best, spec.unfit > 0
                ? `${spec.unfit} selection${spec.unfit === 1 ? ' goes' : 's go'} past the end of the text counted in code points`
                : `${spec.split} selection boundar${spec.split === 1 ? 'y' : 'ies'} would cut a character or line break in half when counted in code points`);
        }
        return fits.length > 0 ? ambiguous(standard, fits) : standard;
    }
    const clean = differing.filter(s => valid(s) && s.midWord === 0);
    if (spec.midWord >= 2 && clean.length === 1) {
        return chosen(clean[0]!, `${spec.midWord} selection boundaries fall inside words when counted in code points, none when counted this way`);
    }
    const plausible = differing.filter(s => valid(s) && s.midWord < spec.midWord);
    return plausible.length > 0 ? ambiguous(standard, plausible) : standard;
}

function ambiguous(standard: ConventionChoice, others: Score[]): ConventionChoice {
    const names = others.map(s => NOTES[s.convention].replace('positions counted ', '')).join(' or ');
    return { ...standard, ambiguity: `the positions also fit a count ${names}; Warrant kept the standard count, so check the excerpts` };
}

function fewestMidWord(scores: Score[]): Score | undefined {
    const sorted = [...scores].sort((a, b) => a.midWord - b.midWord);
    return sorted.length > 1 && sorted[0]!.midWord < sorted[1]!.midWord ? sorted[0] : undefined;
}

function score(counted: CountedText, convention: QdaConvention, selections: readonly RawPositions[]): Score {
    let unfit = 0;
    let split = 0;
    let midWord = 0;
    const length = counted.length(convention);
    const cuts = selections.map(selection => {
        const cut = counted.cut(convention, selection);
        if (cut.ok) {
            midWord += (counted.midWord(cut.start) ? 1 : 0) + (counted.midWord(cut.end) ? 1 : 0);
        } else if (selection.end > length && selection.start <= selection.end && selection.start >= 0) {
            unfit++;
        } else if (cut.why.includes('in half')) {
            split++;
        }
        return cut;
    });
    return { convention, unfit, split, midWord, cuts };
}

function sameCut(a: Cut, b: Cut): boolean {
    return a.ok && b.ok ? a.start === b.start && a.end === b.end : a.ok === b.ok;
}

function isWordCharacter(code: number | undefined): boolean {
    if (code === undefined) {
        return false;
    }
    if (code < 0x80) {
        return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
    }
    return WORD.test(String.fromCodePoint(code));
}

function includesSorted(list: readonly number[], value: number): boolean {
    return list[countBelow(list, value)] === value;
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        out.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
    }
    return out;
}
