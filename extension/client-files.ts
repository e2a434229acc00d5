import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ClientReadDirectoryRequest, ClientReadFileRequest, ClientStatRequest } from '../language/protocol.js';
import { ClientFileServer, type EditorFiles } from './client-file-server.js';

function kind(type: vscode.FileType): 'file' | 'directory' | 'other' {
    // A symbolic link is neither followed nor read: the editor cannot tell where it leads, so
    // its target's containment cannot be checked as on disk (and a link loop would be walked).
    if (type & vscode.FileType.SymbolicLink) return 'other';
    if (type & vscode.FileType.File) return 'file';
    if (type & vscode.FileType.Directory) return 'directory';
    return 'other';
}

/** The editor's file system, as ClientFileServer sees it. */
const vscodeFiles: EditorFiles = {
    async stat(uri) {
        const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri, true));
        return { type: kind(stat.type), mtime: stat.mtime, size: stat.size };
    },
    readFile: uri => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true))),
    async readDirectory(uri) {
        const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri, true));
        return entries.map(([name, type]) => ({ name, type: kind(type) }));
    },
    trusted: () => vscode.workspace.isTrusted,
    insideWorkspace: uri => vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri, true)) !== undefined,
    child: (folder, name) => vscode.Uri.joinPath(vscode.Uri.parse(folder, true), name).toString()
};

/** Lets the language server read the workspace's files through the editor (see ClientFileServer). */
export function serveClientFiles(client: BaseLanguageClient): void {
    const server = new ClientFileServer(vscodeFiles);
    client.onRequest(ClientStatRequest, params => server.stat(params));
    client.onRequest(ClientReadFileRequest, params => server.readFile(params));
    client.onRequest(ClientReadDirectoryRequest, params => server.readDirectory(params));
}
