/**
 * Pandoc's citation keys (its `citeKey`): after `@`, a letter, digit or `_`, then letters, digits
 * and `_`, with the punctuation `:.#$%&-+?<>~/` allowed only inside the key (followed by a
 * letter, digit or `_`), so `@Smith2004.` and `@Smith2004:` cite `Smith2004`; `:` or `/` before
 * another `/` (a URL's `://`); or any non-space characters in braces, `@{odd:key.}`.
 */

/** A citation in the prose: the key and where its text is (after `@`, inside the braces of `@{…}`). */
export interface ProseCitation {
    key: string;
    /** Offset of the `@`. */
    at: number;
    offset: number;
    length: number;
    /** Offset just past the citation (past the `}` of a braced key). */
    end: number;
}

/**
 * Quarto's cross-reference prefixes: `@fig-map` refers to a figure, not a work. Pandoc alone
 * would look them up as citations; Quarto resolves them first.
 */
const CROSS_REFERENCE = /^(fig|tbl|lst|eq|sec|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg|vid)-/;

export function isCrossReference(key: string): boolean {
    return CROSS_REFERENCE.test(key);
}

const KEY_CHAR = /[\p{L}\p{N}_]/u;
/** `{key}`: non-space characters, at most 1,000 (a `@{` never closed must not make the scan quadratic). */
const BRACED = /\{([^\s}]{1,1000})\}/y;
const INTERNAL = ':.#$%&-+?<>~/';

function isKeyChar(char: string | undefined): boolean {
    return char !== undefined && KEY_CHAR.test(char);
}

/** A letter or digit before `@` makes it an address (`a@b.org`), not a citation; `_@key` cites (Pandoc reads `_` as emphasis). */
export function citesAfter(previous: string | undefined): boolean {
    return previous === undefined || !/[\p{L}\p{N}]/u.test(previous);
}

/**
 * The citation whose `@` is at `at` in `text`, or undefined when none starts there. Reads at
 * most to `limit` (the end of the prose region).
 */
export function readCitation(text: string, at: number, limit: number): ProseCitation | undefined {
    const start = at + 1;
    if (text[start] === '{') {
        BRACED.lastIndex = start;
        const braced = BRACED.exec(text);
        return braced && BRACED.lastIndex <= limit ? { key: braced[1], at, offset: start + 1, length: braced[1].length, end: BRACED.lastIndex } : undefined;
    }
    if (!isKeyChar(text[start])) {
        return undefined;
    }
    let end = start + 1;
    while (end < limit) {
        const char = text[end];
        if (isKeyChar(char)) {
            end++;
        } else if (INTERNAL.includes(char) && end + 1 < limit && (isKeyChar(text[end + 1]) || ((char === ':' || char === '/') && text[end + 1] === '/'))) {
            end++;
        } else {
            break;
        }
    }
    return { key: text.slice(start, end), at, offset: start, length: end - start, end };
}
