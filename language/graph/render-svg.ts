/**
 * Positioned graph → SVG: the one renderer behind the preview, the SVG/HTML exports and the
 * README picture.
 *
 * - Shape per kind: claim rounded box, pattern hexagon, datum note (folded corner), stat
 *   cylinder with its value in bold, source book (spine), scheme banded box.
 * - Status without colour: ungrounded dashed border + warning-triangle badge, contested thick
 *   border + bar (⊥, like an `opposes` head) badge, contradicted dotted border + ≠ badge,
 *   circular dash-dot border + cycle-arrow badge.
 * - Edge style per kind: supports solid + arrow, opposes red + bar head, cites dotted + open
 *   arrow, observes dash-dot, interprets thick dashed, classifies thin + label.
 * - No inline `style` attributes (the webview's CSP forbids them): classes for the stylesheet
 *   ({@link GRAPH_STYLESHEET}) plus presentation attributes as a fallback.
 * - User text only ever reaches the output through {@link neutralize} and the serialiser's
 *   escaping: labels/details shown with hidden characters removed, tooltips (`<title>`) with them
 *   made visible; ids in `data-id` attributes escaped as-is.
 */
import { NODE_STATUSES, type EdgeKind, type NodeKind, type NodeStatus } from '../analysis/vocabulary.js';
import type { GraphNode } from './graph-model.js';
import { hasHiddenText, neutralize } from './escape.js';
import { GROUP_BOX, KIND_GEOMETRY, METRICS, type Point, type PositionedBundle, type PositionedEdge, type PositionedGraph, type PositionedGroup, type PositionedNode } from './layout.js';
import { GROUP_TITLE_FONT, NAME_FONT } from './level-of-detail.js';
import { el, serializeSvg, type SvgElement } from './svg-tree.js';
import { fitLine, textWidth } from './text-metrics.js';
import { GRAPH_STYLESHEET, PALETTES, STATUS_ENCODING } from './style.js';

export { GRAPH_STYLESHEET } from './style.js';

export interface RenderOptions {
    /** `<title>` tooltips on nodes and edges (default true; the webview uses its own tooltip). */
    titles?: boolean;
    /** Embed the stylesheet in the SVG (standalone .svg files; default false). */
    embedStyle?: boolean;
    /** Prefix for ids inside the SVG (markers), to keep several maps on one page apart (default `w`). */
    idPrefix?: string;
    /** Blank margin around the drawing, px (default 16). */
    margin?: number;
    /** Accessible name of the whole map. */
    title?: string;
    /** Make nodes keyboard-focusable buttons (webview; default false). */
    interactive?: boolean;
    /** CSS appended to the embedded stylesheet (e.g. theme colours baked into an export). */
    extraStyle?: string;
}

const KIND_NAMES: Record<NodeKind, string> = { claim: 'claim', pattern: 'pattern', datum: 'datum', stat: 'statistic', source: 'source', scheme: 'scheme' };
const STATUS_NAMES: Record<NodeStatus, string> = { grounded: 'grounded', ungrounded: 'ungrounded', contested: 'contested', contradicted: 'contradicted by its data', circular: 'circular support' };

/** Presentation-attribute fallbacks (light palette), for viewers without CSS. */
const FALLBACK_KIND: Record<NodeKind, string> = PALETTES.light;
/** Every status but grounded (the kind's own colour) draws in its palette colour. */
const FALLBACK_STATUS: Partial<Record<NodeStatus, string>> = Object.fromEntries(NODE_STATUSES.filter(status => status !== 'grounded').map(status => [status, PALETTES.light[status]]));
const STATUS_DASH: Partial<Record<NodeStatus, string>> = Object.fromEntries(Object.entries(STATUS_ENCODING).map(([status, e]) => [status, e.dash]));

