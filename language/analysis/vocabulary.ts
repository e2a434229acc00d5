/**
 * The analysis' vocabulary: the kinds of elements and links of an argument and the grounding
 * status of an element. The graph model, the renderers and the editor's views speak it.
 */

export type NodeKind = 'claim' | 'pattern' | 'datum' | 'stat' | 'source' | 'scheme';
export type EdgeKind = 'supports' | 'opposes' | 'cites' | 'observes' | 'interprets' | 'classifies';
/**
 * `grounded`, `contested` and `contradicted` trace to data or a resolved source; `ungrounded`
 * and `circular` do not (`circular`: in a support cycle and grounded by nothing outside it).
 * A grounded claim that is also in a cycle keeps its grounded status (the cycle is reported
 * as circular-support); `contradicted`: grounded, but its own statistic falls outside the
 * band it classifies it into; `contested`: grounded and opposed by grounded evidence.
 */
export type NodeStatus = 'grounded' | 'ungrounded' | 'circular' | 'contested' | 'contradicted';

/** Each kind, status and link once, in the order filters and canonical sorting list them. */
export const NODE_KINDS: readonly NodeKind[] = ['claim', 'pattern', 'scheme', 'stat', 'datum', 'source'];
export const EDGE_KINDS: readonly EdgeKind[] = ['supports', 'opposes', 'interprets', 'classifies', 'observes', 'cites'];
export const NODE_STATUSES: readonly NodeStatus[] = ['grounded', 'ungrounded', 'contested', 'contradicted', 'circular'];

/** Whether a status is one of a node that traces to data or a resolved source. */
export function isGroundedStatus(status: NodeStatus): boolean {
    return status !== 'ungrounded' && status !== 'circular';
}

const STATUS_WORDS: Record<NodeStatus, string> = {
    grounded: 'grounded',
    ungrounded: 'ungrounded',
    circular: 'circular',
    contested: 'contested',
    contradicted: 'grounded · contradicted by its own statistic'
};

/** A status in words, as hovers, code lenses and the evidence tree say it. */
export function statusWord(status: NodeStatus): string {
    return STATUS_WORDS[status];
}
