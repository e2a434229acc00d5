/**
 * The map's status colours under simulated colour-vision deficiencies, the contrast of node
 * text, and the cues that tell statuses apart with no colour at all (screen and print).
 */
import assert from 'node:assert/strict';
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, interpolate, parse, wcagContrast, type Color } from 'culori';
import { NODE_KINDS, NODE_STATUSES, type NodeStatus } from '../../language/analysis/vocabulary.js';
import { renderLegendTree } from '../../language/graph/render-svg.js';
import { GRAPH_STYLESHEET, PALETTES, STATUS_ENCODING, TINTS, type Palette } from '../../language/graph/style.js';
import type { SvgElement } from '../../language/graph/svg-tree.js';

/**
 * CIEDE2000 ≈ 2.3 is a just-noticeable difference between patches side by side; a status is
 * read from a 2px border seen on its own, so we ask for about five times that — the spacing of
 * colours in common categorical chart palettes.
 */
const MIN_DELTA_E = 12;
/** WCAG 2 AA for normal-size text. */
const MIN_TEXT_CONTRAST = 4.5;
/** WCAG 2 non-text contrast (borders, badges) against the background. */
const MIN_GRAPHIC_CONTRAST = 3;

const THEMES = Object.keys(PALETTES) as (keyof typeof PALETTES)[];
const deltaE = differenceCiede2000();
const VISIONS: [string, (c: Color) => Color][] = [
    ['typical', c => c],
    ['protanopia', filterDeficiencyProt(1)],
    ['deuteranopia', filterDeficiencyDeuter(1)],
    ['tritanopia', filterDeficiencyTrit(1)]
];

/** The border colour of a status: grounded nodes keep their kind's colour (the legend shows a claim). */
function statusColour(palette: Palette, status: NodeStatus): string {
    return status === 'grounded' ? palette.claim : palette[status];
}

/** A node's fill: `color-mix(in srgb, kind tint%, bg)` as the stylesheet writes it. */
function nodeFill(palette: Palette, kind: keyof Palette, tint: number): Color {
    return interpolate([palette.bg, palette[kind]], 'rgb')(tint / 100);
}

function pairs<T>(items: readonly T[]): [T, T][] {
    return items.flatMap((a, i) => items.slice(i + 1).map(b => [a, b] as [T, T]));
}

function descendants(node: SvgElement): SvgElement[] {
    const children = (node.children ?? []).filter((c): c is SvgElement => typeof c !== 'string');
    return children.flatMap(c => [c, ...descendants(c)]);
}

describe('map palette', () => {
    for (const theme of THEMES) {
        const palette = PALETTES[theme];

        it(`${theme}: every pair of statuses stays apart under protanopia, deuteranopia and tritanopia`, () => {
            const tooClose: string[] = [];
            for (const [a, b] of pairs(NODE_STATUSES)) {
                for (const [vision, simulate] of VISIONS) {
                    const d = deltaE(simulate(parse(statusColour(palette, a))!), simulate(parse(statusColour(palette, b))!));
                    if (d < MIN_DELTA_E) tooClose.push(`${a}/${b} ${vision}: ΔE00 ${d.toFixed(1)}`);
                }
            }
            assert.deepEqual(tooClose, []);
        });

        it(`${theme}: status borders stand out from the background (≥ ${MIN_GRAPHIC_CONTRAST}:1)`, () => {
            for (const status of NODE_STATUSES) {
                const ratio = wcagContrast(statusColour(palette, status), palette.bg);
                assert.ok(ratio >= MIN_GRAPHIC_CONTRAST, `${status}: ${ratio.toFixed(2)}:1`);
            }
        });

        it(`${theme}: node text is readable on every kind's tinted fill (≥ ${MIN_TEXT_CONTRAST}:1)`, () => {
            const low: string[] = [];
            for (const kind of NODE_KINDS) {
                const fill = nodeFill(palette, kind, TINTS[theme]);
                // label, detail and the kind header (drawn in the kind's colour)
                for (const [role, colour] of [['label', palette.fg], ['detail', palette.muted], ['header', palette[kind]]] as const) {
                    const ratio = wcagContrast(colour, fill);
                    if (ratio < MIN_TEXT_CONTRAST) low.push(`${kind} ${role}: ${ratio.toFixed(2)}:1`);
                }
            }
            assert.deepEqual(low, []);
        });
    }

    it('gives each status its own border pattern or badge, and the stylesheet draws them', () => {
        const legend = descendants(renderLegendTree());
        const signature = (status: NodeStatus) => {
            const row = legend.find(e => e.tag === 'g' && e.attrs.class === `w-node w-kind-claim w-status-${status}`);
            assert.ok(row, `legend row for ${status}`);
            const glyph = descendants(row).filter(e => String(e.attrs.class ?? '').includes('w-glyph')).map(e => e.attrs.d).join(' ');
            return { dash: STATUS_ENCODING[status].dash ?? 'solid', glyph: glyph || 'none' };
        };
        for (const [a, b] of pairs(NODE_STATUSES)) {
            const sa = signature(a), sb = signature(b);
            assert.ok(sa.glyph !== sb.glyph, `${a} and ${b} have different badges`);
            assert.ok(sa.dash !== sb.dash || STATUS_ENCODING[a].width !== STATUS_ENCODING[b].width, `${a} and ${b} have different borders`);
        }
        for (const status of NODE_STATUSES.filter(s => s !== 'grounded')) {
            const { dash, width } = STATUS_ENCODING[status];
            const rule = GRAPH_STYLESHEET.match(new RegExp(`\\.w-status-${status} \\.w-shape \\{([^}]*)\\}`))?.[1];
            assert.ok(rule, `a rule for ${status}`);
            assert.match(rule, new RegExp(`stroke-width: ${width};`));
            if (dash) assert.match(rule, new RegExp(`stroke-dasharray: ${dash};`));
            else assert.doesNotMatch(rule, /stroke-dasharray/);
        }
    });

    it('prints in greys: every kind and status colour is replaced, patterns and badges stay', () => {
        const print = GRAPH_STYLESHEET.match(/@media print \{([^]*?)\n\}/)?.[1];
        assert.ok(print, 'a print block');
        assert.match(print, /grayscale\(1\)/);
        for (const name of [...NODE_KINDS, ...NODE_STATUSES.filter(s => s !== 'grounded'), 'bg', 'fg', 'edge', 'opposes']) {
            const value = print.match(new RegExp(`--t-${name}: (#[0-9a-f]{6});`))?.[1];
            assert.ok(value, `print sets --t-${name}`);
            const { r, g, b } = parse(value) as { r: number; g: number; b: number };
            assert.ok(r === g && g === b, `--t-${name} is grey in print (${value})`);
        }
        // nothing in print hides or flattens the status cues
        assert.doesNotMatch(print, /w-badge[^{]*\{[^}]*display: none/);
        assert.doesNotMatch(print, /stroke-dasharray/);
    });
});
