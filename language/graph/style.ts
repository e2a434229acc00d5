/**
 * The map's stylesheet, shared by the webview and every export (same class names). Colours
 * come from VS Code theme variables (`--vscode-*`) when the map is shown in VS Code, from the
 * palettes below otherwise; light/dark follows the VS Code theme class on `<body>`
 * (`vscode-light`, `vscode-dark`, `vscode-high-contrast`) or, in exports, the reader's
 * `prefers-color-scheme`. Kind is carried by shape and status by border pattern and badge
 * glyph, so the map reads without colour too (the same dash patterns are also written as
 * presentation attributes, for viewers that ignore CSS).
 */
import { NODE_KINDS, NODE_STATUSES, type NodeStatus } from '../analysis/vocabulary.js';
import { detailLevelCss } from './level-of-detail.js';

/** One theme's colours; each becomes a `--w-<name>` custom property. */
export interface Palette {
    bg: string; fg: string; muted: string; edge: string; focus: string;
    claim: string; pattern: string; datum: string; stat: string; source: string; scheme: string;
    ungrounded: string; contested: string; contradicted: string; circular: string;
    opposes: string; match: string;
}

/**
 * Status colours were chosen so every pair stays apart (CIEDE2000) under simulated
 * protanopia, deuteranopia and tritanopia, in both themes: they differ in lightness, not only
 * in hue (checked in test/graph/palette.test.ts). Colour is still only a second cue: see
 * {@link STATUS_ENCODING}.
 */
export const PALETTES: Record<'light' | 'dark', Palette> = {
    light: {
        bg: '#ffffff', fg: '#1f2328', muted: '#59636e', edge: '#6e7781', focus: '#0969da',
        claim: '#0969da', pattern: '#7f4ddc', datum: '#1a7f37', stat: '#946100', source: '#8a5a2b', scheme: '#bc3586',
        ungrounded: '#977100', contested: '#ff3963', contradicted: '#770500', circular: '#301c64',
        opposes: '#cf222e', match: '#fff8c5'
    },
    dark: {
        bg: '#1e1e1e', fg: '#e6edf3', muted: '#969da6', edge: '#8b949e', focus: '#4493f8',
        claim: '#4c9bff', pattern: '#b183ff', datum: '#3fb950', stat: '#d29922', source: '#c69026', scheme: '#eb6fb0',
        ungrounded: '#fdc000', contested: '#ee1401', contradicted: '#a57710', circular: '#d3cdff',
        opposes: '#ff7b72', match: '#4d4310'
    }
};

/** How much of the kind colour tints a node's fill, per theme. */
export const TINTS: Record<keyof typeof PALETTES, number> = { light: 9, dark: 16 };

/**
 * What tells statuses apart without colour: border dash pattern and width here, plus the badge
 * glyph render-svg.ts draws for every status but grounded (the plain solid border).
 */
export interface StatusEncoding { dash?: string; width: number }
export const STATUS_ENCODING: Record<NodeStatus, StatusEncoding> = {
    grounded: { width: 1.5 },
    ungrounded: { dash: '6 4', width: 2 },
    contested: { width: 2.5 },
    contradicted: { dash: '2 2', width: 2.5 },
    circular: { dash: '10 3 2 3', width: 2 }
};

function themeVariables(theme: keyof typeof PALETTES): string {
    const colours = Object.entries(PALETTES[theme]).map(([name, value]) => `--w-${name}: ${value};`).join(' ');
    return `\n  ${colours} --w-tint: ${TINTS[theme]}%;`;
}
const LIGHT = themeVariables('light');
const DARK = themeVariables('dark');

/**
 * VS Code theme colours win when present (inside the webview), except for the status colours:
 * a theme's warning/error/orange are often told apart by hue alone.
 */
const VSCODE = `
  --t-bg: var(--vscode-editor-background, var(--w-bg));
  --t-fg: var(--vscode-editor-foreground, var(--w-fg));
  --t-muted: var(--vscode-descriptionForeground, var(--w-muted));
  --t-edge: var(--vscode-editorCodeLens-foreground, var(--w-edge));
  --t-focus: var(--vscode-focusBorder, var(--w-focus));
  --t-claim: var(--vscode-charts-blue, var(--w-claim));
  --t-pattern: var(--vscode-charts-purple, var(--w-pattern));
  --t-datum: var(--vscode-charts-green, var(--w-datum));
  --t-stat: var(--vscode-charts-yellow, var(--w-stat));
  --t-source: var(--w-source);
  --t-scheme: var(--w-scheme);
  --t-ungrounded: var(--w-ungrounded);
  --t-contested: var(--w-contested);
  --t-contradicted: var(--w-contradicted);
  --t-circular: var(--w-circular);
  --t-opposes: var(--vscode-charts-red, var(--w-opposes));
  --t-match: var(--vscode-editor-findMatchHighlightBackground, var(--w-match));
  --t-font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Ubuntu, "Helvetica Neue", Arial, sans-serif);`;

