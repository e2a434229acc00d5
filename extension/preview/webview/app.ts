/**
 * The map viewer: renders the model with the shared layout + renderer, and adds search,
 * filters, focus mode, zoom/pan/fit, tooltips, selection and state persistence. The same code
 * runs in the VS Code webview and in exported HTML pages (see main.ts for the host).
 */
import { NODE_KINDS, NODE_STATUSES, type NodeKind, type NodeStatus } from '../../../language/analysis/vocabulary.js';
import type { GraphModel, GraphNode } from '../../../language/graph/graph-model.js';
import { layoutGraph, type PositionedGraph, type PositionedNode } from '../../../language/graph/layout.js';
import { matchesText, normalizeModel, subModel, supportTree } from '../../../language/graph/model-utils.js';
import { renderLegendTree, renderSvg, renderSvgTree } from '../../../language/graph/render-svg.js';
import { neutralize } from '../../../language/graph/escape.js';
import { detailLevel, READABLE_SCALE, type DetailLevel } from '../../../language/graph/level-of-detail.js';
import { h, SVG_NS, toDom } from './dom.js';
import { GroupTexts } from './group-texts.js';
import { exportMenu } from './export-menu.js';
import { KeyboardNavigation } from './keyboard-navigation.js';
import { Minimap } from './minimap.js';
import { INITIAL_STATE, type ExtensionToWebview, type PictureFormat, type View, type WebviewState, type WebviewToExtension } from './messages.js';

interface Box { x: number; y: number; width: number; height: number }

export interface Host {
    postMessage(message: WebviewToExtension): void;
    getState(): unknown;
    setState(state: WebviewState): void;
    /** True outside VS Code (exported page): clicks select instead of revealing. */
    standalone: boolean;
}

const MIN_SCALE = 0.02, MAX_SCALE = 4;
const MAX_PNG_SIDE = 8192, MAX_PNG_AREA = 40_000_000;
/** Theme values resolved from the live map and baked into exported pictures. */
const THEME_VARIABLES = ['--t-bg', '--t-fg', '--t-muted', '--t-edge', '--t-focus', '--t-claim', '--t-pattern', '--t-datum', '--t-stat', '--t-source',
    '--t-scheme', '--t-ungrounded', '--t-contested', '--t-contradicted', '--t-circular', '--t-opposes', '--t-match', '--t-font', '--w-tint'];
const MODEL_DEBOUNCE_MS = 120;
const KIND_LABELS: Record<NodeKind, string> = { claim: 'claims', pattern: 'patterns', datum: 'data', stat: 'stats', source: 'sources', scheme: 'schemes' };

interface Drawn {
    layout: PositionedGraph;
    /** Positioned nodes by id: tooltips and scrolling look nodes up on every pointer move. */
    positioned: Map<string, PositionedNode>;
    nodes: Map<string, SVGGElement>;
    edges: { el: SVGGElement; from: string; to: string }[];
    groupTexts: GroupTexts;
}

export class App {
    private state: WebviewState;
    private model: GraphModel | null = null;
    private version = -Infinity;
    private drawn: Drawn | null = null;
    private selected: string | null = null;
    private generation = 0;
    private layoutTimer: ReturnType<typeof setTimeout> | undefined;
    private saveTimer: ReturnType<typeof setTimeout> | undefined;
    private searchTimer: ReturnType<typeof setTimeout> | undefined;
    private matches: string[] = [];
    private matchIndex = -1;
    private fitOnNextDraw = false;
    private level: DetailLevel | undefined;

    // DOM
    private readonly svg: SVGSVGElement;
    private readonly viewport: SVGGElement;
    private readonly defs: SVGDefsElement;
    private readonly canvas: HTMLDivElement;
    private readonly tooltip: HTMLDivElement;
    private readonly searchInput: HTMLInputElement;
    private readonly count: HTMLSpanElement;
    private readonly kindGroup: HTMLSpanElement;
    private readonly statusGroup: HTMLSpanElement;
    private readonly banner: HTMLDivElement;
    private readonly bannerText: HTMLSpanElement;
    private readonly statusBar: HTMLDivElement;
    /** Why the map is not drawn the usual way, shown in the status bar. */
    private layoutNote: string | undefined;
    private readonly empty: HTMLDivElement;
    private readonly legend: HTMLDivElement;
    private readonly minimap: Minimap;
    private readonly navigation: KeyboardNavigation;

