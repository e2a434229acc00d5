// The first hour in VS Code: the walkthrough, New Warrant File, Check Workspace (its figures
// against the CLI shipped in the VSIX), the unknown-name quick fix as a snippet, a Tab that
// leaves a snippet's key field, and completion opened by typing a space after `supported by`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import * as vscode from 'vscode';
import { NEW_FILE_TEMPLATE } from '../../../extension/new-file-template.js';
import {
    EXTENSION_ID, activateWarrant, closeAllEditors, codeOf, describeDiagnostics, diagnosticsOf, log, openFixture, screenshot, screenshotsAvailable, waitFor, webviewCount, workspaceRoot
} from './helpers.js';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** The text of the line the cursor is on. */
function cursorLine(editor: vscode.TextEditor): string {
    return editor.document.lineAt(editor.selection.active.line).text;
}

/** Labels of the server's items (VS Code adds the document's words as plain-text items). */
function serverItems(list: vscode.CompletionList): string[] {
    return list.items.filter(item => item.kind !== vscode.CompletionItemKind.Text).map(item => typeof item.label === 'string' ? item.label : item.label.label);
}

/** Runs what Tab runs while the suggest widget is open (a no-op when it is not), for a while. */
async function acceptSuggestionsFor(ms: number, done: () => boolean): Promise<void> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline && !done()) {
        await vscode.commands.executeCommand('acceptSelectedSuggestion');
        await sleep(250);
    }
}

