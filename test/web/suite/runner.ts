// The suite's line to the runner (test/web/run.mjs), an HTTP server on 127.0.0.1 whose address the
// runner writes into the bundle (test/web/build-suite.mjs): the report, and what the VS Code API
// cannot do from a Web Worker (look into webviews, click in them).
import * as assert from './assert.js';

declare const WARRANT_WEB_RUNNER: { url: string; grep: string; timeoutMs: number };

export function runnerConfig(): { url: string; grep: string; timeoutMs: number } {
    return WARRANT_WEB_RUNNER;
}

let reported = Promise.resolve();
/** Sends one line of the report; lines arrive in order. */
export function reportLine(line: string): void {
    reported = reported.then(() => post('/log', line)).catch(() => { /* the runner is gone */ });
}

/** Resolves once every line reported so far has reached the runner. */
export function reportFlushed(): Promise<void> {
    return reported;
}

async function post(path: string, body: string): Promise<void> {
    await fetch(new URL(path, WARRANT_WEB_RUNNER.url), { method: 'POST', body });
}

async function query(parameters: Record<string, string>): Promise<Response> {
    const url = new URL('/webview', WARRANT_WEB_RUNNER.url);
    for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
    return fetch(url);
}

/** Number of elements matching `selector` in all webviews. */
export async function webviewCount(selector: string): Promise<number> {
    const response = await query({ action: 'count', selector });
    const body = await response.text();
    assert.ok(response.ok, `webview query failed: ${body}`);
    return Number(body);
}

/** Clicks the first element matching `selector` in the webviews, through the real browser. */
export async function webviewClick(selector: string): Promise<void> {
    const response = await query({ action: 'click', selector });
    assert.ok(response.ok, `webview click failed: ${await response.text()}`);
}

/** Runs a self-contained function (no imports, no closure) in the webview that has an element matching `selector`. */
export async function webviewEvaluate<A, R>(selector: string, fn: (argument: A) => R, argument: A): Promise<R> {
    const response = await query({ action: 'evaluate', selector, function: fn.toString(), argument: JSON.stringify(argument) });
    const body = await response.text();
    assert.ok(response.ok, `webview evaluate failed: ${body}`);
    return JSON.parse(body) as R;
}
