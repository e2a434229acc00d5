/**
 * The one definition of the characters that must never reach a reader raw, because they change
 * how the text around them is shown or are not shown at all:
 * - bidirectional controls — embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069,
 *   the marks U+200E, U+200F, U+061C: they reorder what is displayed ("Trojan Source");
 * - invisible format characters — U+200B–U+200D, U+2060–U+2064, U+FEFF (a leading byte order
 *   mark is dropped when a file is read; anywhere else it is one of these): two names or keys
 *   that differ only by them look the same;
 * - control characters — C0 but tab and line feed, DEL, C1: a terminal obeys ESC, CSI and
 *   carriage return;
 * - lone surrogates, which are not text at all.
 *
 * Where such a character must stay readable it is shown as a marker such as `⟨U+202E⟩`.
 * Prose (labels, titles) keeps the two joiners U+200C and U+200D: Persian, Indic scripts and
 * emoji sequences need them, and they cannot reorder anything.
 */

const BIDI = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const INVISIBLE = '\\u200B\\u2060-\\u2064\\uFEFF';
const JOINERS = '\\u200C\\u200D';
const CONTROLS = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F';
/** In Unicode mode a well-formed surrogate pair is one code point, so this finds only lone ones. */
const LONE_SURROGATES = '\\uD800-\\uDFFF';
const HIDDEN = new RegExp(`[${BIDI}${INVISIBLE}${JOINERS}${CONTROLS}${LONE_SURROGATES}]`, 'gu');
const HIDDEN_IN_PROSE = new RegExp(`[${BIDI}${INVISIBLE}${CONTROLS}${LONE_SURROGATES}]`, 'gu');

/** Names, keys, paths and messages (every hidden character) or prose (the joiners kept). */
export type TextKind = 'name' | 'prose';

function pattern(kind: TextKind): RegExp {
    return kind === 'name' ? HIDDEN : HIDDEN_IN_PROSE;
}

/** Whether `text` holds a character of the set above. */
export function hasHiddenCharacters(text: string, kind: TextKind = 'name'): boolean {
    return String(text).search(pattern(kind)) !== -1;
}

/** The marker that stands for one character: `⟨U+202E⟩`. */
export function characterMarker(c: string): string {
    return `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/**
 * Each hidden character shown as its marker. Every message goes through it, since messages
 * quote user text (a stray character the lexer skipped, a bibliography path, a file name, a
 * key of `warrant.config.json`): so they can neither reorder the Problems view nor reach a
 * terminal as an escape sequence.
 */
export function showHiddenCharacters(text: string, kind: TextKind = 'name'): string {
    return String(text).replace(pattern(kind), characterMarker);
}

/** Each hidden character as `replace` writes it: dropped, a character reference, a `\u` escape. */
export function replaceHiddenCharacters(text: string, replace: (c: string) => string, kind: TextKind = 'name'): string {
    return String(text).replace(pattern(kind), replace);
}
