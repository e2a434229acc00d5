// The map preview in VS Code for the Web: a webview whose script lays the map out with ELK in a
// worker; the runner looks inside its frame, and a click on a node reveals its declaration.
import * as vscode from 'vscode';
import * as assert from './assert.js';
import { fileOf, waitFor } from './helpers.js';
import { webviewClick, webviewCount } from './runner.js';

const NODE = 'svg [data-id]';

suite('Map preview in VS Code for the Web', () => {
    teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    test('the map draws the case study, and a click on a node reveals its declaration', async function () {
        this.timeout(120_000);
        const document = await vscode.workspace.openTextDocument(fileOf('serendipity.warrant'));
        await vscode.window.showTextDocument(document, { preview: false });
        await vscode.commands.executeCommand('warrant.openPreviewToSide');
        await waitFor(async () => (await webviewCount(NODE)) > 3, 'nodes in the map', 60_000);
        assert.ok(await webviewCount('svg [data-id="genderPattern"]'), 'the pattern is drawn');
        assert.ok(await webviewCount('svg [data-id="teaRequest"]'), 'and the data it observes');
        assert.equal(await webviewCount('svg.warrant-map[data-engine="elk"]'), 1, 'ELK ran in the webview');

        await webviewClick('button.w-fit');
        await webviewClick('svg [data-id="teaRequest"]');
        const editor = await waitFor(() => vscode.window.visibleTextEditors.find(e => e.document.uri.path.endsWith('/annex.warrant')), 'annex.warrant revealed', 20_000);
        assert.ok(/datum teaRequest/.test(editor.document.lineAt(editor.selection.active.line).text), editor.document.lineAt(editor.selection.active.line).text);
    });

    test('exports are written to the virtual file system: SVG and PNG as drawn, HTML and DOT by the map writers', async function () {
        this.timeout(120_000);
        const document = await vscode.workspace.openTextDocument(fileOf('serendipity.warrant'));
        await vscode.window.showTextDocument(document, { preview: false });
        await vscode.commands.executeCommand('warrant.openPreviewToSide');
        await waitFor(async () => (await webviewCount(NODE)) > 3, 'nodes in the map', 60_000);
        const expected: [string, (bytes: Uint8Array) => boolean][] = [
            ['svg', bytes => new TextDecoder().decode(bytes).includes('<svg')],
            ['png', bytes => [0x89, 0x50, 0x4e, 0x47].every((byte, i) => bytes[i] === byte)],
            ['html', bytes => /<html[\s>]/i.test(new TextDecoder().decode(bytes)) && new TextDecoder().decode(bytes).includes('genderPattern')],
            ['dot', bytes => /^\s*digraph\b/.test(new TextDecoder().decode(bytes)) && new TextDecoder().decode(bytes).includes('genderPattern')]
        ];
        for (const [format, valid] of expected) {
            const target = fileOf(`exports/map.${format}`);
            const written = await waitFor(async () => vscode.commands.executeCommand<vscode.Uri | undefined>('warrant.exportMap', format, target), `the ${format} export`, 30_000);
            assert.equal(written.toString(), target.toString());
            const bytes = await vscode.workspace.fs.readFile(target);
            assert.ok(valid(bytes), `${format}: ${new TextDecoder().decode(bytes.subarray(0, 120))}`);
        }
    });
});
