/**
 * The map's stylesheet, shared by the webview and every export (same class names). Colours
 * come from VS Code theme variables (`--vscode-*`) when the map is shown in VS Code, from the
 * palettes below otherwise; light/dark follows the VS Code theme class on `<body>`
 * (`vscode-light`, `vscode-dark`, `vscode-high-contrast`) or, in exports, the reader's
 * `prefers-color-scheme`. Kind is carried by shape and status by border pattern and badge
 * glyph, so the map reads without colour too (the same dash patterns are also written as
 * presentation attributes, for viewers that ignore CSS).
 */

const LIGHT = `
  --w-bg: #ffffff; --w-fg: #1f2328; --w-muted: #59636e; --w-edge: #6e7781; --w-focus: #0969da;
  --w-claim: #0969da; --w-pattern: #8250df; --w-datum: #1a7f37; --w-stat: #9a6700; --w-source: #8a5a2b; --w-scheme: #bf3989;
  --w-ungrounded: #bc4c00; --w-contested: #cf222e; --w-contradicted: #953800; --w-circular: #a40e26;
  --w-opposes: #cf222e; --w-match: #fff8c5; --w-tint: 9%;`;

const DARK = `
  --w-bg: #1e1e1e; --w-fg: #e6edf3; --w-muted: #9198a1; --w-edge: #8b949e; --w-focus: #4493f8;
  --w-claim: #4493f8; --w-pattern: #ab7df8; --w-datum: #3fb950; --w-stat: #d29922; --w-source: #c69026; --w-scheme: #db61a2;
  --w-ungrounded: #f0883e; --w-contested: #ff7b72; --w-contradicted: #ffa657; --w-circular: #f85149;
  --w-opposes: #ff7b72; --w-match: #4d4310; --w-tint: 16%;`;

/** VS Code theme colours win when present (inside the webview). */
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
  --t-ungrounded: var(--vscode-editorWarning-foreground, var(--w-ungrounded));
  --t-contested: var(--vscode-charts-orange, var(--w-contested));
  --t-contradicted: var(--w-contradicted);
  --t-circular: var(--vscode-editorError-foreground, var(--w-circular));
  --t-opposes: var(--vscode-charts-red, var(--w-opposes));
  --t-match: var(--vscode-editor-findMatchHighlightBackground, var(--w-match));
  --t-font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Ubuntu, "Helvetica Neue", Arial, sans-serif);`;

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
.w-status-ungrounded .w-shape { stroke: var(--t-ungrounded); stroke-width: 2; stroke-dasharray: 6 4; }
.w-status-contested .w-shape { stroke: var(--t-contested); stroke-width: 2.5; }
.w-status-contradicted .w-shape { stroke: var(--t-contradicted); stroke-width: 2.5; stroke-dasharray: 2 2; }
.w-status-circular .w-shape { stroke: var(--t-circular); stroke-width: 2; stroke-dasharray: 10 3 2 3; }
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
`;
