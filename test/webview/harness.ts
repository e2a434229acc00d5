/**
 * Real-browser harness for the preview script: bundles extension/preview/webview/main.ts the
 * way scripts/build.mjs does (esbuild, browser, iife), serves it from 127.0.0.1 inside the same
 * HTML shell and CSP the extension uses (extension/preview/webview-shell.ts) with a stubbed `acquireVsCodeApi`
 * that records what the webview posts, and drives Debian's Chromium with playwright-core.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { webviewShell } from '../../extension/preview/webview-shell.js';
import { newNonce } from '../../language/safety/csp.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OUTPUT = path.join(ROOT, 'test-output/webview');

/** Bundles the webview script (like scripts/build.mjs) into test-output; returns its path. */
export async function buildWebview(): Promise<string> {
    mkdirSync(OUTPUT, { recursive: true });
    const outfile = path.join(OUTPUT, 'webview.js');
    await esbuild.build({
        absWorkingDir: ROOT,
        entryPoints: ['extension/preview/webview/main.ts'],
        outfile,
        bundle: true,
        platform: 'browser',
        target: 'es2022',
        format: 'iife',
        // as in scripts/build.mjs: the page runs ELK in a worker, never the in-process build
        external: ['elkjs/lib/elk.bundled.js'],
        logLevel: 'warning'
    });
    return outfile;
}

export interface Served {
    url: string;
    origin: string;
    /** The nonce of the most recently served page. */
    nonce(): string;
    close(): Promise<void>;
}

/** The extension's HTML shell, plus a nonce'd stub of the VS Code API (unless `standalone`). */
export function shell(nonce: string, cspSource: string, scriptSrc: string, stub: boolean): string {
    const stubScript = `
      window.__posted = []; window.__state = undefined; window.__csp = [];
      document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
      window.acquireVsCodeApi = () => ({
        postMessage: m => window.__posted.push(JSON.parse(JSON.stringify(m))),
        getState: () => window.__initialState,
        setState: s => { window.__state = JSON.parse(JSON.stringify(s)); }
      });
      try { window.__initialState = JSON.parse(sessionStorage.getItem('test-initial-state') || 'null') || undefined; } catch {}`;
    return webviewShell({ nonce, cspSource, scriptSrc, bodyClass: 'vscode-light', inlineScripts: stub ? [stubScript] : [] });
}

export async function serve(script: string, extraPages: Record<string, string> = {}): Promise<Served> {
    let lastNonce = '';
    const server: Server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (url.pathname === '/webview.js') {
            res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
            res.end(readFileSync(script));
            return;
        }
        if (url.pathname in extraPages) {
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            res.end(extraPages[url.pathname]);
            return;
        }
        if (url.pathname === '/' || url.pathname === '/index.html') {
            lastNonce = newNonce();
            const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
            res.end(shell(lastNonce, origin, '/webview.js', url.searchParams.get('standalone') !== '1'));
            return;
        }
        res.writeHead(404);
        res.end();
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    return {
        url: `http://127.0.0.1:${port}/`,
        origin: `http://127.0.0.1:${port}`,
        nonce: () => lastNonce,
        close: () => new Promise<void>(resolve => server.close(() => resolve()))
    };
}

export interface BrowserHandle { browser: Browser; context: BrowserContext; close(): Promise<void> }

export async function launch(options: { width?: number; height?: number; dark?: boolean; scale?: number; javaScript?: boolean } = {}): Promise<BrowserHandle> {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'warrant-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'],
        viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
        colorScheme: options.dark ? 'dark' : 'light',
        deviceScaleFactor: options.scale ?? 1,
        javaScriptEnabled: options.javaScript ?? true
    });
    return {
        browser: context.browser()!,
        context,
        close: async () => {
            await context.close();
            rmSync(userDataDir, { recursive: true, force: true });
        }
    };
}

/** Posts an extension → webview message and waits for the map to be drawn for it. */
export async function sendModel(page: Page, model: unknown, version: number, uri?: string): Promise<void> {
    await page.evaluate(([m, v, u]) => {
        return new Promise<void>(resolve => {
            window.addEventListener('warrant:rendered', () => resolve(), { once: true });
            window.postMessage({ type: 'model', model: m, version: v, uri: u }, '*');
        });
    }, [model, version, uri] as const);
}

export async function post(page: Page, message: unknown, waitForRender = false): Promise<void> {
    await page.evaluate(([m, wait]) => new Promise<void>(resolve => {
        if (wait) window.addEventListener('warrant:rendered', () => resolve(), { once: true });
        window.postMessage(m, '*');
        if (!wait) setTimeout(resolve, 50);
    }), [message, waitForRender] as const);
}

/** Runs `action` (a click on a filter, a key) and waits for the map it makes the viewer draw anew. */
export async function redrawn(page: Page, action: () => Promise<void>): Promise<void> {
    const drawn = page.evaluate(() => new Promise<void>(resolve => window.addEventListener('warrant:rendered', () => resolve(), { once: true })));
    await action();
    await drawn;
}

export async function posted(page: Page): Promise<{ type: string; [k: string]: unknown }[]> {
    return page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted);
}
