// Shared helpers for the extension-host suites (bundled into each *.test.cjs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import * as vscode from 'vscode';

export { codeOf, describeDiagnostics, waitFor } from './portable-helpers.js';

/** `publisher.name` of the extension under test (see package.json). */
export const EXTENSION_ID = 'warrant-tools.warrant';

/** Logs from a test: to the console, and to the runner's log stream when there is one (WARRANT_TEST_LOG_FILE). */
export function log(...args: unknown[]): void {
    const file = process.env.WARRANT_TEST_LOG_FILE;
    if (file) {
        try {
            fs.appendFileSync(file, format(...args) + '\n');
        } catch { /* the runner is gone */ }
    }
    console.log(...args);
}

/** The workspace folder the runner opened: a throwaway copy of test/vscode/fixtures/workspace. */
export function workspaceRoot(): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the runner must open test/vscode/fixtures/workspace (a copy of it) as the workspace folder');
    return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
    return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export async function openFixture(relativePath: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
    const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    return { document, editor };
}

/** Activates the Warrant extension (if opening a document has not already) and returns it. */
export async function activateWarrant(): Promise<vscode.Extension<unknown>> {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    await extension.activate();
    assert.equal(extension.isActive, true, `${EXTENSION_ID} did not activate`);
    return extension;
}

/**
 * Proves that the extension under test is the VSIX the runner installed into the throwaway
 * extensions directory WARRANT_TEST_EXTENSIONS_DIR: it is loaded from there, not from the
 * repository, and VS Code extracted it from a VSIX (the `.vsixmanifest` it writes on install).
 */
export function assertInstalledFromVsix(extension: vscode.Extension<unknown>): void {
    const extensionsDir = process.env.WARRANT_TEST_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'WARRANT_TEST_EXTENSIONS_DIR is not set');
    const extensionPath = fs.realpathSync(extension.extensionPath);
    const expectedParent = fs.realpathSync(extensionsDir);
    assert.equal(path.dirname(extensionPath), expectedParent,
        `${EXTENSION_ID} was loaded from ${extensionPath}, not from the VSIX installed into ${expectedParent}`);
    assert.ok(fs.existsSync(path.join(extensionPath, '.vsixmanifest')), `${extensionPath} has no .vsixmanifest: not installed from a VSIX`);
}

export function diagnosticsOf(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri);
}

/** Replaces the first occurrence of `search` in the document (unsaved edit). */
export async function replaceText(document: vscode.TextDocument, search: string, replacement: string): Promise<void> {
    const offset = document.getText().indexOf(search);
    assert.ok(offset >= 0, `"${search}" not found in ${document.uri.path}`);
    const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, replacement);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
}

/** Reverts the active editor's unsaved changes and closes all editors, so suites start clean. */
export async function closeAllEditors(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Whether the runner takes screenshots for the suite (run-web.mjs does; run-electron.mjs does not). */
export function screenshotsAvailable(): boolean {
    return Boolean(process.env.WARRANT_TEST_SCREENSHOT_URL);
}

/**
 * Asks the runner for a screenshot of the whole workbench, saved as test-output/vscode/<name>.png;
 * with `webview`, it first waits for a webview to render. Returns the file, or undefined without a runner.
 */
export async function screenshot(name: string, options: { webview?: boolean; selector?: string; settleMs?: number } = {}): Promise<string | undefined> {
    const base = process.env.WARRANT_TEST_SCREENSHOT_URL;
    if (!base) return undefined;
    const url = new URL(base);
    url.searchParams.set('name', name);
    if (options.webview) url.searchParams.set('webview', '1');
    if (options.selector) url.searchParams.set('selector', options.selector);
    if (options.settleMs !== undefined) url.searchParams.set('settle', String(options.settleMs));
    const response = await fetch(url);
    const body = await response.text();
    assert.ok(response.ok, `screenshot ${name} failed: ${body}`);
    return body;
}

/** Number of elements matching `selector` in all webviews (the runner looks inside them), or undefined without a runner. */
export async function webviewCount(selector: string): Promise<number | undefined> {
    const base = process.env.WARRANT_TEST_SCREENSHOT_URL;
    if (!base) return undefined;
    const url = new URL('/webview', base);
    url.searchParams.set('action', 'count');
    url.searchParams.set('selector', selector);
    const response = await fetch(url);
    const body = await response.text();
    assert.ok(response.ok, `webview query failed: ${body}`);
    return Number(body);
}

/** Clicks the first element matching `selector` in the webviews, through the real browser. */
export async function webviewClick(selector: string): Promise<void> {
    const base = process.env.WARRANT_TEST_SCREENSHOT_URL;
    assert.ok(base, 'webview clicks need the web runner');
    const url = new URL('/webview', base);
    url.searchParams.set('action', 'click');
    url.searchParams.set('selector', selector);
    const response = await fetch(url);
    assert.ok(response.ok, `webview click failed: ${await response.text()}`);
}

/**
 * Runs a self-contained function (no imports, no closure) in the webview that has an element
 * matching `selector`, through the runner; its window is the panel. Undefined without a runner.
 */
export async function webviewEvaluate<A, R>(selector: string, fn: (argument: A) => R, argument: A): Promise<R | undefined> {
    const base = process.env.WARRANT_TEST_SCREENSHOT_URL;
    if (!base) return undefined;
    const url = new URL('/webview', base);
    url.searchParams.set('action', 'evaluate');
    url.searchParams.set('selector', selector);
    url.searchParams.set('function', fn.toString());
    url.searchParams.set('argument', JSON.stringify(argument));
    const response = await fetch(url);
    const body = await response.text();
    assert.ok(response.ok, `webview evaluate failed: ${body}`);
    return JSON.parse(body) as R;
}

/** Resizes the workbench's browser window (web runner only). */
export async function resizeWorkbench(width: number, height: number): Promise<void> {
    const base = process.env.WARRANT_TEST_SCREENSHOT_URL;
    assert.ok(base, 'resizing needs the web runner');
    const url = new URL('/webview', base);
    url.searchParams.set('action', 'resize');
    url.searchParams.set('width', String(width));
    url.searchParams.set('height', String(height));
    const response = await fetch(url);
    assert.ok(response.ok, `resize failed: ${await response.text()}`);
}

/** Whether a command is registered (e.g. to skip suites for features that do not exist yet). */
export async function hasCommand(command: string): Promise<boolean> {
    return (await vscode.commands.getCommands(true)).includes(command);
}
