import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { Platform } from './platform.js';

/** VS Code for the Web: the server in a Web Worker, every file through vscode.workspace.fs. */
export const webPlatform: Platform = {
    createClient(context, options) {
        const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'out/web/server.js').toString(true));
        return new LanguageClient('warrant', 'Warrant', worker, options);
    },

    // The virtual file system reads whole files; a library of a few megabytes is still quick.
    async readHead(uri, bytes) {
        try {
            return new TextDecoder().decode((await vscode.workspace.fs.readFile(uri)).subarray(0, bytes));
        } catch {
            return '';
        }
    },

    homeFolder: () => undefined,

    // The writers are part of the web bundle: a worker cannot load a second bundle the way Node does.
    loadWriters: () => import('./export/map-writers.js')
};