    constructor(private readonly root: HTMLElement, private readonly host: Host) {
        this.state = { ...INITIAL_STATE };
        root.textContent = '';
        root.className = 'w-app-root';

        this.searchInput = h('input', { class: 'w-search', attrs: { type: 'search', placeholder: 'Search id, text, detail…', 'aria-label': 'Search the map', spellcheck: 'false' } });
        this.count = h('span', { class: 'w-count', attrs: { 'aria-live': 'polite' } });
        this.kindGroup = h('span', { class: 'w-group', attrs: { role: 'group', 'aria-label': 'Show kinds' } });
        this.statusGroup = h('span', { class: 'w-group', attrs: { role: 'group', 'aria-label': 'Show statuses' } });
        const button = (text: string, title: string, action: () => void, cls = '') => {
            const b = h('button', { class: `w-button ${cls}`.trim(), text, attrs: { type: 'button', title, 'aria-label': title } });
            b.addEventListener('click', action);
            return b;
        };
        this.canvas = h('div', { class: 'w-canvas' });
        this.minimap = new Minimap(this.canvas, (x, y) => { const v = this.currentView(), r = this.canvas.getBoundingClientRect(); this.setView({ scale: v.scale, x: r.width / 2 - x * v.scale, y: r.height / 2 - y * v.scale }); });
        const toolbar = h('div', { class: 'w-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Map tools' } }, [
            this.searchInput, this.count,
            h('span', { class: 'w-group-label', text: 'Kinds' }), this.kindGroup,
            h('span', { class: 'w-group-label', text: 'Status' }), this.statusGroup,
            h('span', { class: 'w-spacer' }),
            button('−', 'Zoom out', () => this.zoomBy(1 / 1.25), 'w-zoom-out'),
            button('+', 'Zoom in', () => this.zoomBy(1.25), 'w-zoom-in'),
            button('Fit', 'Fit the map to the window', () => this.resetView(), 'w-fit'),
            button('Legend', 'Show or hide the legend', () => { this.legend.hidden = !this.legend.hidden; }, 'w-legend-toggle'),
            this.minimap.button,
            // An exported page has no editor to write files: only the preview offers exports.
            ...(host.standalone ? [] : [exportMenu(format => this.host.postMessage({ type: 'exportRequest', format }))])
        ]);
        this.bannerText = h('span');
        this.banner = h('div', { class: 'w-banner', attrs: { role: 'status' } }, [this.bannerText, button('Show whole map', 'Leave focus mode', () => this.setFocus(null), 'w-focus-clear')]);
        this.banner.hidden = true;

        this.svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
        this.svg.setAttribute('class', 'warrant-map');
        this.svg.setAttribute('role', 'application');
        this.svg.setAttribute('aria-label', 'Argument map');
        this.defs = document.createElementNS(SVG_NS, 'defs') as SVGDefsElement;
        this.viewport = document.createElementNS(SVG_NS, 'g') as SVGGElement;
        this.viewport.setAttribute('class', 'w-viewport');
        this.svg.append(this.defs, this.viewport);
        this.empty = h('div', { class: 'w-empty', text: 'Waiting for the argument map…' });
        this.legend = h('div', { class: 'w-legend', attrs: { 'aria-label': 'Legend' } }, [toDom(renderLegendTree('wl'))]);
        this.legend.hidden = true;
        this.canvas.append(this.svg, this.empty, this.legend, this.minimap.element);
        this.tooltip = h('div', { class: 'w-tooltip', attrs: { role: 'tooltip' } });
        this.tooltip.hidden = true;
        this.statusBar = h('div', { class: 'w-status-bar', attrs: { 'aria-live': 'polite' } });
        root.append(h('div', { class: 'w-app' }, [toolbar, this.banner, this.canvas, this.statusBar]), this.tooltip);
        this.navigation = new KeyboardNavigation(this.svg, this.statusBar, id => this.select(id, { reveal: false, scroll: true, center: this.currentView().scale < READABLE_SCALE }));

