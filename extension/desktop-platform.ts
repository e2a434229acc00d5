import { open } from 'node:fs/promises';
import os from 'node:os';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import type { Platform, Writers } from './platform.js';
import { SERVER_NODE_FLAGS } from './server-node-flags.js';


/** The desktop: the server in a Node process of its own over IPC, local files read with Node. */
export const desktopPlatform: Platform = {
    createClient(context, options) {
        const serverModule = context.asAbsolutePath('out/server.cjs');
        const serverOptions: ServerOptions = {
            run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
            debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } }
        };
        return new LanguageClient('warrant', 'Warrant', serverOptions, options);
    },

    // Only the head of a local file, not all of a large library; other schemes are not read.
    async readHead(uri, bytes) {
        if (uri.scheme !== 'file') {
            return '';
        }
        try {
            const handle = await open(uri.fsPath, 'r');
            try {
                const buffer = Buffer.alloc(bytes);
                const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
                return buffer.toString('utf8', 0, bytesRead);
            } finally {
                await handle.close();
            }
        } catch {
            return '';
        }
    },

    homeFolder: () => vscode.Uri.file(os.homedir()),

    /**
     * The writers are a bundle of their own (out/map-export.cjs, built from
     * extension/export/map-writers.ts): they lay maps out with ELK, megabytes that activation
     * should not load. Node caches the module after the first use.
     */
    async loadWriters(extensionUri) {
        const load: (path: string) => Writers = require;
        return load(vscode.Uri.joinPath(extensionUri, 'out', 'map-export.cjs').fsPath);
    }
};
