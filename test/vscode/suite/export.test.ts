// Warrant: Export Map in the real workbench: the command writes the map of the open preview in
// every format, with a target URI so no dialog is needed, and counts the links as the CLI does.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import * as vscode from 'vscode';
import { activateWarrant, closeAllEditors, fixtureUri, log, waitFor, workspaceRoot } from './helpers.js';

interface JsonMap { nodes: unknown[]; edges: unknown[] }

suite('Export', () => {
    suiteTeardown(closeAllEditors);

    /** Runs Warrant: Export Map until the map is there to export (the server and the webview load first). */
    async function exportAs(format: string): Promise<string> {
        const target = fixtureUri(`exported-map-${format}.out`);
        const written = await waitFor(async () => vscode.commands.executeCommand<vscode.Uri | undefined>('warrant.exportMap', format, target),
            `the ${format} export of the workspace map`, 90_000);
        assert.equal(written.toString(), target.toString());
        return Buffer.from(await vscode.workspace.fs.readFile(target)).toString(format === 'png' ? 'base64' : 'utf8');
    }

    test('Export Map writes every format of the workspace map, counting the links as the CLI does', async function () {
        this.timeout(300_000);
        const extension = await activateWarrant();
        await vscode.commands.executeCommand('warrant.openWorkspaceMap');

        const cli = spawnSync(process.execPath, [path.join(extension.extensionPath, 'bin', 'warrant.cjs'), 'export', workspaceRoot().fsPath, '--format', 'json'],
            { encoding: 'utf8', timeout: 120_000 });
        assert.equal(cli.status, 0, `warrant export exited ${cli.status}: ${cli.stderr}`);
        const expected = JSON.parse(cli.stdout) as JsonMap;
        assert.ok(expected.edges.length > 10, 'the case study has links');

        const json = JSON.parse(await exportAs('json')) as JsonMap;
        assert.equal(json.nodes.length, expected.nodes.length, 'elements as the CLI counts them');
        assert.equal(json.edges.length, expected.edges.length, 'links as the CLI counts them (each drawn link once)');

        assert.match(await exportAs('dot'), /^digraph warrant \{/m);
        assert.match(await exportAs('graphml'), /<graphml[\s>]/);
        assert.match(await exportAs('md'), /^# /m);
        assert.ok(Array.isArray((JSON.parse(await exportAs('aif')) as { nodes?: unknown }).nodes), 'AIF has nodes');
        const html = await exportAs('html');
        assert.match(html, /^<!DOCTYPE html>/i);
        assert.match(html, /id="warrant-model"/);

        // The picture as drawn: an SVG whose title counts the same links.
        const svg = await exportAs('svg');
        assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        assert.equal(/<title>[^<]*?(\d+) links<\/title>/.exec(svg)?.[1], String(expected.edges.length), 'the SVG\'s title counts the CLI\'s links');
        const png = Buffer.from(await exportAs('png'), 'base64');
        assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        log(`export: ${expected.nodes.length} elements, ${expected.edges.length} links; svg ${svg.length} chars, png ${png.length} bytes`);
    });

    test('an unknown format is asked for, and an unwritable file is reported, not thrown', async () => {
        await activateWarrant();
        await vscode.commands.executeCommand('warrant.openWorkspaceMap');
        const target = fixtureUri('never-exported.out');
        // No format known: the Quick Pick asks; closing it writes nothing.
        const pending = vscode.commands.executeCommand<vscode.Uri | undefined>('warrant.exportMap', 'pdf', target);
        await new Promise(resolve => setTimeout(resolve, 1000));
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        assert.equal(await pending, undefined);
        await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)));
        // A file that cannot be written: an error message, no exception out of the command.
        const unwritable = vscode.Uri.file('/proc/warrant-export-test.json');
        assert.equal(await vscode.commands.executeCommand('warrant.exportMap', 'json', unwritable), undefined);
    });
});
