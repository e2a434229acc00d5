import * as vscode from 'vscode';
import { webviewShell } from './webview-shell.js';
import { newNonce } from '../../language/safety/csp.js';

/** The webview's HTML, with a fresh cryptographic nonce per render. */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
    return webviewShell({
        nonce: newNonce(),
        cspSource: webview.cspSource,
        scriptSrc: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'out', 'webview.js')).toString()
    });
}

export function previewWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'out')] };
}
