/**
 * Text measurement without a DOM, identical in Node (CLI export) and the browser (preview):
 * per-character advance widths of a Helvetica/Arial-like sans-serif, scaled up a little so
 * the real UI font (Segoe UI, system-ui, Ubuntu…) fits inside the box the layout reserves.
 */

/** Advance widths in 1/1000 em for U+0020…U+007E (Helvetica metrics). */
const ASCII_WIDTHS = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 //       p … ~
];
/** Safety factor for fonts a little wider than Helvetica. */
const SCALE = 1.07;

function charWidth(code: number): number {
    if (code >= 0x20 && code <= 0x7e) return ASCII_WIDTHS[code - 0x20];
    if (code < 0x20) return 0;
    // combining marks, zero-width characters, bidi controls, variation selectors
    if ((code >= 0x0300 && code <= 0x036f) || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e)
        || (code >= 0x2060 && code <= 0x206f) || (code >= 0xfe00 && code <= 0xfe0f) || code === 0xfeff) return 0;
    // wide: CJK, Hangul, fullwidth forms, emoji
    if ((code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
        || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
        || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff) || (code >= 0x20000 && code <= 0x3fffd)) return 1000;
    if (code === 0x2026 || code === 0x2014) return 1000; // … —
    if (code === 0x2013) return 556;
    if (code === 0x2018 || code === 0x2019) return 222;
    if (code === 0x201c || code === 0x201d) return 333;
    return 600;
}

/** Estimated rendered width of `text` in px at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
    let units = 0;
    for (const ch of text) units += charWidth(ch.codePointAt(0)!);
    return (units / 1000) * fontSize * SCALE;
}

export interface WrapOptions {
    /** Maximum line width in px. */
    maxWidth: number;
    fontSize: number;
    /** Lines kept; the last one ends with an ellipsis when text was cut. */
    maxLines: number;
}

/**
 * Greedy word wrap. Words longer than a line are broken by character. Whitespace (including
 * newlines) collapses to single spaces, as SVG text would render it.
 */
export function wrapText(text: string, { maxWidth, fontSize, maxLines }: WrapOptions): { lines: string[]; truncated: boolean } {
    const words = text.split(/\s+/).filter(w => w.length > 0);
    const lines: string[] = [];
    let current = '';
    const spaceWidth = textWidth(' ', fontSize);
    let currentWidth = 0;
    const push = (line: string) => { lines.push(line); };
    for (const word of words) {
        const w = textWidth(word, fontSize);
        if (current && currentWidth + spaceWidth + w <= maxWidth) {
            current += ' ' + word;
            currentWidth += spaceWidth + w;
            continue;
        }
        if (current) push(current);
        if (lines.length > maxLines) break;
        if (w <= maxWidth) {
            current = word;
            currentWidth = w;
        } else {
            // break a long word (URLs, identifiers, CJK runs without spaces)
            let piece = '';
            let pieceWidth = 0;
            for (const ch of word) {
                const cw = textWidth(ch, fontSize);
                if (piece && pieceWidth + cw > maxWidth) {
                    push(piece);
                    piece = '';
                    pieceWidth = 0;
                    if (lines.length > maxLines) break;
                }
                piece += ch;
                pieceWidth += cw;
            }
            current = piece;
            currentWidth = pieceWidth;
        }
    }
    if (current && lines.length <= maxLines) push(current);
    if (lines.length <= maxLines) return { lines, truncated: false };
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = ellipsize(kept[maxLines - 1], maxWidth, fontSize);
    return { lines: kept, truncated: true };
}

/** Cuts `text` so that it plus an ellipsis fits in `maxWidth`. */
export function ellipsize(text: string, maxWidth: number, fontSize: number): string {
    const ellipsis = '…';
    const budget = maxWidth - textWidth(ellipsis, fontSize);
    const chars = Array.from(text);
    let width = 0;
    let out = '';
    for (const ch of chars) {
        const cw = textWidth(ch, fontSize);
        if (width + cw > budget) break;
        out += ch;
        width += cw;
    }
    return out.replace(/\s+$/, '') + ellipsis;
}

/** A single line cut to `maxWidth` (with an ellipsis when it does not fit). */
export function fitLine(text: string, maxWidth: number, fontSize: number): string {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return textWidth(oneLine, fontSize) <= maxWidth ? oneLine : ellipsize(oneLine, maxWidth, fontSize);
}
