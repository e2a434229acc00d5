/**
 * The block structure of a Markdown manuscript that Warrant needs, in one linear pass over its
 * lines: the fenced code blocks (CommonMark's rules: up to three spaces of indentation beyond
 * the list item the fence sits in, a closing fence of the same character at least as long,
 * an unclosed fence running to the end), and the regions that are not prose — every fenced
 * block, indented code, HTML comment blocks and the YAML front matter — where Pandoc reads no
 * citation and no bracketed span. Block quotes are not looked into.
 *
 * A fence inside an HTML comment block is not a fence (CommonMark: the comment runs to the
 * line holding `-->`): commenting a Warrant block out takes it out of the workspace.
 */

export interface Fence {
    /** `warrant` for ```` ```warrant ````, ```` ```{warrant} ````, ```` ```{.warrant #id} ````; '' without one. */
    language: string;
    /** The whole info string after the fence characters, trimmed. */
    info: string;
    /** Offset of the opening fence line's first character. */
    start: number;
    /** Offsets of the content: from the line after the opening fence to the start of the closing fence line (or the end of the text). */
    contentStart: number;
    contentEnd: number;
    /** Offset just past the closing fence line's last character before its line break (the text's end when unclosed). */
    end: number;
    closed: boolean;
}

export interface Region {
    start: number;
    end: number;
}

export interface MarkdownBlocks {
    fences: Fence[];
    /** Sorted, non-overlapping: where prose scanners must not look (fenced and indented code, HTML comment blocks, front matter). */
    skipped: Region[];
    /** The YAML between the front matter's `---` lines, when the text starts with one. */
    frontMatter?: Region;
}

interface Line {
    start: number;
    /** End of the line's text, before `\r\n` or `\n`. */
    end: number;
    text: string;
}

const OPENING = /^( *)(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^( *)([-+*]|\d{1,9}[.)])( +|$)/;

/** The blocks of `text`; see the module comment. Linear in the length of the text. */
export function scanBlocks(text: string): MarkdownBlocks {
    const lines = splitLines(text);
    const fences: Fence[] = [];
    const skipped: Region[] = [];
    let first = 0;
    let frontMatter: Region | undefined;
    if (lines.length > 1 && /^---[ \t]*$/.test(lines[0].text)) {
        const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(line.text));
        if (close > 0) {
            frontMatter = { start: lines[1].start, end: lines[close].start };
            skipped.push({ start: 0, end: lines[close].end });
            first = close + 1;
        }
    }
    // The content indentation of the list items the current line may belong to, innermost last.
    const lists: number[] = [];
    let previousBlank = true;
    let inParagraph = false;
    for (let i = first; i < lines.length; i++) {
        const line = lines[i];
        const indent = indentation(line.text);
        const blank = isBlank(line.text);
        if (!blank) {
            // A less indented line continues the item's paragraph (lazily) unless it starts a block.
            const lazy = inParagraph && !previousBlank && !LIST_ITEM.test(line.text) && !OPENING.test(line.text.trimStart());
            while (lists.length > 0 && indent < lists[lists.length - 1] && !lazy) {
                lists.pop();
            }
        }
        const container = lists.length > 0 ? lists[lists.length - 1] : 0;
        const relative = indent - container;
        const opening = !blank && relative <= 3 ? OPENING.exec(line.text) : null;
        if (opening && !(opening[2][0] === '`' && opening[3].includes('`'))) {
            const fence = readFence(lines, i, opening[2], opening[3].trim(), container);
            fences.push(fence.fence);
            skipped.push({ start: line.start, end: fence.fence.end });
            i = fence.lastLine;
            previousBlank = false;
            inParagraph = false;
            continue;
        }
        if (!blank && relative <= 3 && line.text.startsWith('<!--', indent)) {
            let last = i;
            while (last < lines.length - 1 && !lines[last].text.includes('-->', last === i ? indent + 4 : 0)) {
                last++;
            }
            skipped.push({ start: line.start, end: lines[last].end });
            i = last;
            previousBlank = false;
            inParagraph = false;
            continue;
        }
        if (!blank && relative >= 4 && !inParagraph) {
            let last = i;
            while (last + 1 < lines.length && (isBlank(lines[last + 1].text) || indentation(lines[last + 1].text) - container >= 4)) {
                last++;
            }
            while (last > i && isBlank(lines[last].text)) {
                last--;
            }
            skipped.push({ start: line.start, end: lines[last].end });
            i = last;
            previousBlank = false;
            continue;
        }
        const item = blank ? null : LIST_ITEM.exec(line.text);
        if (item) {
            const spaces = item[3].length;
            const markerEnd = item[1].length + item[2].length;
            lists.push(spaces === 0 || spaces > 4 ? markerEnd + 1 : markerEnd + spaces);
        }
        // A list item's own first line of text is a paragraph too: a deeper line after it continues it.
        inParagraph = !blank && (!item || line.text.slice(item[0].length).trim() !== '');
        previousBlank = blank;
    }
    return { fences, skipped, frontMatter };
}

