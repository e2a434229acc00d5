/**
 * Glob patterns, as written in `warrant.config.json` (`include`, `exclude`) and in `.gitignore`
 * files, matched against `/`-separated paths relative to the folder the pattern belongs to:
 *
 * - `**` as a whole segment: any number of folders, none included (`drafts/**`, or before
 *   `/notes.warrant` for that name in any folder);
 * - `*`: any run of characters except `/`; `?`: one character except `/`;
 * - `[abc]`, `[a-z]`, `[!a-z]` (or `[^a-z]`): one character of (or not of) the set;
 * - `\x`: the character x itself. Names starting with a dot are matched like any other.
 *
 * No RegExp is built: the patterns come from files in a repository someone else wrote, and the
 * backtracking RegExp a glob library compiles from `*a*a*a*a*a…b` takes exponential time on a
 * long name (minimatch, tried on such a pattern, did not finish). The matcher below is the
 * classic wildcard walk, which falls back to the last `*` only: at most path × pattern steps,
 * within a segment and across segments (`**` plays the role of `*` over segments).
 */

/** Longer patterns are refused by the config reader and skipped in `.gitignore` files. */
export const MAX_GLOB_LENGTH = 1000;

type CharTest = (c: string) => boolean;
/** One segment: `'*'` for a star, else a test for one character. */
type SegmentToken = '*' | CharTest;
/** One pattern: `'**'` for a globstar segment, else the tokens of one segment. */
type PatternSegment = '**' | SegmentToken[];

export class Glob {
    private readonly segments: PatternSegment[];

    constructor(readonly source: string) {
        const body = source.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
        this.segments = body.split('/').filter(segment => segment !== '').map(segment => segment === '**' ? '**' : tokenize(segment));
    }

    /** Whether `relativePath` (`a/b/c.warrant`, no leading `./` or `/`) matches the whole pattern. */
    matches(relativePath: string): boolean {
        const parts = relativePath.split('/').filter(part => part !== '');
        return wildcardMatch<PatternSegment, string>(
            this.segments,
            parts,
            segment => segment === '**',
            (segment, part) => segmentMatches(segment as SegmentToken[], part)
        );
    }
}

function segmentMatches(tokens: SegmentToken[], name: string): boolean {
    return wildcardMatch<SegmentToken, string>(tokens, Array.from(name), token => token === '*', (token, c) => (token as CharTest)(c));
}

/**
 * Matches `items` against `pattern`, where a star stands for any run of items and every other
 * element for exactly one: on a mismatch only the most recent star takes one more item, which
 * is enough (an earlier star can never do better) and keeps the walk at |items| × |pattern|.
 */
function wildcardMatch<P, I>(pattern: readonly P[], items: readonly I[], isStar: (p: P) => boolean, test: (p: P, item: I) => boolean): boolean {
    let p = 0;
    let i = 0;
    let starAt = -1;
    let starItem = 0;
    while (i < items.length) {
        if (p < pattern.length && isStar(pattern[p])) {
            starAt = p++;
            starItem = i;
        } else if (p < pattern.length && test(pattern[p], items[i])) {
            p++;
            i++;
        } else if (starAt >= 0) {
            p = starAt + 1;
            i = ++starItem;
        } else {
            return false;
        }
    }
    while (p < pattern.length && isStar(pattern[p])) {
        p++;
    }
    return p === pattern.length;
}

function tokenize(segment: string): SegmentToken[] {
    const chars = Array.from(segment);
    const tokens: SegmentToken[] = [];
    for (let i = 0; i < chars.length; i++) {
        const c = chars[i];
        if (c === '*') {
            if (tokens[tokens.length - 1] !== '*') {
                tokens.push('*');
            }
        } else if (c === '?') {
            tokens.push(() => true);
        } else if (c === '\\' && i + 1 < chars.length) {
            const literal = chars[++i];
            tokens.push(x => x === literal);
        } else if (c === '[') {
            const set = characterClass(chars, i);
            if (set) {
                tokens.push(set.test);
                i = set.end;
            } else {
                tokens.push(x => x === '[');
            }
        } else {
            tokens.push(x => x === c);
        }
    }
    return tokens;
}

/** `[…]` starting at `start`, or undefined when it is not closed (then `[` is literal). */
function characterClass(chars: string[], start: number): { test: CharTest; end: number } | undefined {
    let i = start + 1;
    const negated = chars[i] === '!' || chars[i] === '^';
    if (negated) {
        i++;
    }
    const ranges: Array<[string, string]> = [];
    // A `]` right after the opening bracket is a member, as in shells.
    for (let first = true; i < chars.length && (chars[i] !== ']' || first); first = false) {
        let low = chars[i];
        if (low === '\\' && i + 1 < chars.length) {
            low = chars[++i];
        }
        if (chars[i + 1] === '-' && i + 2 < chars.length && chars[i + 2] !== ']') {
            ranges.push([low, chars[i + 2]]);
            i += 3;
        } else {
            ranges.push([low, low]);
            i++;
        }
    }
    if (i >= chars.length) {
        return undefined;
    }
    const inSet = (c: string) => ranges.some(([low, high]) => c >= low && c <= high);
    return { test: c => inSet(c) !== negated, end: i };
}
