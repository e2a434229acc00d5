import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceAnalysis } from '../analysis/analysis.js';
import type { QdaIndex } from '../qda/index.js';
import { showHiddenCharacters } from '../safety/characters.js';
import { excerpt } from './describe.js';

/** Items per request; with more, the list is incomplete and the client asks again as the user types. */
const MAX_ITEMS = 200;

/**
 * The string of `code "…" in p`, `segment "…" in p` or `segment quote "…" in p`: the project's
 * code names, its segments' names (or GUIDs, for unnamed ones, labelled by their excerpt), or
 * the opening words of its excerpts. The project is the one named after `in` on the line, or
 * every project of the workspace while that is not written yet.
 */
export function projectKeyItems(document: TextDocument, offset: number, analysis: WorkspaceAnalysis): { items: CompletionItem[]; incomplete: boolean } {
    const { position, lineText, kind } = keyAt(document, offset);
    if (!kind) {
        return { items: [], incomplete: false };
    }
    // What is typed of the key so far (after its opening quote) narrows the candidates here, before the cap.
    const typed = kind[2]!.slice(1).replace(/\\(.)/g, '$1').toLowerCase();
    const wanted = (text: string) => text.toLowerCase().includes(typed);
    const typedFrom = position.character - kind[2]!.length;
    const after = lineText.slice(position.character);
    const closing = /^(?:\\.|[^"\\])*"/.exec(after);
    const range = { start: { line: position.line, character: typedFrom }, end: { line: position.line, character: position.character + (closing?.[0].length ?? 0) } };
    const named = /^(?:\\.|[^"\\])*"?\s+in\s+([\p{L}_][\p{L}\p{N}_]*)/u.exec(after)?.[1];
    const indexes = analysis.elements.projects
        .filter(project => named === undefined || project.name === named)
        .flatMap(project => analysis.projects.indexOf(project) ?? []);
    const items = indexes.flatMap(index => kind[1] === 'code' ? codeItems(index, wanted) : kind[1] === 'segment' ? segmentItems(index, wanted) : quoteItems(index, wanted));
    return { incomplete: items.length > MAX_ITEMS, items: items.slice(0, MAX_ITEMS).map(item => ({
        label: showHiddenCharacters(item.label),
        kind: item.kind,
        detail: showHiddenCharacters(item.detail),
        filterText: JSON.stringify(item.insert) + ' ' + item.label,
        textEdit: { range, newText: JSON.stringify(item.insert) }
    })) };
}

/** Whether the cursor is in the (opened) string after `code`, `segment` or `segment quote`. */
export function inProjectKey(document: TextDocument, offset: number): boolean {
    return keyAt(document, offset).kind !== null;
}

function keyAt(document: TextDocument, offset: number): { position: { line: number; character: number }; lineText: string; kind: RegExpExecArray | null } {
    const position = document.positionAt(offset);
    const lineText = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
    // Strings and comments before are skipped so that `code "` inside a claim's text does not count.
    const before = lineText.slice(0, position.character).replace(/"(?:\\.|[^"\\])*"(?=.*")|\/\/.*$/g, match => ' '.repeat(match.length));
    const open = (lineText.slice(0, position.character).replace(/\\./g, '').match(/"/g)?.length ?? 0) % 2 === 1;
    const kind = open ? /(?:^|[\s,])(code|segment\s+quote|segment)\s+("(?:\\.|[^"\\])*)$/.exec(before) : null;
    return { position, lineText, kind };
}

interface KeyItem {
    label: string;
    insert: string;
    detail: string;
    kind: CompletionItemKind;
}

function codeItems(index: QdaIndex, wanted: (text: string) => boolean): KeyItem[] {
    return index.project.codes.flatMap(code => {
        // A name several codes share is written as its path.
        const insert = index.codesNamed(code.name).length > 1 ? code.path.join('/') : code.name;
        if (!wanted(insert)) {
            return [];
        }
        const count = index.segmentsOf(code.guid).length;
        return [{ label: insert, insert, detail: `code · ${count} ${count === 1 ? 'segment' : 'segments'}`, kind: CompletionItemKind.EnumMember }];
    });
}

function segmentItems(index: QdaIndex, wanted: (text: string) => boolean): KeyItem[] {
    return index.project.selections.filter(selection => wanted(selection.name ?? selection.guid) || (selection.name === undefined && wanted(selection.text ?? ''))).map(selection => ({
        label: selection.name ?? excerpt(selection.text ?? selection.guid, 60),
        insert: selection.name ?? selection.guid,
        detail: `segment · ${index.source(selection.source)?.name ?? ''}${selection.name !== undefined ? ` · “${excerpt(selection.text, 60)}”` : ''}`,
        kind: CompletionItemKind.Variable
    }));
}

/** The opening words of each excerpt: enough to pick it out, short enough to read in a claim. */
function quoteItems(index: QdaIndex, wanted: (text: string) => boolean): KeyItem[] {
    return index.project.selections.flatMap(selection => {
        const text = selection.text?.split(/\r?\n|\r/)[0]?.trim();
        if (!text) {
            return [];
        }
        const words = text.split(/\s+/).slice(0, 8).join(' ');
        if (!wanted(words)) {
            return [];
        }
        return [{ label: words, insert: words, detail: `segment · ${index.source(selection.source)?.name ?? ''}`, kind: CompletionItemKind.Text }];
    });
}