interface EdgeStyle { dash?: string; width: number; marker: string; color: string }
const EDGE_STYLE: Record<EdgeKind, EdgeStyle> = {
    supports: { width: 1.6, marker: 'arrow', color: PALETTES.light.edge },
    opposes: { width: 1.8, marker: 'bar', color: PALETTES.light.opposes },
    cites: { width: 1.2, dash: '2 3', marker: 'open', color: PALETTES.light.edge },
    observes: { width: 1.4, dash: '8 3 2 3', marker: 'arrow', color: PALETTES.light.datum },
    interprets: { width: 2.8, dash: '7 4', marker: 'arrow', color: PALETTES.light.pattern },
    classifies: { width: 1, marker: 'open', color: PALETTES.light.stat }
};

/** The whole map as an SVG document string. */
export function renderSvg(graph: PositionedGraph, options: RenderOptions = {}): string {
    return serializeSvg(renderSvgTree(graph, options));
}

/** The whole map as an element tree (see {@link serializeSvg}; the webview turns it into DOM). */
export function renderSvgTree(graph: PositionedGraph, options: RenderOptions = {}): SvgElement {
    const margin = options.margin ?? 16;
    const prefix = sanitizeIdPrefix(options.idPrefix ?? 'w');
    const width = Math.max(1, graph.width) + 2 * margin;
    const height = Math.max(1, graph.height) + 2 * margin;
    const children: SvgElement[] = [];
    const name = options.title ?? `Argument map: ${graph.nodes.length} elements, ${graph.edges.length} links`;
    children.push(el('title', {}, [neutralize(name)]));
    if (options.embedStyle) children.push(el('style', {}, [GRAPH_STYLESHEET + (options.extraStyle ?? '')]));
    children.push(renderDefs(prefix));
    children.push(el('rect', { class: 'w-bg', x: -margin, y: -margin, width, height, fill: '#ffffff' }));
    children.push(el('g', { class: 'w-groups' }, graph.groups.filter(g => g.framed).map(renderGroupBox)));
    children.push(el('g', { class: 'w-edges' }, graph.edges.map(e => renderEdge(e, graph, prefix, options))));
    children.push(el('g', { class: 'w-bundles' }, graph.bundles.map(renderBundle)));
    children.push(el('g', { class: 'w-nodes' }, graph.nodes.map(n => renderNode(n, graph.overview, options))));
    children.push(el('g', { class: 'w-group-captions' }, graph.groups.map(renderGroupCaption)));
    return el('svg', {
        xmlns: 'http://www.w3.org/2000/svg',
        class: `warrant-map${graph.overview ? ' w-overview' : ''}`,
        viewBox: `${-margin} ${-margin} ${width} ${height}`,
        width,
        height,
        role: 'img',
        'aria-label': neutralize(name),
        'font-family': 'system-ui, -apple-system, Segoe UI, Ubuntu, Helvetica, Arial, sans-serif',
        'data-engine': graph.engine
    }, children);
}

function sanitizeIdPrefix(prefix: string): string {
    const clean = prefix.replace(/[^A-Za-z0-9_-]/g, '');
    return /^[A-Za-z]/.test(clean) ? clean : 'w' + clean;
}

