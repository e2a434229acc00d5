#!/usr/bin/env node
// Runs the extension-host test suite in a real VS Code workbench (code-server 4.100.3 = VS Code 1.100,
// driven by Debian's headless Chromium), against the extension as packaged in the VSIX:
//
//  1. packages the extension (`npm run package`, or takes --vsix) and bundles the suite;
//  2. ensures the test host (scripts/vscode-test-host.mjs, cached outside the clone);
//  3. installs the VSIX with `code-server --install-extension` into a throwaway extensions dir;
//  4. starts code-server (127.0.0.1, free port, --auth none, throwaway user data);
//  5. opens the workbench in Chromium with the test payload. The extensionDevelopmentPath is the
//     tests-only harness extension (test/vscode/harness, built into out/test/vscode, holding the
//     suite) with another id, so the Warrant extension that runs is the installed VSIX (the suite
//     asserts this too);
//  6. streams the extension host's output, serves the suite's screenshot requests into
//     test-output/vscode/, and exits with the suite's exit code (via codeAutomationExit).
//
//   node test/vscode/run-web.mjs [--vsix file] [--grep pattern] [--timeout sec] [--keep] [--no-typecheck]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ensureTestHost } from '../../scripts/vscode-test-host.mjs';
import { buildSuite } from './build-suite.mjs';
import { launchChromium } from './chromium.mjs';
import { answerWebviewQuery, waitForWebviewContent } from './webview-query.mjs';
import { createSandbox, extensionId, fail, outputDir, parseOptions, prepareVsix, removeSandbox, root } from './common.mjs';

const options = parseOptions(process.argv.slice(2));
const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
const log = (line) => console.log(`[run-web ${elapsed()}] ${line}`);

/** Everything to tear down, in order, whatever way the run ends. */
const state = { logTail: undefined, sandbox: undefined, server: undefined, browser: undefined, page: undefined, screenshotServer: undefined, finishing: false };

