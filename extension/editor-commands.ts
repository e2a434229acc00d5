import path from 'node:path';
import * as vscode from 'vscode';
import { looksLikeCslJson } from '../language/bibliography/file-format.js';
import type { DeclareInFileArgs, InsertSnippetArgs, PickBibliographyArgs } from '../language/protocol.js';
import { separatorBefore } from '../language/quickfix/separator.js';
import { platform } from './platform.js';

/**
 * The commands the language server's quick fixes run in VS Code (the client announces them
 * with `initializationOptions.editorCommands`): inserting a declaration as a snippet, so Tab
 * walks its placeholders, and the pickers that only an editor can show.
 */

const EXCLUDED = '{**/node_modules/**,**/.git/**}';

export async function insertSnippet(args: InsertSnippetArgs): Promise<void> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await editor.insertSnippet(new vscode.SnippetString(args.snippet), new vscode.Position(args.position.line, args.position.character));
}

/** Asks for the kind (when the reference admits several) and the file, then appends the declaration there. */
export async function declareInFile(args: DeclareInFileArgs): Promise<void> {
    const choice = args.choices.length === 1
        ? args.choices[0]
        : (await vscode.window.showQuickPick(args.choices.map(c => ({ label: c.kind, choice: c })), { title: `Declare \`${args.name}\` as…` }))?.choice;
    if (!choice) {
        return;
    }
    const files = await vscode.workspace.findFiles('**/*.warrant', EXCLUDED, 500);
    const picked = await vscode.window.showQuickPick(
        files.map(uri => ({ label: vscode.workspace.asRelativePath(uri), uri })).sort((a, b) => a.label.localeCompare(b.label)),
        { title: `Declare \`${args.name}\` as a ${choice.kind} in…` }
    );
    if (!picked) {
        return;
    }
    const document = await vscode.workspace.openTextDocument(picked.uri);
    const text = document.getText();
    await insertSnippet({
        uri: picked.uri.toString(),
        position: document.positionAt(text.length),
        snippet: separatorBefore(text) + choice.snippet
    });
}

/** Lets the user pick a `.bib` or CSL-JSON file of the workspace and puts its path, relative to the document, in the statement. */
export async function pickBibliography(args: PickBibliographyArgs): Promise<void> {
    const documentUri = vscode.Uri.parse(args.uri);
    const [bib, json] = await Promise.all([vscode.workspace.findFiles('**/*.bib', EXCLUDED, 500), vscode.workspace.findFiles('**/*.json', EXCLUDED, 500)]);
    const csl = (await Promise.all(json.map(async uri => looksLikeCslJson(await platform().readHead(uri, 4096)) ? [uri] : []))).flat();
    const files = [...bib, ...csl];
    if (files.length === 0) {
        void vscode.window.showInformationMessage('There is no .bib or CSL-JSON file in the workspace. Export one from your reference manager (e.g. Zotero: File › Export Library… › BibTeX or CSL JSON) into the workspace.');
        return;
    }
    const picked = await vscode.window.showQuickPick(
        files.map(uri => ({ label: path.posix.relative(path.posix.dirname(documentUri.path), uri.path), description: vscode.workspace.asRelativePath(uri) })).sort((a, b) => a.label.localeCompare(b.label)),
        { title: 'Bibliography file' }
    );
    if (!picked) {
        return;
    }
    const edit = new vscode.WorkspaceEdit();
    const range = new vscode.Range(args.range.start.line, args.range.start.character, args.range.end.line, args.range.end.character);
    edit.replace(documentUri, range, `"${picked.label.replace(/["\\]/g, '\\$&')}"`);
    await vscode.workspace.applyEdit(edit);
}
