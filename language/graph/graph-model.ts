/**
 * The argument graph as exchanged with the preview, the CLI exports and other tools
 * (a contract: see docs/graph-model.md). Plain JSON, no AST or LSP objects.
 */

import type { EdgeKind, NodeKind, NodeStatus } from '../analysis/vocabulary.js';

/** Zero-based, like LSP positions. */
export interface GraphRange {
    start: { line: number; character: number };
    end: { line: number; character: number };
}

export interface GraphNode {
    /** The element's workspace-unique name (a citation key for sources). */
    id: string;
    kind: NodeKind;
    /** The element's text or title, as written by the user (unescaped). */
    label: string;
    status: NodeStatus;
    /** Document URI of the declaration; absent for BibTeX entries that are not in a file we know. */
    uri?: string;
    range?: GraphRange;
    /** Secondary text: respondent and method of a datum, value of a stat, author and year of a source. */
    detail?: string;
    /**
     * Title of the innermost section of its file the declaration starts in (the last heading
     * comment before it, such as `// ## Police`), as written (unescaped); absent outside sections.
     */
    section?: string;
}

/**
 * Reads as a sentence, `from KIND to`: datum *supports* claim, claim *opposes* … is written
 * `opposer opposes claim`, pattern *interprets* claim (its strategic interpretation), claim or
 * stat or scheme *cites* source, pattern *observes* datum, claim *classifies* stat (and scheme).
 * So for supports/opposes/interprets the evidence is `from`; for cites/observes/classifies it is `to`.
 */
export interface GraphEdge {
    from: string;
    to: string;
    kind: EdgeKind;
}

/** The end of an edge that lies nearer the evidence (drawn lower in the map). */
export function evidenceEnd(edge: GraphEdge): string {
    return edge.kind === 'supports' || edge.kind === 'opposes' || edge.kind === 'interprets' ? edge.from : edge.to;
}

export interface GraphModel {
    nodes: GraphNode[];
    edges: GraphEdge[];
}
