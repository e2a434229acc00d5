import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { fromBase64 } from '../../language/workspace/base64.js';
import { isExportChoice } from '../../language/graph/export/formats.js';
import type { GraphModel } from '../../language/graph/graph-model.js';
import { GraphRequest } from '../../language/protocol.js';
import { revealDeclaration } from '../declarations.js';
import { exportPanelMap } from '../export/export-map.js';
import { previewHtml } from './preview-html.js';
import { scopeTitle, type PreviewScope } from './preview-scope.js';
import type { ExtensionToWebview, WebviewToExtension } from './webview/messages.js';

export const PREVIEW_VIEW_TYPE = 'warrant.preview';

/**
 * One map panel: asks the language server for the graph model of its scope, sends it to the
 * webview, and turns webview clicks into editor reveals. Refreshes are serialised so a slow
 * request never overwrites a newer model.
 */
export class PreviewPanel implements vscode.Disposable {
    private version = 0;
    private ready = false;
    private model: GraphModel | undefined;
    /** A graph request is on its way: `ready` need not send another. */
    private refreshing = false;
    private pendingHighlight: string | null = null;
    private exportCounter = 0;
    private readonly pendingExports = new Map<number, (data: Uint8Array | undefined) => void>();
    private readonly disposables: vscode.Disposable[] = [];
    private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
    readonly onDidDispose = this.onDisposeEmitter.event;

    constructor(
        readonly panel: vscode.WebviewPanel,
        public scope: PreviewScope,
        private readonly client: () => LanguageClient | undefined,
        private readonly extensionUri: vscode.Uri
    ) {
        panel.title = scopeTitle(scope);
        panel.iconPath = vscode.Uri.joinPath(extensionUri, 'images', 'icon.png');
        panel.webview.html = previewHtml(panel.webview, extensionUri);
        this.disposables.push(
            panel.webview.onDidReceiveMessage((message: WebviewToExtension) => this.onMessage(message)),
            panel.onDidDispose(() => this.dispose())
        );
    }

    /** The current model (for exports). */
    get currentModel(): GraphModel | undefined {
        return this.model;
    }

    showsDocument(uri: vscode.Uri): boolean {
        return this.scope.kind === 'workspace' || this.scope.uri.toString() === uri.toString();
    }

    /**
     * Whether a change of these documents may change this map: the workspace map shows every
     * document; a document's map shows its own elements and the evidence they rest on, which
     * may be declared in other documents (the nodes of its model name them).
     */
    mayShowAny(uris: ReadonlySet<string>): boolean {
        if (this.scope.kind === 'workspace' || uris.has(this.scope.uri.toString()) || !this.model) {
            return true;
        }
        return this.model.nodes.some(node => node.uri !== undefined && uris.has(node.uri));
    }

    follow(scope: PreviewScope): void {
        this.scope = scope;
        this.panel.title = scopeTitle(scope);
        void this.refresh();
    }

    async refresh(): Promise<void> {
        const version = ++this.version;
        let model: GraphModel;
        this.refreshing = true;
        try {
            const client = this.client();
            if (!client) {
                return;
            }
            model = await client.sendRequest(GraphRequest.method, { uri: this.scope.kind === 'document' ? this.scope.uri.toString() : undefined });
        } catch {
            return; // the server is restarting or the request was cancelled; the next change refreshes
        } finally {
            if (version === this.version) {
                this.refreshing = false;
            }
        }
        if (version !== this.version) {
            return; // a newer refresh started meanwhile
        }
        this.model = model;
        if (this.ready) {
            this.post({ type: 'model', model, version, uri: this.scope.kind === 'document' ? this.scope.uri.toString() : undefined });
        }
    }

    highlight(id: string | null): void {
        if (id === this.pendingHighlight) {
            return; // the cursor moved within the same element
        }
        this.pendingHighlight = id;
        if (this.ready) {
            this.post({ type: 'highlight', id });
        }
    }

    focus(id: string | null): void {
        this.post({ type: 'focus', id });
        this.panel.reveal(undefined, true);
    }

    /**
     * The picture exactly as the webview drew it (SVG text, or PNG rasterised by the webview),
     * so an exported map equals the preview. Undefined if the webview does not answer in time.
     */
    exportPicture(format: 'svg' | 'png'): Promise<Uint8Array | undefined> {
        if (!this.ready) {
            return Promise.resolve(undefined);
        }
        const requestId = ++this.exportCounter;
        return new Promise(resolve => {
            const timer = setTimeout(() => settle(undefined), 15000);
            const settle = (data: Uint8Array | undefined) => {
                clearTimeout(timer);
                this.pendingExports.delete(requestId);
                resolve(data);
            };
            this.pendingExports.set(requestId, settle);
            this.post({ type: 'export', format, requestId });
        });
    }

    private post(message: ExtensionToWebview): void {
        void this.panel.webview.postMessage(message);
    }

    private onMessage(message: WebviewToExtension): void {
        switch (message.type) {
            case 'ready':
                this.ready = true;
                if (this.model) {
                    this.post({ type: 'model', model: this.model, version: this.version, uri: this.scope.kind === 'document' ? this.scope.uri.toString() : undefined });
                    this.post({ type: 'highlight', id: this.pendingHighlight });
                } else if (!this.refreshing) {
                    void this.refresh();
                }
                break;
            case 'reveal':
                // Only the id is taken from the webview: what it opens comes from the model the
                // extension holds, never from a URI the page could have made up.
                void this.reveal(message.id);
                break;
            case 'exportRequest':
                if (isExportChoice(message.format)) {
                    void exportPanelMap(this, this.extensionUri, message.format);
                }
                break;
            case 'exported': {
                let data: Uint8Array | undefined;
                try {
                    data = message.data === undefined ? undefined
                        : message.format === 'svg' ? new TextEncoder().encode(message.data) : fromBase64(message.data);
                } catch {
                    data = undefined; // not base64: no picture
                }
                this.pendingExports.get(message.requestId)?.(data);
                break;
            }
        }
    }

    private async reveal(id: string): Promise<void> {
        // Beside the preview, never in its column: the map stays in view.
        const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
        await revealDeclaration(this.model?.nodes.find(n => n.id === id), column);
    }

    dispose(): void {
        this.pendingExports.forEach(settle => settle(undefined));
        this.onDisposeEmitter.fire();
        this.disposables.forEach(d => d.dispose());
        this.onDisposeEmitter.dispose();
        this.panel.dispose();
    }
}
