/**
 * The message protocol between the Warrant preview webview (`out/webview.js`, built from
 * extension/preview/webview/main.ts) and the extension. Both sides import these types; this
 * file must stay free of runtime dependencies on either side (types + tiny guards only).
 *
 * ── What the extension must do ──────────────────────────────────────────────────────────
 *
 * 1. Create the panel with `enableScripts: true`, `retainContextWhenHidden: false` (state is
 *    restored, see 4) and `localResourceRoots: [Uri.joinPath(extensionUri, 'out')]`.
 *
 * 2. Set `webview.html` to `webviewShell()` (extension/preview/webview-shell.ts) with a fresh
 *    `newNonce()` per render and `scriptSrc = webview.asWebviewUri(out/webview.js)`. Its CSP
 *    (language/safety/csp.ts) lets nothing load; this script, its stylesheet and the ELK worker
 *    run by that nonce. The script injects its stylesheet as a `<style nonce>` (it reads the
 *    nonce from its own `<script>` element) and builds the UI with DOM calls only (no inline
 *    styles or handlers, no `eval`, no `innerHTML`).
 *
 * 3. Protocol: wait for `{ type: 'ready' }` (sent once per page load, also after a reload or a
 *    restore), then send `{ type: 'model', model, version, uri }` — `model` from the
 *    `warrant/graph` request, `version` increasing (the webview ignores a model older than the
 *    one it shows), `uri` the document the preview follows. Send a new `model` on every
 *    (debounced) change; the webview itself also debounces re-layout. Send
 *    `{ type: 'highlight', id }` when the editor cursor enters an element's declaration
 *    (`id: null` to clear), `{ type: 'focus', id }` to show one claim's support tree (`null`:
 *    whole map). Handle `{ type: 'reveal', id, uri?, range? }` (a node was clicked or
 *    activated with Enter): look `id` up in the model you sent and open its `uri` at its
 *    `range` (the message's own `uri` and `range` mirror the node, for hosts that keep no
 *    model; do not open a URI the page sends without checking it). Handle
 *    `{ type: 'exportRequest', format }` (the toolbar's Export menu) by asking where to save
 *    and writing the map in that format (check the format first). For a picture of
 *    the map as shown, send `{ type: 'export', format: 'svg' | 'png', requestId }`; the answer
 *    is `{ type: 'exported', format, requestId, data?, error? }` (SVG text with its stylesheet
 *    and the current theme's colours baked in; PNG base64 at 2× up to 8,192 px a side).
 *
 * 4. Restore: register a `WebviewPanelSerializer` for the view type; VS Code passes it the
 *    last `state` (a {@link WebviewState}); re-set the same HTML shell on the restored panel
 *    and follow `state.uri` (the document it was showing). The webview restores zoom, pan,
 *    filters, search and focus by itself from `vscode.getState()`.
 *
 * Outside VS Code (the exported HTML page) `acquireVsCodeApi` is absent: the script then reads
 * the model from `<script type="application/json" id="warrant-model">` and runs standalone.
 */
import type { NodeKind, NodeStatus } from '../../../language/analysis/vocabulary.js';
import type { ExportChoice } from '../../../language/graph/export/formats.js';
import type { GraphModel, GraphRange } from '../../../language/graph/graph-model.js';

/** The map's transform: screen = map × scale + (x, y). */
export interface View { scale: number; x: number; y: number }

/** The view state kept with `vscode.setState` and restored after reloads. */
export interface WebviewState {
    /** Format version of this object. */
    v: 1;
    /** The document the preview follows (from the last `model` message). */
    uri?: string;
    /** Zoom and pan. Absent until the user zooms or pans (then: the first view). */
    view?: View;
    hiddenKinds: NodeKind[];
    hiddenStatuses: NodeStatus[];
    search: string;
    /** Id of the claim whose support tree is shown, or null for the whole map. */
    focus: string | null;
}

export type PictureFormat = 'svg' | 'png';

export type ExtensionToWebview =
    | { type: 'model'; model: GraphModel; version: number; uri?: string }
    | { type: 'highlight'; id: string | null }
    | { type: 'focus'; id: string | null }
    /** Asks for the picture exactly as drawn (current focus and filters, current theme colours). */
    | { type: 'export'; format: PictureFormat; requestId: number };

export type WebviewToExtension =
    | { type: 'ready' }
    | { type: 'reveal'; id: string; uri?: string; range?: GraphRange }
    /** The toolbar's Export menu: the extension asks where and writes the map in this format. */
    | { type: 'exportRequest'; format: ExportChoice }
    /**
     * Answer to `export`: `data` is the SVG text, or the PNG as base64 (no `data:` prefix);
     * absent (with `error`) when nothing is drawn yet or rasterising failed.
     */
    | { type: 'exported'; format: PictureFormat; requestId: number; data?: string; error?: string };

export const INITIAL_STATE: WebviewState = { v: 1, hiddenKinds: [], hiddenStatuses: [], search: '', focus: null };

/** Validates a message from the extension (the webview trusts nothing it did not check). */
export function isExtensionMessage(value: unknown): value is ExtensionToWebview {
    if (typeof value !== 'object' || value === null) return false;
    const m = value as Record<string, unknown>;
    switch (m.type) {
        case 'model':
            return typeof m.version === 'number' && typeof m.model === 'object' && m.model !== null
                && Array.isArray((m.model as GraphModel).nodes) && Array.isArray((m.model as GraphModel).edges)
                && (m.uri === undefined || typeof m.uri === 'string');
        case 'highlight':
        case 'focus':
            return m.id === null || typeof m.id === 'string';
        case 'export':
            return (m.format === 'svg' || m.format === 'png') && typeof m.requestId === 'number';
        default:
            return false;
    }
}

/** Validates (and fills defaults into) a state restored from `vscode.getState()`. */
export function sanitizeState(value: unknown): WebviewState {
    const s = (typeof value === 'object' && value !== null ? value : {}) as Partial<WebviewState>;
    const strings = (a: unknown) => Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : [];
    const view = s.view && [s.view.scale, s.view.x, s.view.y].every(n => typeof n === 'number' && Number.isFinite(n)) && s.view.scale > 0
        ? { scale: s.view.scale, x: s.view.x, y: s.view.y } : undefined;
    return {
        v: 1,
        uri: typeof s.uri === 'string' ? s.uri : undefined,
        view,
        hiddenKinds: strings(s.hiddenKinds) as NodeKind[],
        hiddenStatuses: strings(s.hiddenStatuses) as NodeStatus[],
        search: typeof s.search === 'string' ? s.search : '',
        focus: typeof s.focus === 'string' ? s.focus : null
    };
}
