/**
 * Layered layout of the argument graph: conclusions at the top, evidence at the bottom. Runs
 * unchanged in Node (CLI export) and in the browser (webview, exported HTML).
 *
 * Engines: **ELK layered** (elkjs) for maps up to {@link DEFAULT_ELK_NODE_LIMIT} nodes — spline
 * edges, label placement, the best pictures; above that the built-in linear-time layered
 * layout ({@link fastLayered}), because ELK's crossing minimisation grows super-linearly
 * (measured in Node on a busy 2-core machine, with the order constraint: 0.2–0.45 s CPU up to
 * 100 nodes, 1.3 s at 150, > 10 s at 500; the built-in engine: ~15 ms at 150, ~75 ms at 500).
 * Above {@link DEFAULT_OVERVIEW_THRESHOLD} nodes the map becomes a label-less overview.
 *
 * Stability: the model is put in canonical (document) order ({@link normalizeModel}), then in
 * evidence order ({@link evidenceOrder}: a depth-first walk from the top conclusions), and both
 * engines keep that order within every layer (ELK: `considerModelOrder.strategy =
 * NODES_AND_EDGES` + `crossingMinimization.forceNodeModelOrder`; only long-edge dummies move),
 * with a fixed random seed. Both layer from the top (ELK `LONGEST_PATH`: with
 * `NETWORK_SIMPLEX` one added claim moved 80% of the nodes to another layer). Same model → same picture; one added claim leaves the other nodes
 * in their layers and in their left-to-right order (see test/graph/layout.test.ts). The
 * depth-first order is also a good crossing-reduction order: on generated 500-node maps it
 * gives about half the crossings of ELK's own unconstrained layer sweep.
 */
import type { ELK, ELKConstructorArguments, ElkExtendedEdge, ElkNode, LayoutOptions as ElkLayoutOptions } from 'elkjs/lib/elk-api.js';
import type { NodeKind } from '../analysis/vocabulary.js';
import { evidenceEnd, type GraphEdge, type GraphModel, type GraphNode } from './graph-model.js';
import { conclusionEnd, evidenceOrder, normalizeModel } from './model-utils.js';
import { fastLayered, type FastEdge } from './fast-layered.js';
import { neutralize } from './escape.js';
import { fitLine, textWidth, wrapText } from './text-metrics.js';
import { groupNodes, groupSummary, type GraphGroup } from './groups.js';

export interface Point { x: number; y: number }

/** Text lines laid out inside a node (already neutralised for display, not yet escaped). */
export interface NodeText {
    /** Small header: kind and id. */
    header: string;
    /** The wrapped label. */
    lines: string[];
    /** The detail line (respondent/method, value, author-year), cut to fit. */
    detail?: string;
    /** Whether the label had to be cut (full text is in the tooltip). */
    truncated: boolean;
}

export interface PositionedNode {
    node: GraphNode;
    /** Top-left corner and size, in px. */
    x: number;
    y: number;
    width: number;
    height: number;
    /** Absent in overview mode. */
    text?: NodeText;
    /** The key of the group (file, section) it is drawn in. */
    group: string;
}

export interface PositionedEdge {
    edge: GraphEdge;
    /** How to read `points` when it differs from the graph's {@link PositionedGraph.routing} (edges between groups). */
    routing?: 'polyline';
    /** True for an edge between two groups (it runs along their bundle). */
    between?: boolean;
    /** The route from `edge.from` to `edge.to` (arrowhead at the last point). */
    points: Point[];
    /** Centre of the edge label, when the edge has one (classifies). */
    label?: { text: string; x: number; y: number; width: number; height: number };
}

export interface PositionedGraph {
    width: number;
    height: number;
    nodes: PositionedNode[];
    edges: PositionedEdge[];
    /** True when the overview (label-less) mode was used. */
    overview: boolean;
    /** The engine that computed the positions. */
    engine: LayoutEngine;
    /**
     * How to read edge points: `splines` — start, then cubic Bézier control-point triples
     * (ELK); `polyline` — waypoints, drawn as a smooth curve with vertical tangents.
     */
    routing: 'splines' | 'polyline';
    /** The groups (files, sections) the nodes are drawn in; one unframed group when there is only one. */
    groups: PositionedGroup[];
    /** The routes shared by the edges between two groups. */
    bundles: PositionedBundle[];
    /** The normalised model that was laid out. */
    model: GraphModel;
}

