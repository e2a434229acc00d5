/**
 * The overview in the canvas corner: every node as a small box coloured by status (no text:
 * nothing there could be read) and the part of the map in the window as a rectangle. A click
 * or a drag in it moves the window there at the same zoom. Drawn once per layout; following a
 * pan or zoom moves one rectangle.
 */
import type { PositionedGraph } from '../../../language/graph/layout.js';
import { h, toDom } from './dom.js';
import type { View } from './messages.js';

const PAD = 24;
/** The largest overview (px); a long or tall map gets a box of its own proportions inside it. */
const MAX_WIDTH = 200, MAX_HEIGHT = 130, MIN_SIDE = 32;

export const MINIMAP_STYLESHEET = `
.w-minimap { position: absolute; right: 8px; bottom: 8px; border: 1px solid var(--u-widget-border); box-shadow: 0 2px 8px var(--u-shadow); cursor: crosshair; touch-action: none; }
.w-minimap[hidden] { display: none; }
/* beside the legend when both are open (the legend is 400 px wide plus padding and border) */
.w-legend:not([hidden]) ~ .w-minimap { right: 426px; }
.w-minimap > svg { display: block; width: 100%; height: 100%; }
.w-minimap .w-mm-node { fill: var(--t-muted); opacity: .55; }
.w-minimap .w-mm-ungrounded { fill: var(--t-ungrounded); opacity: 1; }
.w-minimap .w-mm-contested { fill: var(--t-contested); opacity: 1; }
.w-minimap .w-mm-contradicted { fill: var(--t-contradicted); opacity: 1; }
.w-minimap .w-mm-circular { fill: var(--t-circular); opacity: 1; }
.w-minimap .w-mm-view { fill: var(--t-focus); fill-opacity: .12; stroke: var(--t-focus); stroke-width: 1.5; vector-effect: non-scaling-stroke; }
.w-minimap-toggle[aria-pressed="true"] { background: var(--u-chip-on-bg); color: var(--u-chip-on-fg); }
@media print { .w-minimap, .w-minimap[hidden] { display: none; } }
`;

export class Minimap {
    /** Placed in the canvas, over the map. */
    readonly element: HTMLDivElement;
    /** The toolbar's toggle. */
    readonly button: HTMLButtonElement;
    private readonly svg: SVGSVGElement;
    private readonly nodes: SVGGElement;
    private readonly view: SVGRectElement;
    private canvasWidth = 0;
    private canvasHeight = 0;
    private hasNodes = false;
    private last: View | undefined;
    /** The reader's choice, once made; until then the size of the map decides. */
    private chosen: boolean | undefined;
    private wanted = false;

    /**
     * @param canvas the element the map is shown in (its size gives the window's rectangle)
     * @param panTo centres the map's window on a point of the map, keeping the zoom
     */
    constructor(canvas: HTMLElement, private readonly panTo: (x: number, y: number) => void) {
        this.nodes = toDom({ tag: 'g', attrs: {} }) as SVGGElement;
        this.view = toDom({ tag: 'rect', attrs: { class: 'w-mm-view' } }) as SVGRectElement;
        // the map's own class: its colour variables (--t-*) apply inside
        this.svg = toDom({ tag: 'svg', attrs: { class: 'warrant-map w-minimap-map', 'aria-hidden': 'true', preserveAspectRatio: 'xMidYMid meet' } }) as SVGSVGElement;
        this.svg.append(this.nodes, this.view);
        this.element = h('div', { class: 'w-minimap', attrs: { title: 'Overview: click or drag to move the view' } }, [this.svg]);
        this.element.hidden = true;
        this.button = h('button', { class: 'w-button w-minimap-toggle', text: 'Minimap', attrs: { type: 'button', title: 'Show or hide the overview (M)', 'aria-label': 'Show or hide the overview', 'aria-pressed': 'false' } });
        this.button.addEventListener('click', () => this.toggle());
        document.addEventListener('keydown', e => {
            const target = e.target as Element | null;
            if ((e.key === 'm' || e.key === 'M') && !e.ctrlKey && !e.metaKey && !e.altKey && !target?.closest('input, select, textarea, [contenteditable]')) this.toggle();
        });
        new ResizeObserver(() => {
            this.canvasWidth = canvas.clientWidth;
            this.canvasHeight = canvas.clientHeight;
            if (this.last) this.setViewport(this.last);
        }).observe(canvas);
        this.canvasWidth = canvas.clientWidth;
        this.canvasHeight = canvas.clientHeight;
        this.bindPointer();
    }

    /**
     * A new layout. `crowded`: the map does not fit the window at a readable size — the
     * overview then shows itself unless the reader has hidden it.
     */
    draw(layout: PositionedGraph, crowded: boolean): void {
        const boxes = layout.nodes.map(p => toDom({ tag: 'rect', attrs: {
            class: `w-mm-node w-mm-${p.node.status}`, x: Math.round(p.x), y: Math.round(p.y), width: Math.round(p.width), height: Math.round(p.height)
        } }));
        this.nodes.replaceChildren(...boxes);
        const width = layout.width + 2 * PAD, height = layout.height + 2 * PAD;
        this.svg.setAttribute('viewBox', `${-PAD} ${-PAD} ${Math.round(width)} ${Math.round(height)}`);
        const fit = Math.min(MAX_WIDTH / width, MAX_HEIGHT / height);
        // CSSOM, not a style attribute: the webview's CSP allows only the former
        this.element.style.width = `${Math.round(Math.max(MIN_SIDE, width * fit))}px`;
        this.element.style.height = `${Math.round(Math.max(MIN_SIDE, height * fit))}px`;
        this.hasNodes = boxes.length > 0;
        this.wanted = crowded;
        this.update();
    }

    /** The map moved or zoomed: the window's rectangle follows. */
    setViewport(v: View): void {
        this.last = v;
        this.view.setAttribute('x', (-v.x / v.scale).toFixed(1));
        this.view.setAttribute('y', (-v.y / v.scale).toFixed(1));
        this.view.setAttribute('width', (this.canvasWidth / v.scale).toFixed(1));
        this.view.setAttribute('height', (this.canvasHeight / v.scale).toFixed(1));
    }

    toggle(): void {
        this.chosen = !(this.chosen ?? this.wanted);
        this.update();
    }

    private update(): void {
        const on = this.chosen ?? this.wanted;
        this.button.setAttribute('aria-pressed', String(on));
        this.element.hidden = !on || !this.hasNodes;
    }

    private bindPointer(): void {
        const panToPointer = (e: PointerEvent) => {
            const matrix = this.svg.getScreenCTM();
            if (!matrix) return;
            const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(matrix.inverse());
            this.panTo(p.x, p.y);
        };
        // the minimap is not part of the map: its pointer events never pan or select there
        this.element.addEventListener('pointerdown', e => {
            e.stopPropagation();
            if (e.button !== 0) return;
            e.preventDefault();
            this.element.setPointerCapture(e.pointerId);
            panToPointer(e);
        });
        this.element.addEventListener('pointermove', e => {
            e.stopPropagation();
            if (this.element.hasPointerCapture(e.pointerId)) panToPointer(e);
        });
        const end = (e: PointerEvent) => {
            e.stopPropagation();
            if (this.element.hasPointerCapture(e.pointerId)) this.element.releasePointerCapture(e.pointerId);
        };
        this.element.addEventListener('pointerup', end);
        this.element.addEventListener('pointercancel', end);
        this.element.addEventListener('click', e => e.stopPropagation());
    }
}
