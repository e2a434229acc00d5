import * as vscode from 'vscode';

export type Writers = typeof import('./map-writers.js');

/**
 * The map writers are a bundle of their own (out/map-export.cjs, built from map-writers.ts):
 * the pictures are laid out with ELK, megabytes that activation should not load. Node caches
 * the module after the first use.
 */
export function loadWriters(extensionUri: vscode.Uri): Writers {
    const load: (path: string) => Writers = require;
    return load(vscode.Uri.joinPath(extensionUri, 'out', 'map-export.cjs').fsPath);
}