/** A group's box: its members are inside it, its title in the band at its top. */
export interface PositionedGroup extends Omit<GraphGroup, 'members'> {
    /** Number of member nodes. */
    size: number;
    /** {@link groupSummary}: "36 claims · 4 ungrounded". */
    summary: string;
    x: number;
    y: number;
    width: number;
    height: number;
    /** False for the only group of a map: it gets no frame of its own. */
    framed: boolean;
}

/** The route of all edges from the evidence in group `lower` to the conclusions in group `upper`. */
export interface PositionedBundle {
    lower: string;
    upper: string;
    count: number;
    points: Point[];
}

export type LayoutEngine = 'elk' | 'fast';

/** Above this many nodes, `auto` uses the fast engine (ELK layered grows super-linearly). */
export const DEFAULT_ELK_NODE_LIMIT = 100;
/** Above this many nodes, the map is drawn as a label-less overview. */
export const DEFAULT_OVERVIEW_THRESHOLD = 1000;

export interface LayoutOptions {
    /** `elk` (ELK layered), `fast` (the built-in linear-time layered layout) or `auto` (default: ELK up to `elkNodeLimit` nodes). */
    engine?: LayoutEngine | 'auto';
    /** Largest model `auto` gives to ELK (default {@link DEFAULT_ELK_NODE_LIMIT}). */
    elkNodeLimit?: number;
    /** Use the label-less overview above this many nodes (default {@link DEFAULT_OVERVIEW_THRESHOLD}). */
    overviewThreshold?: number;
    /** Force the overview (true) or the detailed layout (false) regardless of size. */
    overview?: boolean;
    /** Extra ELK options, merged last (for experiments and the benchmark). */
    elkOptions?: Record<string, string>;
}

/** Typography shared with the renderer (px). */
export const METRICS = {
    padX: 12,
    padY: 8,
    headerSize: 10,
    headerLine: 14,
    labelSize: 12.5,
    labelLine: 16,
    detailSize: 10.5,
    detailLine: 14,
    minWidth: 110,
    edgeLabelSize: 10
} as const;

interface KindGeometry {
    /** Max width of the wrapped label. */
    wrap: number;
    maxLines: number;
    /** Extra room the outline takes on each side (hexagon points, book spine, cylinder caps…). */
    extraLeft: number;
    extraRight: number;
    extraTop: number;
    extraBottom: number;
}

export const KIND_GEOMETRY: Record<NodeKind, KindGeometry> = {
    claim: { wrap: 210, maxLines: 5, extraLeft: 0, extraRight: 0, extraTop: 0, extraBottom: 0 },
    pattern: { wrap: 200, maxLines: 4, extraLeft: 14, extraRight: 14, extraTop: 0, extraBottom: 0 },
    datum: { wrap: 220, maxLines: 4, extraLeft: 0, extraRight: 8, extraTop: 0, extraBottom: 0 },
    stat: { wrap: 190, maxLines: 3, extraLeft: 0, extraRight: 0, extraTop: 8, extraBottom: 4 },
    source: { wrap: 190, maxLines: 3, extraLeft: 8, extraRight: 0, extraTop: 0, extraBottom: 0 },
    scheme: { wrap: 190, maxLines: 3, extraLeft: 0, extraRight: 0, extraTop: 0, extraBottom: 10 }
};

/** Overview node size (px). */
export const OVERVIEW_SIZE = { width: 44, height: 20 } as const;