const overall = setTimeout(() => {
    void finish(1, `timed out after ${options.timeoutSec} s (--timeout / $WARRANT_VSCODE_TIMEOUT)`, 'timeout');
}, options.timeoutSec * 1000);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => void finish(130, `interrupted by ${signal}`));
}
process.on('uncaughtException', (error) => void finish(1, `runner error: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => void finish(1, `runner error: ${error?.stack ?? error}`));

main().catch((error) => finish(1, `runner error: ${error?.stack ?? error}`));

async function main() {
    const vsix = prepareVsix(options, log);
    const { harnessPath, suiteEntry } = await buildSuite();
    const host = await ensureTestHost({ log: (line) => log(`test host: ${line}`) });
    if (!fs.existsSync(host.chromium)) fail(`${host.chromium} not found (Debian package chromium)`);

    const sandbox = state.sandbox = createSandbox();
    // Screenshots of earlier runs would pass for this run's.
    fs.rmSync(outputDir, { recursive: true, force: true });
    fs.mkdirSync(outputDir, { recursive: true });
    const configFile = path.join(sandbox.dir, 'code-server.yaml');
    fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
    const serverEnv = {
        ...process.env,
        // code-server keeps logs and a heartbeat under XDG dirs; keep them in the sandbox.
        XDG_CONFIG_HOME: path.join(sandbox.home, '.config'),
        XDG_DATA_HOME: path.join(sandbox.home, '.local/share'),
        // Read by the suite (the extension host inherits the server's environment).
        WARRANT_TEST_EXTENSIONS_DIR: sandbox.extensionsDir,
        WARRANT_TEST_GREP: options.grep ?? '',
        WARRANT_TEST_LOG_FILE: path.join(sandbox.dir, 'extension-host.log'),
        // No extension gallery: nothing to query offline, and nothing may replace the VSIX under test.
        EXTENSIONS_GALLERY: '{}',
        // The extension host gets this environment as is, instead of one resolved from a login shell
        // (which takes seconds and depends on the machine's dotfiles).
        VSCODE_CLI: '1'
    };
    fs.writeFileSync(serverEnv.WARRANT_TEST_LOG_FILE, '');
    state.logTail = tailFile(serverEnv.WARRANT_TEST_LOG_FILE);
    const common = ['--config', configFile, '--user-data-dir', sandbox.userDataDir, '--extensions-dir', sandbox.extensionsDir];

    log(`installing ${path.relative(root, vsix)} into ${sandbox.extensionsDir}`);
    const install = spawnSync(process.execPath, [host.entry, ...common, '--install-extension', vsix, '--force'], {
        env: serverEnv, encoding: 'utf8', timeout: 120_000
    });
    process.stdout.write(prefixLines('[install] ', `${install.stdout ?? ''}${install.stderr ?? ''}`));
    const installed = fs.readdirSync(sandbox.extensionsDir).filter((name) => name.toLowerCase().startsWith(`${extensionId.toLowerCase()}-`));
    if (install.status !== 0 || installed.length !== 1) {
        return finish(1, `installing the VSIX failed (exit ${install.status}; installed: ${installed.join(', ') || 'nothing'})`);
    }
    log(`installed as ${installed[0]}`);

    state.screenshotServer = await startScreenshotServer();
    serverEnv.WARRANT_TEST_SCREENSHOT_URL = `http://127.0.0.1:${state.screenshotServer.address().port}/screenshot`;

    const { port } = await startCodeServer(host, [...common, '--auth', 'none', '--bind-addr', '127.0.0.1:0',
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
        '--disable-proxy', '--ignore-last-opened'], serverEnv);
    const authority = `127.0.0.1:${port}`;
    const remote = (file) => `vscode-remote://${authority}${file}`;
    const payload = [
        ['extensionDevelopmentPath', remote(harnessPath)],
        ['extensionTestsPath', remote(suiteEntry)]
    ];
    const url = `http://${authority}/?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    state.browser = await launchChromium(host.chromium);
    // A fresh context is a fresh (in-memory) profile: no state leaks between runs.
    const context = await state.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = state.page = await context.newPage();
    // The workbench calls window.codeAutomationExit(code) when the extension host ends a test run.
    let reportExit;
    const exitCode = new Promise((resolve) => { reportExit = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(typeof code === 'number' ? code : 1));
    page.on('console', (message) => forwardConsole(message));
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    page.on('crash', () => void finish(1, 'the workbench page crashed', 'crash'));

    log(`opening the workbench: ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const code = await exitCode;
    await finish(code, `the suite exited with code ${code}`);
}

/** Starts code-server and resolves with its port once it answers HTTP. */
function startCodeServer(host, args, env) {
    return new Promise((resolve, reject) => {
        log(`starting code-server (${host.codeServerRoot})`);
        // Own process group, so the extension host and language server die with it.
        const child = state.server = spawn(process.execPath, [host.entry, ...args], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let resolved = false;
        const onLine = (line) => {
            const listening = /HTTP server listening on https?:\/\/[^\s/]+:(\d+)/.exec(line);
            if (listening && !resolved) {
                resolved = true;
                const port = Number(listening[1]);
                waitForHttp(port).then(() => resolve({ port }), reject);
            }
            printServerLine(line);
        };
        lines(child.stdout, onLine);
        lines(child.stderr, onLine);
        child.on('exit', (code, signal) => {
            state.server = undefined;
            if (!resolved) reject(new Error(`code-server exited before listening (${code ?? signal})`));
            else if (!state.finishing) void finish(1, `code-server exited unexpectedly (${code ?? signal})`);
        });
    });
}

async function waitForHttp(port) {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
        try {
            const response = await fetch(`http://127.0.0.1:${port}/healthz`);
            if (response.ok) return;
        } catch { /* not yet */ }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`code-server did not answer on port ${port}`);
}

/**
 * The suite asks for screenshots over HTTP (WARRANT_TEST_SCREENSHOT_URL, see suite/helpers.ts):
 * GET /screenshot?name=problems[&webview=1] → test-output/vscode/problems.png, answered when written.
 */
function startScreenshotServer() {
    const server = http.createServer(async (request, response) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        const query = url.searchParams;
        if (url.pathname === '/webview') {
            await answerWebviewQuery(state.page, query, response);
            return;
        }
        const name = (query.get('name') ?? '').replace(/[^A-Za-z0-9_.-]/g, '');
        if (!name || !state.page) {
            response.writeHead(400).end('no name or no page');
            return;
        }
        try {
            if (query.get('webview') === '1' && !(await waitForWebviewContent(state.page, query.get('selector') ?? undefined))) {
                log(`note: no rendered webview content${query.get('selector') ? ` matching ${query.get('selector')}` : ''} found within 15 s; taking the screenshot anyway`);
            }
            await state.page.waitForTimeout(Number(query.get('settle') ?? 500));
            const file = path.join(outputDir, `${name}.png`);
            await state.page.screenshot({ path: file });
            log(`screenshot ${path.relative(root, file)}`);
            response.writeHead(200, { 'content-type': 'text/plain' }).end(file);
        } catch (error) {
            response.writeHead(500).end(String(error));
        }
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * The suite copies the extension host's console (mocha's report included) to WARRANT_TEST_LOG_FILE;
 * print it as it grows. Returns a function that prints the rest and stops.
 */
function tailFile(file) {
    let offset = 0;
    const flush = () => {
        let size;
        try { size = fs.statSync(file).size; } catch { return; }
        if (size <= offset) return;
        const buffer = Buffer.alloc(size - offset);
        const fd = fs.openSync(file, 'r');
        try { fs.readSync(fd, buffer, 0, buffer.length, offset); } finally { fs.closeSync(fd); }
        offset = size;
        process.stdout.write(buffer);
    };
    const timer = setInterval(flush, 100);
    return () => { clearInterval(timer); flush(); };
}

/** The workbench's own console: errors only (the suite's output comes through the log file). */
function forwardConsole(message) {
    const text = message.text().replace(/^%c\s*(\w+)\s+color: \S+\s*/, '$1 ');
    const verbose = Boolean(process.env.WARRANT_VSCODE_VERBOSE);
    if (verbose) console.log(`[browser ${message.type()}] ${text}`);
    else if (message.type() === 'error' && !/^Failed to load resource/.test(text)) console.log(`[browser error] ${text}`);
}

function printServerLine(line) {
    if (!line.trim() || state.finishing) return;
    if (process.env.WARRANT_VSCODE_VERBOSE || /error|fail|exception/i.test(line)) console.log(`[code-server] ${line}`);
}

function lines(stream, onLine) {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
        buffer += chunk;
        let index;
        while ((index = buffer.indexOf('\n')) >= 0) {
            onLine(buffer.slice(0, index));
            buffer = buffer.slice(index + 1);
        }
    });
    stream.on('end', () => buffer && onLine(buffer));
}

function prefixLines(prefix, text) {
    return text.split('\n').filter((line) => line.trim()).map((line) => `${prefix}${line}\n`).join('');
}

async function finish(code, reason, screenshotName) {
    if (state.finishing) return;
    state.finishing = true;
    clearTimeout(overall);
    state.logTail?.();
    log(reason);
    if (screenshotName && state.page) {
        try {
            const file = path.join(outputDir, `${screenshotName}.png`);
            await state.page.screenshot({ path: file, timeout: 5_000 });
            log(`screenshot of the final state: ${path.relative(root, file)}`);
        } catch { /* the page may be gone */ }
    }
    await state.browser?.close().catch(() => {});
    state.screenshotServer?.close();
    await stopServer();
    removeSandbox(state.sandbox, options.keep, log);
    log(`exit ${code}`);
    process.exit(code);
}

async function stopServer() {
    const child = state.server;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const kill = (signal) => {
        try { process.kill(-child.pid, signal); } catch { /* already gone */ }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 5_000);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 6_000))]);
    clearTimeout(timer);
    kill('SIGKILL'); // stragglers of the group (extension host, language server)
}
