import { CstUtils, isCompositeCstNode, isLeafCstNode, isRootCstNode, type CstNode, type LangiumDocument, type LeafCstNode, type RootCstNode, type ValueConverter } from 'langium';
import { FREE_TEXT } from '../analysis/free-text.js';

/**
 * Where an edit moved the text after it: every offset from `from` on by `delta`, and on line
 * `line` every column from `column` on by `delta` (the edit stays within one line).
 */
export interface TextShift {
    readonly from: number;
    readonly delta: number;
    readonly line: number;
    readonly column: number;
}

/**
 * Langium keeps positions in these fields behind the getters of its CST nodes
 * (parser/cst-node-builder.ts, Langium 4). They are moved in place; when a Langium upgrade
 * renames them, no edit is applied in place and documents are parsed again as before (and
 * test/language/free-text-edit.test.ts fails, saying so).
 */
interface LeafFields { _offset: number; _length: number; _startLine: number; _startColumn: number; _endLine: number; _endColumn: number }
interface CompositeFields { _rangeCache: unknown }
interface RootFields { _text: string }

/** An edit inside one free-text string, found but not yet applied. */
export interface FreeTextEdit {
    readonly shift: TextShift;
    readonly text: string;
    readonly token: string;
    readonly leaf: LeafCstNode & LeafFields;
    readonly root: RootCstNode & RootFields & CompositeFields;
}

/**
 * Typing inside the text of a claim (or of a datum, a qualifier, a warrant, a pattern's
 * `unanticipated`/`anomalous`) changes one string token and nothing else the language reads:
 * no name, no reference, no structure. Such an edit can be applied to the document's syntax
 * tree in place (applyFreeTextEdit) instead of parsing the whole file again, which on a file of
 * 10,000 claims took a second per keystroke. Undefined when the change from the parsed text to
 * `text` is anything else: the document is then parsed again as usual. A document with syntax
 * errors is always parsed again (the errors carry positions of their own).
 */
export function findFreeTextEdit(document: LangiumDocument, text: string): FreeTextEdit | undefined {
    const { parseResult } = document;
    const root = parseResult.value.$cstNode;
    if (!isRootCstNode(root) || !hasRootFields(root) || parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) {
        return undefined;
    }
    const edit = changedSpan(root.fullText, text);
    if (!edit || edit.start === 0) {
        return undefined;
    }
    const leaf = CstUtils.findLeafNodeAtOffset(root, edit.start - 1);
    if (!leaf || !isFreeText(leaf) || edit.start <= leaf.offset || edit.oldEnd >= leaf.end || !hasFields(leaf)) {
        return undefined;
    }
    const delta = edit.newEnd - edit.oldEnd;
    const token = text.slice(leaf.offset, leaf.end + delta);
    if (!wholeToken(leaf).test(token)) {
        return undefined; // a quote, a backslash at the end or a line break: the tokens change
    }
    return { shift: { from: edit.oldEnd, delta, line: leaf._startLine, column: leaf._startColumn + (edit.oldEnd - leaf.offset) }, text, token, leaf, root };
}

/** Sets the string's value and moves the positions after it. */
export function applyFreeTextEdit({ shift, text, token, leaf, root }: FreeTextEdit, converter: ValueConverter): void {
    (leaf.astNode as unknown as { text: unknown }).text = converter.convert(token, leaf);
    leaf._length += shift.delta;
    leaf._endColumn += shift.delta;
    shiftTree(root, leaf, shift);
    root._text = text;
}

/** The one stretch in which two texts differ: [start, oldEnd) of the old became [start, newEnd) of the new. */
function changedSpan(old: string, text: string): { start: number; oldEnd: number; newEnd: number } | undefined {
    if (old === text) {
        return undefined;
    }
    const shorter = Math.min(old.length, text.length);
    let start = 0;
    while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) {
        start++;
    }
    let oldEnd = old.length;
    let newEnd = text.length;
    while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
        oldEnd--;
        newEnd--;
    }
    return { start, oldEnd, newEnd };
}

function isFreeText(leaf: LeafCstNode): boolean {
    return !leaf.hidden && leaf.tokenType.name === 'STRING' && FREE_TEXT.has(leaf.astNode.$type);
}

const anchored = new WeakMap<object, RegExp>();

/** The token's own pattern over the whole of `token`: what the lexer would make one token of. */
function wholeToken(leaf: LeafCstNode): RegExp {
    let pattern = anchored.get(leaf.tokenType);
    if (!pattern) {
        const source = leaf.tokenType.PATTERN;
        pattern = source instanceof RegExp ? new RegExp(`^(?:${source.source})$`, source.flags.replace(/[gy]/g, '')) : /^(?!)/;
        anchored.set(leaf.tokenType, pattern);
    }
    return pattern;
}

function hasFields(leaf: LeafCstNode): leaf is LeafCstNode & LeafFields {
    const fields = leaf as unknown as Partial<LeafFields>;
    return typeof fields._offset === 'number' && typeof fields._length === 'number' && typeof fields._startLine === 'number'
        && typeof fields._startColumn === 'number' && typeof fields._endLine === 'number' && typeof fields._endColumn === 'number';
}

function hasRootFields(root: CstNode): root is CstNode & RootFields & CompositeFields {
    return typeof (root as unknown as Partial<RootFields>)._text === 'string' && '_rangeCache' in root;
}

/**
 * Moves every position after the edited token and forgets the cached ranges of the nodes
 * around it. Top-level elements that end before the edit are skipped whole.
 */
function shiftTree(root: CstNode & CompositeFields, edited: LeafCstNode, shift: TextShift): void {
    const shiftNode = (node: CstNode): void => {
        if (isLeafCstNode(node)) {
            if (node !== edited && hasFields(node) && node._offset >= shift.from) {
                node._offset += shift.delta;
                if (node._startLine === shift.line) {
                    node._startColumn += shift.delta;
                }
                if (node._endLine === shift.line) {
                    node._endColumn += shift.delta;
                }
            }
            return;
        }
        (node as unknown as CompositeFields)._rangeCache = undefined;
        if (isCompositeCstNode(node)) {
            node.content.forEach(shiftNode);
        }
    };
    root._rangeCache = undefined;
    const elements = isCompositeCstNode(root) ? root.content : [];
    for (let i = firstEndingAfter(elements, edited.offset); i < elements.length; i++) {
        shiftNode(elements[i]!);
    }
}

/** The first of the sorted nodes that ends after `offset` (binary search). */
function firstEndingAfter(nodes: readonly CstNode[], offset: number): number {
    let low = 0;
    let high = nodes.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (nodes[middle]!.end <= offset) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}
