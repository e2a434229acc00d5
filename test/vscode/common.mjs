// Shared by the two runners of the extension-host suite (run-web.mjs, run-electron.mjs):
// command-line options, the VSIX under test, and a throwaway sandbox (user data, extensions, workspace).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesWorkspace = path.join(root, 'test/vscode/fixtures/workspace');
export const outputDir = path.join(root, 'test-output/vscode');
export const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
export const extensionId = `${manifest.publisher}.${manifest.name}`;

const USAGE = `options:
  --vsix <file>      test this VSIX instead of packaging one with \`npm run package\`
  --no-typecheck     when packaging, skip the type-check of the release build
  --grep <pattern>   run only the tests whose title matches
  --timeout <sec>    overall time limit (default 600, or $WARRANT_VSCODE_TIMEOUT)
  --keep             keep the sandbox (user data, extensions, workspace copy, logs) for inspection`;

export function parseOptions(argv) {
    const options = { vsix: undefined, typecheck: true, grep: undefined, timeoutSec: Number(process.env.WARRANT_VSCODE_TIMEOUT) || 600, keep: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = () => {
            const next = argv[++i];
            if (next === undefined) fail(`${arg} needs a value\n${USAGE}`);
            return next;
        };
        if (arg === '--vsix') options.vsix = path.resolve(value());
        else if (arg === '--no-typecheck') options.typecheck = false;
        else if (arg === '--grep') options.grep = value();
        else if (arg === '--timeout') options.timeoutSec = Number(value());
        else if (arg === '--keep') options.keep = true;
        else if (arg === '--help' || arg === '-h') { console.log(USAGE); process.exit(0); }
        else fail(`unknown option ${arg}\n${USAGE}`);
    }
    if (!(options.timeoutSec > 0)) fail('--timeout must be a positive number of seconds');
    return options;
}

export function fail(message) {
    console.error(`error: ${message}`);
    process.exit(2);
}

/** The VSIX under test: the one given, or a fresh `npm run package` (release build + vsce). */
export function prepareVsix(options, log) {
    if (options.vsix) {
        if (!fs.existsSync(options.vsix)) fail(`no such VSIX: ${options.vsix}`);
        return options.vsix;
    }
    const vsix = path.join(root, 'out', `${manifest.name}-${manifest.version}.vsix`);
    const started = Date.now();
    log('packaging the extension (npm run package)');
    const args = [path.join(root, 'scripts/package.mjs'), ...(options.typecheck ? [] : ['--no-typecheck'])];
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0 || !fs.existsSync(vsix)) fail(`packaging failed (exit ${result.status}); see above`);
    log(`packaged ${path.relative(root, vsix)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return vsix;
}

/** User settings of the sandbox: no trust prompt, no welcome page, nothing reaching out to the network. */
export const userSettings = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.commandCenter.enabled': false,
    'git.enabled': false,
    'files.autoSave': 'off',
    'window.restoreWindows': 'none'
};

/**
 * A fresh directory tree for one run: user data (with settings), an empty extensions directory
 * for the VSIX, and a copy of test/vscode/fixtures/workspace that tests may edit and save freely.
 */
export function createSandbox() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warrant-vscode-'));
    const sandbox = {
        dir,
        userDataDir: path.join(dir, 'user-data'),
        extensionsDir: path.join(dir, 'extensions'),
        workspace: path.join(dir, 'workspace'),
        home: path.join(dir, 'home')
    };
    fs.mkdirSync(path.join(sandbox.userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(sandbox.userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 4) + '\n');
    fs.mkdirSync(sandbox.extensionsDir);
    fs.mkdirSync(sandbox.home);
    fs.cpSync(fixturesWorkspace, sandbox.workspace, { recursive: true });
    // The case study, as a researcher would have it: a folder of the workspace.
    fs.cpSync(path.join(root, 'examples', 'lscb-gender-hypothesis'), path.join(sandbox.workspace, 'lscb'), { recursive: true });
    // A REFI-QDA project read live, with the claims that rest on it.
    fs.cpSync(path.join(root, 'examples', 'qda'), path.join(sandbox.workspace, 'qda'), { recursive: true });
    return sandbox;
}

export function removeSandbox(sandbox, keep, log) {
    if (!sandbox) return;
    if (keep) {
        log(`sandbox kept: ${sandbox.dir}`);
        return;
    }
    try {
        fs.rmSync(sandbox.dir, { recursive: true, force: true, maxRetries: 3 });
    } catch (error) {
        log(`could not remove ${sandbox.dir}: ${error.message}`);
    }
}
