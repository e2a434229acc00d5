/**
 * The preview's HTML shell (see webview/messages.ts): one script under the CSP of
 * language/safety/csp.ts. Free of `vscode` so the Chromium tests load exactly the page the
 * extension serves.
 */
import { policyMeta } from '../../language/safety/csp.js';

export interface ShellOptions {
    /** A fresh `newNonce()` per render. */
    nonce: string;
    /** `webview.cspSource` in VS Code: a space-separated list of sources ("'self' https://*.vscode-cdn.net"). */
    cspSource: string;
    scriptSrc: string;
    /** Inline scripts run before the viewer (tests stub `acquireVsCodeApi` this way); nonce'd like it. */
    inlineScripts?: string[];
    bodyClass?: string;
}

export function webviewShell(options: ShellOptions): string {
    const { nonce, cspSource, scriptSrc } = options;
    const inline = (options.inlineScripts ?? []).map(code => `<script nonce="${nonce}">${code}</script>\n  `).join('');
    return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  ${policyMeta(nonce, cspSource.split(' ').filter(source => source !== ''))}
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>Warrant map</title>
</head>
<body${options.bodyClass ? ` class="${options.bodyClass}"` : ''}>
  <div id="warrant-root"></div>
  ${inline}<script nonce="${nonce}" src="${scriptSrc}"></script>
</body>
</html>`;
}
