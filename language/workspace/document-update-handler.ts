import { statSync } from 'node:fs';
import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WarrantSharedServices } from '../warrant-module.js';
import { isInsideFolder } from './virtual-files.js';

/**
 * Langium keeps a closed document's last editor text: after "close without saving" every
 * other file went on being checked against text that exists nowhere (its names still
 * resolved, its claims still grounded others). On close, the document goes back to what is
 * on disk, or out of the workspace when there is no file (an untitled buffer, a deleted
 * file) or the workspace is untrusted (only open documents count there).
 */
export class WarrantDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    constructor(private readonly shared: WarrantSharedServices) {
        super(shared);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (!this.serviceRegistry.hasServices(uri)) {
            return;
        }
        const trusted = this.shared.workspace.WorkspaceManager.trusted;
        const clientFiles = this.shared.workspace.ClientFiles;
        const inVirtualFolder = uri.scheme !== 'file' && (this.shared.workspace.WorkspaceManager.workspaceFolders ?? []).some(folder => isInsideFolder(uri, URI.parse(folder.uri)));
        if (trusted && inVirtualFolder && clientFiles.enabled) {
            // A file of a virtual workspace: its text read through the client, if it still exists.
            void clientFiles.stat(uri).then(stat => {
                const exists = stat.ok && stat.type === 'file';
                this.fireDocumentUpdate(exists ? [uri] : [], exists ? [] : [uri]);
            });
            return;
        }
        const onDisk = trusted && uri.scheme === 'file' && isFile(uri.fsPath);
        this.fireDocumentUpdate(onDisk ? [uri] : [], onDisk ? [] : [uri]);
    }
}

function isFile(fsPath: string): boolean {
    try {
        return statSync(fsPath).isFile();
    } catch {
        return false;
    }
}
