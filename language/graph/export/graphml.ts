/**
 * GraphML export (yEd, Gephi, Cytoscape, NetworkX): the standard namespace, typed `<key>`s for
 * the model's fields, node ids as written (bidi controls made visible, like everywhere ids
 * appear), label/detail text with bidi controls removed, everything XML-escaped by
 * {@link xmlText}. With a layout, node positions are added as `x`/`y` (Gephi reads them).
 */
import type { GraphModel } from '../graph-model.js';
import { xmlText } from '../escape.js';
import { normalizeModel } from '../model-utils.js';
import type { PositionedGraph } from '../layout.js';

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

export interface GraphmlOptions {
    /** Positions to include (`x`, `y`, `width`, `height` data keys). */
    layout?: PositionedGraph;
}

const NODE_KEYS = [
    ['label', 'string'], ['kind', 'string'], ['status', 'string'], ['detail', 'string'],
    ['uri', 'string'], ['line', 'int'], ['character', 'int']
] as const;

export function exportGraphml(model: GraphModel, options: GraphmlOptions = {}): string {
    const m = normalizeModel(model);
    const positions = new Map(options.layout?.nodes.map(n => [n.node.id, n]) ?? []);
    const out: string[] = [];
    out.push('<?xml version="1.0" encoding="UTF-8"?>');
    out.push(`<graphml xmlns="${GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GRAPHML_NS} ${GRAPHML_NS}/1.0/graphml.xsd">`);
    for (const [name, type] of NODE_KEYS) out.push(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
    if (options.layout) for (const name of ['x', 'y', 'width', 'height']) out.push(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="double"/>`);
    out.push('  <key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>');
    out.push('  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>');
    out.push('  <graph id="warrant" edgedefault="directed">');
    const data = (key: string, value: string | number | undefined) => value === undefined ? '' : `<data key="${key}">${xmlText(String(value))}</data>`;
    for (const n of m.nodes) {
        const p = positions.get(n.id);
        out.push(`    <node id="${xmlText(n.id, 'tooltip')}">` + [
            data('n_label', n.label), data('n_kind', n.kind), data('n_status', n.status), data('n_detail', n.detail),
            data('n_uri', n.uri), data('n_line', n.range ? n.range.start.line + 1 : undefined), data('n_character', n.range ? n.range.start.character + 1 : undefined),
            ...(p ? [data('n_x', p.x + p.width / 2), data('n_y', p.y + p.height / 2), data('n_width', p.width), data('n_height', p.height)] : [])
        ].join('') + '</node>');
    }
    m.edges.forEach((e, i) => {
        out.push(`    <edge id="e${i}" source="${xmlText(e.from, 'tooltip')}" target="${xmlText(e.to, 'tooltip')}">${data('e_kind', e.kind)}${data('e_label', e.kind)}</edge>`);
    });
    out.push('  </graph>');
    out.push('</graphml>');
    return out.join('\n') + '\n';
}