function renderDefs(prefix: string): SvgElement {
    const marker = (id: string, cls: string, child: SvgElement) => el('marker', {
        id: `${prefix}-${id}`, viewBox: '0 0 12 12', refX: 11, refY: 6, markerWidth: 11, markerHeight: 11,
        markerUnits: 'userSpaceOnUse', orient: 'auto'
    }, [{ ...child, attrs: { ...child.attrs, class: cls } }]);
    const arrow = el('path', { d: 'M1,1.5 L11,6 L1,10.5 Z' });
    const open = el('path', { d: 'M1.5,1.5 L11,6 L1.5,10.5', fill: 'none' });
    const bar = el('path', { d: 'M11,0.5 L11,11.5 M5,6 L11,6', fill: 'none' });
    return el('defs', {}, [
        marker('supports', 'w-marker w-marker-supports', { ...arrow, attrs: { ...arrow.attrs, fill: EDGE_STYLE.supports.color } }),
        marker('opposes', 'w-marker-opposes', { ...bar, attrs: { ...bar.attrs, stroke: EDGE_STYLE.opposes.color, 'stroke-width': 2.2 } }),
        marker('cites', 'w-marker-open w-marker-cites', { ...open, attrs: { ...open.attrs, stroke: EDGE_STYLE.cites.color, 'stroke-width': 1.3 } }),
        marker('observes', 'w-marker w-marker-observes', { ...arrow, attrs: { ...arrow.attrs, fill: EDGE_STYLE.observes.color } }),
        marker('interprets', 'w-marker w-marker-interprets', { ...arrow, attrs: { ...arrow.attrs, fill: EDGE_STYLE.interprets.color } }),
        marker('classifies', 'w-marker-open w-marker-classifies', { ...open, attrs: { ...open.attrs, stroke: EDGE_STYLE.classifies.color, 'stroke-width': 1.3 } })
    ]);
}

/** Accessible one-line description of a node (tooltips, aria-label). */
export function describeNode(node: GraphNode, mode: 'visible' | 'tooltip' = 'tooltip'): string {
    const lines = [`${KIND_NAMES[node.kind] ?? node.kind} ${node.id} — ${STATUS_NAMES[node.status] ?? node.status}`, node.label];
    if (node.detail) lines.push(node.detail);
    if (mode === 'tooltip' && hasHiddenText(lines.join('\n'))) {
        lines.push('(contains invisible or bidirectional control characters, shown as ⟨U+…⟩)');
    }
    return neutralize(lines.join('\n'), mode);
}

function renderNode(p: PositionedNode, overview: boolean, options: RenderOptions): SvgElement {
    const { node, width: w, height: h } = p;
    const kindColor = FALLBACK_KIND[node.kind];
    const statusColor = FALLBACK_STATUS[node.status];
    const children: SvgElement[] = [];
    if (options.titles !== false) children.push(el('title', {}, [describeNode(node)]));
    const shape = kindShape(node.kind, w, h, overview);
    children.push(el('path', {
        class: 'w-shape', d: shape.outline,
        fill: '#ffffff', stroke: statusColor ?? kindColor, 'stroke-width': STATUS_ENCODING[node.status]?.width ?? 1.5,
        'stroke-dasharray': STATUS_DASH[node.status]
    }));
    for (const d of shape.decorations) children.push(d);
    if (!overview && p.text) {
        const g = KIND_GEOMETRY[node.kind] ?? KIND_GEOMETRY.claim;
        const cx = g.extraLeft + (w - g.extraLeft - g.extraRight) / 2;
        let y = METRICS.padY + g.extraTop;
        children.push(el('text', { class: 'w-header', x: cx, y: y + 10, 'text-anchor': 'middle', 'font-size': METRICS.headerSize, fill: kindColor }, [p.text.header]));
        y += METRICS.headerLine;
        children.push(el('text', { class: 'w-label', x: cx, y: y + 12, 'text-anchor': 'middle', 'font-size': METRICS.labelSize, fill: '#1f2328' },
            p.text.lines.map((line, i) => el('tspan', { x: cx, dy: i === 0 ? undefined : METRICS.labelLine }, [line]))));
        y += p.text.lines.length * METRICS.labelLine;
        if (p.text.detail) {
            children.push(el('text', { class: 'w-detail', x: cx, y: y + 11, 'text-anchor': 'middle', 'font-size': METRICS.detailSize, fill: '#59636e' }, [p.text.detail]));
        }
    }
    if (!overview) {
        const g = KIND_GEOMETRY[node.kind] ?? KIND_GEOMETRY.claim;
        const room = w - g.extraLeft - g.extraRight - 2 * METRICS.padX;
        children.push(el('text', {
            class: 'w-name', x: g.extraLeft + (w - g.extraLeft - g.extraRight) / 2, y: (h + g.extraTop - g.extraBottom) / 2 + NAME_FONT * 0.35,
            'text-anchor': 'middle', 'font-size': NAME_FONT, 'font-weight': 600, display: 'none'
        }, [fitLine(neutralize(node.id), room, NAME_FONT)]));
    }
    if (node.status !== 'grounded') children.push(statusBadge(node.status, w, overview));
    const label = describeNode(node, 'visible').replace(/\n/g, '. ');
    return el('g', {
        class: `w-node w-kind-${node.kind} w-status-${node.status}`,
        'data-id': node.id,
        'data-kind': node.kind,
        'data-status': node.status,
        transform: `translate(${p.x},${p.y})`,
        tabindex: options.interactive ? 0 : undefined,
        role: options.interactive ? 'button' : undefined,
        'aria-label': options.interactive ? label : undefined
    }, children);
}

