/**
 * The map's keyboard: one tab stop for the whole map (roving tabindex: the selection, else the
 * top conclusion), arrow keys along edges (edge-navigation.ts), Home/End to the ends of the
 * argument, and a spoken line in a live region saying where the move went or why it did not.
 */
import type { EdgeKind } from '../../../language/analysis/vocabulary.js';
import type { GraphEdge } from '../../../language/graph/graph-model.js';
import type { PositionedGraph } from '../../../language/graph/layout.js';
import { describeNode } from '../../../language/graph/render-svg.js';
import { h } from './dom.js';
import { EdgeNavigator, type Direction } from './edge-navigation.js';

const KEYS = new Map<string, Direction>([['ArrowUp', 'up'], ['ArrowDown', 'down'], ['ArrowLeft', 'left'], ['ArrowRight', 'right'], ['Home', 'home'], ['End', 'end']]);

/** The edge read from the node that is left behind: "supports", or "supported by" from the other end. */
const PASSIVE: Record<EdgeKind, string> = {
    supports: 'supported by', opposes: 'opposed by', interprets: 'interpreted by',
    cites: 'cited by', observes: 'observed by', classifies: 'classified by'
};

const NOTHING: Record<Direction, string> = {
    up: 'nothing above: no other element rests on it',
    down: 'no supporting element below',
    left: 'nothing further left',
    right: 'nothing further right',
    home: 'already at a top conclusion',
    end: 'already at the evidence: nothing below'
};

export class KeyboardNavigation {
    private navigator: EdgeNavigator | null = null;
    private nodes = new Map<string, SVGGElement>();
    private stop: SVGGElement | undefined;
    /** The node asked for last (the selection); the stop falls back to the top conclusion while it is hidden. */
    private wanted: string | null = null;

    /**
     * @param map the map's svg
     * @param region a polite live region; a note is added to it for each move
     * @param go selects the node moved to and brings it into view (before it takes focus)
     */
    constructor(map: SVGSVGElement, private readonly region: HTMLElement, private readonly go: (id: string) => void) {
        // Chromium makes the clipping svg a tab stop of its own, one Tab before the map's node
        map.setAttribute('tabindex', '-1');
        // filters may have hidden the stop since: settle it before the browser moves focus
        document.addEventListener('keydown', e => { if (e.key === 'Tab') this.rove(this.wanted); }, true);
    }

    /** After each drawing: every node leaves the tab order but one. */
    attach(layout: PositionedGraph, nodes: Map<string, SVGGElement>, selected: string | null): void {
        this.navigator = new EdgeNavigator(layout);
        this.nodes = nodes;
        this.stop = undefined;
        for (const g of nodes.values()) g.setAttribute('tabindex', '-1');
        this.rove(selected);
    }

    /** Makes `id` (or, when it is not drawn, the top conclusion) the map's tab stop. */
    rove(id: string | null): void {
        this.wanted = id;
        const entry = this.navigator?.entry(id, this.shown);
        const g = entry && this.nodes.get(entry.node.id);
        if (!g || g === this.stop) return;
        this.stop?.setAttribute('tabindex', '-1');
        g.setAttribute('tabindex', '0');
        this.stop = g;
    }

    /** Handles a navigation key (arrows, Home, End) pressed on the focused node `id`; ignores others. */
    key(event: KeyboardEvent, id: string): void {
        const direction = KEYS.get(event.key);
        if (!direction || event.altKey || event.ctrlKey || event.metaKey || !this.navigator) return;
        event.preventDefault();
        const move = this.navigator.move(id, direction, this.shown);
        const g = move && this.nodes.get(move.to.node.id);
        if (!move || !g) {
            this.announce(NOTHING[direction]);
            return;
        }
        this.go(move.to.node.id);
        this.rove(move.to.node.id);
        g.focus({ preventScroll: true });
        this.announce(`${move.edge ? relation(move.edge, id) + ' ' : ''}${describeNode(move.to.node, 'visible').split('\n')[0]}`);
    }

    private readonly shown = (id: string): boolean => {
        const g = this.nodes.get(id);
        return g !== undefined && g.isConnected && !g.closest('.w-hidden');
    };

    private announce(text: string): void {
        this.region.querySelector(':scope > .w-nav-note')?.remove();
        this.region.append(h('span', { class: 'w-nav-note', text }));
    }
}

function relation(edge: GraphEdge, from: string): string {
    return edge.from === from ? edge.kind : PASSIVE[edge.kind];
}
