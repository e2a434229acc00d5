/**
 * Graphviz DOT export. Evidence at the bottom (`rankdir=BT`, every edge drawn from its evidence
 * end); arrows still read as the model's sentences (`claim cites source` points at the source,
 * via `dir=back`). Node ids and all text are double-quoted and escaped by {@link dotString}:
 * `"` and `\` escaped (so `\N`, `\G`… stay literal), newlines as `\n`, bidi controls removed
 * from labels and made visible in ids and tooltips.
 */
import type { EdgeKind, NodeKind, NodeStatus } from '../../analysis/vocabulary.js';
import type { GraphModel } from '../graph-model.js';
import { conclusionEnd, normalizeModel } from '../model-utils.js';
import { evidenceEnd } from '../graph-model.js';
import { dotString, neutralize } from '../escape.js';
import { wrapText } from '../text-metrics.js';
import { PALETTES } from '../style.js';

export interface DotOptions {
    /** Graph name/label (default: none). */
    title?: string;
}

const SHAPES: Record<NodeKind, { shape: string; styles: string[] }> = {
    claim: { shape: 'box', styles: ['rounded', 'filled'] },
    pattern: { shape: 'hexagon', styles: ['filled'] },
    datum: { shape: 'note', styles: ['filled'] },
    stat: { shape: 'cylinder', styles: ['filled'] },
    source: { shape: 'tab', styles: ['filled'] },
    scheme: { shape: 'box', styles: ['filled', 'diagonals'] }
};
// Colours are the map's light palette (style.ts), checked there for colour-vision deficiencies.
const COLOURS = PALETTES.light;
const FILL: Record<NodeKind, string> = { claim: '#eef4fc', pattern: '#f5f0fd', datum: '#edf6ef', stat: '#f7f2e8', source: '#f5efe9', scheme: '#faeef5' };
/** Status without colour: border style and a glyph before the header. */
const STATUS: Record<NodeStatus, { glyph: string; styles: string[]; color?: string; penwidth?: number }> = {
    grounded: { glyph: '', styles: [] },
    ungrounded: { glyph: '⚠ ', styles: ['dashed'], color: COLOURS.ungrounded, penwidth: 2 },
    contested: { glyph: '⊥ ', styles: ['bold'], color: COLOURS.contested, penwidth: 2.5 },
    contradicted: { glyph: '≠ ', styles: ['bold'], color: COLOURS.contradicted, penwidth: 2.5 },
    circular: { glyph: '↻ ', styles: ['dotted'], color: COLOURS.circular, penwidth: 2 }
};
const EDGES: Record<EdgeKind, string> = {
    supports: 'color="#57606a", arrowhead=normal',
    opposes: 'color="#cf222e", penwidth=1.6, arrowhead=tee',
    cites: 'color="#57606a", style=dotted, arrowhead=vee',
    observes: 'color="#1a7f37", style=dashed, arrowhead=normal',
    interprets: 'color="#8250df", style="dashed,bold", penwidth=2.2, arrowhead=normal',
    classifies: 'color="#9a6700", penwidth=0.8, arrowhead=onormal, label="classifies", fontsize=8, fontcolor="#59636e"'
};

export function exportDot(model: GraphModel, options: DotOptions = {}): string {
    const m = normalizeModel(model);
    const q = (s: string, mode: 'visible' | 'tooltip' = 'visible') => `"${dotString(s, mode)}"`;
    const lines: string[] = [];
    lines.push('digraph warrant {');
    const graphAttrs = ['rankdir=BT', 'charset="UTF-8"', 'fontname="Helvetica"', 'nodesep=0.35', 'ranksep=0.6'];
    if (options.title) graphAttrs.push(`label=${q(options.title)}`, 'labelloc=t');
    lines.push(`  graph [${graphAttrs.join(', ')}];`);
    lines.push('  node [fontname="Helvetica", fontsize=10, margin="0.15,0.08", penwidth=1.2];');
    lines.push('  edge [fontname="Helvetica", fontsize=9, arrowsize=0.7];');
    for (const n of m.nodes) {
        const status = STATUS[n.status];
        const wrapped = wrapText(neutralize(n.label), { maxWidth: 200, fontSize: 12, maxLines: 6 }).lines;
        const text = [`${status.glyph}${n.kind} · ${neutralize(n.id)}`, ...wrapped];
        if (n.detail) text.push(neutralize(n.detail));
        const shape = SHAPES[n.kind];
        const attrs = [
            `label=${q(text.join('\n'))}`,
            `shape=${shape.shape}`,
            `style="${[...status.styles, ...shape.styles].join(',')}"`,
            `fillcolor="${FILL[n.kind]}"`,
            `color="${status.color ?? COLOURS[n.kind]}"`,
            ...(status.penwidth ? [`penwidth=${status.penwidth}`] : []),
            `tooltip=${q(`${n.kind} ${n.id} — ${n.status}\n${n.label}${n.detail ? '\n' + n.detail : ''}`, 'tooltip')}`
        ];
        lines.push(`  ${q(n.id, 'tooltip')} [${attrs.join(', ')}];`);
    }
    for (const e of m.edges) {
        const lower = evidenceEnd(e), upper = conclusionEnd(e);
        const reads = lower === e.from ? '' : ', dir=back';
        const style = reads ? EDGES[e.kind].replace('arrowhead=', 'arrowtail=') : EDGES[e.kind];
        lines.push(`  ${q(lower, 'tooltip')} -> ${q(upper, 'tooltip')} [${style}${reads}, tooltip=${q(`${e.from} ${e.kind} ${e.to}`, 'tooltip')}];`);
    }
    lines.push('}');
    return lines.join('\n') + '\n';
}