interface Shape { outline: string; decorations: SvgElement[] }

function kindShape(kind: NodeKind, w: number, h: number, overview: boolean): Shape {
    const deco = (d: string) => el('path', { class: 'w-deco', d, fill: 'none', stroke: FALLBACK_KIND[kind], 'stroke-width': 1.2 });
    switch (kind) {
        case 'pattern': {
            const k = overview ? 6 : 14;
            return { outline: `M${k},0 H${w - k} L${w},${h / 2} L${w - k},${h} H${k} L0,${h / 2} Z`, decorations: [] };
        }
        case 'datum': {
            const f = overview ? 6 : 12;
            return { outline: `M0,0 H${w - f} L${w},${f} V${h} H0 Z`, decorations: [deco(`M${w - f},0 V${f} H${w}`)] };
        }
        case 'stat': {
            const r = overview ? 3 : 7;
            return {
                outline: `M0,${r} A${w / 2},${r} 0 0 1 ${w},${r} V${h - r} A${w / 2},${r} 0 0 1 0,${h - r} Z`,
                decorations: [deco(`M0,${r} A${w / 2},${r} 0 0 0 ${w},${r}`)]
            };
        }
        case 'source': {
            const s = overview ? 4 : 8;
            return { outline: rounded(w, h, 2), decorations: [deco(`M${s - 3},0 V${h} M${s},0 V${h}`)] };
        }
        case 'scheme': {
            if (overview) return { outline: rounded(w, h, 2), decorations: [] };
            const bandH = 6, y = h - bandH - 3, bw = (w - 12) / 3;
            return {
                outline: rounded(w, h, 3),
                decorations: [1, 2, 3].map(i => el('rect', { class: `w-band w-band-${i}`, x: 6 + (i - 1) * bw, y, width: bw, height: bandH, fill: FALLBACK_KIND.scheme, 'fill-opacity': i * 0.27 }))
            };
        }
        case 'claim':
        default:
            return { outline: rounded(w, h, overview ? 4 : 10), decorations: [] };
    }
}

function rounded(w: number, h: number, r: number): string {
    return `M${r},0 H${w - r} A${r},${r} 0 0 1 ${w},${r} V${h - r} A${r},${r} 0 0 1 ${w - r},${h} H${r} A${r},${r} 0 0 1 0,${h - r} V${r} A${r},${r} 0 0 1 ${r},0 Z`;
}

