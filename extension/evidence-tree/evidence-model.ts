import { evidenceEnd, type GraphModel, type GraphNode } from '../../language/graph/graph-model.js';
import { isGroundedStatus, statusWord, type EdgeKind } from '../../language/analysis/vocabulary.js';

/** What a node rests on, and by which link ("supports", "opposes", "cites", …). */
export interface Reliance {
    id: string;
    via: EdgeKind;
}

/**
 * The graph model read downwards, from claims to what they rest on, for the evidence tree: no
 * VS Code here, so it is tested on its own. Evidence nodes are data, stats and sources.
 */
export class EvidenceModel {
    private readonly byId = new Map<string, GraphNode>();
    private readonly below = new Map<string, Reliance[]>();
    private readonly restedOn = new Set<string>();
    private readonly reachCache = new Map<string, Set<string>>();

    constructor(readonly model: GraphModel) {
        model.nodes.forEach(node => this.byId.set(node.id, node));
        for (const edge of model.edges) {
            const evidence = evidenceEnd(edge);
            const upper = evidence === edge.from ? edge.to : edge.from;
            if (!this.byId.has(evidence) || !this.byId.has(upper)) {
                continue;
            }
            const list = this.below.get(upper) ?? [];
            if (!list.some(r => r.id === evidence)) {
                list.push({ id: evidence, via: edge.kind });
            }
            this.below.set(upper, list);
            this.restedOn.add(evidence);
        }
    }

    node(id: string): GraphNode | undefined {
        return this.byId.get(id);
    }

    /** The claims, conclusions (claims nothing rests on) first, each part in declaration order. */
    claims(): GraphNode[] {
        const claims = this.model.nodes.filter(node => node.kind === 'claim');
        return [...claims.filter(c => this.isConclusion(c.id)), ...claims.filter(c => !this.isConclusion(c.id))];
    }

    isConclusion(id: string): boolean {
        return !this.restedOn.has(id);
    }

    /** What the node rests on directly: supporters, opposers, cited sources, classified stats, observed data. */
    reliances(id: string): readonly Reliance[] {
        return this.below.get(id) ?? [];
    }

    /**
     * "grounded · 3 data · 1 stat · 2 sources": the status and the evidence the node rests on
     * (an opposer's evidence does not hold a claim up, so it is not counted, nor on its path).
     */
    summary(id: string): string {
        const node = this.byId.get(id);
        if (!node) {
            return '';
        }
        const reached = [...this.reach(id)].map(other => this.byId.get(other)!.kind);
        const count = (kind: string, one: string, many: string) => {
            const n = reached.filter(k => k === kind).length;
            return n === 0 ? '' : `${n} ${n === 1 ? one : many}`;
        };
        const parts = [statusWord(node.status)];
        if (node.kind !== 'datum' && node.kind !== 'source') {
            parts.push(count('datum', 'datum', 'data'), count('stat', 'stat', 'stats'), count('source', 'source', 'sources'));
        }
        return parts.filter(Boolean).join(' · ');
    }

    /**
     * The shortest chain of ids from the node down to a datum, a stat or a resolved source (the
     * node itself when it is one); undefined when none is reached, i.e. the node is ungrounded.
     */
    groundingPath(id: string): string[] | undefined {
        const previous = new Map<string, string | null>([[id, null]]);
        const queue = [id];
        while (queue.length > 0) {
            const current = queue.shift()!;
            const node = this.byId.get(current)!;
            if (isEvidence(node) && isGroundedStatus(node.status)) {
                const path: string[] = [];
                for (let at: string | null = current; at !== null; at = previous.get(at) ?? null) {
                    path.unshift(at);
                }
                return path;
            }
            for (const next of this.reliances(current).filter(r => r.via !== 'opposes')) {
                if (!previous.has(next.id)) {
                    previous.set(next.id, current);
                    queue.push(next.id);
                }
            }
        }
        return undefined;
    }

    /**
     * Where the tree shows a node: the claim (the earliest in `claims()` order among the
     * nearest) and the shortest chain of links from it down to the node; no steps for a claim.
     * Undefined for a node that no claim rests on, however indirectly.
     */
    placeOf(id: string): { claim: string; steps: Reliance[] } | undefined {
        const previous = new Map<string, { from: string; via: EdgeKind } | null>(this.claims().map(claim => [claim.id, null]));
        const queue = [...previous.keys()];
        while (queue.length > 0) {
            const current = queue.shift()!;
            if (current === id) {
                const steps: Reliance[] = [];
                let at = current;
                for (let step = previous.get(at); step; step = previous.get(at)) {
                    steps.unshift({ id: at, via: step.via });
                    at = step.from;
                }
                return { claim: at, steps };
            }
            for (const next of this.reliances(current)) {
                if (!previous.has(next.id)) {
                    previous.set(next.id, { from: current, via: next.via });
                    queue.push(next.id);
                }
            }
        }
        return undefined;
    }

    /** The evidence `id` rests on, through any number of supporting links (cycles are walked once). */
    private reach(id: string): Set<string> {
        const cached = this.reachCache.get(id);
        if (cached) {
            return cached;
        }
        const seen = new Set<string>([id]);
        const evidence = new Set<string>();
        const stack = [id];
        while (stack.length > 0) {
            for (const next of this.reliances(stack.pop()!)) {
                if (next.via !== 'opposes' && !seen.has(next.id)) {
                    seen.add(next.id);
                    stack.push(next.id);
                    if (isEvidence(this.byId.get(next.id)!)) {
                        evidence.add(next.id);
                    }
                }
            }
        }
        this.reachCache.set(id, evidence);
        return evidence;
    }
}

function isEvidence(node: GraphNode): boolean {
    return node.kind === 'datum' || node.kind === 'stat' || node.kind === 'source';
}
