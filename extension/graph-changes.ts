import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { GraphChangedNotification, type GraphChangedParams } from '../language/protocol.js';

/**
 * The server's `warrant/graphChanged`, for every view of the argument (maps, evidence tree): a
 * language client keeps one handler per notification, so the views listen here, not to it.
 */
export class GraphChanges implements vscode.Disposable {
    private readonly emitter = new vscode.EventEmitter<GraphChangedParams>();
    readonly onDidChange = this.emitter.event;

    /** Called for each client started (a trusted workspace starts a new one). */
    listenTo(client: LanguageClient): vscode.Disposable {
        return client.onNotification(GraphChangedNotification.method, (params: GraphChangedParams) => this.emitter.fire(params));
    }

    dispose(): void {
        this.emitter.dispose();
    }
}
