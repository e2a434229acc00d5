import { CstUtils, GrammarUtils, type AstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { AbstractFormatter } from 'langium/lsp';
import type { DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import {
    isAnnex, isAttribute, isClaim, isDocument, isPattern, isProject, isPercentage, isRange, isRespondent, isScheme, isSource, isStat,
    type Document, type Element
} from '../generated/ast.js';
import { manuscriptOf } from '../manuscript/manuscript-documents.js';
import { parserText, type Manuscript } from '../manuscript/manuscript.js';
import type { WarrantServices } from '../warrant-module.js';

/** Spaces per block level: the canonical layout, whatever the editor's tab settings. */
export const INDENT = 2;

type Role =
    /** A top-level element: own line, column 0, at most one blank line before. */
    | { kind: 'top' }
    /** A block item (field, attribute, datum, band, braced clause, pattern part): own line, indented. */
    | { kind: 'item'; indent: number }
    | { kind: 'open' }
    | { kind: 'close'; empty: boolean }
    /** May stay on the line or start an indented continuation line, as the author chose. */
    | { kind: 'flex'; indent: number }
    /** A list item after a comma: same line, or a continuation line aligned with the first item. */
    | { kind: 'afterComma'; anchor: number }
    | { kind: 'noSpace' };

/** List properties whose items are separated by commas. */
const LISTS: Record<string, string> = {
    Support: 'supporters', Opposition: 'opponents', Citing: 'citations', Stat: 'citations', Scheme: 'citations', Observed: 'data', Datum: 'respondents'
};

/**
 * The canonical layout: top-level elements at column 0, block contents indented by two
 * spaces, one space between tokens, no space before `,` `:` `%`, list continuations aligned
 * with the first item, at most one blank line, one final newline. Where the author broke a
 * line at a natural point (before a claim's or datum's text, an unbraced clause, a `cites`
 * list, after a comma) the break is kept and indented.
 *
 * It only ever rewrites the whitespace between two tokens (comments are tokens here: they
 * are never moved across a line or changed inside), so it is idempotent by construction; and
 * as a last guard the result is re-lexed and every edit dropped if a token would differ.
 * Documents with syntax errors are not formatted (on-type and range formatting work as long
 * as the errors come after the range).
 */
export class WarrantFormatter extends AbstractFormatter {
    constructor(private readonly services: WarrantServices) {
        super();
    }

    /** Layout is decided per gap between tokens (see doDocumentFormat), not per AST node. */
    protected format(_node: AstNode): void {
        // intentionally empty
    }

    override get formatOnTypeOptions(): DocumentOnTypeFormattingOptions {
        return { firstTriggerCharacter: '}' };
    }

    /**
     * Langium's check, except that an error at the end of input (an EOF token has line -1 or none)
     * counts as after every range instead of before it.
     */
    protected override isFormatRangeErrorFree(document: LangiumDocument, range: Range): boolean {
        const { lexerErrors, parserErrors } = document.parseResult;
        const line = (value: number | undefined) => value === undefined || Number.isNaN(value) || value < 0 ? Number.MAX_VALUE : value;
        const earliest = Math.min(Number.MAX_VALUE, ...lexerErrors.map(e => line(e.line)), ...parserErrors.map(e => line(e.token.startLine)));
        return earliest > range.end.line;
    }

    /** Typing `}` formats the element that brace closes. */
    override formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams): TextEdit[] {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, Math.max(0, offset - 1)) : undefined;
        if (!leaf || leaf.text !== '}' || leaf.end !== offset) {
            return [];
        }
        let element: AstNode | undefined = leaf.astNode;
        while (element?.$container && !isDocument(element.$container)) {
            element = element.$container;
        }
        const range = element?.$cstNode?.range;
        if (!range || !this.isFormatRangeErrorFree(document, range)) {
            return [];
        }
        return this.doDocumentFormat(document, params.options, range);
    }

    protected override doDocumentFormat(document: LangiumDocument, _options: FormattingOptions, range?: Range): TextEdit[] {
        const root = document.parseResult.value;
        if (!isDocument(root) || !root.$cstNode) {
            return [];
        }
        try {
            const manuscript = manuscriptOf(document);
            const laid = layoutEdits(document, root, range);
            const edits = manuscript ? laid.filter(edit => insideFormattableFence(document, manuscript, edit)) : laid;
            return this.preservesTokens(document, edits) ? edits : [];
        } catch (error) {
            console.error('warrant: formatting failed', error);
            return [];
        }
    }

    /** The guard: the formatted text must lex to the same tokens and comments. */
    private preservesTokens(document: LangiumDocument, edits: TextEdit[]): boolean {
        if (edits.length === 0) {
            return true;
        }
        // A manuscript's prose is not Warrant: the guard lexes what the parser reads.
        const readable = manuscriptOf(document) ? parserText : (text: string) => text;
        const before = readable(document.textDocument.getText());
        const after = readable(applyEdits(document, edits));
        const same = sameTokens(this.tokenImages(before), this.tokenImages(after));
        if (!same) {
            console.error('warrant: formatting would change tokens; no edits returned');
        }
        return same;
    }

    tokenImages(text: string): string[] {
        const result = this.services.parser.Lexer.tokenize(text);
        const hidden = (result as { hidden?: Array<{ image: string; startOffset: number }> }).hidden ?? [];
        return [...result.tokens, ...hidden]
            .filter(token => token.image.trim() !== '')
            .sort((a, b) => a.startOffset - b.startOffset)
            .map(token => token.image);
    }
}