/** Lines of text a node shows and the box they need. */
export function measureNode(node: GraphNode): { text: NodeText; width: number; height: number } {
    const g = KIND_GEOMETRY[node.kind] ?? KIND_GEOMETRY.claim;
    const { lines, truncated } = wrapText(neutralize(node.label), { maxWidth: g.wrap, fontSize: METRICS.labelSize, maxLines: g.maxLines });
    const header = fitLine(`${node.kind} · ${neutralize(node.id)}`, g.wrap, METRICS.headerSize);
    const detail = node.detail ? fitLine(neutralize(node.detail), g.wrap, METRICS.detailSize) : undefined;
    let inner = Math.max(
        textWidth(header, METRICS.headerSize) + 18, // room for the status badge
        ...lines.map(l => textWidth(l, METRICS.labelSize)),
        detail ? textWidth(detail, METRICS.detailSize) : 0
    );
    inner = Math.max(inner, METRICS.minWidth - 2 * METRICS.padX);
    const width = Math.ceil(inner + 2 * METRICS.padX + g.extraLeft + g.extraRight);
    const height = Math.ceil(2 * METRICS.padY + METRICS.headerLine + Math.max(1, lines.length) * METRICS.labelLine
        + (detail ? METRICS.detailLine : 0) + g.extraTop + g.extraBottom);
    return { text: { header, lines: lines.length > 0 ? lines : [''], detail, truncated }, width, height };
}

/** The edge kinds that carry a visible label on the map. */
const LABELLED_EDGES = new Set(['classifies']);

/** ELK options (the overview only reaches ELK when the `elk` engine is forced). */
export function elkOptionsFor(overview: boolean): ElkLayoutOptions {
    return {
        'elk.algorithm': 'layered',
        'elk.direction': 'UP',
        'elk.randomSeed': '1',
        'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
        'elk.layered.considerModelOrder.components': 'MODEL_ORDER',
        'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
        'elk.layered.cycleBreaking.strategy': 'GREEDY',
        'elk.layered.layering.strategy': 'LONGEST_PATH',
        'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
        'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
        'elk.layered.thoroughness': overview ? '1' : '7',
        'elk.separateConnectedComponents': 'true',
        'elk.aspectRatio': '1.6',
        'elk.edgeRouting': overview ? 'POLYLINE' : 'SPLINES',
        'elk.layered.edgeRouting.splines.mode': 'CONSERVATIVE',
        'elk.spacing.componentComponent': overview ? '24' : '40',
        'elk.spacing.nodeNode': overview ? '8' : '28',
        'elk.layered.spacing.nodeNodeBetweenLayers': overview ? '24' : '56',
        'elk.spacing.edgeNode': overview ? '4' : '16',
        'elk.spacing.edgeEdge': overview ? '2' : '8',
        'elk.spacing.edgeLabel': '4',
        'elk.edgeLabels.inline': 'true'
    };
}

/** What {@link layoutGraph} needs of ELK. */
export interface ElkLayouter {
    layout(graph: ElkNode): Promise<ElkNode>;
}

/**
 * Where ELK runs. By default in-process, loaded on first use (the CLI, exports, tests); the
 * preview runs it in a Web Worker (see extension/preview/webview/elk-worker.ts) so that a
 * layout never blocks the page: ELK's first run compiles 1.6 MB of script and took 1.6 s.
 */
let elkProvider: () => Promise<ElkLayouter> = inProcessElk;
let sharedElk: Promise<ElkLayouter> | undefined;

export function setElkProvider(provider: () => Promise<ElkLayouter>): void {
    elkProvider = provider;
    sharedElk = undefined;
}

function elk(): Promise<ElkLayouter> {
    return sharedElk ??= elkProvider();
}

/** elkjs is CommonJS: Node's ESM loader hands us `module.exports` as `default`, bundlers may add another `.default`. */
type ElkConstructor = new (args?: ELKConstructorArguments) => ELK;

async function inProcessElk(): Promise<ElkLayouter> {
    const loaded = await import('elkjs/lib/elk.bundled.js') as unknown as { default?: ElkConstructor & { default?: ElkConstructor } };
    const exported = loaded.default ?? (loaded as unknown as ElkConstructor);
    const ElkClass = (exported as { default?: ElkConstructor }).default ?? exported;
    return new ElkClass();
}