/** Status badge at the node's top-right corner: a distinct glyph per status, drawn (no font needed). */
function statusBadge(status: NodeStatus, w: number, overview: boolean): SvgElement {
    const r = overview ? 5 : 8.5;
    const cx = w - (overview ? 2 : 4), cy = overview ? 2 : 4;
    const color = FALLBACK_STATUS[status] ?? '#cf222e';
    const glyph: SvgElement[] = [];
    const s = r / 8.5;
    if (status === 'ungrounded') {
        // warning triangle with "!"
        glyph.push(el('path', { class: 'w-glyph w-glyph-fill', d: `M${cx},${cy - 5.5 * s} L${cx + 5.5 * s},${cy + 4.5 * s} L${cx - 5.5 * s},${cy + 4.5 * s} Z`, fill: color }));
        glyph.push(el('path', { class: 'w-bg-stroke', d: `M${cx},${cy - 2 * s} V${cy + 1.2 * s} M${cx},${cy + 2.4 * s} V${cy + 3.2 * s}`, stroke: '#ffffff', 'stroke-width': 1.4 * s, fill: 'none' }));
    } else if (status === 'contested') {
        // ⊥ bar, the head of an `opposes` edge
        glyph.push(el('path', { class: 'w-glyph', d: `M${cx - 4.5 * s},${cy + 3.5 * s} H${cx + 4.5 * s} M${cx},${cy + 3.5 * s} V${cy - 4.5 * s}`, stroke: color, 'stroke-width': 2 * s, fill: 'none' }));
    } else if (status === 'contradicted') {
        // ≠: the value is not in the band claimed
        glyph.push(el('path', { class: 'w-glyph', d: `M${cx - 4.5 * s},${cy - 1.8 * s} H${cx + 4.5 * s} M${cx - 4.5 * s},${cy + 1.8 * s} H${cx + 4.5 * s} M${cx + 2.5 * s},${cy - 5 * s} L${cx - 2.5 * s},${cy + 5 * s}`, stroke: color, 'stroke-width': 1.5 * s, fill: 'none' }));
    } else {
        // cycle arrow ↻
        glyph.push(el('path', { class: 'w-glyph', d: `M${cx + 4 * s},${cy - 1 * s} A${4.2 * s},${4.2 * s} 0 1 1 ${cx + 1.5 * s},${cy - 4 * s}`, stroke: color, 'stroke-width': 1.6 * s, fill: 'none' }));
        glyph.push(el('path', { class: 'w-glyph w-glyph-fill', d: `M${cx + 0.3 * s},${cy - 6.6 * s} L${cx + 4.4 * s},${cy - 4.2 * s} L${cx + 0.6 * s},${cy - 1.4 * s} Z`, fill: color }));
    }
    return el('g', { class: `w-badge w-badge-${status}` }, [
        el('circle', { class: 'w-badge-bg', cx, cy, r, fill: '#ffffff', stroke: color, 'stroke-width': 1.5 }),
        ...glyph
    ]);
}

function renderEdge(p: PositionedEdge, graph: PositionedGraph, prefix: string, options: RenderOptions): SvgElement {
    const { edge } = p;
    const style = EDGE_STYLE[edge.kind] ?? EDGE_STYLE.supports;
    const children: SvgElement[] = [];
    if (options.titles !== false) children.push(el('title', {}, [neutralize(`${edge.from} ${edge.kind} ${edge.to}`, 'tooltip')]));
    children.push(el('path', {
        class: 'w-line', d: edgePath(p.points, p.routing ?? graph.routing),
        fill: 'none', stroke: style.color, 'stroke-width': style.width, 'stroke-dasharray': style.dash,
        'marker-end': `url(#${prefix}-${edge.kind})`
    }));
    if (p.label && !graph.overview) {
        children.push(el('rect', { class: 'w-edge-label-bg', x: p.label.x - p.label.width / 2, y: p.label.y - p.label.height / 2, width: p.label.width, height: p.label.height, rx: 3, fill: '#ffffff', 'fill-opacity': 0.85 }));
        children.push(el('text', { class: 'w-edge-label', x: p.label.x, y: p.label.y + 3.5, 'text-anchor': 'middle', 'font-size': METRICS.edgeLabelSize, fill: '#59636e' }, [p.label.text]));
    }
    return el('g', { class: `w-edge w-edge-${edge.kind}${p.between ? ' w-edge-between' : ''}`, 'data-from': edge.from, 'data-to': edge.to, 'data-kind': edge.kind }, children);
}

