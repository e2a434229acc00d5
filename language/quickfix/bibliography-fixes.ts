import { CstUtils, UriUtils, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { isBibliography } from '../generated/ast.js';
import { commandOf, PickBibliographyCommand, type PickBibliographyArgs } from '../protocol.js';

/**
 * For a bibliography that is not found: create it (an empty BibTeX or CSL-JSON file where the
 * statement says, when the path stays below the document's folder) and, in a client with
 * Warrant's editor commands, pick an existing `.bib` or CSL-JSON file of the workspace instead.
 */
export function bibliographyFixes(document: LangiumDocument, diagnostic: Diagnostic, editorCommands: boolean): CodeAction[] {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
    const statement = leaf?.astNode;
    if (!isBibliography(statement) || !statement.path) {
        return [];
    }
    const actions: CodeAction[] = [];
    const relative = statement.path.replace(/\\/g, '/');
    const json = /\.json$/i.test(relative);
    if ((json || /\.bib$/i.test(relative)) && !relative.startsWith('/') && !/^[A-Za-z]:/.test(relative) && !relative.split('/').includes('..')) {
        const target = UriUtils.resolvePath(UriUtils.dirname(document.uri), relative).toString();
        // JSON has no comments: an empty CSL-JSON library is an empty array.
        const header = json ? '[\n]\n' : `% The bibliography of ${UriUtils.basename(document.uri)}: BibTeX entries, e.g. exported from Zotero.\n`;
        actions.push({
            title: `Create ${relative}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: {
                documentChanges: [
                    { kind: 'create', uri: target, options: { ignoreIfExists: true } },
                    { textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: header }] }
                ]
            }
        });
    }
    if (editorCommands) {
        const title = 'Choose a bibliography file of the workspace…';
        const args: PickBibliographyArgs = { uri: document.uri.toString(), range: diagnostic.range };
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: commandOf(PickBibliographyCommand, title, args) });
    }
    return actions;
}
