/**
 * Quick fixes that insert a declaration leave placeholders to fill in (`author "$1"`). LSP
 * code actions carry plain edits (3.18's snippet edits are not applied by every client), so a
 * client that says it implements Warrant's editor commands (`initializationOptions.editorCommands`,
 * the VS Code extension does) gets a command that inserts the snippet; any other client gets
 * the same text as a plain edit, each placeholder replaced by its default (docs/editors.md).
 */
import type { LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type Position } from 'vscode-languageserver';
import { commandOf, InsertSnippetCommand, type InsertSnippetArgs } from '../protocol.js';
import { manuscriptOf } from '../manuscript/manuscript-documents.js';
import { separatorBefore } from './separator.js';

/** An escaped character, a placeholder with a default, a choice, or a bare tab stop; in one pass, left to right. */
const SNIPPET_PART = /\\([$}\\,|])|\$\{\d+:((?:\\.|[^\\}])*)\}|\$\{\d+\|((?:\\.|[^\\,|])*)(?:,(?:\\.|[^\\,|])*)*\|\}|\$\{\d+\}|\$\d+/g;

/** The text a snippet inserts when nothing is filled in: each placeholder's default (a choice's first), or nothing. */
export function snippetText(snippet: string): string {
    return snippet.replace(SNIPPET_PART, (_match, escaped: string | undefined, value: string | undefined, choice: string | undefined) =>
        escaped ?? (value ?? choice ?? '').replace(/\\(.)/g, '$1'));
}

/** User text inside a snippet: `$`, `}` and `\` taken literally. */
export function escapeSnippet(text: string): string {
    return text.replace(/[$}\\]/g, '\\$&');
}

/** Where text appended to a document goes, and the blank line that separates it from what is there. */
export function appendPoint(document: LangiumDocument): { position: Position; separator: string } {
    // In a manuscript, declarations go at the end of its last `warrant` fence, not after the prose.
    const fences = manuscriptOf(document)?.fences;
    const text = fences?.length ? document.textDocument.getText().slice(0, fences[fences.length - 1].contentEnd) : document.textDocument.getText();
    return { position: document.textDocument.positionAt(text.length), separator: separatorBefore(text) };
}

export interface SnippetFix {
    title: string;
    diagnostic: Diagnostic;
    uri: string;
    position: Position;
    snippet: string;
    preferred?: boolean;
}

/** A quick fix inserting `snippet` at `position`: as the snippet command, or as its plain text. */
export function snippetAction(fix: SnippetFix, asCommand: boolean): CodeAction {
    const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [fix.diagnostic], isPreferred: fix.preferred || undefined };
    if (asCommand) {
        const args: InsertSnippetArgs = { uri: fix.uri, position: fix.position, snippet: fix.snippet };
        action.command = commandOf(InsertSnippetCommand, fix.title, args);
    } else {
        action.edit = { changes: { [fix.uri]: [{ range: { start: fix.position, end: fix.position }, newText: snippetText(fix.snippet) }] } };
    }
    return action;
}