/**
 * In a manuscript only the content of a `warrant` fence at the left margin is laid out: the gaps
 * between fences are prose, and a fence indented under a list item must keep its indentation
 * (at column 0 its lines would end the item, and the fence with it).
 */
function insideFormattableFence(document: LangiumDocument, manuscript: Manuscript, edit: TextEdit): boolean {
    const start = document.textDocument.offsetAt(edit.range.start);
    const end = document.textDocument.offsetAt(edit.range.end);
    const text = document.textDocument.getText();
    return manuscript.fences.some(fence => fence.contentStart <= start && end <= fence.contentEnd && text[fence.start] !== ' ' && text[fence.start] !== '\t');
}

function sameTokens(a: string[], b: string[]): boolean {
    return a.length === b.length && a.every((image, i) => image === b[i]);
}

/** Applies non-overlapping edits to the document's text. */
export function applyEdits(document: LangiumDocument, edits: TextEdit[]): string {
    const text = document.textDocument.getText();
    const located = edits
        .map(edit => ({ start: document.textDocument.offsetAt(edit.range.start), end: document.textDocument.offsetAt(edit.range.end), text: edit.newText }))
        .sort((a, b) => b.start - a.start);
    let result = text;
    for (const edit of located) {
        result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    }
    return result;
}

/** The edits that bring every gap between two tokens to its canonical whitespace. */
function layoutEdits(document: LangiumDocument, root: Document, range: Range | undefined): TextEdit[] {
    const text = document.textDocument.getText();
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const leaves = CstUtils.flattenCst(root.$cstNode!).toArray().sort((a, b) => a.offset - b.offset);
    const { roles, items } = collectRoles(root, leaves);
    const from = range ? document.textDocument.offsetAt(range.start) : 0;
    const to = range ? document.textDocument.offsetAt(range.end) : text.length;

    // The indentation of the block item each token belongs to (0 outside blocks), in one sweep.
    const base = new Map<number, number>();
    items.sort((a, b) => a[0] - b[0]);
    for (let i = 0, k = 0; i < leaves.length; i++) {
        const offset = leaves[i].offset;
        while (k < items.length && items[k][1] <= offset) {
            k++;
        }
        base.set(offset, k < items.length && items[k][0] <= offset ? INDENT : 0);
    }
    const baseIndent = (offset: number): number => base.get(offset) ?? 0;
    const outColumn = new Map<number, number>();
    const edits: TextEdit[] = [];
    let column = 0;
    const advance = (written: string) => {
        const lastBreak = Math.max(written.lastIndexOf('\n'), written.lastIndexOf('\r'));
        column = lastBreak >= 0 ? written.length - lastBreak - 1 : column + written.length;
    };
    // The next real token (after comments) at or after each leaf, in one backward sweep: a run of
    // comments must not rescan the run for each of its comments (quadratic on comment floods).
    const nextReal = new Int32Array(leaves.length + 1).fill(-1);
    for (let j = leaves.length - 1; j >= 0; j--) {
        nextReal[j] = leaves[j].hidden ? nextReal[j + 1] : j;
    }
    const lineIndent = (index: number): number => {
        // The indentation the next real token would get at the start of a line.
        const j = index < leaves.length ? nextReal[index] : -1;
        if (j >= 0) {
            const next = leaves[j];
            const role = roles.get(next.offset);
            switch (role?.kind) {
                case 'top': return 0;
                case 'item': return role.indent;
                case 'close': return baseIndent(next.offset) + INDENT;
                case 'flex': return role.indent;
                case 'afterComma': return outColumn.get(role.anchor) ?? baseIndent(next.offset) + INDENT;
                case 'open': return baseIndent(next.offset);
                default: return baseIndent(next.offset) + INDENT;
            }
        }
        return 0;
    };
    const lines = (count: number, indent: number) => eol.repeat(count) + ' '.repeat(indent);

    let prevEnd = 0;
    let prev: LeafCstNode | undefined;
    for (let i = 0; i < leaves.length; i++) {
        const leaf = leaves[i];
        const gap = text.slice(prevEnd, leaf.offset);
        const wanted = decide(gap, prev, leaf, i);
        let written = gap;
        if (wanted !== undefined && wanted !== gap && prevEnd >= from && leaf.offset <= to) {
            edits.push({ range: { start: document.textDocument.positionAt(prevEnd), end: document.textDocument.positionAt(leaf.offset) }, newText: wanted });
            written = wanted;
        }
        advance(written);
        outColumn.set(leaf.offset, column);
        advance(leaf.text);
        prevEnd = leaf.end;
        prev = leaf;
    }
    if (prev && !range) {
        // One final line end (whole-document formatting only: on-type and range edits stay local).
        const gap = text.slice(prevEnd);
        if (!/[^ \t\r\n]/.test(gap) && gap !== eol) {
            edits.push({ range: { start: document.textDocument.positionAt(prevEnd), end: document.textDocument.positionAt(text.length) }, newText: eol });
        }
    }
    return edits;

    function decide(gap: string, prev: LeafCstNode | undefined, leaf: LeafCstNode, index: number): string | undefined {
        if (/[^ \t\r\n]/.test(gap)) {
            return undefined; // unusual whitespace (a BOM, no-break or form-feed spaces): left as it is
        }
        const newlines = (gap.match(/\r\n|\r|\n/g) ?? []).length;
        if (!prev) {
            return '';
        }
        const blank = (min: number) => Math.min(Math.max(newlines, min), 2);
        if (leaf.hidden) {
            // A comment keeps its line: trailing comments stay trailing, own-line comments are indented.
            return newlines === 0 ? ' ' : lines(blank(1), lineIndent(index + 1));
        }
        const afterLineComment = prev.hidden && prev.tokenType.name === 'SL_COMMENT';
        const role = roles.get(leaf.offset);
        switch (role?.kind) {
            case 'top':
                return lines(blank(1), 0);
            case 'item':
                return lines(blank(1), role.indent);
            case 'close':
                return role.empty && !afterLineComment ? ' ' : lines(1, baseIndent(leaf.offset));
            case 'open':
                return afterLineComment ? lines(1, baseIndent(leaf.offset)) : ' ';
            case 'flex':
                return newlines > 0 || afterLineComment ? lines(1, role.indent) : ' ';
            case 'afterComma':
                return newlines > 0 || afterLineComment ? lines(1, outColumn.get(role.anchor) ?? baseIndent(leaf.offset) + INDENT) : ' ';
            case 'noSpace':
                return afterLineComment ? lines(1, baseIndent(leaf.offset) + INDENT) : prev.hidden && gap !== '' ? ' ' : '';
            default:
                return afterLineComment ? lines(1, baseIndent(leaf.offset) + INDENT) : ' ';
        }
    }
}

