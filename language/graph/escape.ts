/**
 * The one place where user text (labels, ids, details, URIs) is made safe for output.
 * Every renderer and exporter goes through these functions; nothing else escapes.
 *
 * Policy (documented for users in the graph docs):
 * - **Visible text** (what a node shows, DOT/Markdown/AIF text): bidirectional control
 *   characters — embeddings/overrides U+202A–U+202E and isolates U+2066–U+2069, plus the
 *   marks U+200E, U+200F, U+061C — are removed, so a label cannot visually reorder itself or
 *   its neighbours ("Trojan Source" style spoofing). Characters that XML 1.0 forbids (C0
 *   controls except tab/newline/CR, lone surrogates, U+FFFE/U+FFFF) become U+FFFD so every
 *   SVG/GraphML/HTML output stays well-formed; so do DEL and the C1 controls, which a
 *   terminal would act on.
 * - **Tooltip text** (SVG `<title>`, DOT `tooltip`): the same characters are not dropped but
 *   shown as a visible marker such as `⟨U+202E⟩`, so a reviewer can see that the source text
 *   contains them.
 * - **Lossless data** (JSON export): the text is kept exactly, but bidi controls, DEL, C1 controls and
 *   `< > & U+2028 U+2029` are written as `\uXXXX` escapes, so the file is inert when viewed or
 *   embedded in HTML and still parses back to the original string.
 * Then each format's own metacharacters are escaped: XML/HTML `& < > " '`, DOT `" \`,
 * Markdown punctuation.
 */

/** Bidi embedding/override/isolate controls and the invisible direction marks. */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/**
 * Characters not allowed in XML 1.0 documents (and lone surrogates), plus DEL and the C1
 * controls: XML allows those, but a terminal acts on them (U+009B starts an escape sequence
 * like ESC [) and editors show them as nothing or as a line break (U+0085).
 */
// eslint-disable-next-line no-control-regex
const REPLACED_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export type TextMode = 'visible' | 'tooltip';

/** Neutralises text for display: see the policy above. Newlines are kept (callers decide). */
export function neutralize(text: string, mode: TextMode = 'visible'): string {
    const s = String(text ?? '').replace(REPLACED_CHARS, '\uFFFD');
    return mode === 'visible'
        ? s.replace(BIDI, '')
        : s.replace(BIDI, c => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** True when the text contains bidi controls (used to flag a node in tooltips). */
export function hasBidiControls(text: string): boolean {
    BIDI.lastIndex = 0;
    const found = BIDI.test(text);
    BIDI.lastIndex = 0;
    return found;
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes `& < > " '` (safe in XML/HTML text and in double- or single-quoted attributes),
 * writes any remaining bidi control as a character reference (same value once parsed, but
 * the file itself cannot be visually reordered in an editor — "Trojan Source"), and replaces
 * characters XML forbids. The serialiser applies it to every attribute value and text node.
 */
export function escapeXmlChars(text: string): string {
    return String(text)
        .replace(REPLACED_CHARS, '\uFFFD')
        .replace(/[&<>"']/g, c => XML_ENTITIES[c])
        .replace(BIDI, c => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
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
        .replace(/\r\n?|\n/g, '\\n');
}

/**
 * User text → inline Markdown (CommonMark/GFM, including table cells): every character that
 * can start inline markup, raw HTML, an entity or a table cell boundary is backslash-escaped;
 * line breaks become spaces.
 */
export function markdownText(text: string): string {
    return neutralize(text, 'visible')
        .replace(/\r\n?|\n/g, ' ')
        .replace(/[\\`*_{}[\]<>|~&$]/g, c => '\\' + c);
}

/**
 * A value → JSON text that is inert anywhere: inside HTML (`<script type="application/json">`,
 * attributes) and in editors (no raw bidi controls). Parses back to the same value.
 */
export function safeJson(value: unknown, indent?: number): string {
    return JSON.stringify(value, null, indent)
        .replace(/[<>&\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g,
            c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
