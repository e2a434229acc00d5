// Webviews work in this VS Code for the Web: a built-in one (the Markdown preview) renders the
// case study's README, seen from inside its frame.
import * as assert from './assert.js';
import * as vscode from 'vscode';
import { webviewCount, webviewEvaluate } from './runner.js';
import { fileOf, waitFor } from './helpers.js';

suite('Webviews', () => {
    test('the Markdown preview renders the README inside its webview frame', async () => {
        const readme = fileOf('README.md');
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(readme));
        await vscode.commands.executeCommand('markdown.showPreview', readme);
        await waitFor(async () => (await webviewCount('.markdown-body h1')) > 0, 'a heading in the Markdown preview', 30_000);
        const heading = await webviewEvaluate('.markdown-body h1', () => document.querySelector('.markdown-body h1')?.textContent ?? '', undefined);
        const firstHeading = /^#\s+(.+)$/m.exec(new TextDecoder().decode(await vscode.workspace.fs.readFile(readme)))?.[1];
        assert.ok(firstHeading, 'the README has a level-1 heading');
        assert.equal(heading.trim(), firstHeading.trim());
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
});