        this.bindEvents();
        this.restore(host.getState());
    }

    // ── messages ────────────────────────────────────────────────────────────

    receive(message: ExtensionToWebview): void {
        switch (message.type) {
            case 'model':
                if (message.version < this.version) return; // stale
                this.version = message.version;
                this.model = normalizeModel(message.model);
                if (message.uri !== undefined && message.uri !== this.state.uri) {
                    this.state.uri = message.uri;
                    this.saveState();
                }
                this.renderChips();
                this.scheduleLayout(this.drawn ? MODEL_DEBOUNCE_MS : 0);
                break;
            case 'highlight':
                this.select(message.id, { reveal: false, scroll: true });
                break;
            case 'focus':
                this.setFocus(message.id);
                break;
            case 'export': {
                const { format, requestId } = message;
                this.exportPicture(format).then(
                    data => this.host.postMessage({ type: 'exported', format, requestId, data }),
                    (error: unknown) => this.host.postMessage({ type: 'exported', format, requestId, error: error instanceof Error ? error.message : String(error) }));
                break;
            }
        }
    }

    // ── export of the picture as shown ──────────────────────────────────────

    /** The map as drawn (focus, filters) as a standalone SVG with the current theme's colours. */
    pictureSvg(): string {
        if (!this.drawn || this.drawn.layout.nodes.length === 0) throw new Error('nothing is drawn yet');
        const computed = getComputedStyle(this.svg);
        const themed = THEME_VARIABLES
            .map(name => [name, computed.getPropertyValue(name).trim()] as const)
            .filter(([, value]) => /^[#\w\s(),.%+"'-]+$/.test(value))
            .map(([name, value]) => `${name}: ${value};`).join(' ');
        const title = this.state.focus ? `Support tree of ${this.state.focus}` : undefined;
        return renderSvg(this.drawn.layout, { embedStyle: true, extraStyle: themed ? `\n.warrant-map { ${themed} }\n` : '', title });
    }

    async exportPicture(format: PictureFormat): Promise<string> {
        const svg = this.pictureSvg();
        if (format === 'svg') return svg;
        const size = /<svg[^>]*\swidth="([\d.]+)" height="([\d.]+)"/.exec(svg);
        const width = Number(size?.[1] ?? 800), height = Number(size?.[2] ?? 600);
        const scale = Math.min(2, MAX_PNG_SIDE / width, MAX_PNG_SIDE / height, Math.sqrt(MAX_PNG_AREA / (width * height)));
        const image = new Image();
        image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(width * scale));
        canvas.height = Math.max(1, Math.round(height * scale));
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2D canvas');
        context.scale(scale, scale);
        context.drawImage(image, 0, 0, width, height);
        return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
    }

    // ── state ───────────────────────────────────────────────────────────────

    private restore(saved: unknown): void {
        const s = saved as WebviewState | undefined;
        if (s && typeof s === 'object') this.state = { ...INITIAL_STATE, ...s };
        this.searchInput.value = this.state.search;
    }

    private saveState(): void {
        clearTimeout(this.saveTimer);
        this.saveTimer = setTimeout(() => {
            const state: WebviewState = { ...this.state, hiddenKinds: [...this.state.hiddenKinds], hiddenStatuses: [...this.state.hiddenStatuses] };
            this.host.setState(state);
        }, 150);
    }

    /** The current state (tests, measurement). */
    getState(): WebviewState {
        return this.state;
    }

    // ── layout and drawing ──────────────────────────────────────────────────

    private scheduleLayout(delay: number): void {
        clearTimeout(this.layoutTimer);
        this.layoutTimer = setTimeout(() => { void this.runLayout(); }, delay);
    }

    /** What is laid out: the focus's support tree, without the kinds and statuses filtered out. */
    private visibleModel(): GraphModel {
        const model = this.model!;
        const focus = this.state.focus;
        const tree = focus && model.nodes.some(n => n.id === focus) ? supportTree(model, focus) : undefined;
        const hiddenKinds = new Set(this.state.hiddenKinds), hiddenStatuses = new Set(this.state.hiddenStatuses);
        if (!tree && hiddenKinds.size === 0 && hiddenStatuses.size === 0) return model;
        return subModel(model, n => (!tree || tree.has(n.id)) && !hiddenKinds.has(n.kind) && !hiddenStatuses.has(n.status));
    }

    private async runLayout(): Promise<void> {
        if (!this.model) return;
        const generation = ++this.generation;
        const started = performance.now();
        const model = this.visibleModel();
        const reason = (error: unknown) => error instanceof Error ? error.message : String(error);
        let layout: PositionedGraph;
        try {
            layout = await layoutGraph(model);
            this.layoutNote = undefined;
        } catch (error) {
            // ELK runs in a worker (elk-worker.ts); when it cannot, the built-in layout still draws the map.
            try {
                layout = await layoutGraph(model, { engine: 'fast' });
                this.layoutNote = `ELK unavailable (${reason(error)}): drawn with the fast layout`;
            } catch (fallbackError) {
                this.statusBar.textContent = `Layout failed: ${reason(fallbackError)}`;
                return;
            }
        }
        if (generation !== this.generation) return; // a newer model or focus arrived meanwhile
        const laidOut = performance.now();
        this.draw(layout);
        const done = performance.now();
        this.root.setAttribute('data-layout-ms', String(Math.round(laidOut - started)));
        this.root.setAttribute('data-render-ms', String(Math.round(done - laidOut)));
        this.root.setAttribute('data-version', String(this.version));
        window.dispatchEvent(new CustomEvent('warrant:rendered', { detail: { layoutMs: laidOut - started, renderMs: done - laidOut, nodes: layout.nodes.length, edges: layout.edges.length, engine: layout.engine, overview: layout.overview } }));
    }

    private draw(layout: PositionedGraph): void {
        const tree = renderSvgTree(layout, { titles: false, interactive: true, idPrefix: 'wm', margin: 24 });
        const parts = (tree.children ?? []).filter(p => typeof p !== 'string');
        const layer = (cls: string): SVGGElement => {
            const part = parts.find(p => p.tag === 'g' && p.attrs.class === cls);
            return (part ? toDom(part) : document.createElementNS(SVG_NS, 'g')) as SVGGElement;
        };
        const defs = parts.find(p => p.tag === 'defs');
        this.defs.replaceChildren(...(defs?.children ?? []).map(c => typeof c === 'string' ? document.createTextNode(c) : toDom(c)));
        const groupsEl = layer('w-groups'), edgesEl = layer('w-edges'), bundlesEl = layer('w-bundles'), nodesEl = layer('w-nodes'), labelsEl = layer('w-group-captions');
        this.viewport.replaceChildren(groupsEl, edgesEl, bundlesEl, nodesEl, labelsEl);
        this.svg.setAttribute('data-engine', layout.engine);
        this.svg.removeAttribute('data-scale'); // new texts: the next transform sizes them

        const nodeMap = new Map<string, SVGGElement>();
        for (const g of Array.from(nodesEl.children)) {
            const id = g.getAttribute('data-id');
            if (id !== null) nodeMap.set(id, g as SVGGElement);
        }
        const edgeList = Array.from(edgesEl.children).map(g => ({ el: g as SVGGElement, from: g.getAttribute('data-from') ?? '', to: g.getAttribute('data-to') ?? '' }));
        const first = this.drawn === null;
        this.drawn = { layout, positioned: new Map(layout.nodes.map(p => [p.node.id, p])), nodes: nodeMap, edges: edgeList, groupTexts: new GroupTexts(layout.groups, groupsEl, labelsEl) };
        this.level = undefined;
        this.empty.hidden = layout.nodes.length > 0;
        if (layout.nodes.length === 0) this.empty.textContent = this.model && this.model.nodes.length > 0 ? 'Nothing to show with these filters.' : 'No claims yet: declare a claim to see the map.';

        this.applySearch(false);
        this.minimap.draw(layout, this.fitView().scale < READABLE_SCALE);
        this.navigation.attach(layout, nodeMap, this.selected);
        if (this.selected && nodeMap.has(this.selected)) nodeMap.get(this.selected)!.classList.add('w-highlight');
        if (!this.state.view || this.fitOnNextDraw || (first && !this.state.view)) {
            this.fitOnNextDraw = false;
            this.fit();
        } else {
            this.applyView();
        }
        this.updateBanner();
        this.updateStatusBar();
    }

    // ── filters, search, focus, selection ───────────────────────────────────

    private renderChips(): void {
        const nodes = this.model?.nodes ?? [];
        const chip = (label: string, count: number, pressed: boolean, toggle: () => void, cls: string) => {
            const b = h('button', { class: `w-chip ${cls}`, attrs: { type: 'button', 'aria-pressed': String(pressed), title: `${pressed ? 'Hide' : 'Show'} ${label}` } }, [
                document.createTextNode(label), h('span', { class: 'w-chip-count', text: String(count) })
            ]);
            b.addEventListener('click', toggle);
            return b;
        };
        this.kindGroup.replaceChildren(...NODE_KINDS.filter(k => nodes.some(n => n.kind === k)).map(kind =>
            chip(KIND_LABELS[kind], nodes.filter(n => n.kind === kind).length, !this.state.hiddenKinds.includes(kind), () => this.toggleKind(kind), `w-chip-kind w-chip-${kind}`)));
        this.statusGroup.replaceChildren(...NODE_STATUSES.filter(s => nodes.some(n => n.status === s)).map(status =>
            chip(status, nodes.filter(n => n.status === status).length, !this.state.hiddenStatuses.includes(status), () => this.toggleStatus(status), `w-chip-status w-chip-${status}`)));
    }

    private toggleKind(kind: NodeKind): void {
        const hidden = new Set(this.state.hiddenKinds);
        if (hidden.has(kind)) hidden.delete(kind); else hidden.add(kind);
        this.state.hiddenKinds = NODE_KINDS.filter(k => hidden.has(k));
        this.afterFilterChange();
    }

    private toggleStatus(status: NodeStatus): void {
        const hidden = new Set(this.state.hiddenStatuses);
        if (hidden.has(status)) hidden.delete(status); else hidden.add(status);
        this.state.hiddenStatuses = NODE_STATUSES.filter(s => hidden.has(s));
        this.afterFilterChange();
    }

    /** What is left after a filter change is laid out anew and fitted, so it does not stay scattered where it was. */
    private afterFilterChange(): void {
        this.renderChips();
        this.state.view = undefined;
        this.fitOnNextDraw = true;
        this.saveState();
        this.scheduleLayout(0);
    }

    private applySearch(jump: boolean): void {
        if (!this.drawn) return;
        const query = this.state.search.trim();
        const matches = new Set<string>();
        if (query) for (const p of this.drawn.layout.nodes) if (matchesText(p.node, query)) matches.add(p.node.id);
        for (const [id, g] of this.drawn.nodes) {
            g.classList.toggle('w-match', matches.has(id));
            g.classList.toggle('w-dim', query !== '' && !matches.has(id));
        }
        for (const e of this.drawn.edges) e.el.classList.toggle('w-dim', query !== '' && !(matches.has(e.from) && matches.has(e.to)));
        this.matches = this.drawn.layout.nodes.map(p => p.node.id).filter(id => matches.has(id));
        if (!query) this.count.textContent = '';
        else if (this.matches.length === 0) this.count.textContent = 'no match';
        else this.count.textContent = `${this.matchIndex >= 0 ? this.matchIndex + 1 + ' of ' : ''}${this.matches.length}`;
        if (jump && this.matches.length > 0) this.nextMatch(0);
    }

    private nextMatch(step: number): void {
        if (this.matches.length === 0) return;
        this.matchIndex = ((this.matchIndex + step) % this.matches.length + this.matches.length) % this.matches.length;
        this.count.textContent = `${this.matchIndex + 1} of ${this.matches.length}`;
        this.select(this.matches[this.matchIndex], { reveal: false, scroll: true, center: true });
    }

    setFocus(id: string | null): void {
        if (id !== null && this.model && !this.model.nodes.some(n => n.id === id)) id = null;
        if (this.state.focus === id) return;
        this.state.focus = id;
        this.state.view = undefined;
        this.fitOnNextDraw = true;
        this.saveState();
        this.scheduleLayout(0);
    }

    private updateBanner(): void {
        const focus = this.state.focus;
        const node = focus ? this.model?.nodes.find(n => n.id === focus) : undefined;
        this.banner.hidden = !node;
        if (node && this.drawn) this.bannerText.textContent = `Support tree of ${node.kind} ${neutralize(node.id)}: ${this.drawn.layout.nodes.length} elements (Esc or “Show whole map” to leave)`;
    }

    private updateStatusBar(): void {
        if (!this.drawn || !this.model) return;
        const nodes = this.drawn.layout.nodes;
        const shown = nodes.length, all = this.state.focus ? shown : this.model.nodes.length;
        const count = (status: NodeStatus) => nodes.filter(p => p.node.status === status).length;
        const parts = [`${shown === all ? shown : `${shown} of ${all}`} elements`, `${this.drawn.layout.edges.length} links`];
        if (count('ungrounded')) parts.push(`${count('ungrounded')} ungrounded`);
        if (count('circular')) parts.push(`${count('circular')} circular`);
        if (count('contested')) parts.push(`${count('contested')} contested`);
        if (count('contradicted')) parts.push(`${count('contradicted')} contradicted by their data`);
        if (this.level === 'group') parts.push('zoomed out: files and sections shown — click one or zoom in to read it');
        else if (this.level === 'name') parts.push('zoomed out: names only — zoom in to read the text');
        if (this.layoutNote) parts.push(this.layoutNote);
        this.statusBar.replaceChildren(...parts.map(p => h('span', { text: p })));
    }

    private select(id: string | null, options: { reveal: boolean; scroll: boolean; center?: boolean }): void {
        if (this.selected && this.drawn) {
            this.drawn.nodes.get(this.selected)?.classList.remove('w-highlight');
            for (const e of this.drawn.edges) e.el.classList.remove('w-highlight');
        }
        this.selected = id;
        this.navigation.rove(id);
        if (!id || !this.drawn) return;
        const g = this.drawn.nodes.get(id);
        if (!g) return;
        g.classList.add('w-highlight');
        for (const e of this.drawn.edges) if (e.from === id || e.to === id) e.el.classList.add('w-highlight');
        if (options.scroll) this.bringIntoView(id, options.center ?? false);
        if (options.reveal) {
            const node = this.model?.nodes.find(n => n.id === id);
            if (node && !this.host.standalone) this.host.postMessage({ type: 'reveal', id, uri: node.uri, range: node.range });
        }
    }

    // ── zoom and pan ────────────────────────────────────────────────────────

    private currentView(): View {
        return this.state.view ?? this.initialView();
    }

    /**
     * Until the user zooms or pans: the whole map when it is readable that way; else, at a
     * readable zoom, the element under the cursor (the one the editor highlighted) with its
     * neighbourhood, or the top conclusions, centred, ready to pan down.
     */
    private initialView(): View {
        const fit = this.fitView();
        if (fit.scale >= READABLE_SCALE) return fit;
        const selected = this.selected ? this.drawn?.positioned.get(this.selected) : undefined;
        if (selected) return this.centredOn(selected, READABLE_SCALE);
        const rect = this.canvas.getBoundingClientRect();
        const nodes = this.drawn?.layout.nodes ?? [];
        const top = Math.min(...nodes.map(n => n.y));
        const conclusions = nodes.filter(n => n.y === top);
        const centre = conclusions.reduce((sum, n) => sum + n.x + n.width / 2, 0) / Math.max(1, conclusions.length);
        return { scale: READABLE_SCALE, x: rect.width / 2 - (centre + 24) * READABLE_SCALE, y: 24 * READABLE_SCALE - (top - 24) * READABLE_SCALE };
    }

    private centredOn(box: Box, scale: number): View {
        const rect = this.canvas.getBoundingClientRect();
        const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
        return { scale, x: rect.width / 2 - cx * scale, y: rect.height / 2 - cy * scale };
    }

    /** The whole map; the level of detail decides what of it is drawn at that size. */
    private fitView(): View {
        return this.fitBox({ x: -24, y: -24, width: (this.drawn?.layout.width ?? 1) + 48, height: (this.drawn?.layout.height ?? 1) + 48 });
    }

    private fitBox(box: Box): View {
        const rect = this.canvas.getBoundingClientRect();
        const scale = Math.max(MIN_SCALE, Math.min(1.2, Math.min(rect.width / box.width, rect.height / box.height)));
        return { scale, x: (rect.width - box.width * scale) / 2 - box.x * scale, y: Math.max(0, (rect.height - box.height * scale) / 2) - box.y * scale };
    }

    /** A click on a group while groups are shown: the group fills the window. */
    private zoomToGroup(key: string): void {
        const group = this.drawn?.layout.groups.find(g => g.key === key);
        if (group) this.setView(this.fitBox({ x: group.x - 16, y: group.y - 16, width: group.width + 32, height: group.height + 32 }));
    }

    private fit(): void {
        this.applyTransform(this.initialView());
    }

    /** The Fit button: the whole map, however small. */
    private resetView(): void {
        this.state.view = this.fitView();
        this.applyTransform(this.state.view);
        this.saveState();
    }

    private applyView(): void {
        this.applyTransform(this.currentView());
    }

    private applyTransform(v: View): void {
        this.viewport.setAttribute('transform', `translate(${round(v.x)},${round(v.y)}) scale(${v.scale.toFixed(5)})`);
        this.minimap.setViewport(v);
        if (this.svg.getAttribute('data-scale') === v.scale.toFixed(4)) return; // a pan: same level, same text sizes
        this.svg.setAttribute('data-scale', v.scale.toFixed(4));
        this.drawn?.groupTexts.scaleTo(v.scale);
        const level = detailLevel(v.scale);
        if (level === this.level) return;
        this.level = level;
        this.svg.setAttribute('class', `warrant-map${this.drawn?.layout.overview ? ' w-overview' : ''}${level === 'full' ? '' : ` w-lod-${level}`}`);
        this.root.setAttribute('data-lod', level);
        this.updateStatusBar();
    }

    private setView(v: View): void {
        this.state.view = v;
        this.applyTransform(v);
        this.saveState();
    }

    private zoomBy(factor: number, cx?: number, cy?: number): void {
        const rect = this.canvas.getBoundingClientRect();
        const v = this.currentView();
        const px = cx ?? rect.width / 2, py = cy ?? rect.height / 2;
        const scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, v.scale * factor));
        const k = scale / v.scale;
        this.setView({ scale, x: px - (px - v.x) * k, y: py - (py - v.y) * k });
    }

    private bringIntoView(id: string, center: boolean): void {
        const p = this.drawn?.positioned.get(id);
        if (!p) return;
        const rect = this.canvas.getBoundingClientRect();
        const v = this.currentView();
        const left = v.x + p.x * v.scale, top = v.y + p.y * v.scale;
        const right = left + p.width * v.scale, bottom = top + p.height * v.scale;
        const visible = left >= 0 && top >= 0 && right <= rect.width && bottom <= rect.height;
        if (visible && !center) return;
        // an element brought into view is brought in readable
        this.setView(this.centredOn(p, Math.max(v.scale, READABLE_SCALE)));
    }

    // ── events ──────────────────────────────────────────────────────────────

    private bindEvents(): void {
        const nodeOf = (target: EventTarget | null): string | null => {
            const g = target instanceof Element ? target.closest('.w-node') : null;
            return g && this.viewport.contains(g) ? g.getAttribute('data-id') : null;
        };
        const groupOf = (target: EventTarget | null): string | null =>
            target instanceof Element ? target.closest('[data-group]')?.getAttribute('data-group') ?? null : null;
        let drag: { x: number; y: number; view: View; moved: boolean; pointer: number } | null = null;
        let suppressClick = false;

        this.svg.addEventListener('pointerdown', e => {
            if (e.button !== 0) return;
            drag = { x: e.clientX, y: e.clientY, view: this.currentView(), moved: false, pointer: e.pointerId };
        });
        this.svg.addEventListener('pointermove', e => {
            if (drag && e.pointerId === drag.pointer) {
                const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
                if (!drag.moved && Math.hypot(dx, dy) > 4) {
                    drag.moved = true;
                    this.canvas.classList.add('w-panning');
                    this.svg.setPointerCapture(e.pointerId);
                    this.hideTooltip();
                }
                if (drag.moved) {
                    this.state.view = { scale: drag.view.scale, x: drag.view.x + dx, y: drag.view.y + dy };
                    this.applyTransform(this.state.view);
                    return;
                }
            }
            const id = nodeOf(e.target);
            const group = id === null && this.level !== 'full' ? groupOf(e.target) : null;
            if (id) this.showTooltip(id, e.clientX, e.clientY);
            else if (group) this.showGroupTooltip(group, e.clientX, e.clientY);
            else this.hideTooltip();
        });
        const endDrag = (e: PointerEvent) => {
            if (!drag || e.pointerId !== drag.pointer) return;
            if (drag.moved) {
                suppressClick = true;
                this.saveState();
                if (this.svg.hasPointerCapture(e.pointerId)) this.svg.releasePointerCapture(e.pointerId);
            }
            this.canvas.classList.remove('w-panning');
            drag = null;
        };
        this.svg.addEventListener('pointerup', endDrag);
        this.svg.addEventListener('pointercancel', endDrag);
        this.svg.addEventListener('pointerleave', () => this.hideTooltip());
        this.svg.addEventListener('click', e => {
            if (suppressClick) { suppressClick = false; return; }
            const id = nodeOf(e.target);
            const group = id === null && this.level !== 'full' ? groupOf(e.target) : null;
            if (group) this.zoomToGroup(group);
            else this.select(id, { reveal: id !== null, scroll: false });
        });
        this.svg.addEventListener('dblclick', e => {
            const id = nodeOf(e.target);
            if (id) this.setFocus(this.state.focus === id ? null : id);
        });
        this.svg.addEventListener('keydown', e => {
            const id = nodeOf(e.target);
            if (!id) return;
            if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.select(id, { reveal: true, scroll: true }); }
            else if (e.key === 'f' || e.key === 'F') { e.preventDefault(); this.setFocus(id); }
            else this.navigation.key(e, id);
        });
        this.svg.addEventListener('focusin', e => {
            const id = nodeOf(e.target);
            if (id) {
                const r = (e.target as Element).getBoundingClientRect();
                this.showTooltip(id, r.right, r.bottom);
            }
        });
        this.svg.addEventListener('focusout', () => this.hideTooltip());
        this.canvas.addEventListener('wheel', e => {
            e.preventDefault();
            const rect = this.canvas.getBoundingClientRect();
            const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaMode === 2 ? e.deltaY * rect.height : e.deltaY;
            this.zoomBy(Math.exp(-delta * 0.0015), e.clientX - rect.left, e.clientY - rect.top);
        }, { passive: false });

        this.searchInput.addEventListener('input', () => {
            clearTimeout(this.searchTimer);
            this.searchTimer = setTimeout(() => {
                this.state.search = this.searchInput.value;
                this.matchIndex = -1;
                this.applySearch(false);
                this.saveState();
            }, 100);
        });
        this.searchInput.addEventListener('keydown', e => {
            if (e.key === 'Enter') {
                e.preventDefault();
                clearTimeout(this.searchTimer);
                if (this.state.search !== this.searchInput.value) {
                    this.state.search = this.searchInput.value;
                    this.matchIndex = -1;
                    this.applySearch(false);
                    this.saveState();
                }
                this.nextMatch(e.shiftKey ? -1 : 1);
            } else if (e.key === 'Escape') {
                this.searchInput.value = '';
                this.state.search = '';
                this.applySearch(false);
                this.saveState();
            }
        });
        document.addEventListener('keydown', e => {
            if (e.target === this.searchInput) return;
            if (e.key === 'Escape') {
                if (this.state.focus) this.setFocus(null);
                else this.select(null, { reveal: false, scroll: false });
            } else if ((e.key === 'f' && (e.ctrlKey || e.metaKey)) || e.key === '/') {
                e.preventDefault();
                this.searchInput.focus();
                this.searchInput.select();
            } else if (e.key === '+' || e.key === '=') this.zoomBy(1.25);
            else if (e.key === '-') this.zoomBy(1 / 1.25);
            else if (e.key === '0') this.resetView();
        });
        new ResizeObserver(() => { if (!this.state.view && this.drawn) this.fit(); }).observe(this.canvas);
    }

    // ── tooltip ─────────────────────────────────────────────────────────────

    private showTooltip(id: string, clientX: number, clientY: number): void {
        const node: GraphNode | undefined = this.drawn?.positioned.get(id)?.node;
        if (!node) return;
        const hint = this.host.standalone ? 'Double-click: support tree' : 'Click: go to declaration · Double-click: support tree';
        const parts: Node[] = [
            h('div', { class: 'w-tip-head', text: `${node.kind} ${neutralize(node.id, 'tooltip')} — ${node.status}` }),
            h('div', { class: 'w-tip-label', text: neutralize(node.label, 'tooltip') })
        ];
        if (node.detail) parts.push(h('div', { class: 'w-tip-detail', text: neutralize(node.detail, 'tooltip') }));
        if (node.uri) parts.push(h('div', { class: 'w-tip-hint', text: `${decodeURIComponent(node.uri.replace(/^.*\//, ''))}${node.range ? `:${node.range.start.line + 1}` : ''}` }));
        parts.push(h('div', { class: 'w-tip-hint', text: hint }));
        this.placeTooltip(parts, clientX, clientY);
    }

    /** A group's whole title and counts, which its label may have had to cut. */
    private showGroupTooltip(key: string, clientX: number, clientY: number): void {
        const group = this.drawn?.layout.groups.find(g => g.key === key);
        if (!group) return;
        this.placeTooltip([
            h('div', { class: 'w-tip-head', text: group.title }),
            h('div', { class: 'w-tip-label', text: group.summary }),
            h('div', { class: 'w-tip-hint', text: 'Click: zoom into it' })
        ], clientX, clientY);
    }

    private placeTooltip(parts: Node[], clientX: number, clientY: number): void {
        this.tooltip.replaceChildren(...parts);
        this.tooltip.hidden = false;
        const pad = 14;
        const w = this.tooltip.offsetWidth, hgt = this.tooltip.offsetHeight;
        const x = clientX + pad + w > window.innerWidth ? Math.max(0, clientX - pad - w) : clientX + pad;
        const y = clientY + pad + hgt > window.innerHeight ? Math.max(0, clientY - pad - hgt) : clientY + pad;
        this.tooltip.style.left = `${x}px`;
        this.tooltip.style.top = `${y}px`;
    }

    private hideTooltip(): void {
        this.tooltip.hidden = true;
    }
}

function round(v: number): string {
    return (Math.round(v * 10) / 10).toString();
}