suite('Editor: walkthrough, new file, check workspace, quick fixes, snippets and completion', () => {
    teardown(closeAllEditors);

    // First: the files the other tests open (and the untitled one) would be counted while open.
    test('Check Workspace reports the figures of the CLI shipped in the extension', async () => {
        const extension = await activateWarrant();
        const result = await vscode.commands.executeCommand<{ summary: Record<string, number>; message: string }>('warrant.checkWorkspace');
        assert.ok(result, 'the command returns its result');
        // .warrant files and Markdown manuscripts (their warrant blocks and prose are checked too)
        const files = await vscode.workspace.findFiles('**/*.{warrant,md,qmd,markdown}', '**/node_modules/**');
        let claims = 0;
        for (const uri of files) {
            claims += (Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8').match(/^\s*claim\s/gm) ?? []).length;
        }
        // The Problems panel has every file's diagnostics now, not only the open ones'.
        const count = (severity: vscode.DiagnosticSeverity) => files.reduce((n, uri) => n + diagnosticsOf(uri).filter(d => d.severity === severity).length, 0);
        await waitFor(() => count(vscode.DiagnosticSeverity.Error) === result.summary.errors && count(vscode.DiagnosticSeverity.Warning) === result.summary.warnings,
            () => `the published diagnostics to add up to the summary (${count(vscode.DiagnosticSeverity.Error)} errors, ${count(vscode.DiagnosticSeverity.Warning)} warnings; summary ${JSON.stringify(result.summary)})`);
        const { grounded, errors, warnings } = result.summary;
        const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
        assert.equal(result.message, `${s(files.length, 'file')} · ${s(claims, 'claim')} · ${grounded} grounded · ${s(errors, 'error')} · ${s(warnings, 'warning')}`);
        assert.ok(grounded > 0 && grounded < claims && errors > 0, result.message);
        // The CLI as the README says to run it from the installed extension.
        const cli = spawnSync(process.execPath, [path.join(extension.extensionPath, 'bin', 'warrant.cjs'), 'check', '--format', 'json', workspaceRoot().fsPath], { encoding: 'utf8', timeout: 120_000 });
        assert.ok(cli.status === 0 || cli.status === 1, `warrant check exited ${cli.status}: ${cli.stderr}`);
        assert.deepEqual(JSON.parse(cli.stdout).summary, result.summary);
        log(`check workspace: ${result.message}`);
    });

    test('the walkthrough opens', async () => {
        await activateWarrant();
        // An open Welcome page would only scroll to the walkthrough: start from none.
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#gettingStarted`, false);
        // (The API's tab label is not asserted: it keeps the name of the Welcome page the tab first showed.)
        await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab, 'the walkthrough\'s tab');
        if (!screenshotsAvailable()) {
            log('note: no web runner, so the walkthrough\'s content is not inspected');
            return;
        }
        // Its first step's Markdown (extension/walkthrough/first-argument.md) is rendered: the only page linking to Warrant's docs.
        await waitFor(async () => ((await webviewCount('a[href*="warrant-tools/warrant"]')) ?? 0) > 0, 'the first step\'s Markdown in a webview');
        await screenshot('walkthrough');
    });

    test('New Warrant File opens an untitled Warrant document with the template, checked by the server', async () => {
        await activateWarrant();
        await vscode.commands.executeCommand('warrant.newFile');
        const editor = await waitFor(() => vscode.window.activeTextEditor?.document.languageId === 'warrant' ? vscode.window.activeTextEditor : undefined, 'a Warrant editor');
        assert.equal(editor.document.isUntitled, true);
        assert.equal(editor.document.getText(), NEW_FILE_TEMPLATE);
        // The server answers for it: the template's claim rests on its datum.
        const lenses = await waitFor(async () => {
            const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10);
            return found?.some(lens => lens.command?.title.startsWith('grounded')) ? found : undefined;
        }, 'a "grounded" code lens on the template\'s claim');
        assert.ok(lenses.length > 0);
    });

    test('the unknown-name quick fix declares the name as a snippet, and the error goes', async () => {
        const { document, editor } = await openFixture('linking.warrant');
        const unknown = await waitFor(() => diagnosticsOf(document.uri).find(d => codeOf(d) === 'unknown-reference'),
            () => `an unknown-reference; have:\n${describeDiagnostics(diagnosticsOf(document.uri))}`);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
        const titles = actions.map(a => a.title);
        assert.ok(titles.includes('Declare `nothing` in another file…'), titles.join(' | '));
        const declare = actions.find(a => a.title === 'Declare `nothing` as a claim here');
        assert.ok(declare?.command, titles.join(' | '));
        await vscode.commands.executeCommand(declare.command.command, ...(declare.command.arguments ?? []));
        await waitFor(() => document.getText().includes('claim nothing "proposition"'), () => `the declaration; text:\n${document.getText()}`);
        // Inserted as a snippet: the proposition placeholder is selected, ready to be typed over.
        assert.equal(editor.document.getText(editor.selection), 'proposition');
        await waitFor(() => !diagnosticsOf(document.uri).some(d => codeOf(d) === 'unknown-reference'),
            () => `the unknown-reference to go; have:\n${describeDiagnostics(diagnosticsOf(document.uri))}`);
    });

    test('Tab after a citation key in a snippet leaves the field and inserts nothing', async () => {
        const { document, editor } = await openFixture('linking.warrant');
        await activateWarrant();
        const end = document.lineAt(document.lineCount - 1).range.end;
        await editor.insertSnippet(new vscode.SnippetString('\nclaim ${1:name} "${2:proposition}" {\n  cites @${3:key}\n}\n'), end);
        for (const text of ['keyTest', 'A proposition']) {
            await vscode.commands.executeCommand('type', { text });
            await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
        }
        assert.equal(editor.document.getText(editor.selection), 'key');
        await vscode.commands.executeCommand('type', { text: 'Smith2020' });
        const position = editor.selection.active;
        // What the server offers there: nothing but keys (it offered `p.`, `ch.`… glued to the key).
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
        const offered = serverItems(list);
        assert.ok(offered.every(label => label.startsWith('@')), offered.join(', '));
        // The user's Tab: it accepts a suggestion if the widget is open, else leaves the field.
        await vscode.commands.executeCommand('editor.action.triggerSuggest');
        await acceptSuggestionsFor(2000, () => false);
        await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
        assert.match(document.getText(), /claim keyTest "A proposition" \{\n {2}cites @Smith2020\n\}\n$/);
    });

    test('typing a space after `supported by` opens completion', async () => {
        const { document, editor } = await openFixture('linking.warrant');
        await activateWarrant();
        const line = document.lineAt(document.getText().split('\n').findIndex(l => l.startsWith('claim b')));
        editor.selection = new vscode.Selection(line.range.end, line.range.end);
        await vscode.commands.executeCommand('type', { text: ' supported by' });
        // Give the server the text first: completion must not depend on typing speed.
        await waitFor(() => diagnosticsOf(document.uri).some(d => codeOf(d) === 'parsing-error' && d.range.start.line === line.lineNumber), 'the syntax error of the half-typed clause');
        await vscode.commands.executeCommand('type', { text: ' ' });
        const position = editor.selection.active;
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, ' ');
        const offered = serverItems(list);
        assert.ok(offered.includes('a'), offered.join(', '));
        assert.ok(!offered.includes('b'), 'a claim does not support itself');
        // The widget opened by itself: accepting its selected item (Tab) completes the name.
        await acceptSuggestionsFor(10_000, () => /supported by \S+$/.test(cursorLine(editor)));
        assert.match(cursorLine(editor), /^claim b "y" supported by \S+$/);
    });
});
