import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DeclareInFileCommand, EditorCommands, InsertSnippetCommand, PickBibliographyCommand, ShowTraceCommand, type CommandType } from '../language/protocol.js';
import { checkWorkspace } from './check-workspace.js';
import { declareInFile, insertSnippet, pickBibliography } from './editor-commands.js';
import { newWarrantFile } from './new-file.js';
import type { PreviewManager } from './preview/preview-manager.js';

/** The contributed commands (package.json `contributes.commands`), each registered once here. */
export function registerCommands(context: vscode.ExtensionContext, previews: PreviewManager, client: () => LanguageClient | undefined): void {
    const targetUri = (uri?: vscode.Uri) => uri ?? vscode.window.activeTextEditor?.document.uri;
    context.subscriptions.push(
        vscode.commands.registerCommand(EditorCommands.openPreviewToSide, (uri?: vscode.Uri) => previews.open(targetUri(uri), true)),
        vscode.commands.registerCommand(EditorCommands.openPreview, (uri?: vscode.Uri) => previews.open(targetUri(uri), false)),
        vscode.commands.registerCommand(EditorCommands.openWorkspaceMap, () => previews.open(undefined, true)),
        vscode.commands.registerCommand(EditorCommands.exportSvg, () => exportMap(previews, 'svg')),
        vscode.commands.registerCommand(EditorCommands.exportPng, () => exportMap(previews, 'png')),
        vscode.commands.registerCommand(EditorCommands.restartServer, async () => {
            await client()?.restart();
        }),
        vscode.commands.registerCommand(EditorCommands.newFile, newWarrantFile),
        vscode.commands.registerCommand(EditorCommands.checkWorkspace, () => checkWorkspace(client())),
        // The server's commands (code lenses, quick fixes); the trace also runs from menus with a vscode.Uri.
        registerServerCommand(ShowTraceCommand, (uri: string | vscode.Uri, id) => previews.showTrace(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri, id)),
        registerServerCommand(InsertSnippetCommand, insertSnippet),
        registerServerCommand(DeclareInFileCommand, declareInFile),
        registerServerCommand(PickBibliographyCommand, pickBibliography)
    );
}

/** Registers the handler of a command the server sends, typed by the command's arguments in the protocol. */
function registerServerCommand<Args extends unknown[]>(type: CommandType<Args>, handler: (...args: Args) => unknown): vscode.Disposable {
    return vscode.commands.registerCommand(type.id, handler as (...args: unknown[]) => unknown);
}

async function exportMap(previews: PreviewManager, format: 'svg' | 'png'): Promise<void> {
    const panel = previews.activePanel();
    if (!panel) {
        void vscode.window.showInformationMessage('Open a Warrant map first (Warrant: Open Preview to the Side).');
        return;
    }
    const data = await panel.exportPicture(format);
    if (!data) {
        void vscode.window.showErrorMessage('The map could not be exported: it is not rendered yet.');
        return;
    }
    const base = panel.scope.kind === 'document' ? panel.scope.uri.path.replace(/\.warrant$/, '') : 'argument-map';
    const target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.file(`${base}.${format}`),
        filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] }
    });
    if (target) {
        await vscode.workspace.fs.writeFile(target, data);
        void vscode.window.showInformationMessage(`Map exported to ${vscode.workspace.asRelativePath(target)}.`);
    }
}