const STATUS_RULES = NODE_STATUSES.filter(status => status !== 'grounded').map(status => {
    const { dash, width } = STATUS_ENCODING[status];
    return `.w-status-${status} .w-shape { stroke: var(--t-${status}); stroke-width: ${width};${dash ? ` stroke-dasharray: ${dash};` : ''} }`;
}).join('\n');

/**
 * Paper: black on white, no tints; status by border pattern and badge alone (the colours of
 * the rules above are all replaced by greys).
 */
const PRINT_GREYS = ['bg: #ffffff', 'fg: #000000', 'muted: #444444', 'edge: #555555', 'focus: #000000',
    ...NODE_KINDS.map(kind => `${kind}: #222222`), ...NODE_STATUSES.filter(s => s !== 'grounded').map(s => `${s}: #000000`),
    'opposes: #000000', 'match: #dddddd'];
const PRINT_RULES = `@media print {
  .warrant-map, .vscode-light .warrant-map, .vscode-dark .warrant-map, .vscode-high-contrast .warrant-map {
    ${PRINT_GREYS.map(v => `--t-${v};`).join(' ')}
    background: #ffffff; filter: grayscale(1);
  }
  .warrant-map .w-node .w-shape { fill: #ffffff; }
  .warrant-map .w-node .w-band { fill: #999999; }
  .w-dim { opacity: 1; }
}`;

