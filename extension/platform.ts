import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';

/** What the extension host draws with ELK: exports and the maps of the Markdown preview. */
export type Writers = typeof import('./export/map-writers.js');

/**
 * What the extension does differently on the desktop (extension/main.ts: the server in a Node
 * process, files read from the disk) and in VS Code for the Web (extension/web-main.ts: the
 * server in a Web Worker, files through vscode.workspace.fs). Set once at activation.
 */
export interface Platform {
    /** A client for the bundled language server, not started yet. */
    createClient(context: vscode.ExtensionContext, options: LanguageClientOptions): BaseLanguageClient;
    /** The first bytes of a file as text ('' when it cannot be read). */
    readHead(uri: vscode.Uri, bytes: number): Promise<string>;
    /** Where exports go when no folder fits (the home folder), if there is such a place. */
    homeFolder(): vscode.Uri | undefined;
    /** The map writers: the non-picture export formats and the Markdown preview's maps. */
    loadWriters(extensionUri: vscode.Uri): Promise<Writers>;
}

let current: Platform | undefined;

export function setPlatform(platform: Platform): void {
    current = platform;
}

export function platform(): Platform {
    if (!current) throw new Error('the Warrant extension is not activated');
    return current;
}
