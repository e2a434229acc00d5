import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * The webview's HTML shell: one script, under a strict CSP with a fresh nonce per render
 * (`default-src 'none'`; the script injects its own nonce'd stylesheet and builds the UI with
 * DOM calls only). See webview/messages.ts for the contract.
 */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
    const nonce = randomBytes(24).toString('base64url');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'out', 'webview.js'));
    const csp = [
        "default-src 'none'",
        `img-src ${webview.cspSource} data:`,
        `style-src 'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>Warrant map</title>
</head>
<body>
  <div id="warrant-root"></div>
  <script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

export function previewWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'out')] };
}