export const GRAPH_STYLESHEET = `
.warrant-map {${LIGHT}${VSCODE}
  background: var(--t-bg); color: var(--t-fg); font-family: var(--t-font);
}
@media (prefers-color-scheme: dark) { .warrant-map {${DARK} } }
.vscode-light .warrant-map {${LIGHT} }
.vscode-dark .warrant-map {${DARK} }
.warrant-map text { fill: var(--t-fg); font-family: var(--t-font); }
.warrant-map .w-bg { fill: var(--t-bg); }

/* nodes */
.w-node { cursor: pointer; outline: none; }
.w-node .w-shape { fill: color-mix(in srgb, var(--k) var(--w-tint), var(--t-bg)); stroke: var(--k); stroke-width: 1.5; }
.w-node .w-deco { fill: none; stroke: var(--k); stroke-width: 1.2; }
.w-node .w-band { fill: var(--k); stroke: none; }
.w-node .w-band-1 { opacity: .25; } .w-node .w-band-2 { opacity: .5; } .w-node .w-band-3 { opacity: .8; }
.w-kind-claim { --k: var(--t-claim); } .w-kind-pattern { --k: var(--t-pattern); } .w-kind-datum { --k: var(--t-datum); }
.w-kind-stat { --k: var(--t-stat); } .w-kind-source { --k: var(--t-source); } .w-kind-scheme { --k: var(--t-scheme); }
.w-node .w-header { font-size: 10px; fill: var(--k); font-weight: 600; }
.w-node .w-label { font-size: 12.5px; }
.w-node .w-detail { font-size: 10.5px; fill: var(--t-muted); font-style: italic; }
.w-kind-stat .w-detail { font-style: normal; font-weight: 700; fill: var(--t-fg); }
${STATUS_RULES}
.w-badge .w-badge-bg { stroke-width: 1.5; fill: var(--t-bg); }
.w-badge-ungrounded .w-badge-bg { stroke: var(--t-ungrounded); } .w-badge-ungrounded .w-glyph { fill: var(--t-ungrounded); stroke: var(--t-ungrounded); }
.w-badge-contested .w-badge-bg { stroke: var(--t-contested); } .w-badge-contested .w-glyph { fill: var(--t-contested); stroke: var(--t-contested); }
.w-badge-contradicted .w-badge-bg { stroke: var(--t-contradicted); } .w-badge-contradicted .w-glyph { fill: none; stroke: var(--t-contradicted); }
.w-badge-circular .w-badge-bg { stroke: var(--t-circular); } .w-badge-circular .w-glyph { fill: none; stroke: var(--t-circular); }
.w-badge .w-glyph-fill { stroke: none; }
.w-badge .w-bg-stroke { stroke: var(--t-bg); }
.w-node:hover .w-shape, .w-node:focus-visible .w-shape { stroke-width: 3; }
.w-node:focus-visible .w-shape { stroke: var(--t-focus); }
.w-node.w-highlight .w-shape { stroke: var(--t-focus); stroke-width: 3.5; stroke-dasharray: none; }
.w-node.w-match .w-shape { fill: var(--t-match); }
.w-overview .w-node .w-shape { stroke-width: 1; }

/* edges */
.w-edge .w-line { fill: none; stroke: var(--t-edge); stroke-width: 1.6; }
.w-edge-opposes .w-line { stroke: var(--t-opposes); stroke-width: 1.8; }
.w-edge-cites .w-line { stroke-width: 1.2; stroke-dasharray: 2 3; }
.w-edge-observes .w-line { stroke: var(--t-datum); stroke-width: 1.4; stroke-dasharray: 8 3 2 3; }
.w-edge-interprets .w-line { stroke: var(--t-pattern); stroke-width: 2.8; stroke-dasharray: 7 4; }
.w-edge-classifies .w-line { stroke: var(--t-stat); stroke-width: 1; }
.w-marker { fill: var(--t-edge); stroke: none; }
.w-marker-open { fill: none; stroke: var(--t-edge); stroke-width: 1.3; }
.w-marker-opposes { fill: none; stroke: var(--t-opposes); stroke-width: 2.2; }
.w-marker-observes { fill: var(--t-datum); }
.w-marker-interprets { fill: var(--t-pattern); }
.w-marker-classifies { fill: none; stroke: var(--t-stat); }
.w-edge-label { font-size: 10px; fill: var(--t-muted); }
.w-edge-label-bg { fill: var(--t-bg); opacity: .85; }
.w-edge.w-highlight .w-line { stroke-width: 2.6; }
.w-edge-supports.w-highlight .w-line, .w-edge-cites.w-highlight .w-line { stroke: var(--t-focus); }
.w-overview .w-edge .w-line { stroke-width: 0.8; }

/* groups: files and sections */
.w-group-box { fill: var(--t-fg); fill-opacity: .035; stroke: var(--t-muted); stroke-opacity: .45; stroke-width: 1; }
.w-group-title { font-weight: 600; }
.warrant-map .w-group-title.w-squeezed, .warrant-map .w-group-caption.w-squeezed { display: none; }
.warrant-map .w-group-summary { fill: var(--t-muted); font-weight: 400; }
.w-group-caption { font-weight: 400; paint-order: stroke; stroke: var(--t-bg); stroke-width: .25em; stroke-linejoin: round; }
.w-bundle { stroke: var(--t-edge); stroke-opacity: .5; fill: none; stroke-linecap: round; }

/* level of detail (see level-of-detail.ts): the preview puts w-lod-name or w-lod-group on the map */
${detailLevelCss('name', '.w-lod-name')}${detailLevelCss('group', '.w-lod-group')}
/* interaction states (webview) */
.w-dim { opacity: .18; }
.w-hidden { display: none; }

/* high contrast: no tints, strong borders; patterns and badges still tell status apart */
.vscode-high-contrast .warrant-map .w-node .w-shape, .vscode-high-contrast-light .warrant-map .w-node .w-shape {
  fill: var(--t-bg); stroke: var(--vscode-contrastBorder, var(--t-fg)); stroke-width: 2;
}
.vscode-high-contrast .warrant-map .w-node.w-highlight .w-shape { stroke: var(--vscode-contrastActiveBorder, var(--t-focus)); stroke-width: 4; }
.vscode-high-contrast .warrant-map .w-edge .w-line { stroke: var(--t-fg); }
@media (forced-colors: active) {
  .warrant-map .w-node .w-shape { fill: Canvas; stroke: CanvasText; }
  .warrant-map text { fill: CanvasText; }
  .warrant-map .w-edge .w-line, .warrant-map .w-marker-open, .warrant-map .w-marker-opposes { stroke: CanvasText; }
  .warrant-map .w-marker { fill: CanvasText; }
  .warrant-map .w-node.w-highlight .w-shape { stroke: Highlight; }
}
${PRINT_RULES}
`;
