/**
 * The maps of ` ```warrant-map ` fences for VS Code's Markdown preview, drawn in the extension
 * host. markdown-it renders synchronously and the preview's scripts cannot reach the extension,
 * so a fence seen for the first time renders as "Drawing…" while the model is fetched from the
 * server and drawn; when the picture is ready the preview is refreshed and finds it here. When
 * the argument changes the most recently shown maps are drawn anew in the background (the old
 * picture stays until then) and the preview is refreshed if a picture differs; older ones are
 * drawn anew when a render asks for them again. No `vscode` import: the wiring is in
 * markdown-preview.ts, so tests drive this with the real renderer.
 */
import type { GraphModel } from '../../language/graph/graph-model.js';
import type { MapRequest, MapResult, MapSource } from './markdown-it-plugin.js';
import type { FenceMap, FenceMapRequest } from './render-fence-map.js';

export interface PreviewMapsHost {
    /** The model of the workspace, or of one document: the server's `warrant/graph`. */
    fetchModel(documentUri: string | undefined): Promise<GraphModel>;
    draw(model: GraphModel, request: FenceMapRequest): Promise<FenceMap>;
    /** Renders the open Markdown previews again (`markdown.preview.refresh`). */
    refresh(): void;
}

interface Entry { request: MapRequest; result: MapResult; idPrefix: string; stale?: boolean }

const PENDING: MapResult = { pending: true };
/** Fences whose options were edited leave entries behind: keep the most recently used only. */
export const MAX_MAPS = 64;
/** How many of the most recently shown maps a change redraws at once (layouts cost up to a second each). */
export const REDRAWN_ON_CHANGE = 8;

export class PreviewMaps implements MapSource {
    private readonly entries = new Map<string, Entry>();
    private generation = 0;
    private prefixes = 0;
    private models = new Map<string, Promise<GraphModel>>();
    private refreshTimer: ReturnType<typeof setTimeout> | undefined;
    private drawing = new Set<Promise<void>>();

    /** `refreshDelayMs`: pictures finished within it refresh the preview once. */
    constructor(private readonly host: PreviewMapsHost, private readonly refreshDelayMs = 50) {}

    map(request: MapRequest): MapResult {
        const key = JSON.stringify([request.documentUri ?? '', request.focus ?? null]);
        const known = this.entries.get(key);
        if (known) {
            this.entries.delete(key);
            this.entries.set(key, known);
            if (known.stale) {
                known.stale = false;
                this.start(key, known);
            }
            return known.result;
        }
        const entry: Entry = { request, result: PENDING, idPrefix: `wm${++this.prefixes}` };
        this.entries.set(key, entry);
        for (const stale of [...this.entries.keys()].slice(0, Math.max(0, this.entries.size - MAX_MAPS))) {
            this.entries.delete(stale);
        }
        this.start(key, entry);
        return PENDING;
    }

    /** The argument changed: draw the recent maps again now, the others when asked for. */
    argumentChanged(): void {
        this.generation++;
        this.models = new Map();
        const keys = [...this.entries.keys()];
        keys.forEach((key, index) => {
            const entry = this.entries.get(key)!;
            entry.stale = index < keys.length - REDRAWN_ON_CHANGE;
            if (!entry.stale) this.start(key, entry);
        });
    }

    /** Resolves when every drawing started so far has finished (tests, disposal). */
    async settled(): Promise<void> {
        while (this.drawing.size > 0) await Promise.all([...this.drawing]);
    }

    private start(key: string, entry: Entry): void {
        const drawing = this.draw(key, entry, this.generation).finally(() => this.drawing.delete(drawing));
        this.drawing.add(drawing);
    }

    private async draw(key: string, entry: Entry, generation: number): Promise<void> {
        let result: MapResult;
        const models = this.models;
        try {
            const drawn = await this.host.draw(await this.model(entry.request.documentUri), { focus: entry.request.focus, idPrefix: entry.idPrefix });
            result = 'svg' in drawn ? drawn : { problem: drawn.problem };
        } catch {
            // The server is restarting: the map stays as it is, and the change that follows the
            // new server's first build draws it again (from this generation's requests: a newer
            // generation's are left alone).
            models.delete(entry.request.documentUri ?? '');
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
            model = this.host.fetchModel(documentUri);
            this.models.set(key, model);
        }
        return model;
    }

    private scheduleRefresh(): void {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => this.host.refresh(), this.refreshDelayMs);
    }

    dispose(): void {
        clearTimeout(this.refreshTimer);
        this.entries.clear();
    }
}
