// Helpers of the web suite (no Node built-ins: this runs in a Web Worker).
import * as assert from './assert.js';
import * as vscode from 'vscode';

export { codeOf, describeDiagnostics, waitFor } from '../../vscode/suite/portable-helpers.js';

/** The folder the runner mounted: a copy of examples/lscb-gender-hypothesis on the vscode-test-web: file system. */
export function workspaceRoot(): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the runner must mount the case study as the workspace folder');
    return folder.uri;
}

export function fileOf(relativePath: string): vscode.Uri {
    return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}