function readFence(lines: Line[], openLine: number, marker: string, info: string, container: number): { fence: Fence; lastLine: number } {
    const open = lines[openLine];
    const closing = new RegExp(`^ *${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
    const contentStart = openLine + 1 < lines.length ? lines[openLine + 1].start : open.end;
    for (let i = openLine + 1; i < lines.length; i++) {
        const text = lines[i].text;
        const indent = indentation(text);
        // A less indented line ends the list item, and with it the fence inside it.
        if (container > 0 && indent < container && !isBlank(text)) {
            return { fence: fenceOf(open, info, contentStart, lines[i].start, lines[i - 1].end, false), lastLine: i - 1 };
        }
        if (indent - container <= 3 && closing.test(text)) {
            return { fence: fenceOf(open, info, contentStart, lines[i].start, lines[i].end, true), lastLine: i };
        }
    }
    const end = lines[lines.length - 1].end;
    return { fence: fenceOf(open, info, Math.min(contentStart, end), end, end, false), lastLine: lines.length - 1 };
}

function fenceOf(open: Line, info: string, contentStart: number, contentEnd: number, end: number, closed: boolean): Fence {
    return { language: fenceLanguage(info), info, start: open.start, contentStart, contentEnd: Math.max(contentStart, contentEnd), end, closed };
}

/**
 * The language of an info string: its first word (```` ```warrant title="x" ````), or in
 * Pandoc's and Quarto's attribute braces the first class (`{.warrant #map}`) or the bare
 * engine name (`{warrant}`, `{warrant echo=false}`).
 */
export function fenceLanguage(info: string): string {
    if (!info.startsWith('{')) {
        return info.split(/\s/, 1)[0];
    }
    const inner = info.slice(1, info.includes('}') ? info.indexOf('}') : undefined).trim();
    const words = inner.split(/\s+/).filter(Boolean);
    const firstClass = words.find(word => word.startsWith('.'));
    if (firstClass) {
        return firstClass.slice(1);
    }
    return words[0] !== undefined && /^[A-Za-z][\w-]*$/.test(words[0]) ? words[0] : '';
}

/** The fence languages Warrant reads: its source, and a map drawn from the workspace. */
export const SOURCE_FENCE = 'warrant';
export const MAP_FENCE = 'warrant-map';

/** The fences whose language is `warrant` (not `warrant-map` or any other). */
export function warrantFences(blocks: MarkdownBlocks): Fence[] {
    return blocks.fences.filter(fence => fence.language === SOURCE_FENCE);
}

/**
 * `text` with every character outside the given fences' content replaced by a space, line
 * breaks kept: offsets, lines and columns stay those of the Markdown file.
 */
export function maskOutside(text: string, fences: readonly Fence[]): string {
    const parts: string[] = [];
    let at = 0;
    for (const fence of fences) {
        parts.push(blank(text.slice(at, fence.contentStart)), text.slice(fence.contentStart, fence.contentEnd));
        at = fence.contentEnd;
    }
    parts.push(blank(text.slice(at)));
    return parts.join('');
}

/** Spaces for every character but `\r` and `\n` (each a line break for the lexer), run by run: a per-character replace took 100 ms on 300 KB. */
function blank(text: string): string {
    const breaks = /[\r\n]+/g;
    let result = '';
    let at = 0;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
        result += ' '.repeat(match.index - at) + match[0];
        at = breaks.lastIndex;
    }
    return result + ' '.repeat(text.length - at);
}

/** Lines as CommonMark counts them: ended by `\n`, `\r\n` or a lone `\r`. */
function splitLines(text: string): Line[] {
    const lines: Line[] = [];
    const breaks = /\r\n?|\n/g;
    let start = 0;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
        lines.push({ start, end: match.index, text: text.slice(start, match.index) });
        start = breaks.lastIndex;
    }
    lines.push({ start, end: text.length, text: text.slice(start) });
    return lines;
}

/** Leading spaces, a tab counting to the next multiple of four (CommonMark's tab stops). */
function indentation(text: string): number {
    let width = 0;
    for (const char of text) {
        if (char === ' ') {
            width++;
        } else if (char === '\t') {
            width += 4 - (width % 4);
        } else {
            return width;
        }
    }
    return width;
}

function isBlank(text: string): boolean {
    return text.trim() === '';
}
