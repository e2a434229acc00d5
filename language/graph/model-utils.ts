/**
 * Pure helpers over the graph model shared by the layout, the exporters and the webview:
 * a canonical (stable) order, clean-up of inconsistent input, support trees and filters.
 */
import { topDownLayering, type LayeringEdge } from './layering.js';
import { EDGE_KINDS, NODE_KINDS, NODE_STATUSES, type NodeKind, type NodeStatus } from '../analysis/vocabulary.js';
import { evidenceEnd, type GraphEdge, type GraphModel, type GraphNode } from './graph-model.js';

const KIND_RANK = new Map<string, number>(NODE_KINDS.map((k, i) => [k, i]));
const EDGE_RANK = new Map<string, number>(EDGE_KINDS.map((k, i) => [k, i]));

function compareStrings(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The canonical node order: document order (URI, then start position) for nodes that have a
 * declaration, then nodes without one (BibTeX-only sources) by kind and id. It depends only on
 * the set of nodes, not on the order the server happened to send them in, and adding one
 * declaration inserts one node without reordering the others — which keeps the layout stable.
 */
export function compareNodes(a: GraphNode, b: GraphNode): number {
    const au = a.uri, bu = b.uri;
    if (au !== undefined && bu === undefined) return -1;
    if (au === undefined && bu !== undefined) return 1;
    if (au !== undefined && bu !== undefined && au !== bu) return compareStrings(au, bu);
    const ar = a.range?.start, br = b.range?.start;
    if (ar && br) {
        if (ar.line !== br.line) return ar.line - br.line;
        if (ar.character !== br.character) return ar.character - br.character;
    } else if (ar && !br) {
        return -1;
    } else if (!ar && br) {
        return 1;
    }
    const kr = (KIND_RANK.get(a.kind) ?? 99) - (KIND_RANK.get(b.kind) ?? 99);
    if (kr !== 0) return kr;
    return compareStrings(a.id, b.id);
}

/**
 * A clean, canonically ordered copy of a model: nodes sorted by {@link compareNodes}; a repeated
 * id keeps its first node (in canonical order); edges whose ends are unknown are dropped,
 * duplicates merged, and the rest sorted by (evidence end, other end, kind) in node order.
 * Unknown kinds/statuses are mapped to `claim`/`grounded` so a newer server cannot break an
 * older renderer.
 */
export function normalizeModel(model: GraphModel): GraphModel {
    const input = Array.isArray(model?.nodes) ? model.nodes : [];
    const nodes = input
        .filter(n => n && typeof n.id === 'string')
        .map(({ section, ...n }) => ({
            ...n,
            kind: KIND_RANK.has(n.kind) ? n.kind : 'claim' as NodeKind,
            status: NODE_STATUSES.includes(n.status) ? n.status : 'grounded' as NodeStatus,
            label: typeof n.label === 'string' ? n.label : String(n.label ?? n.id),
            // a section of another type would reach the renderers unchecked
            ...(typeof section === 'string' && section ? { section } : {})
        }))
        .sort(compareNodes);
    const seen = new Set<string>();
    const unique: GraphNode[] = [];
    for (const n of nodes) {
        if (seen.has(n.id)) continue;
        seen.add(n.id);
        unique.push(n);
    }
    const index = new Map(unique.map((n, i) => [n.id, i]));
    const edgeKeys = new Set<string>();
    const edges: GraphEdge[] = [];
    for (const e of Array.isArray(model?.edges) ? model.edges : []) {
        if (!e || !index.has(e.from) || !index.has(e.to) || !EDGE_RANK.has(e.kind)) continue;
        const key = `${index.get(e.from)}\u0000${index.get(e.to)}\u0000${e.kind}`;
        if (edgeKeys.has(key)) continue;
        edgeKeys.add(key);
        edges.push({ from: e.from, to: e.to, kind: e.kind });
    }
    edges.sort((a, b) => {
        const ea = index.get(evidenceEnd(a))!, eb = index.get(evidenceEnd(b))!;
        if (ea !== eb) return ea - eb;
        const oa = index.get(a.from === evidenceEnd(a) ? a.to : a.from)!, ob = index.get(b.from === evidenceEnd(b) ? b.to : b.from)!;
        if (oa !== ob) return oa - ob;
        return EDGE_RANK.get(a.kind)! - EDGE_RANK.get(b.kind)!;
    });
    return { nodes: unique, edges };
}

/**
 * A tree-like order for drawing. Each node hangs under its *deepest* conclusion (the one in
 * the lowest layer of {@link topDownLayering}, ties by canonical order) — the one it will be
 * drawn right below; the order is the depth-first pre-order of that forest, tops and children
 * in canonical order. Siblings end up next to each other, so keeping this order in every
 * layer gives few crossings, and an edit only moves the nodes it touches. Expects a
 * normalised model; returns node indices.
 */
export function evidenceOrder(model: GraphModel): number[] {
    const count = model.nodes.length;
    const index = new Map(model.nodes.map((n, i) => [n.id, i]));
    const edges: LayeringEdge[] = model.edges.map(e => ({ lower: index.get(evidenceEnd(e))!, upper: index.get(conclusionEnd(e))! }));
    const { layer, oriented } = topDownLayering(count, edges);
    const treeParent = new Int32Array(count).fill(-1);
    oriented.forEach(({ up, lo }) => {
        if (up === lo) return;
        const current = treeParent[lo];
        if (current < 0 || layer[up] > layer[current] || (layer[up] === layer[current] && up < current)) treeParent[lo] = up;
    });
    const children: number[][] = Array.from({ length: count }, () => []);
    for (let i = 0; i < count; i++) if (treeParent[i] >= 0) children[treeParent[i]].push(i); // ascending = canonical
    const order: number[] = [];
    const seen = new Uint8Array(count);
    const walk = (root: number) => {
        const stack = [root];
        while (stack.length > 0) {
            const v = stack.pop()!;
            if (seen[v]) continue;
            seen[v] = 1;
            order.push(v);
            const list = children[v];
            for (let k = list.length - 1; k >= 0; k--) if (!seen[list[k]]) stack.push(list[k]);
        }
    };
    for (let i = 0; i < count; i++) if (treeParent[i] < 0) walk(i);
    return order;
}

/** The end of an edge that is nearer the conclusion (drawn higher). */
export function conclusionEnd(edge: GraphEdge): string {
    return evidenceEnd(edge) === edge.from ? edge.to : edge.from;
}

/**
 * The support tree of `rootId`: the node and everything it transitively rests on — following
 * every edge from its conclusion end to its evidence end (supporters, opposers, interpreted
 * patterns, observed data, classified stats and schemes, cited sources).
 */
export function supportTree(model: GraphModel, rootId: string): Set<string> {
    const below = new Map<string, string[]>();
    for (const e of model.edges) {
        const top = conclusionEnd(e);
        let list = below.get(top);
        if (!list) below.set(top, list = []);
        list.push(evidenceEnd(e));
    }
    const result = new Set<string>();
    if (!model.nodes.some(n => n.id === rootId)) return result;
    const stack = [rootId];
    while (stack.length > 0) {
        const id = stack.pop()!;
        if (result.has(id)) continue;
        result.add(id);
        for (const next of below.get(id) ?? []) if (!result.has(next)) stack.push(next);
    }
    return result;
}

/** The sub-model induced by a set of node ids (order preserved). */
export function subModel(model: GraphModel, keep: (node: GraphNode) => boolean): GraphModel {
    const nodes = model.nodes.filter(keep);
    const ids = new Set(nodes.map(n => n.id));
    return { nodes, edges: model.edges.filter(e => ids.has(e.from) && ids.has(e.to)) };
}

/**
 * The map of one element's support tree (a focus), or undefined when the model has no element
 * of that name: the static counterpart of the preview's focus, for exports and embedded maps.
 */
export function focusModel(model: GraphModel, rootId: string): GraphModel | undefined {
    const tree = supportTree(model, rootId);
    return tree.size === 0 ? undefined : subModel(model, node => tree.has(node.id));
}

/** Case-, accent- and whitespace-insensitive text match against id, label and detail. */
export function matchesText(node: GraphNode, query: string): boolean {
    const q = foldText(query);
    if (!q) return false;
    return foldText(node.id).includes(q) || foldText(node.label).includes(q) || (node.detail !== undefined && foldText(node.detail).includes(q));
}

function foldText(s: string): string {
    return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}
