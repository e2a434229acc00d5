/**
 * The groups a map is drawn in: one per file, and one per section where a file marks sections
 * with heading comments. A group is what a reader sees when the map is too small for the text
 * of its elements: a labelled box with counts and the problems inside it.
 */
import { NODE_KINDS, type NodeKind, type NodeStatus } from '../analysis/vocabulary.js';
import type { GraphModel, GraphNode } from './graph-model.js';
import { neutralize } from './escape.js';

export interface GraphGroup {
    /** Stable identity: the file's URI and the section. */
    key: string;
    /** The file as the reader knows it: its path below the folder all the map's files share. */
    file: string;
    section?: string;
    /** `argument.warrant § Police and social care` (neutralised, not escaped). */
    title: string;
    /** Indices of the member nodes in the model, ascending. */
    members: number[];
    kinds: Partial<Record<NodeKind, number>>;
    statuses: Partial<Record<NodeStatus, number>>;
}

/** Elements the server knows of only by a citation: cited keys found in no bibliography. */
const NO_FILE = 'cited, in no bibliography or file';

const PLURALS: Record<NodeKind, [string, string]> = {
    claim: ['claim', 'claims'], pattern: ['pattern', 'patterns'], scheme: ['scheme', 'schemes'],
    stat: ['stat', 'stats'], datum: ['datum', 'data'], source: ['source', 'sources']
};
const PROBLEMS: readonly NodeStatus[] = ['ungrounded', 'circular', 'contradicted', 'contested'];

/** Groups in the order of their first member (the model is expected in canonical order). */
export function groupNodes(model: GraphModel): GraphGroup[] {
    const prefix = commonFolder(model.nodes);
    const byKey = new Map<string, GraphGroup>();
    model.nodes.forEach((node, index) => {
        const key = `${node.uri ?? ''}\u0000${node.section ?? ''}`;
        let group = byKey.get(key);
        if (!group) {
            const file = node.uri === undefined ? NO_FILE : displayPath(node.uri, prefix);
            const section = node.section ? neutralize(node.section) : undefined;
            group = { key, file, section, title: section ? `${file} § ${section}` : file, members: [], kinds: {}, statuses: {} };
            byKey.set(key, group);
        }
        group.members.push(index);
        group.kinds[node.kind] = (group.kinds[node.kind] ?? 0) + 1;
        group.statuses[node.status] = (group.statuses[node.status] ?? 0) + 1;
    });
    return [...byKey.values()];
}

/** "36 claims · 2 data · 4 ungrounded": what is in the group and what is wrong with it. */
export function groupSummary(group: Pick<GraphGroup, 'kinds' | 'statuses'>): string {
    const parts: string[] = [];
    for (const kind of NODE_KINDS) {
        const n = group.kinds[kind];
        if (n) parts.push(`${n} ${PLURALS[kind][n === 1 ? 0 : 1]}`);
    }
    for (const status of PROBLEMS) {
        const n = group.statuses[status];
        if (n) parts.push(`${n} ${status}`);
    }
    return parts.join(' · ');
}

function commonFolder(nodes: readonly GraphNode[]): string {
    let prefix: string | undefined;
    for (const node of nodes) {
        if (node.uri === undefined) continue;
        const folder = node.uri.slice(0, node.uri.lastIndexOf('/') + 1);
        if (prefix === undefined) { prefix = folder; continue; }
        let i = 0;
        while (i < prefix.length && i < folder.length && prefix[i] === folder[i]) i++;
        prefix = prefix.slice(0, prefix.lastIndexOf('/', i - 1) + 1);
    }
    return prefix ?? '';
}

function displayPath(uri: string, prefix: string): string {
    const rest = uri.startsWith(prefix) ? uri.slice(prefix.length) : uri;
    let decoded: string;
    try { decoded = decodeURIComponent(rest); } catch { decoded = rest; }
    return neutralize(decoded || uri);
}
