/**
 * A standalone, interactive HTML page: the map pre-rendered as SVG (readable without
 * JavaScript, fitted to the window, shown until the viewer has drawn) plus, when given, the preview's own script (`out/webview.js`) inlined, which
 * takes over with search, filters, focus, zoom and pan — the same viewer as in VS Code.
 *
 * Safety: the CSP of language/safety/csp.ts (nothing fetched; styles and scripts only with
 * this page's random nonce), all user text escaped ({@link xmlText} in the SVG,
 * {@link safeJson} for the embedded model: `<` is written `\u003c`, so no label can close the
 * `<script>` element).
 */
import type { GraphModel } from '../graph-model.js';
import { safeJson, xmlText } from '../escape.js';
import { layoutGraph } from '../layout.js';
import { GRAPH_STYLESHEET, groupLabelFont, renderSvg } from '../render-svg.js';
import { fittedDetailCss } from '../level-of-detail.js';
import { normalizeModel } from '../model-utils.js';
import { orderedEdge, orderedNode } from './json.js';
import { newNonce, policyMeta } from '../../safety/csp.js';

export interface HtmlOptions {
    /** The viewer script (contents of `out/webview.js`); without it the page is a static picture. */
    viewerScript?: string;
    /** Page title (default "Warrant map"). */
    title?: string;
    /** CSP nonce (default: a fresh `newNonce()`); base64 or base64url, else exportHtml throws. */
    nonce?: string;
}

/**
 * Static page CSS (the viewer script adds its own when it starts). The pre-rendered map fills
 * the window, fitted by its viewBox, and lies over the viewer until the viewer has drawn.
 */
const PAGE_CSS = `
html, body { margin: 0; height: 100%; }
body { background: #ffffff; color: #1f2328; font-family: system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif; }
@media (prefers-color-scheme: dark) { body { background: #1e1e1e; color: #e6edf3; } }
#warrant-root { height: 100%; position: relative; }
.w-static-map { position: absolute; inset: 0; z-index: 1; background: inherit; }
.w-static-map > svg { display: block; width: 100%; height: 100%; }
@media print { html, body, #warrant-root { height: auto; } .w-static-map { position: static; } .w-static-map > svg { height: auto; } }
`;

const STATIC_MARGIN = 16;

/** Makes a script safe to inline in `<script>…</script>`. */
export function inlineScript(code: string): string {
    return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export async function exportHtml(model: GraphModel, options: HtmlOptions = {}): Promise<string> {
    const nonce = options.nonce ?? newNonce();
    const title = options.title ?? 'Warrant map';
    const normalized = normalizeModel(model);
    const layout = await layoutGraph(normalized);
    // the page's nonce'd stylesheet styles it: a <style> inside the SVG would need the nonce too
    const svg = renderSvg(layout, { title, idPrefix: 'ws', margin: STATIC_MARGIN });
    // Fitted into the window, the picture's scale follows from the window's size: media queries pick the level of detail.
    const detail = fittedDetailCss('#warrant-static', layout.width + 2 * STATIC_MARGIN, layout.height + 2 * STATIC_MARGIN,
        layout.groups.map((g, i) => ({ selector: `.w-group-captions > :nth-child(${i + 1})`, font: groupLabelFont(g) })));
    const parts = [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="UTF-8">',
        policyMeta(nonce),
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
        '<meta name="generator" content="Warrant">',
        `<title>${xmlText(title)}</title>`,
        `<style nonce="${nonce}">${PAGE_CSS}${GRAPH_STYLESHEET}${detail}
</style>`,
        '</head>',
        '<body>',
        `<div id="warrant-root"><div class="w-static-map" id="warrant-static">${svg}</div></div>`,
        `<script type="application/json" id="warrant-model">${safeJson({ nodes: normalized.nodes.map(orderedNode), edges: normalized.edges.map(orderedEdge) })}</script>`
    ];
    if (options.viewerScript) parts.push(`<script nonce="${nonce}">${inlineScript(options.viewerScript)}</script>`);
    parts.push('</body>', '</html>');
    return parts.join('\n') + '\n';
}
