/**
 * Claim spans: a Pandoc bracketed span with the class `claim` and a `ref` attribute names the
 * claim of the map the sentence makes, `[Police work is male-dominated]{.claim ref=policeClaim}`.
 * Attributes in any order, other classes and attributes allowed, `ref="…"` or `ref='…'` quoted.
 */

export interface ClaimSpan {
    /** The claim's name as written; '' for a `.claim` span without `ref`. */
    ref: string;
    /** Where the ref's value is (inside the quotes), or the attribute block when there is no `ref`. */
    refOffset: number;
    refLength: number;
    /** The span's text between the brackets. */
    textStart: number;
    textEnd: number;
}

const ATTRIBUTE = /\s*(?:([.#])([^\s}"'=]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s}"']*)))/y;

/**
 * Reads the attribute block whose `{` is at `open`: the span's claim reference, or undefined
 * when the block is not well formed or has no `claim` class.
 */
export function readClaimAttributes(text: string, open: number, limit: number, textStart: number, textEnd: number): { span: ClaimSpan; end: number } | undefined {
    let at = open + 1;
    let claim = false;
    let ref: { value: string; offset: number } | undefined;
    while (at < limit) {
        ATTRIBUTE.lastIndex = at;
        const match = ATTRIBUTE.exec(text);
        if (!match || ATTRIBUTE.lastIndex > limit) {
            break;
        }
        if (match[1] === '.' && match[2] === 'claim') {
            claim = true;
        } else if (match[3] === 'ref') {
            const value = match[4] ?? match[5] ?? match[6] ?? '';
            const quoted = match[4] !== undefined || match[5] !== undefined;
            ref = { value, offset: ATTRIBUTE.lastIndex - value.length - (quoted ? 1 : 0) };
        }
        at = ATTRIBUTE.lastIndex;
    }
    while (at < limit && /\s/.test(text[at])) {
        at++;
    }
    if (text[at] !== '}' || !claim) {
        return undefined;
    }
    const span: ClaimSpan = ref
        ? { ref: ref.value, refOffset: ref.offset, refLength: ref.value.length, textStart, textEnd }
        : { ref: '', refOffset: open, refLength: at + 1 - open, textStart, textEnd };
    return { span, end: at + 1 };
}