/** A file's or section's box, with its title and summary in the band at its top. */
function renderGroupBox(g: PositionedGroup): SvgElement {
    const room = g.width - 2 * GROUP_BOX.pad;
    const title = fitLine(g.title, room, GROUP_TITLE_FONT);
    const summary = fitLine(g.summary, room - textWidth(title, GROUP_TITLE_FONT) - 16, GROUP_TITLE_FONT * 0.85);
    return el('g', { class: 'w-group', 'data-group': g.key, transform: `translate(${g.x},${g.y})` }, [
        el('rect', { class: 'w-group-box', width: g.width, height: g.height, rx: 10, fill: '#f6f8fa', stroke: '#d0d7de' }),
        el('text', { class: 'w-group-title', x: GROUP_BOX.pad, y: 26, 'font-size': GROUP_TITLE_FONT, 'font-weight': 600, fill: '#1f2328' }, [
            title, ...(summary && summary !== '…' ? [el('tspan', { class: 'w-group-summary', dx: 10, 'font-weight': 400, 'font-size': GROUP_TITLE_FONT * 0.85, fill: '#59636e' }, [summary])] : [])
        ])
    ]);
}

/**
 * The label of a group when the map shows groups (hidden otherwise): title and summary in
 * the middle of the box, in the largest font that fits it. The preview sets the font size
 * on every zoom so that it stays readable; {@link groupLabelFont} is the size it starts with.
 */
function renderGroupCaption(g: PositionedGroup): SvgElement {
    const font = groupLabelFont(g);
    const [head, rest] = captionLines(g);
    const cx = g.x + g.width / 2, cy = g.y + g.height / 2;
    return el('text', { class: 'w-group-caption', 'data-group': g.key, x: cx, y: cy, 'text-anchor': 'middle', 'font-size': round1(font), display: 'none' }, [
        el('tspan', { class: 'w-group-caption-title', x: cx, dy: '-0.2em', 'font-weight': 700 }, [head]),
        el('tspan', { class: 'w-group-caption-summary', x: cx, dy: '1.3em' }, [rest])
    ]);
}

/** A group's label in two lines: what it is (its section, else its file), then where and what is in it. */
export function captionLines(g: Pick<PositionedGroup, 'file' | 'section' | 'summary'>): [string, string] {
    const summary = g.summary || 'empty';
    return g.section ? [g.section, `${g.file} · ${summary}`] : [g.file, summary];
}

/** The largest font (map px) at which both lines of a group's label fit its box. */
export function groupLabelFont(g: Pick<PositionedGroup, 'file' | 'section' | 'summary' | 'width' | 'height'>): number {
    const [head, rest] = captionLines(g);
    const widest = Math.max(textWidth(head, 1) * 1.08, textWidth(rest, 1), 1);
    return Math.max(1, Math.min((g.width * 0.9) / widest, g.height / 3.2));
}

function round1(v: number): number {
    return Math.round(v * 10) / 10;
}

/** The shared route of the edges between two groups, as thick as there are edges (shown with groups). */
function renderBundle(b: PositionedBundle): SvgElement {
    return el('path', {
        class: 'w-bundle', 'data-lower': b.lower, 'data-upper': b.upper, 'data-count': b.count,
        d: edgePath(b.points, 'polyline'), fill: 'none', stroke: '#8c959f', 'stroke-width': round1(3 + 3 * Math.log2(b.count)), 'stroke-opacity': 0.6, display: 'none'
    });
}

