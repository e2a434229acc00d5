import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { registerCommands } from './commands.js';
import { startLanguageClient, watchWarrantFiles } from './language-client.js';
import { EvidenceTree } from './evidence-tree/evidence-tree.js';
import { GraphChanges } from './graph-changes.js';
import { PreviewManager } from './preview/preview-manager.js';
import { setPlatform, type Platform } from './platform.js';
import { warrantMarkdownIt, type MarkdownItLike } from './markdown/markdown-it-plugin.js';
import { markdownPreviewMaps } from './markdown/markdown-preview.js';
import { registerQdaSources } from './qda-sources.js';

let client: LanguageClient | undefined;

/** What the extension exposes to other extensions (and its tests). */
export interface WarrantExtensionApi {
    /**
     * Milliseconds `activate` took: VS Code's "activate call" time. The host measures the code
     * loading before it (the bundle's require); together they are the activation time that
     * "Developer: Show Running Extensions" shows.
     */
    activateCallMs: number;
    /** The Explorer's evidence tree (its view and model), for tests. */
    evidenceTree: EvidenceTree;
    /** VS Code's Markdown preview calls it (`markdown.markdownItPlugins`) with its markdown-it. */
    extendMarkdownIt<T extends MarkdownItLike>(md: T): T;
}

/** The activation of both entry points (extension/main.ts, extension/web-main.ts), on their platform. */
export function activateOn(platform: Platform, context: vscode.ExtensionContext): WarrantExtensionApi {
    const started = performance.now();
    setPlatform(platform);
    const fileEvents = watchWarrantFiles(context);
    const graphChanges = new GraphChanges();
    let notifications: vscode.Disposable | undefined;
    /** A client for the current trust, its notifications feeding the views (the previous one's no longer). */
    const start = () => {
        client = startLanguageClient(context, fileEvents);
        notifications?.dispose();
        notifications = graphChanges.listenTo(client);
    };
    start();
    const previews = new PreviewManager(() => client, context.extensionUri);
    const evidenceTree = new EvidenceTree(() => client);
    context.subscriptions.push(graphChanges, { dispose: () => notifications?.dispose() }, previews, previews.listenTo(graphChanges.onDidChange),
        evidenceTree, evidenceTree.listenTo(graphChanges.onDidSettle));
    const markdownMaps = markdownPreviewMaps(context, () => client, graphChanges.onDidSettle);
    registerCommands(context, previews, () => client);
    context.subscriptions.push(registerQdaSources(() => client));
    context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(async () => {
        // Trust lets the server read bibliographies and transcripts: start it again with it.
        await client?.stop();
        start();
        void evidenceTree.refresh();
    }));
    return { activateCallMs: performance.now() - started, evidenceTree, extendMarkdownIt: md => warrantMarkdownIt(md, markdownMaps) };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
