/**
 * The maps of ` ```warrant-map ` fences for VS Code's Markdown preview, drawn in the extension
 * host. markdown-it renders synchronously and the preview's scripts cannot reach the extension,
 * so a fence seen for the first time renders as "Drawing…" while the model is fetched from the
 * server and drawn; when the picture is ready the preview is refreshed and finds it here. When
 * the argument changes (`warrant/graphChanged`) every map shown is drawn anew in the background
 * (the old picture stays until then) and the preview refreshed once the pictures differ.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { GraphModel } from '../../language/graph/graph-model.js';
import { GraphRequest } from '../../language/protocol.js';
import { loadWriters } from '../export/load-writers.js';
import type { MapRequest, MapResult, MapSource } from './markdown-it-plugin.js';

interface Entry { request: MapRequest; result: MapResult; idPrefix: string }

const PENDING: MapResult = { pending: true };
/** Fences whose option text changed leave entries behind: keep the most recent ones only. */
const MAX_ENTRIES = 64;
const REFRESH_DELAY_MS = 50;

export class PreviewMaps implements MapSource, vscode.Disposable {
    private readonly entries = new Map<string, Entry>();
    private generation = 0;
    private prefixes = 0;
    private models = new Map<string, Promise<GraphModel>>();
    private refreshTimer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly client: () => LanguageClient | undefined, private readonly extensionUri: vscode.Uri) {}

    map(request: MapRequest): MapResult {
        const key = JSON.stringify([request.documentUri ?? '', request.focus ?? null]);
        const known = this.entries.get(key);
        if (known) {
            // most recently used last, so eviction drops the stalest
            this.entries.delete(key);
            this.entries.set(key, known);
            return known.result;
        }
        const entry: Entry = { request, result: PENDING, idPrefix: `wm${++this.prefixes}` };
        this.entries.set(key, entry);
        for (const stale of [...this.entries.keys()].slice(0, Math.max(0, this.entries.size - MAX_ENTRIES))) {
            this.entries.delete(stale);
        }
        void this.draw(key, entry, this.generation);
        return PENDING;
    }

    /** The argument changed: draw again every map the preview shows. */
    listenTo(onDidChange: vscode.Event<unknown>): vscode.Disposable {
        return onDidChange(() => {
            this.generation++;
            this.models = new Map();
            for (const [key, entry] of this.entries) void this.draw(key, entry, this.generation);
        });
    }

    private async draw(key: string, entry: Entry, generation: number): Promise<void> {
        let result: MapResult;
        try {
            const model = await this.model(entry.request.documentUri);
            const drawn = await loadWriters(this.extensionUri).renderFenceMap(model, { focus: entry.request.focus, idPrefix: entry.idPrefix });
            result = 'svg' in drawn ? drawn : { problem: drawn.problem };
        } catch {
            // The server is restarting: the map stays as it is, and the graphChanged that follows
            // the new server's first build draws it again.
            this.models.delete(entry.request.documentUri ?? '');
            return;
        }
        if (generation !== this.generation || this.entries.get(key) !== entry) return; // a newer drawing is on its way
        const changed = JSON.stringify(result) !== JSON.stringify(entry.result);
        entry.result = result;
        if (changed) this.scheduleRefresh();
    }

    private model(documentUri: string | undefined): Promise<GraphModel> {
        const key = documentUri ?? '';
        let model = this.models.get(key);
        if (!model) {
            const client = this.client();
            model = client ? client.sendRequest(GraphRequest.method, { uri: documentUri }) as Promise<GraphModel> : Promise.reject(new Error('no language client'));
            this.models.set(key, model);
        }
        return model;
    }

    private scheduleRefresh(): void {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void vscode.commands.executeCommand('markdown.preview.refresh'), REFRESH_DELAY_MS);
    }

    dispose(): void {
        clearTimeout(this.refreshTimer);
        this.entries.clear();
    }
}
