import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { GraphModel } from '../../language/graph/graph-model.js';
import { GraphRequest } from '../../language/protocol.js';
import { platform } from '../platform.js';
import { PreviewMaps } from './preview-maps.js';

/**
 * The maps of VS Code's Markdown preview, wired to the language server (models), the map
 * writers' bundle (drawing, loaded on the first map) and the preview's refresh command.
 */
export function markdownPreviewMaps(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, onArgumentChange: vscode.Event<void>): PreviewMaps {
    const maps = new PreviewMaps({
        fetchModel: async documentUri => {
            const current = client();
            if (!current) throw new Error('the Warrant language server is not running');
            return current.sendRequest(GraphRequest.method, { uri: documentUri }) as Promise<GraphModel>;
        },
        draw: async (model, request) => (await platform().loadWriters(context.extensionUri)).renderFenceMap(model, request),
        refresh: () => void vscode.commands.executeCommand('markdown.preview.refresh')
    });
    context.subscriptions.push(maps, onArgumentChange(() => maps.argumentChanged()));
    return maps;
}