/** Which engine {@link layoutGraph} uses for a model of this size (see {@link LayoutOptions}). */
export function chooseEngine(nodeCount: number, options: LayoutOptions = {}): LayoutEngine {
    if (options.engine && options.engine !== 'auto') return options.engine;
    return nodeCount <= (options.elkNodeLimit ?? DEFAULT_ELK_NODE_LIMIT) ? 'elk' : 'fast';
}

/** Whether {@link layoutGraph} draws a model of this size as a label-less overview. */
export function isOverview(nodeCount: number, options: LayoutOptions = {}): boolean {
    return options.overview ?? nodeCount > (options.overviewThreshold ?? DEFAULT_OVERVIEW_THRESHOLD);
}

/**
 * Lays out a graph model. Deterministic: the same model (in any node/edge order) gives the
 * same positions. Never throws for odd input (unknown ends, duplicate ids, cycles, self loops).
 *
 * A map whose elements come from several files (or sections, see {@link groupNodes}) is laid
 * out in two levels: each group on its own, then the groups as boxes in a layered layout of
 * their own (the group graph: which group's evidence supports which group's conclusions).
 * An edge between groups leaves its group along the border and follows the route of its
 * group pair, so the edges between two groups run as one bundle. Adding an element changes
 * only the inside of its group (and may move whole groups).
 */
export async function layoutGraph(model: GraphModel, options: LayoutOptions = {}): Promise<PositionedGraph> {
    const normalized = normalizeModel(model);
    const count = normalized.nodes.length;
    const overview = isOverview(count, options);
    const engine = chooseEngine(count, options);
    const measured = normalized.nodes.map(n => overview ? { text: undefined, ...OVERVIEW_SIZE } : measureNode(n));
    const groups = groupNodes(normalized);
    const groupKeys: string[] = [];
    for (const g of groups) for (const m of g.members) groupKeys[m] = g.key;
    const nodes: PositionedNode[] = normalized.nodes.map((node, i) => ({ node, x: 0, y: 0, width: measured[i].width, height: measured[i].height, text: measured[i].text, group: groupKeys[i] }));
    const routing: PositionedGraph['routing'] = engine === 'elk' && !overview ? 'splines' : 'polyline';
    const placed = groups.length <= 1
        ? await layoutOneGroup(normalized, nodes, groups, engine, overview, options)
        : await layoutGroups(normalized, nodes, groups, engine, overview, options);
    const index = new Map(normalized.nodes.map((n, i) => [n.id, i]));
    const lowerOf = (e: GraphEdge) => index.get(evidenceEnd(e))!;
    const upperOf = (e: GraphEdge) => index.get(conclusionEnd(e))!;
    const edges: PositionedEdge[] = normalized.edges.map((edge, i) => {
        let points = placed.routes[i];
        if (edge.from === edge.to) points = selfLoopRoute(nodes[index.get(edge.from)!]);
        else if (points.length < 2) points = straightRoute(nodes[lowerOf(edge)], nodes[upperOf(edge)]);
        else if (evidenceEnd(edge) !== edge.from) points = [...points].reverse(); // the drawing reads `from → to`
        const positioned: PositionedEdge = { edge, points: points.map(p => ({ x: round(p.x), y: round(p.y) })) };
        const label = placed.labels[i];
        if (label) positioned.label = { ...label, x: round(label.x), y: round(label.y) };
        if (placed.between[i]) {
            positioned.between = true;
            if (routing !== 'polyline') positioned.routing = 'polyline';
        }
        return positioned;
    });
    for (const n of nodes) { n.x = round(n.x); n.y = round(n.y); }
    return {
        width: Math.ceil(placed.width), height: Math.ceil(placed.height), nodes, edges, overview, engine, routing,
        groups: placed.groups, bundles: placed.bundles, model: normalized
    };
}

/** Room around a group's members, and the band at its top that holds the group's title (px). */
export const GROUP_BOX = { pad: 18, title: 40, minWidth: 220 } as const;

