#!/usr/bin/env node
// Runs the same extension-host suite as run-web.mjs in desktop VS Code (Electron), through
// @vscode/test-electron, for machines that can download VS Code from update.code.visualstudio.com.
// As in run-web.mjs, the extension under test is the packaged VSIX, installed with
// `code --install-extension` into a throwaway extensions dir; the extensionDevelopmentPath is the
// tests-only harness (test/vscode/harness, built into out/test/vscode), which does not shadow it.
//
//   node test/vscode/run-electron.mjs [--vsix file] [--grep pattern] [--timeout sec] [--keep] [--no-typecheck]
//   WARRANT_VSCODE_VERSION=1.91.0 node test/vscode/run-electron.mjs   (default: stable)
//
// On Linux without a display it starts Xvfb (Debian package `xvfb`) for the run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { buildSuite } from './build-suite.mjs';
import { createSandbox, extensionId, parseOptions, prepareVsix, removeSandbox, root } from './common.mjs';

const options = parseOptions(process.argv.slice(2));
const version = process.env.WARRANT_VSCODE_VERSION || 'stable';
const startedAt = Date.now();
const log = (line) => console.log(`[run-electron ${((Date.now() - startedAt) / 1000).toFixed(1)} s] ${line}`);
const state = { sandbox: undefined, xvfb: undefined, finishing: false };

const overall = setTimeout(() => finish(1, `timed out after ${options.timeoutSec} s (--timeout / $WARRANT_VSCODE_TIMEOUT)`), options.timeoutSec * 1000);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => finish(130, `interrupted by ${signal}`));
main().catch((error) => finish(1, `runner error: ${error?.stack ?? error}`));

async function main() {
    const vsix = prepareVsix(options, log);
    const { harnessPath, suiteEntry } = await buildSuite();

    log(`downloading VS Code ${version} (cached in .vscode-test/)`);
    let executable;
    try {
        executable = await downloadAndUnzipVSCode({ version, timeout: 60_000 });
    } catch (error) {
        return finish(1, [
            `could not download desktop VS Code ${version}: ${error?.message ?? error}`,
            'run-electron.mjs needs network access to update.code.visualstudio.com (or a cached download in .vscode-test/).',
            'Where VS Code cannot be downloaded, run the same suite in the code-server workbench: npm run test:vscode'
        ].join('\n'));
    }

    const sandbox = state.sandbox = createSandbox();
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(executable);
    const profile = [`--extensions-dir=${sandbox.extensionsDir}`, `--user-data-dir=${sandbox.userDataDir}`];
    log(`installing ${path.relative(root, vsix)} into ${sandbox.extensionsDir}`);
    const install = spawnSync(cli, [...cliArgs.filter((arg) => !/^--(extensions-dir|user-data-dir)=/.test(arg)), ...profile, '--install-extension', vsix, '--force'], {
        stdio: 'inherit', shell: process.platform === 'win32'
    });
    const installed = fs.readdirSync(sandbox.extensionsDir).filter((name) => name.toLowerCase().startsWith(`${extensionId.toLowerCase()}-`));
    if (install.status !== 0 || installed.length !== 1) {
        return finish(1, `installing the VSIX failed (exit ${install.status}; installed: ${installed.join(', ') || 'nothing'})`);
    }

    await ensureDisplay();
    log(`running the suite in VS Code ${version}`);
    try {
        await runTests({
            vscodeExecutablePath: executable,
            extensionDevelopmentPath: harnessPath,
            extensionTestsPath: suiteEntry,
            launchArgs: [sandbox.workspace, ...profile, '--disable-gpu', '--disable-extension=vscode.git', '--disable-telemetry'],
            extensionTestsEnv: {
                WARRANT_TEST_EXTENSIONS_DIR: sandbox.extensionsDir,
                WARRANT_TEST_GREP: options.grep ?? ''
            }
        });
        finish(0, 'the suite passed');
    } catch (error) {
        finish(typeof error?.code === 'number' && error.code !== 0 ? error.code : 1, `the suite failed: ${error?.message ?? error}`);
    }
}

/** Electron needs an X display; on a headless Linux machine, start Xvfb for the run. */
async function ensureDisplay() {
    if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return;
    const xvfb = ['/usr/bin/Xvfb', '/usr/local/bin/Xvfb'].find((file) => fs.existsSync(file));
    if (!xvfb) {
        finish(1, 'no display for Electron and no Xvfb: install it (Debian: apt-get install -y xvfb), or run under xvfb-run, or set DISPLAY');
        return new Promise(() => {});
    }
    // -displayfd: Xvfb picks a free display number and writes it to the given fd once it is ready.
    const child = state.xvfb = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1400x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    const display = await new Promise((resolve, reject) => {
        let text = '';
        child.stdio[3].on('data', (chunk) => {
            text += chunk;
            if (text.includes('\n')) resolve(text.trim());
        });
        child.on('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
    });
    process.env.DISPLAY = `:${display}`;
    log(`started Xvfb on display :${display}`);
}

function finish(code, message) {
    if (state.finishing) return;
    state.finishing = true;
    clearTimeout(overall);
    (code === 0 ? console.log : console.error)(`[run-electron] ${message}`);
    killDescendants();
    try { state.xvfb?.kill('SIGTERM'); } catch { /* gone */ }
    removeSandbox(state.sandbox, options.keep, log);
    process.exit(code);
}

/** VS Code, as started by runTests, and whatever it started (no handle is exposed for it). */
function killDescendants() {
    if (process.platform === 'win32') return;
    const table = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).stdout ?? '';
    const children = new Map();
    for (const line of table.split('\n')) {
        const [pid, ppid] = line.trim().split(/\s+/).map(Number);
        if (pid && ppid) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    }
    const descendants = [];
    const visit = (pid) => (children.get(pid) ?? []).forEach((child) => { descendants.push(child); visit(child); });
    visit(process.pid);
    for (const pid of descendants) {
        if (pid === state.xvfb?.pid) continue;
        try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    }
}
