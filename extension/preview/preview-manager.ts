import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { GraphChangedParams } from '../../language/protocol.js';
import { PreviewPanel, PREVIEW_VIEW_TYPE } from './preview-panel.js';
import { previewWebviewOptions } from './preview-html.js';
import { restoreScope, type PreviewScope } from './preview-scope.js';
import { sanitizeState } from './webview/messages.js';
import { nodeAt } from '../declarations.js';
import { updateDelay } from '../graph-changes.js';

/**
 * The map previews, after VS Code's Markdown preview: opened beside or in place of the editor,
 * refreshed (debounced) when the server reports a changed map — an edit, or a bibliography or
 * transcript changed on disk —, following the cursor, restored after a window reload.
 */
export class PreviewManager implements vscode.WebviewPanelSerializer, vscode.Disposable {
    private readonly panels = new Set<PreviewPanel>();
    private refreshTimer: NodeJS.Timeout | undefined;
    /** The panels the next refresh updates. */
    private readonly stale = new Set<PreviewPanel>();
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly client: () => LanguageClient | undefined, private readonly extensionUri: vscode.Uri) {
        this.disposables.push(
            vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
            vscode.window.onDidChangeTextEditorSelection(event => this.followCursor(event.textEditor)),
            vscode.window.onDidChangeActiveTextEditor(editor => this.followEditor(editor))
        );
    }

    /**
     * Refreshes the maps on the server's `warrant/graphChanged`. A refresh only reads the model,
     * never starts a build, so it cannot cause another notification.
     */
    listenTo(graphChanges: vscode.Event<GraphChangedParams>): vscode.Disposable {
        return graphChanges(params => this.graphChanged(params));
    }

    open(uri: vscode.Uri | undefined, toSide: boolean): void {
        const scope: PreviewScope = uri ? { kind: 'document', uri } : { kind: 'workspace' };
        const existing = [...this.panels].find(panel => sameScope(panel.scope, scope));
        if (existing) {
            existing.panel.reveal(undefined, true);
            return;
        }
        const column = toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Argument map', { viewColumn: column, preserveFocus: toSide }, previewWebviewOptions(this.extensionUri));
        this.track(new PreviewPanel(panel, scope, this.client, this.extensionUri));
    }

    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        panel.webview.options = previewWebviewOptions(this.extensionUri);
        this.track(new PreviewPanel(panel, restoreScope(sanitizeState(state).uri), this.client, this.extensionUri));
    }

    /** Shows one claim's support tree, opening a map of its document if none is open. */
    showTrace(uri: vscode.Uri, id: string): void {
        let panel = [...this.panels].find(p => p.showsDocument(uri));
        if (!panel) {
            this.open(uri, true);
            panel = [...this.panels].find(p => p.showsDocument(uri));
        }
        panel?.focus(id);
    }

    /** The panel an export command applies to: the active one, else the one showing the active document. */
    activePanel(): PreviewPanel | undefined {
        const active = [...this.panels].find(panel => panel.panel.active);
        const document = vscode.window.activeTextEditor?.document.uri;
        return active ?? (document ? [...this.panels].find(panel => panel.showsDocument(document)) : undefined) ?? [...this.panels][0];
    }

    private track(panel: PreviewPanel): void {
        this.panels.add(panel);
        panel.onDidDispose(() => this.panels.delete(panel));
        void panel.refresh();
    }

    private graphChanged(params: GraphChangedParams): void {
        const uris = new Set(Array.isArray(params?.uris) ? params.uris : []);
        const affected = [...this.panels].filter(panel => panel.mayShowAny(uris));
        if (affected.length === 0) {
            return;
        }
        affected.forEach(panel => this.stale.add(panel));
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => {
            const panels = [...this.stale].filter(panel => this.panels.has(panel));
            this.stale.clear();
            panels.forEach(panel => void panel.refresh());
        }, updateDelay());
    }

    /** Highlights the element whose declaration holds the cursor, in every map that shows it. */
    private followCursor(editor: vscode.TextEditor): void {
        if (editor.document.languageId !== 'warrant') {
            return;
        }
        const uri = editor.document.uri.toString();
        const position = editor.selection.active;
        for (const panel of this.panels) {
            const under = nodeAt(panel.currentModel?.nodes ?? [], uri, position);
            panel.highlight(under?.id ?? null);
        }
    }

    /** A document preview that is not locked to the workspace follows the active .warrant editor, as the Markdown preview does. */
    private followEditor(editor: vscode.TextEditor | undefined): void {
        if (editor?.document.languageId !== 'warrant') {
            return;
        }
        const documentPanels = [...this.panels].filter(panel => panel.scope.kind === 'document');
        if (documentPanels.length === 1 && !documentPanels[0].showsDocument(editor.document.uri)) {
            documentPanels[0].follow({ kind: 'document', uri: editor.document.uri });
        }
    }

    dispose(): void {
        clearTimeout(this.refreshTimer);
        this.panels.forEach(panel => panel.dispose());
        this.disposables.forEach(d => d.dispose());
    }
}

function sameScope(a: PreviewScope, b: PreviewScope): boolean {
    return a.kind === b.kind && (a.kind === 'workspace' || a.uri.toString() === (b as { uri: vscode.Uri }).uri.toString());
}