/** The layout role of the tokens that start something, and the offset ranges of block items. */
function collectRoles(root: Document, leaves: LeafCstNode[]): { roles: Map<number, Role>; items: Array<[number, number]> } {
    const roles = new Map<number, Role>();
    const items: Array<[number, number]> = [];
    const set = (node: AstNode | { offset: number } | undefined, role: Role) => {
        const offset = node && ('$cstNode' in node ? node.$cstNode?.offset : (node as { offset: number }).offset);
        if (offset !== undefined && !roles.has(offset)) {
            roles.set(offset, role);
        }
    };
    const keywordLeaves = (element: AstNode, keyword: string) => GrammarUtils.findNodesForKeyword(element.$cstNode, keyword);
    const indexOf = new Map(leaves.map((leaf, i) => [leaf.offset, i]));

    for (const element of root.elements) {
        set(element, { kind: 'top' });
        const open = keywordLeaves(element, '{')[0];
        const close = keywordLeaves(element, '}')[0];
        const blockItems = open ? itemsOf(element) : [];
        for (const item of blockItems) {
            set(item, { kind: 'item', indent: INDENT });
            if (item.$cstNode) {
                items.push([item.$cstNode.offset, item.$cstNode.end]);
            }
        }
        if (open) {
            roles.set(open.offset, { kind: 'open' });
        }
        if (close) {
            const empty = !open || leaves[(indexOf.get(open.offset) ?? -2) + 1]?.offset === close.offset;
            roles.set(close.offset, { kind: 'close', empty });
        }
        if (isClaim(element)) {
            set(GrammarUtils.findNodeForProperty(element.$cstNode, 'text'), { kind: 'flex', indent: INDENT });
            if (!open) {
                element.clauses.forEach(clause => set(clause, { kind: 'flex', indent: INDENT }));
            }
        } else if (isAnnex(element)) {
            for (const datum of element.data) {
                set(GrammarUtils.findNodeForProperty(datum.$cstNode, 'text'), { kind: 'flex', indent: 2 * INDENT });
                if (datum.origin) {
                    set(datum.origin, { kind: 'flex', indent: 2 * INDENT });
                    set(GrammarUtils.findNodeForKeyword(datum.origin.$cstNode, 'lines'), { kind: 'flex', indent: 2 * INDENT });
                    set(GrammarUtils.findNodeForKeyword(datum.origin.$cstNode, 'quote'), { kind: 'flex', indent: 2 * INDENT });
                }
            }
        } else if (isStat(element) || isScheme(element)) {
            set(GrammarUtils.findNodeForKeyword(element.$cstNode, 'cites'), { kind: 'flex', indent: INDENT });
        }
    }
    for (let i = 0; i < leaves.length; i++) {
        const leaf = leaves[i];
        if (leaf.hidden) {
            continue;
        }
        const node = leaf.astNode;
        if (leaf.text === ',' && LISTS[node.$type]) {
            roles.set(leaf.offset, { kind: 'noSpace' });
            const first = GrammarUtils.findNodeForProperty(node.$cstNode, LISTS[node.$type], 0);
            let j = i + 1;
            while (j < leaves.length && leaves[j].hidden) {
                j++;
            }
            const next = leaves[j];
            if (first && next) {
                roles.set(next.offset, { kind: 'afterComma', anchor: first.offset });
            }
        } else if (leaf.text === ':' && isAttribute(node)) {
            roles.set(leaf.offset, { kind: 'noSpace' });
        } else if (isPercentage(node) && (leaf.text === '%' || (node.negative && GrammarUtils.findNodeForProperty(node.$cstNode, 'value') === leaf))) {
            roles.set(leaf.offset, { kind: 'noSpace' });
        } else if (isRange(node) && (leaf.text === '-' || leaf.text === '–' || GrammarUtils.findNodeForProperty(node.$cstNode, 'to') === leaf)) {
            roles.set(leaf.offset, { kind: 'noSpace' });
        }
    }
    return { roles, items };
}

/** The items of an element's block, in order. */
function itemsOf(element: Element): AstNode[] {
    if (isSource(element)) {
        return element.fields;
    }
    if (isRespondent(element)) {
        return element.attributes;
    }
    if (isProject(element)) {
        return element.settings;
    }
    if (isAnnex(element)) {
        return element.data;
    }
    if (isScheme(element)) {
        return element.bands;
    }
    if (isClaim(element)) {
        return element.clauses;
    }
    if (isPattern(element)) {
        return element.parts;
    }
    return [];
}
