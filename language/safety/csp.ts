/**
 * The Content Security Policy of every page Warrant shows — the preview's webview
 * (extension/preview/webview-shell.ts) and exported HTML maps (language/graph/export/html.ts):
 * nothing is fetched, and only the style and scripts carrying this page's nonce run. No
 * `'unsafe-inline'`, no `'unsafe-eval'`. `worker-src blob:` lets the viewer run ELK's layout in a
 * worker made from a blob (extension/preview/webview/elk-worker.ts); without it the map is drawn
 * with the built-in layout.
 */
import { escapeXmlChars } from '../graph/escape.js';

/** base64 or base64url: nothing that could end the `'nonce-…'` source or add a directive. */
const NONCE = /^[A-Za-z0-9+/_=-]+$/;
/** A scheme, host or quoted keyword source: no space, separator, quote or markup. */
const SOURCE = /^[^\s;,"<>&]+$/;

/** A fresh nonce: 24 random bytes (192 bits), base64url. One per page load. */
export function newNonce(): string {
    const bytes = new Uint8Array(24);
    globalThis.crypto.getRandomValues(bytes);
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

/**
 * The policy for a page whose style and scripts carry `nonce`; `imageSources` may add image
 * origins (VS Code's `webview.cspSource`) to `data:`. A nonce or source that could widen the
 * policy is a programming error and throws.
 */
export function pagePolicy(nonce: string, imageSources: readonly string[] = []): string {
    if (!NONCE.test(nonce)) {
        throw new RangeError(`not a CSP nonce: ${JSON.stringify(nonce)}`);
    }
    const bad = imageSources.find(source => !SOURCE.test(source));
    if (bad !== undefined) {
        throw new RangeError(`not a CSP source: ${JSON.stringify(bad)}`);
    }
    return [
        "default-src 'none'",
        `img-src ${[...imageSources, 'data:'].join(' ')}`,
        `style-src 'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`,
        'worker-src blob:'
    ].join('; ');
}

/** The `<meta>` element that puts {@link pagePolicy} in force; it goes first in `<head>`. */
export function policyMeta(nonce: string, imageSources: readonly string[] = []): string {
    return `<meta http-equiv="Content-Security-Policy" content="${escapeXmlChars(pagePolicy(nonce, imageSources))}">`;
}
