/**
 * AIF-JSON export, the Argument Interchange Format as used by OVA and AIFdb:
 * `{ nodes: [{ nodeID, text, type, timestamp? }], edges: [{ edgeID, fromID, toID, formEdgeID }],
 * locutions: [] }` with string ids (numbers, as AIFdb issues them).
 *
 * Claims, patterns, data, stats, sources and schemes become I-nodes (information). Every
 * inference becomes an RA node ("Default Inference") between premise and conclusion:
 * `supports` (evidence → claim), `interprets` (pattern → claim), `observes` (datum →
 * pattern), `cites` (source → citing element); a claim's `classifies` edges (stat and scheme)
 * share one RA ("Argument From Verbal Classification"). Every `opposes` becomes a CA node
 * ("Default Conflict") from the opposer to the opposed claim. Text is the visible label
 * (bidi controls removed), with a stat's value and a source's author/year; JSON is written
 * with `< > &` escaped so it can be embedded anywhere.
 */
import type { GraphModel, GraphNode } from '../graph-model.js';
import { neutralize, safeJson } from '../escape.js';
import { normalizeModel } from '../model-utils.js';

export interface AifNode { nodeID: string; text: string; type: 'I' | 'RA' | 'CA'; timestamp?: string }
export interface AifEdge { edgeID: string; fromID: string; toID: string; formEdgeID: null }
export interface AifDocument { nodes: AifNode[]; edges: AifEdge[]; locutions: never[] }

export interface AifOptions {
    /** A timestamp for every node (AIFdb format `YYYY-MM-DD HH:mm:ss`); omitted by default so exports are reproducible. */
    timestamp?: Date | string;
}

const RA_TEXT = 'Default Inference';
const CA_TEXT = 'Default Conflict';
const CLASSIFICATION_TEXT = 'Argument From Verbal Classification';

function aifTimestamp(t: Date | string): string {
    if (typeof t === 'string') return t;
    const p = (n: number) => String(n).padStart(2, '0');
    return `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}`;
}

function informationText(n: GraphNode): string {
    const label = neutralize(n.label).replace(/\s+/g, ' ').trim();
    const detail = n.detail ? neutralize(n.detail).replace(/\s+/g, ' ').trim() : '';
    if (n.kind === 'stat' && detail) return `${label}: ${detail}`;
    if (n.kind === 'source' && detail) return `${detail}. ${label}`;
    return label;
}

export function toAif(model: GraphModel, options: AifOptions = {}): AifDocument {
    const m = normalizeModel(model);
    const timestamp = options.timestamp !== undefined ? aifTimestamp(options.timestamp) : undefined;
    const nodes: AifNode[] = [];
    const edges: AifEdge[] = [];
    let nextNode = 1, nextEdge = 1;
    const addNode = (text: string, type: AifNode['type']) => {
        const node: AifNode = { nodeID: String(nextNode++), text, type };
        if (timestamp) node.timestamp = timestamp;
        nodes.push(node);
        return node.nodeID;
    };
    const link = (fromID: string, toID: string) => edges.push({ edgeID: String(nextEdge++), fromID, toID, formEdgeID: null });
    const ids = new Map<string, string>();
    for (const n of m.nodes) ids.set(n.id, addNode(informationText(n), 'I'));
    const classification = new Map<string, string>(); // claim id → its classification RA
    for (const e of m.edges) {
        if (e.from === e.to) continue;
        const from = ids.get(e.from)!, to = ids.get(e.to)!;
        switch (e.kind) {
            case 'supports':
            case 'interprets': {
                const ra = addNode(RA_TEXT, 'RA');
                link(from, ra); link(ra, to);
                break;
            }
            case 'cites':
            case 'observes': {
                const ra = addNode(RA_TEXT, 'RA');
                link(to, ra); link(ra, from);
                break;
            }
            case 'classifies': {
                let ra = classification.get(e.from);
                if (!ra) {
                    ra = addNode(CLASSIFICATION_TEXT, 'RA');
                    classification.set(e.from, ra);
                    link(ra, from);
                }
                link(to, ra);
                break;
            }
            case 'opposes': {
                const ca = addNode(CA_TEXT, 'CA');
                link(from, ca); link(ca, to);
                break;
            }
        }
    }
    return { nodes, edges, locutions: [] };
}

export function exportAif(model: GraphModel, options: AifOptions = {}): string {
    return safeJson(toAif(model, options), 2) + '\n';
}
