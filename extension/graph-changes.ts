import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { GraphChangedNotification, type GraphChangedParams } from '../language/protocol.js';

/**
 * The server's `warrant/graphChanged`, for every view of the argument (maps, evidence tree): a
 * language client keeps one handler per notification, so the views listen here, not to it.
 */
export class GraphChanges implements vscode.Disposable {
    private readonly emitter = new vscode.EventEmitter<GraphChangedParams>();
    private readonly settledEmitter = new vscode.EventEmitter<void>();
    private settleTimer: ReturnType<typeof setTimeout> | undefined;
    /** Each notification, with the documents it names (views that redraw only what it touches). */
    readonly onDidChange = this.emitter.event;
    /**
     * Once the notifications have paused for `warrant.preview.updateDelay` ms (the server sends
     * one per build while the user types): for views that redraw all they show.
     */
    readonly onDidSettle = this.settledEmitter.event;

    /** Called for each client started (a trusted workspace starts a new one). */
    listenTo(client: LanguageClient): vscode.Disposable {
        return client.onNotification(GraphChangedNotification.method, (params: GraphChangedParams) => {
            this.emitter.fire(params);
            clearTimeout(this.settleTimer);
            this.settleTimer = setTimeout(() => this.settledEmitter.fire(), updateDelay());
        });
    }

    dispose(): void {
        clearTimeout(this.settleTimer);
        this.emitter.dispose();
        this.settledEmitter.dispose();
    }
}

/** How long the views wait for the server's notifications to pause before redrawing (ms). */
export function updateDelay(): number {
    return vscode.workspace.getConfiguration('warrant').get<number>('preview.updateDelay', 300);
}
