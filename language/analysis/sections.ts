import { AstUtils, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { Position, Range } from 'vscode-languageserver-protocol';

/**
 * Sections of a `.warrant` file, marked by heading comments: a `//` comment alone on its line
 * whose text is one to six `#`, a space or tab, then a title, as in Markdown:
 *
 *     // # Findings
 *     // ## Police and social care
 *
 * The level is the number of `#`. `//# Findings` (no space after `//`), `// #Findings` (no space
 * after the `#`), seven `#` or more, a title that is only blanks, a `//` comment after code and
 * anything in a block comment are plain comments. To the parser a heading is a comment like any
 * other, so files written before sections existed mean what they meant.
 */
export interface Heading {
    /** 1 for `#`, 2 for `##`, … 6. */
    level: number;
    /** The title as written (trimmed, not escaped): neutralise it where it is displayed. */
    text: string;
    /** 0-based line of the heading comment. */
    line: number;
    /** Offset of its `//`. */
    offset: number;
    /** The heading comment. */
    range: Range;
    /**
     * From the heading to the end of the section's last non-blank line, subsections included:
     * the section runs to the next heading of the same or a higher level (fewer `#`), or to the
     * end of the file.
     */
    sectionRange: Range;
}

export interface Sections {
    /** In document order. */
    readonly headings: readonly Heading[];
    /**
     * The innermost section containing `offset`: the last heading before it, of any level
     * (an element belongs to the section its start is in); undefined before the first heading.
     */
    sectionAt(offset: number): Heading | undefined;
}

const HEADING = /^\/\/[ \t]+(#{1,6})[ \t]/;
/** Cheap test on the whole text: files without a line like a heading skip the comment walk. */
const MAYBE_HEADING = /^[^\S\r\n]*\/\/[ \t]+#{1,6}[ \t]/m;
/** What the lexer skips as whitespace (the WS terminal of the grammar). */
const BLANK = /[\s\uFEFF]/;

const NO_SECTIONS: Sections = { headings: [], sectionAt: () => undefined };
/**
 * Keyed by the parse result's root, with the text it was computed on: a document parsed anew,
 * or edited in place (see applyFreeTextEdit), gets its sections computed anew, once.
 */
const cache = new WeakMap<AstNode, { text: string; sections: Sections }>();

/** The sections of a parsed document (computed once per text, then shared by every request). */
export function sectionsOf(document: LangiumDocument): Sections {
    const root = document.parseResult.value;
    const text = document.textDocument.getText();
    let cached = cache.get(root);
    if (cached?.text !== text) {
        cached = { text, sections: findSections(document) };
        cache.set(root, cached);
    }
    return cached.sections;
}

/** The innermost section the node's declaration starts in, if its file has one there. */
export function sectionOf(node: AstNode): Heading | undefined {
    const offset = node.$cstNode?.offset;
    return offset === undefined ? undefined : sectionsOf(AstUtils.getDocument(node)).sectionAt(offset);
}

function findSections(document: LangiumDocument): Sections {
    const text = document.textDocument.getText();
    const root = document.parseResult.value.$cstNode;
    if (!root || !MAYBE_HEADING.test(text)) {
        return NO_SECTIONS;
    }
    const headings: Heading[] = [];
    for (const comment of lineComments(root)) {
        const match = HEADING.exec(comment.text);
        const title = match ? comment.text.slice(match[0].length).trim() : '';
        if (match && title && aloneOnItsLine(text, comment.offset)) {
            headings.push({ level: match[1].length, text: title, line: comment.range.start.line, offset: comment.offset, range: comment.range, sectionRange: comment.range });
        }
    }
    closeSections(document, text, headings);
    return headings.length === 0 ? NO_SECTIONS : { headings, sectionAt: offset => lastBefore(headings, offset) };
}

/**
 * The `//` comments as the lexer found them (not a `//` in a string or in a block comment), in
 * document order. A loop over the tree: Langium's stream of leaves cost ten times as much.
 */
function lineComments(root: CstNode): LeafCstNode[] {
    const found: LeafCstNode[] = [];
    const pending: CstNode[] = [root];
    while (pending.length > 0) {
        const node = pending.pop()!;
        if (isCompositeCstNode(node)) {
            for (let i = node.content.length - 1; i >= 0; i--) {
                pending.push(node.content[i]);
            }
        } else if (node.hidden && isLeafCstNode(node) && node.tokenType.name === 'SL_COMMENT') {
            found.push(node);
        }
    }
    return found.sort((a, b) => a.offset - b.offset);
}

function aloneOnItsLine(text: string, offset: number): boolean {
    let i = offset - 1;
    while (i >= 0 && text[i] !== '\n' && text[i] !== '\r' && BLANK.test(text[i])) {
        i--;
    }
    return i < 0 || text[i] === '\n' || text[i] === '\r';
}

/** Sets each section's end: one pass with a stack of the sections still open. */
function closeSections(document: LangiumDocument, text: string, headings: Heading[]): void {
    const open: Heading[] = [];
    const close = (level: number, before: number) => {
        let end: Position | undefined;
        while (open.length > 0 && open[open.length - 1].level >= level) {
            const heading = open.pop()!;
            end ??= document.textDocument.positionAt(lastNonBlank(text, before) + 1);
            // An empty section ends with its heading, trailing blanks included.
            const own = heading.range.end;
            heading.sectionRange = { start: heading.range.start, end: end.line > own.line || end.character >= own.character ? end : own };
        }
    };
    for (const heading of headings) {
        close(heading.level, heading.offset);
        open.push(heading);
    }
    close(1, text.length);
}

/** The offset of the last non-blank character before `offset` (there is one: a heading's own text). */
function lastNonBlank(text: string, offset: number): number {
    let i = offset - 1;
    while (i > 0 && BLANK.test(text[i])) {
        i--;
    }
    return i;
}

function lastBefore(headings: readonly Heading[], offset: number): Heading | undefined {
    let lo = 0;
    let hi = headings.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (headings[mid].offset < offset) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo > 0 ? headings[lo - 1] : undefined;
}