/** Positions of one part of the map, relative to the part's own origin. */
interface PartLayout {
    x: number[];
    y: number[];
    /** Per edge of the part, from its evidence end to its conclusion end. */
    routes: Point[][];
    labels: (PositionedEdge['label'])[];
    width: number;
    height: number;
}

interface Placed {
    /** Per edge of the whole model, from its evidence end to its conclusion end (empty: no route). */
    routes: Point[][];
    labels: (PositionedEdge['label'])[];
    /** Edges between groups (routed as waypoints even when the rest are splines). */
    between: boolean[];
    groups: PositionedGroup[];
    bundles: PositionedBundle[];
    width: number;
    height: number;
}

async function layoutOneGroup(model: GraphModel, nodes: PositionedNode[], groups: GraphGroup[], engine: LayoutEngine, overview: boolean, options: LayoutOptions): Promise<Placed> {
    const part = await layoutPart(model, nodes, engine, overview, options);
    nodes.forEach((n, i) => { n.x = part.x[i]; n.y = part.y[i]; });
    const only = groups.map(group => positionedGroup(group, 0, 0, part.width, part.height, false));
    return { routes: part.routes, labels: part.labels, between: [], groups: only, bundles: [], width: part.width, height: part.height };
}

async function layoutGroups(model: GraphModel, nodes: PositionedNode[], groups: GraphGroup[], engine: LayoutEngine, overview: boolean, options: LayoutOptions): Promise<Placed> {
    const index = new Map(model.nodes.map((n, i) => [n.id, i]));
    const groupOf = new Int32Array(model.nodes.length);
    groups.forEach((g, gi) => { for (const m of g.members) groupOf[m] = gi; });
    const inner: GraphEdge[][] = groups.map(() => []);
    const innerEdgeIndex: number[][] = groups.map(() => []);
    /**
     * Edges between two groups, whichever way they point: the pair is drawn the way most of
     * its edges point (evidence group below), the others run the same bundle against it.
     */
    const pairsByKey = new Map<string, { lower: number; upper: number; edges: number[]; against: number[] }>();
    model.edges.forEach((e, i) => {
        const lower = groupOf[index.get(evidenceEnd(e))!], upper = groupOf[index.get(conclusionEnd(e))!];
        if (lower === upper) { inner[lower].push(e); innerEdgeIndex[lower].push(i); return; }
        const key = `${Math.min(lower, upper)}-${Math.max(lower, upper)}`;
        let pair = pairsByKey.get(key);
        if (!pair) pairsByKey.set(key, pair = { lower, upper, edges: [], against: [] });
        (pair.lower === lower ? pair.edges : pair.against).push(i);
    });
    for (const pair of pairsByKey.values()) {
        if (pair.against.length > pair.edges.length) [pair.lower, pair.upper, pair.edges, pair.against] = [pair.upper, pair.lower, pair.against, pair.edges];
    }
    const parts = await Promise.all(groups.map((g, gi) => layoutPart(
        { nodes: g.members.map(m => model.nodes[m]), edges: inner[gi] }, g.members.map(m => nodes[m]), engine, overview, options)));
    const pad = overview ? GROUP_BOX.pad / 2 : GROUP_BOX.pad;
    const boxes = parts.map(p => ({ width: Math.max(GROUP_BOX.minWidth, p.width + 2 * pad), height: GROUP_BOX.title + p.height + pad }));
    const pairs = [...pairsByKey.values()];
    const groupEdges: FastEdge[] = pairs.map(p => ({ lower: p.lower, upper: p.upper }));
    const groupModel: GraphModel = {
        nodes: groups.map((_, gi) => ({ id: String(gi), kind: 'claim', label: '', status: 'grounded' })),
        edges: pairs.map(p => ({ from: String(p.lower), to: String(p.upper), kind: 'supports' }))
    };
    const top = fastLayered(boxes, groupEdges, evidenceOrder(groupModel), { nodeGap: 56, layerGap: 96, edgeGap: 14, componentGap: 72 });

    const routes: Point[][] = model.edges.map(() => []);
    const labels: (PositionedEdge['label'])[] = model.edges.map(() => undefined);
    const positioned = groups.map((g, gi) => {
        const x0 = top.x[gi], y0 = top.y[gi], part = parts[gi];
        const left = x0 + (boxes[gi].width - part.width) / 2, upper = y0 + GROUP_BOX.title;
        g.members.forEach((m, k) => { nodes[m].x = left + part.x[k]; nodes[m].y = upper + part.y[k]; });
        innerEdgeIndex[gi].forEach((edgeIndex, k) => {
            routes[edgeIndex] = part.routes[k].map(p => ({ x: p.x + left, y: p.y + upper }));
            const label = part.labels[k];
            if (label) labels[edgeIndex] = { ...label, x: label.x + left, y: label.y + upper };
        });
        return positionedGroup(g, x0, y0, boxes[gi].width, boxes[gi].height, true);
    });
    const between = model.edges.map(() => false);
    const bundles: PositionedBundle[] = pairs.map((pair, k) => {
        const trunk = top.routes[k].length >= 2 ? top.routes[k] : [
            { x: top.x[pair.lower] + boxes[pair.lower].width / 2, y: top.y[pair.lower] },
            { x: top.x[pair.upper] + boxes[pair.upper].width / 2, y: top.y[pair.upper] + boxes[pair.upper].height }];
        const start = trunk[0], end = trunk[trunk.length - 1];
        for (const edgeIndex of [...pair.edges, ...pair.against]) {
            const e = model.edges[edgeIndex];
            const lo = nodes[index.get(evidenceEnd(e))!], up = nodes[index.get(conclusionEnd(e))!];
            const lx = lo.x + lo.width / 2, ux = up.x + up.width / 2;
            // out of the group straight to its border, along the border to the bundle, and the same way in
            routes[edgeIndex] = groupOf[index.get(evidenceEnd(e))!] === pair.lower
                ? [{ x: lx, y: lo.y }, { x: lx, y: start.y }, ...trunk, { x: ux, y: end.y }, { x: ux, y: up.y + up.height }]
                : [{ x: lx, y: lo.y + lo.height }, { x: lx, y: end.y }, ...[...trunk].reverse(), { x: ux, y: start.y }, { x: ux, y: up.y }];
            between[edgeIndex] = true;
            if (!overview && LABELLED_EDGES.has(e.kind)) labels[edgeIndex] = { text: e.kind, x: lx, y: lo.y - 12, ...edgeLabelSize(e.kind) };
        }
        const count = pair.edges.length + pair.against.length;
        return { lower: groups[pair.lower].key, upper: groups[pair.upper].key, count, points: trunk.map(p => ({ x: round(p.x), y: round(p.y) })) };
    });
    return { routes, labels, between, groups: positioned, bundles, width: top.width, height: top.height };
}

