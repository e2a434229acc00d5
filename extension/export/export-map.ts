import * as vscode from 'vscode';
import { EXPORT_CHOICES, isExportChoice, type ExportChoice } from '../../language/graph/export/formats.js';
import { platform } from '../platform.js';
import type { PreviewManager } from '../preview/preview-manager.js';
import type { PreviewPanel } from '../preview/preview-panel.js';
import { exportFileName, pickExportFolder } from './export-location.js';

/**
 * `warrant.exportMap`: writes the map of the active preview in a format (asked when absent) to
 * a file (a save dialog when absent). SVG and PNG are the picture as drawn; the other formats
 * are written from the preview's model by the CLI's own writers. Returns the file written.
 */
export async function exportActiveMap(previews: PreviewManager, extensionUri: vscode.Uri, format?: unknown, target?: string | vscode.Uri): Promise<vscode.Uri | undefined> {
    const panel = previews.activePanel();
    if (!panel) {
        void vscode.window.showInformationMessage('Open a Warrant map first (Warrant: Open Preview to the Side).');
        return undefined;
    }
    return exportPanelMap(panel, extensionUri, format, target);
}

/** The export of one preview's map (its toolbar's Export menu names the panel itself). */
export async function exportPanelMap(panel: PreviewPanel, extensionUri: vscode.Uri, format?: unknown, target?: string | vscode.Uri): Promise<vscode.Uri | undefined> {
    const choice = isExportChoice(format) ? EXPORT_CHOICES.find(c => c.format === format)
        : (await vscode.window.showQuickPick(EXPORT_CHOICES.map(entry => ({ label: entry.name, description: entry.label, entry })), { title: 'Export the map as' }))?.entry;
    if (!choice) return undefined;
    const data = await render(panel, choice.format, extensionUri);
    if (!data) {
        void vscode.window.showErrorMessage('The map could not be exported: it is not rendered yet.');
        return undefined;
    }
    const uri = target === undefined ? await vscode.window.showSaveDialog({ defaultUri: defaultUri(panel, choice.extension), filters: { [choice.label]: [choice.extension] } })
        : typeof target === 'string' ? vscode.Uri.parse(target) : target;
    if (!uri) return undefined;
    try {
        await vscode.workspace.fs.writeFile(uri, data);
    } catch (error) {
        void vscode.window.showErrorMessage(`The map could not be written to ${uri.fsPath || uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
    }
    void vscode.window.showInformationMessage(`Map exported to ${vscode.workspace.asRelativePath(uri)}.`);
    return uri;
}

async function render(panel: PreviewPanel, format: ExportChoice, extensionUri: vscode.Uri): Promise<Uint8Array | undefined> {
    if (format === 'svg' || format === 'png') {
        return panel.exportPicture(format);
    }
    const model = panel.currentModel;
    if (!model) return undefined;
    const document = panel.scope.kind === 'document' ? panel.scope.uri : undefined;
    const title = `Argument map: ${document ? document.path.split('/').pop() : vscode.workspace.name ?? 'workspace'}`;
    const viewerScript = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'out', 'webview.js')));
    const { exportMap } = await platform().loadWriters(extensionUri);
    return new TextEncoder().encode(await exportMap(model, format, { title, viewerScript }));
}

function defaultUri(panel: PreviewPanel, extension: string): vscode.Uri | undefined {
    const document = panel.scope.kind === 'document' ? panel.scope.uri : undefined;
    const folder = pickExportFolder([
        document ? vscode.workspace.getWorkspaceFolder(document)?.uri : vscode.workspace.workspaceFolders?.[0]?.uri,
        document ? vscode.Uri.joinPath(document, '..') : undefined,
        platform().homeFolder()
    ]);
    return folder && vscode.Uri.joinPath(folder, exportFileName(document?.path, extension));
}
