/**
 * Where the arrow keys go on a laid-out map. Up and Down follow edges — up to what a node
 * supports, opposes, interprets, or is cited, observed or classified by; down to what it rests
 * on — so the keyboard walks the argument, not the picture. Left and Right stay in the node's
 * layer. Pure (no DOM): the viewer builds one navigator per layout and asks it on key presses.
 */
import type { GraphEdge } from '../../../language/graph/graph-model.js';
import { evidenceEnd } from '../../../language/graph/graph-model.js';
import type { PositionedGraph, PositionedNode } from '../../../language/graph/layout.js';
import { conclusionEnd } from '../../../language/graph/model-utils.js';

export type Direction = 'up' | 'down' | 'left' | 'right' | 'home' | 'end';

export interface Move {
    to: PositionedNode;
    /** The edge followed; absent for a move within the layer and for Home/End. */
    edge?: GraphEdge;
}

interface Link { other: PositionedNode; edge: GraphEdge }

/** Whether a node can take focus (filters may hide some); every node by default. */
export type Shown = (id: string) => boolean;
const ALL: Shown = () => true;

const centreX = (p: PositionedNode) => p.x + p.width / 2;
const overlapsVertically = (a: PositionedNode, b: PositionedNode) => a.y < b.y + b.height && b.y < a.y + a.height;

export class EdgeNavigator {
    private readonly byId = new Map<string, PositionedNode>();
    /** Position in the model, the tie-break that keeps moves stable across redraws. */
    private readonly rank = new Map<string, number>();
    private readonly above = new Map<string, Link[]>();
    private readonly below = new Map<string, Link[]>();
    /** Nodes by centre x, for moves within a layer. */
    private readonly byX: PositionedNode[];
    private readonly xIndex = new Map<string, number>();

    constructor(layout: PositionedGraph) {
        layout.model.nodes.forEach((n, i) => this.rank.set(n.id, i));
        for (const p of layout.nodes) {
            this.byId.set(p.node.id, p);
            this.above.set(p.node.id, []);
            this.below.set(p.node.id, []);
        }
        for (const { edge } of layout.edges) {
            const upper = this.byId.get(conclusionEnd(edge)), lower = this.byId.get(evidenceEnd(edge));
            if (!upper || !lower || upper === lower) continue;
            const ups = this.above.get(lower.node.id)!, downs = this.below.get(upper.node.id)!;
            // two edges between the same pair (a claim both supports and cites…): one move
            if (!ups.some(l => l.other === upper)) ups.push({ other: upper, edge });
            if (!downs.some(l => l.other === lower)) downs.push({ other: lower, edge });
        }
        this.byX = [...layout.nodes].sort((a, b) => centreX(a) - centreX(b) || this.order(a) - this.order(b));
        this.byX.forEach((p, i) => this.xIndex.set(p.node.id, i));
    }

    /** The node to move to from `id`, or undefined when there is none that way. */
    move(id: string, direction: Direction, shown: Shown = ALL): Move | undefined {
        const from = this.byId.get(id);
        if (!from) return undefined;
        switch (direction) {
            case 'up': return this.nearest(from, this.links(from, 'up', shown));
            case 'down': return this.nearest(from, this.links(from, 'down', shown));
            case 'left': case 'right': return this.sideways(from, direction === 'left' ? -1 : 1, shown);
            case 'home': case 'end': {
                const to = this.nearestEnd(from, direction === 'home' ? 'up' : 'down', shown);
                return to ? { to } : undefined;
            }
        }
    }

    /**
     * The node the map's single tab stop should be on: `preferred` (the selection) when it is
     * drawn, else the highest top conclusion (nothing above it), leftmost first.
     */
    entry(preferred: string | null | undefined, shown: Shown = ALL): PositionedNode | undefined {
        const chosen = preferred ? this.byId.get(preferred) : undefined;
        if (chosen && shown(chosen.node.id)) return chosen;
        const candidates = [...this.byId.values()].filter(p => shown(p.node.id));
        const tops = candidates.filter(p => this.links(p, 'up', shown).length === 0);
        return (tops.length > 0 ? tops : candidates).reduce<PositionedNode | undefined>((best, p) =>
            !best || p.y < best.y || (p.y === best.y && (p.x < best.x || (p.x === best.x && this.order(p) < this.order(best)))) ? p : best, undefined);
    }

    private order(p: PositionedNode): number {
        return this.rank.get(p.node.id) ?? Number.MAX_SAFE_INTEGER;
    }

    private links(from: PositionedNode, way: 'up' | 'down', shown: Shown): Link[] {
        return (way === 'up' ? this.above : this.below).get(from.node.id)!.filter(l => shown(l.other.node.id));
    }

    /** Of several edges that way, the one whose node is nearest horizontally (then model order). */
    private nearest(from: PositionedNode, links: Link[]): Move | undefined {
        const best = this.closest(from, links, l => l.other);
        return best && { to: best.other, edge: best.edge };
    }

    private closest<T>(from: PositionedNode, items: T[], node: (item: T) => PositionedNode): T | undefined {
        const x = centreX(from);
        let best: T | undefined, bestD = Infinity;
        for (const item of items) {
            const d = Math.abs(centreX(node(item)) - x);
            if (d < bestD || (d === bestD && this.order(node(item)) < this.order(node(best!)))) { best = item; bestD = d; }
        }
        return best;
    }

    /** The nearest node of the same layer that side; failing that, the nearest edge neighbour that side. */
    private sideways(from: PositionedNode, step: -1 | 1, shown: Shown): Move | undefined {
        const x = centreX(from);
        const beyond = (p: PositionedNode) => step < 0 ? centreX(p) < x : centreX(p) > x;
        for (let i = this.xIndex.get(from.node.id)! + step; i >= 0 && i < this.byX.length; i += step) {
            const p = this.byX[i];
            if (beyond(p) && overlapsVertically(p, from) && shown(p.node.id)) return { to: p };
        }
        return this.nearest(from, [...this.links(from, 'up', shown), ...this.links(from, 'down', shown)].filter(l => beyond(l.other)));
    }

    /**
     * Home: the top conclusion `from` leads up to (nothing above it); End: the evidence it rests
     * on at the bottom. The nearest horizontally when several; none when `from` is already there.
     */
    private nearestEnd(from: PositionedNode, way: 'up' | 'down', shown: Shown): PositionedNode | undefined {
        const seen = new Set<PositionedNode>([from]);
        const queue = [from];
        const ends: PositionedNode[] = [];
        for (let i = 0; i < queue.length; i++) {
            const next = this.links(queue[i], way, shown);
            if (next.length === 0 && queue[i] !== from) ends.push(queue[i]);
            for (const l of next) if (!seen.has(l.other)) { seen.add(l.other); queue.push(l.other); }
        }
        return this.closest(from, ends, p => p);
    }
}
