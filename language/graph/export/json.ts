/**
 * The graph model as JSON (the `warrant/graph` contract, see graph-model.ts): canonical node
 * and edge order ({@link normalizeModel}) and a fixed key order, so exports diff cleanly.
 * Text is kept exactly; `< > &`, U+2028/9 and hidden characters (bidi, invisible, controls)
 * are written as `\u` escapes, so the file is inert in editors and inside HTML and still
 * parses back to the same strings.
 */
import type { GraphEdge, GraphModel, GraphNode } from '../graph-model.js';
import { safeJson } from '../escape.js';
import { normalizeModel } from '../model-utils.js';

/** A copy of a node with keys in contract order (optional keys only when present). */
export function orderedNode(n: GraphNode): GraphNode {
    const out: GraphNode = { id: n.id, kind: n.kind, label: n.label, status: n.status };
    if (n.detail !== undefined) out.detail = n.detail;
    if (n.uri !== undefined) out.uri = n.uri;
    if (n.range !== undefined) {
        out.range = {
            start: { line: n.range.start.line, character: n.range.start.character },
            end: { line: n.range.end.line, character: n.range.end.character }
        };
    }
    if (n.section !== undefined) out.section = n.section;
    return out;
}

export function orderedEdge(e: GraphEdge): GraphEdge {
    return { from: e.from, to: e.to, kind: e.kind };
}

export function exportJson(model: GraphModel): string {
    const normalized = normalizeModel(model);
    return safeJson({ nodes: normalized.nodes.map(orderedNode), edges: normalized.edges.map(orderedEdge) }, 2) + '\n';
}