function positionedGroup(group: GraphGroup, x: number, y: number, width: number, height: number, framed: boolean): PositionedGroup {
    const { members: _members, ...rest } = group;
    return { ...rest, size: group.members.length, summary: groupSummary(group), x: round(x), y: round(y), width: Math.ceil(width), height: Math.ceil(height), framed };
}

function edgeLabelSize(kind: string): { width: number; height: number } {
    return { width: Math.ceil(textWidth(kind, METRICS.edgeLabelSize)) + 6, height: 14 };
}

/** One part of the map (the whole map, or one group) with the engine chosen for the whole map. */
async function layoutPart(model: GraphModel, sizes: readonly { width: number; height: number }[], engine: LayoutEngine, overview: boolean, options: LayoutOptions): Promise<PartLayout> {
    const count = model.nodes.length;
    const index = new Map(model.nodes.map((n, i) => [n.id, i]));
    const order = evidenceOrder(model);
    const lowerOf = (e: GraphEdge) => index.get(evidenceEnd(e))!;
    const upperOf = (e: GraphEdge) => index.get(conclusionEnd(e))!;
    const labelled = (e: GraphEdge) => !overview && LABELLED_EDGES.has(e.kind);
    const routes: Point[][] = model.edges.map(() => []);
    const labels: (PositionedEdge['label'])[] = model.edges.map(() => undefined);
    const x = new Array<number>(count).fill(0), y = new Array<number>(count).fill(0);
    if (count === 0) return { x, y, routes, labels, width: 0, height: 0 };
    if (engine === 'elk') {
        // ELK sees the nodes in evidence (tree) order and keeps it in every layer.
        const children: ElkNode[] = order.map(i => ({ id: `n${i}`, width: sizes[i].width, height: sizes[i].height }));
        const elkEdges: ElkExtendedEdge[] = [];
        model.edges.forEach((e, i) => {
            if (e.from === e.to) return;
            const elkEdge: ElkExtendedEdge = { id: `e${i}`, sources: [`n${lowerOf(e)}`], targets: [`n${upperOf(e)}`] };
            if (labelled(e)) elkEdge.labels = [{ id: `l${i}`, text: e.kind, ...edgeLabelSize(e.kind) }];
            elkEdges.push(elkEdge);
        });
        const root: ElkNode = { id: 'root', layoutOptions: { ...elkOptionsFor(overview), ...(options.elkOptions ?? {}) }, children, edges: elkEdges };
        const result: ElkNode = await (await elk()).layout(root);
        const childById = new Map((result.children ?? []).map(c => [c.id, c]));
        for (let i = 0; i < count; i++) {
            const c = childById.get(`n${i}`);
            x[i] = c?.x ?? 0;
            y[i] = c?.y ?? 0;
        }
        const edgeById = new Map((result.edges ?? []).map(e => [e.id, e as ElkExtendedEdge]));
        model.edges.forEach((_, i) => {
            const laid = edgeById.get(`e${i}`);
            const points: Point[] = [];
            for (const s of laid?.sections ?? []) points.push(s.startPoint, ...(s.bendPoints ?? []), s.endPoint);
            routes[i] = points;
            const label = laid?.labels?.[0];
            if (label && label.x !== undefined && label.y !== undefined) {
                labels[i] = { text: model.edges[i].kind, x: label.x + (label.width ?? 0) / 2, y: label.y + (label.height ?? 0) / 2, width: label.width ?? 0, height: label.height ?? 0 };
            }
        });
        return { x, y, routes, labels, width: result.width ?? 0, height: result.height ?? 0 };
    }
    const fastEdges: FastEdge[] = model.edges.map(e => ({ lower: lowerOf(e), upper: upperOf(e) }));
    const spacing = overview
        ? { nodeGap: 8, layerGap: 28, edgeGap: 3, componentGap: 24 }
        : { nodeGap: 28, layerGap: 64, edgeGap: 10, componentGap: 48 };
    const result = fastLayered([...sizes], fastEdges, order, spacing);
    model.edges.forEach((e, i) => {
        routes[i] = result.routes[i];
        if (labelled(e) && routes[i].length >= 2) {
            const mid = Math.floor((routes[i].length - 1) / 2);
            const p = routes[i][mid], q = routes[i][mid + 1];
            labels[i] = { text: e.kind, x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, ...edgeLabelSize(e.kind) };
        }
    });
    return { x: result.x, y: result.y, routes, labels, width: result.width, height: result.height };
}

function round(v: number): number {
    return Math.round(v * 10) / 10;
}

function straightRoute(lower: PositionedNode, upper: PositionedNode): Point[] {
    return [{ x: lower.x + lower.width / 2, y: lower.y }, { x: upper.x + upper.width / 2, y: upper.y + upper.height }];
}

function selfLoopRoute(n: PositionedNode): Point[] {
    const right = n.x + n.width, top = n.y + n.height * 0.3, bottom = n.y + n.height * 0.7;
    return [{ x: right, y: bottom }, { x: right + 18, y: bottom + 4 }, { x: right + 18, y: top - 4 }, { x: right, y: top }];
}
