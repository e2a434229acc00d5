/**
 * Entry of the preview script (`out/webview.js`, esbuild iife for the browser). Runs in the
 * VS Code webview (host: `acquireVsCodeApi()`) and in exported HTML pages (no VS Code: the
 * model is read from `<script type="application/json" id="warrant-model">`). Its HTML shell
 * is extension/preview/webview-shell.ts, under the CSP of language/safety/csp.ts.
 */
import { GRAPH_STYLESHEET } from '../../../language/graph/style.js';
import type { GraphModel } from '../../../language/graph/graph-model.js';
import { setElkProvider } from '../../../language/graph/layout.js';
import { App, type Host } from './app.js';
import { workerElk } from './elk-worker.js';
import { isExtensionMessage, sanitizeState, type WebviewState, type WebviewToExtension } from './messages.js';
import { MINIMAP_STYLESHEET } from './minimap.js';
import { UI_STYLESHEET } from './ui-style.js';

interface VsCodeApi {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** The nonce of the script element that loaded us (CSP allows only nonce-carrying styles). */
function scriptNonce(): string | undefined {
    const current = document.currentScript as HTMLScriptElement | null;
    if (current?.nonce) return current.nonce;
    const any = document.querySelector('script[nonce]') as HTMLScriptElement | null;
    return any?.nonce || undefined;
}

function injectStyles(nonce: string | undefined): void {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = UI_STYLESHEET + GRAPH_STYLESHEET + MINIMAP_STYLESHEET;
    document.head.appendChild(style);
}

function createHost(): Host {
    if (typeof acquireVsCodeApi === 'function') {
        const api = acquireVsCodeApi();
        return {
            standalone: false,
            postMessage: (m: WebviewToExtension) => api.postMessage(m),
            getState: () => sanitizeState(api.getState()),
            setState: (s: WebviewState) => api.setState(s)
        };
    }
    // exported page: no extension; keep the view state for this tab only
    let saved: unknown;
    try { saved = JSON.parse(sessionStorage.getItem('warrant-state') ?? 'null'); } catch { saved = undefined; }
    return {
        standalone: true,
        postMessage: () => { /* nobody to talk to */ },
        getState: () => sanitizeState(saved),
        setState: (s: WebviewState) => { try { sessionStorage.setItem('warrant-state', JSON.stringify(s)); } catch { /* storage disabled */ } }
    };
}

function embeddedModel(): GraphModel | undefined {
    const element = document.getElementById('warrant-model');
    if (!element?.textContent) return undefined;
    try {
        const parsed = JSON.parse(element.textContent) as GraphModel;
        return Array.isArray(parsed?.nodes) && Array.isArray(parsed?.edges) ? parsed : undefined;
    } catch {
        return undefined;
    }
}

// read now: document.currentScript is only set while this script is being evaluated
const NONCE = scriptNonce();
setElkProvider(workerElk);

function start(): void {
    injectStyles(NONCE);
    let root = document.getElementById('warrant-root');
    if (!root) {
        root = document.createElement('div');
        root.id = 'warrant-root';
        document.body.appendChild(root);
    }
    const host = createHost();
    // an exported page's pre-rendered map stays over the viewer until the viewer has drawn
    const staticMap = document.getElementById('warrant-static');
    const app = new App(root, host);
    if (staticMap) {
        root.append(staticMap);
        window.addEventListener('warrant:rendered', () => staticMap.remove(), { once: true });
    }
    window.addEventListener('message', event => {
        if (isExtensionMessage(event.data)) app.receive(event.data);
    });
    if (host.standalone) {
        const model = embeddedModel();
        if (model) app.receive({ type: 'model', model, version: 0 });
    } else {
        host.postMessage({ type: 'ready' });
    }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
