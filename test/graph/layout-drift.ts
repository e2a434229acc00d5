/**
 * How much a layout moved between two runs (e.g. before and after an edit): the measure the
 * layout stability test bounds.
 */
import type { PositionedGraph, PositionedNode } from '../../language/graph/layout.js';

export interface LayoutDrift {
    /** Nodes present in both layouts. */
    common: number;
    /** Fraction of common nodes that stay in the same layer (row), counted from the top. */
    sameLayer: number;
    /** Fraction of pairs of common nodes sharing a layer in both layouts whose left-to-right order is kept. */
    orderKept: number;
    /** Fraction of common nodes whose centre moved by less than one node width/height. */
    nearlyStill: number;
}

/**
 * The layer (row, counted from the top of its group) of each node: nodes of a group whose
 * vertical extents overlap belong to one layer — layered layout separates layers by a gap, so
 * this recovers them. Groups (files, sections) are laid out each on their own, so layers and
 * left-to-right order are what an edit could disturb inside a group; keys are `group/layer`.
 */
export function layersOf(graph: PositionedGraph): Map<string, string> {
    const layers = new Map<string, string>();
    const byGroup = new Map<string, PositionedNode[]>();
    for (const n of graph.nodes) {
        const list = byGroup.get(n.group) ?? [];
        list.push(n);
        byGroup.set(n.group, list);
    }
    for (const [group, members] of byGroup) {
        const sorted = [...members].sort((a, b) => a.y - b.y);
        let layer = -1;
        let bandEnd = -Infinity;
        for (const n of sorted) {
            if (n.y >= bandEnd) layer++;
            bandEnd = Math.max(n.y >= bandEnd ? -Infinity : bandEnd, n.y + n.height);
            layers.set(n.node.id, `${group}/${layer}`);
        }
    }
    return layers;
}

/** A node's position relative to its group's box (the box moves when another group grows). */
function inGroup(graph: PositionedGraph): Map<string, { x: number; y: number; width: number; height: number }> {
    const origin = new Map(graph.groups.map(g => [g.key, g]));
    return new Map(graph.nodes.map(n => {
        const g = origin.get(n.group);
        return [n.node.id, { x: n.x - (g?.x ?? 0), y: n.y - (g?.y ?? 0), width: n.width, height: n.height }];
    }));
}

export function layoutDrift(before: PositionedGraph, after: PositionedGraph): LayoutDrift {
    const a = inGroup(before);
    const b = inGroup(after);
    const common = [...a.keys()].filter(id => b.has(id));
    const la = layersOf(before), lb = layersOf(after);
    const sameLayer = common.filter(id => la.get(id) === lb.get(id));
    // pairs that share a layer before and after: is their horizontal order the same?
    const byLayer = new Map<string, string[]>();
    for (const id of sameLayer) {
        const list = byLayer.get(la.get(id)!) ?? [];
        list.push(id);
        byLayer.set(la.get(id)!, list);
    }
    let pairs = 0, kept = 0;
    for (const ids of byLayer.values()) {
        for (let i = 0; i < ids.length; i++) {
            for (let j = i + 1; j < ids.length; j++) {
                pairs++;
                const before = Math.sign(a.get(ids[i])!.x - a.get(ids[j])!.x);
                const after = Math.sign(b.get(ids[i])!.x - b.get(ids[j])!.x);
                if (before === after) kept++;
            }
        }
    }
    const still = common.filter(id => {
        const p = a.get(id)!, q = b.get(id)!;
        return Math.abs((p.x + p.width / 2) - (q.x + q.width / 2)) < p.width && Math.abs((p.y + p.height / 2) - (q.y + q.height / 2)) < p.height;
    });
    const n = Math.max(1, common.length);
    return { common: common.length, sameLayer: sameLayer.length / n, orderKept: pairs === 0 ? 1 : kept / pairs, nearlyStill: still.length / n };
}
