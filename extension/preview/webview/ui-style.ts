/**
 * Styles of the viewer chrome (toolbar, tooltip, panels). VS Code theme variables first, with
 * light/dark fallbacks for the exported page. Injected as a `<style nonce>` by main.ts.
 */
export const UI_STYLESHEET = `
:root {
  --u-bg: var(--vscode-editor-background, #ffffff);
  --u-fg: var(--vscode-foreground, #1f2328);
  --u-muted: var(--vscode-descriptionForeground, #59636e);
  --u-border: var(--vscode-widget-border, var(--vscode-panel-border, #d0d7de));
  --u-input-bg: var(--vscode-input-background, #ffffff);
  --u-input-fg: var(--vscode-input-foreground, #1f2328);
  --u-input-border: var(--vscode-input-border, #d0d7de);
  --u-button-bg: var(--vscode-button-secondaryBackground, #f3f4f6);
  --u-button-fg: var(--vscode-button-secondaryForeground, #1f2328);
  --u-button-hover: var(--vscode-button-secondaryHoverBackground, #e5e7eb);
  --u-chip-on-bg: var(--vscode-button-background, #0969da);
  --u-chip-on-fg: var(--vscode-button-foreground, #ffffff);
  --u-focus: var(--vscode-focusBorder, #0969da);
  --u-widget-bg: var(--vscode-editorHoverWidget-background, #ffffff);
  --u-widget-fg: var(--vscode-editorHoverWidget-foreground, #1f2328);
  --u-widget-border: var(--vscode-editorHoverWidget-border, #d0d7de);
  --u-shadow: var(--vscode-widget-shadow, rgba(0,0,0,.16));
  --u-font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif);
  --u-font-size: var(--vscode-font-size, 13px);
}
@media (prefers-color-scheme: dark) {
  :root {
    --u-bg: var(--vscode-editor-background, #1e1e1e); --u-fg: var(--vscode-foreground, #e6edf3); --u-muted: var(--vscode-descriptionForeground, #9198a1);
    --u-border: var(--vscode-widget-border, #3d444d); --u-input-bg: var(--vscode-input-background, #2b2b2b); --u-input-fg: var(--vscode-input-foreground, #e6edf3);
    --u-input-border: var(--vscode-input-border, #3d444d); --u-button-bg: var(--vscode-button-secondaryBackground, #2f353d); --u-button-fg: var(--vscode-button-secondaryForeground, #e6edf3);
    --u-button-hover: var(--vscode-button-secondaryHoverBackground, #3d444d); --u-widget-bg: var(--vscode-editorHoverWidget-background, #252526);
    --u-widget-fg: var(--vscode-editorHoverWidget-foreground, #e6edf3); --u-widget-border: var(--vscode-editorHoverWidget-border, #454545);
  }
}
html, body { margin: 0; padding: 0; height: 100%; overflow: hidden; background: var(--u-bg); color: var(--u-fg); font-family: var(--u-font); font-size: var(--u-font-size); }
#warrant-root { height: 100%; }
.w-app { display: flex; flex-direction: column; height: 100%; }
.w-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 6px 8px; border-bottom: 1px solid var(--u-border); }
.w-toolbar .w-spacer { flex: 1 1 auto; }
.w-search { min-width: 160px; flex: 0 1 240px; padding: 3px 6px; background: var(--u-input-bg); color: var(--u-input-fg); border: 1px solid var(--u-input-border); border-radius: 2px; font: inherit; }
.w-search:focus { outline: 1px solid var(--u-focus); outline-offset: -1px; }
.w-count { color: var(--u-muted); font-size: 12px; min-width: 3em; }
.w-button, .w-chip { font: inherit; font-size: 12px; padding: 2px 8px; border: 1px solid transparent; border-radius: 2px; background: var(--u-button-bg); color: var(--u-button-fg); cursor: pointer; }
.w-button:hover, .w-chip:hover { background: var(--u-button-hover); }
.w-button:focus-visible, .w-chip:focus-visible { outline: 1px solid var(--u-focus); outline-offset: 1px; }
.w-export option { background: var(--u-input-bg); color: var(--u-input-fg); }
.w-chip { border-radius: 10px; display: inline-flex; align-items: center; gap: 4px; }
.w-chip[aria-pressed="false"] { opacity: .55; text-decoration: line-through; }
.w-chip .w-chip-count { color: var(--u-muted); font-size: 11px; }
.w-group { display: inline-flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.w-group-label { color: var(--u-muted); font-size: 11px; text-transform: uppercase; letter-spacing: .04em; }
.w-banner { display: flex; gap: 8px; align-items: center; padding: 4px 8px; background: var(--vscode-editorInfo-background, rgba(9,105,218,.08)); border-bottom: 1px solid var(--u-border); font-size: 12px; }
.w-banner[hidden] { display: none; }
.w-canvas { position: relative; flex: 1 1 auto; overflow: hidden; cursor: grab; touch-action: none; }
.w-canvas.w-panning { cursor: grabbing; }
.w-canvas > svg.warrant-map { width: 100%; height: 100%; display: block; user-select: none; }
.w-tooltip { position: fixed; z-index: 10; max-width: 420px; padding: 6px 8px; background: var(--u-widget-bg); color: var(--u-widget-fg); border: 1px solid var(--u-widget-border); box-shadow: 0 2px 8px var(--u-shadow); font-size: 12px; pointer-events: none; white-space: pre-wrap; }
.w-tooltip[hidden] { display: none; }
.w-tooltip .w-tip-head { font-weight: 600; margin-bottom: 2px; }
.w-tooltip .w-tip-detail { color: var(--u-muted); font-style: italic; margin-top: 4px; }
.w-tooltip .w-tip-hint { color: var(--u-muted); font-size: 11px; margin-top: 4px; }
.w-status-bar { padding: 3px 8px; border-top: 1px solid var(--u-border); color: var(--u-muted); font-size: 11px; display: flex; gap: 12px; }
.w-legend { position: absolute; right: 8px; bottom: 8px; background: var(--u-widget-bg); border: 1px solid var(--u-widget-border); box-shadow: 0 2px 8px var(--u-shadow); padding: 4px; }
.w-legend[hidden] { display: none; }
.w-legend svg { display: block; width: 400px; height: auto; }
.w-legend .w-legend-text { font-size: 11px; }
.w-empty { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; color: var(--u-muted); }
.w-empty[hidden] { display: none; }
/* paper: the map and its legend (how each status is drawn), none of the controls */
@media print {
  html, body { height: auto; overflow: visible; background: #ffffff; color: #000000; }
  .w-toolbar, .w-banner, .w-status-bar, .w-tooltip, .w-empty { display: none; }
  .w-app { display: block; height: auto; }
  .w-canvas { overflow: visible; }
  .w-canvas > svg.warrant-map { height: 80vh; }
  .w-legend, .w-legend[hidden] { display: block; position: static; box-shadow: none; background: #ffffff; border-color: #000000; }
}
`;
