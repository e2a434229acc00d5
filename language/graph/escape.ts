/**
 * The one place where user text (labels, ids, details, URIs) is made safe for output.
 * Every renderer and exporter goes through these functions; nothing else escapes.
 *
 * Policy (documented for users in docs/security.md), over the hidden characters of
 * `language/safety/characters.ts` (bidi controls, invisible format characters, controls):
 * - **Visible text** (what a node shows, DOT/Markdown/AIF text): characters that XML 1.0
 *   forbids (C0 controls but tab and line feed, lone surrogates, U+FFFE/U+FFFF) become U+FFFD
 *   so every SVG/GraphML/HTML output stays well-formed; the other hidden characters of prose
 *   are removed, so a label cannot visually reorder itself or its neighbours ("Trojan Source").
 * - **Tooltip text** (SVG `<title>`, DOT `tooltip`): hidden characters are not dropped but
 *   shown as a visible marker such as `⟨U+202E⟩`, so a reviewer can see that the source text
 *   contains them.
 * - **Lossless data** (JSON export): the text is kept exactly, but hidden characters and
 *   `< > & U+2028 U+2029` are written as `\uXXXX` escapes, so the file is inert when viewed or
 *   embedded in HTML and still parses back to the original string.
 * Line breaks (CR, CRLF, LF) reach callers as `\n`. Then each format's own metacharacters are
 * escaped: XML/HTML `& < > " '`, DOT `" \`, Markdown punctuation.
 */
import { hasHiddenCharacters, replaceHiddenCharacters, showHiddenCharacters } from '../safety/characters.js';

/**
 * Characters not allowed in XML 1.0 documents (and lone surrogates). DEL and the C1 controls
 * are hidden characters: removed from visible text, markers in tooltips, references in markup.
 */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export type TextMode = 'visible' | 'tooltip';

/** Neutralises text for display: see the policy above. */
export function neutralize(text: string, mode: TextMode = 'visible'): string {
    const s = withLineFeeds(text);
    return mode === 'visible'
        ? replaceHiddenCharacters(s.replace(XML_INVALID, '\uFFFD'), () => '', 'prose')
        : showHiddenCharacters(s, 'prose').replace(XML_INVALID, '\uFFFD');
}

/** True when the text holds hidden characters that tooltips show as markers. */
export function hasHiddenText(text: string): boolean {
    return hasHiddenCharacters(withLineFeeds(text), 'prose');
}

/** A carriage return is a control character, but in prose it is a line break. */
function withLineFeeds(text: string): string {
    return String(text ?? '').replace(/\r\n?/g, '\n');
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes `& < > " '` (safe in XML/HTML text and in double- or single-quoted attributes),
 * writes any remaining hidden character as a character reference (same value once parsed,
 * but the file itself cannot be visually reordered in an editor — "Trojan Source"), and
 * replaces characters XML forbids. The serialiser applies it to every attribute value and text node.
 */
export function escapeXmlChars(text: string): string {
    const escaped = String(text).replace(XML_INVALID, '\uFFFD').replace(/[&<>"']/g, c => XML_ENTITIES[c]!);
    return replaceHiddenCharacters(escaped, c => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`);
}

/** User text → XML/SVG/HTML text or attribute value. The function every markup writer uses. */
export function xmlText(text: string, mode: TextMode = 'visible'): string {
    return escapeXmlChars(neutralize(text, mode));
}

/** User text → the inside of a DOT double-quoted string (newlines become `\n`). */
export function dotString(text: string, mode: TextMode = 'visible'): string {
    return neutralize(text, mode)
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\n/g, '\\n');
}

/**
 * User text → inline Markdown (CommonMark/GFM, including table cells): every character that
 * can start inline markup, raw HTML, an entity or a table cell boundary is backslash-escaped;
 * line breaks become spaces.
 */
export function markdownText(text: string): string {
    return neutralize(text, 'visible')
        .replace(/\n/g, ' ')
        .replace(/[\\`*_{}[\]<>|~&$]/g, c => '\\' + c);
}

/**
 * A value → JSON text that is inert anywhere: inside HTML (`<script type="application/json">`,
 * attributes), in editors and in terminals (no raw hidden character: JSON.stringify escapes
 * C0 controls and lone surrogates, this the rest). Parses back to the same value.
 */
export function safeJson(value: unknown, indent?: number): string {
    const escape = (c: string) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
    return replaceHiddenCharacters(JSON.stringify(value, null, indent).replace(/[<>&\u2028\u2029]/g, escape), escape);
}