/** SVG path data for an edge route (see {@link PositionedGraph.routing}). */
export function edgePath(points: Point[], routing: PositionedGraph['routing']): string {
    if (points.length === 0) return '';
    const f = (p: Point) => `${p.x},${p.y}`;
    let d = `M${f(points[0])}`;
    if (routing === 'splines' && points.length >= 4 && (points.length - 1) % 3 === 0) {
        for (let i = 1; i < points.length; i += 3) d += ` C${f(points[i])} ${f(points[i + 1])} ${f(points[i + 2])}`;
        return d;
    }
    if (routing === 'splines' && points.length === 2) return d + ` L${f(points[1])}`;
    // smooth curve through the waypoints with vertical tangents (reads as flowing up or down)
    for (let i = 1; i < points.length; i++) {
        const a = points[i - 1], b = points[i];
        if (a.x === b.x || Math.abs(b.y - a.y) < 1) { d += ` L${f(b)}`; continue; }
        const my = (a.y + b.y) / 2;
        d += ` C${a.x},${my} ${b.x},${my} ${f(b)}`;
    }
    return d;
}

/**
 * A small legend (kinds, statuses, edge kinds) drawn with the same shapes and classes as the
 * map; used by the viewer and available to exports.
 */
export function renderLegendTree(prefix = 'wl'): SvgElement {
    const p = sanitizeIdPrefix(prefix);
    // Columns as wide as their longest name ("contradicted by its data" overran a fixed 170).
    const rowH = 26, gap = 16;
    const names = [Object.values(KIND_NAMES), Object.values(STATUS_NAMES)];
    const [kindW, statusW] = names.map(list => 44 + Math.max(...list.map(name => textWidth(name, 11))) + gap);
    const items: SvgElement[] = [];
    const kinds: NodeKind[] = ['claim', 'pattern', 'datum', 'stat', 'source', 'scheme'];
    kinds.forEach((kind, i) => {
        const shape = kindShape(kind, 34, 20, true);
        items.push(el('g', { class: `w-node w-kind-${kind} w-status-grounded`, transform: `translate(0,${i * rowH})` }, [
            el('path', { class: 'w-shape', d: shape.outline, fill: '#ffffff', stroke: FALLBACK_KIND[kind], 'stroke-width': 1.5 }),
            ...shape.decorations,
            el('text', { class: 'w-legend-text', x: 44, y: 14, 'font-size': 11 }, [KIND_NAMES[kind]])
        ]));
    });
    NODE_STATUSES.forEach((status, i) => {
        const children: SvgElement[] = [el('path', { class: 'w-shape', d: rounded(34, 20, 4), fill: '#ffffff', stroke: FALLBACK_STATUS[status] ?? FALLBACK_KIND.claim, 'stroke-width': 1.5, 'stroke-dasharray': STATUS_DASH[status] })];
        if (status !== 'grounded') children.push(statusBadge(status, 34, true));
        children.push(el('text', { class: 'w-legend-text', x: 44, y: 14, 'font-size': 11 }, [STATUS_NAMES[status]]));
        items.push(el('g', { class: `w-node w-kind-claim w-status-${status}`, transform: `translate(${kindW},${i * rowH})` }, children));
    });
    const edgeKinds: EdgeKind[] = ['supports', 'opposes', 'cites', 'observes', 'interprets', 'classifies'];
    edgeKinds.forEach((kind, i) => {
        const style = EDGE_STYLE[kind];
        items.push(el('g', { class: `w-edge w-edge-${kind}`, transform: `translate(${kindW + statusW},${i * rowH})` }, [
            el('path', { class: 'w-line', d: 'M2,10 H36', fill: 'none', stroke: style.color, 'stroke-width': style.width, 'stroke-dasharray': style.dash, 'marker-end': `url(#${p}-${kind})` }),
            el('text', { class: 'w-legend-text', x: 46, y: 14, 'font-size': 11 }, [kind])
        ]));
    });
    const width = kindW + statusW + 46 + Math.max(...edgeKinds.map(kind => textWidth(kind, 11))), height = 6 * rowH;
    return el('svg', { xmlns: 'http://www.w3.org/2000/svg', class: 'warrant-map w-legend-map', viewBox: `-4 -4 ${width + 8} ${height + 8}`, width: width + 8, height: height + 8, role: 'img', 'aria-label': 'Legend' }, [
        renderDefs(p),
        el('g', {}, items)
    ]);
}
