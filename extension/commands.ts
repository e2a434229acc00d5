import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { DeclareInFileCommand, EditorCommands, InsertSnippetCommand, PickBibliographyCommand, ShowTraceCommand, type CommandType, type ExportMapArguments } from '../language/protocol.js';
import { checkWorkspace } from './check-workspace.js';
import { declareInFile, insertSnippet, pickBibliography } from './editor-commands.js';
import { exportActiveMap } from './export/export-map.js';
import { newWarrantFile } from './new-file.js';
import type { PreviewManager } from './preview/preview-manager.js';

/** The contributed commands (package.json `contributes.commands`), each registered once here. */
export function registerCommands(context: vscode.ExtensionContext, previews: PreviewManager, client: () => LanguageClient | undefined): void {
    const targetUri = (uri?: vscode.Uri) => uri ?? vscode.window.activeTextEditor?.document.uri;
    context.subscriptions.push(
        vscode.commands.registerCommand(EditorCommands.openPreviewToSide, (uri?: vscode.Uri) => previews.open(targetUri(uri), true)),
        vscode.commands.registerCommand(EditorCommands.openPreview, (uri?: vscode.Uri) => previews.open(targetUri(uri), false)),
        vscode.commands.registerCommand(EditorCommands.openWorkspaceMap, () => previews.open(undefined, true)),
        vscode.commands.registerCommand(EditorCommands.exportSvg, () => exportActiveMap(previews, context.extensionUri, 'svg')),
        vscode.commands.registerCommand(EditorCommands.exportPng, () => exportActiveMap(previews, context.extensionUri, 'png')),
        vscode.commands.registerCommand(EditorCommands.exportMap, (format?: ExportMapArguments[0], target?: ExportMapArguments[1] | vscode.Uri) => exportActiveMap(previews, context.extensionUri, format, target)),
        vscode.commands.registerCommand(EditorCommands.restartServer, async () => {
            const running = client();
            await running?.stop();
            await running?.start();
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
