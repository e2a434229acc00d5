#!/usr/bin/env node
// Installs (idempotently) the real VS Code workbench the editor tests run in: the `code-server`
// npm package 4.100.3 (VS Code 1.100, the last release for Node 20) with its native modules built
// locally, outside the clone, in a cache directory:
//   ${WARRANT_TEST_HOST:-${XDG_CACHE_HOME:-$HOME/.cache}/warrant-test-host/code-server-4.100.3}
// A marker file records a complete install, so reruns take well under a second.
//
//   node scripts/vscode-test-host.mjs [--force] [--print-path]      (--force: wipe and reinstall)
//
// Also importable: `const host = await ensureTestHost()` → { dir, codeServerRoot, entry, vscodeDir, chromium }.
// It needs no internet beyond the npm registry (and Debian's
// package mirror when, as root, it installs chromium, libkrb5-dev, ripgrep and a C++ toolchain).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemPackages } from './system-deps.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
/** Bump when the recipe below changes, so existing installs are redone. */
const RECIPE = 2;
const MARKER = '.warrant-test-host-complete.json';

/** Native modules of lib/vscode that the Linux server and extension host load (the Windows-only ones are skipped). */
const VSCODE_NATIVE_MODULES = ['@vscode/spdlog', 'node-pty', 'native-watchdog', 'kerberos', '@vscode/deviceid'];

export function defaultTestHostDir() {
    if (process.env.WARRANT_TEST_HOST) return path.resolve(process.env.WARRANT_TEST_HOST);
    const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
    return path.join(cache, 'warrant-test-host', `code-server-${CODE_SERVER_VERSION}`);
}

function describe(dir) {
    const codeServerRoot = path.join(dir, 'node_modules', 'code-server');
    return {
        dir,
        codeServerRoot,
        entry: path.join(codeServerRoot, 'out', 'node', 'entry.js'),
        vscodeDir: path.join(codeServerRoot, 'lib', 'vscode'),
        chromium: '/usr/bin/chromium'
    };
}

/**
 * Ensures the test host is installed and returns where it is.
 * @param {{ force?: boolean, log?: (line: string) => void }} [options]
 */
export async function ensureTestHost(options = {}) {
    const log = options.log ?? ((line) => console.log(`[test-host] ${line}`));
    const dir = defaultTestHostDir();
    const host = describe(dir);
    const markerFile = path.join(dir, MARKER);
    if (!options.force && isComplete(markerFile, host)) {
        ensureSystemPackages(log, HOST_PACKAGES);
        return host;
    }
    const unlock = await lock(`${dir}.lock`, log);
    try {
        // Another run may have finished the install while this one waited for the lock.
        if (!options.force && isComplete(markerFile, host)) return host;
        if (options.force) fs.rmSync(dir, { recursive: true, force: true });
        return install(host, markerFile, log);
    } finally {
        unlock();
    }
}

function install(host, markerFile, log) {
    const { dir } = host;
    const started = Date.now();
    ensureSystemPackages(log, HOST_PACKAGES);
    if (Number(process.versions.node.split('.')[0]) !== 20) {
        log(`warning: code-server ${CODE_SERVER_VERSION} supports Node 20 only; this is Node ${process.version}`);
    }
    log(`installing code-server ${CODE_SERVER_VERSION} into ${dir}`);
    fs.rmSync(markerFile, { force: true });
    fs.mkdirSync(dir, { recursive: true });
    const manifest = path.join(dir, 'package.json');
    if (!fs.existsSync(manifest)) {
        fs.writeFileSync(manifest, JSON.stringify({ name: 'warrant-test-host', private: true }, null, 2) + '\n');
    }

    // Native builds run offline: point node-gyp at the headers installed next to this Node.
    const env = { ...process.env, npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
    const nodePrefix = path.resolve(path.dirname(process.execPath), '..');
    if (!env.npm_config_nodedir && fs.existsSync(path.join(nodePrefix, 'include', 'node', 'node_version.h'))) {
        env.npm_config_nodedir = nodePrefix;
    }

    // 1. code-server itself, without its postinstall (which would build everything with scripts on).
    step(log, `npm install code-server@${CODE_SERVER_VERSION} --ignore-scripts`, () =>
        npm(['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts'], dir, env));

    // 2. VS Code's own dependencies, then only the native modules Linux needs.
    step(log, 'lib/vscode: npm install --omit=dev --ignore-scripts', () =>
        npm(['install', '--omit=dev', '--ignore-scripts'], host.vscodeDir, env));
    step(log, `lib/vscode: npm rebuild ${VSCODE_NATIVE_MODULES.join(' ')}`, () =>
        npm(['rebuild', ...VSCODE_NATIVE_MODULES], host.vscodeDir, env));

    // 3. Built-in extensions' shared dependency (TypeScript for the TS/HTML language features),
    //    trimmed the way code-server's own postinstall does.
    const extensionsDir = path.join(host.vscodeDir, 'extensions');
    step(log, 'lib/vscode/extensions: npm install --omit=dev --ignore-scripts', () => {
        npm(['install', '--omit=dev', '--ignore-scripts'], extensionsDir, env);
        if (fs.existsSync(path.join(extensionsDir, 'postinstall.mjs'))) {
            run(process.execPath, ['postinstall.mjs'], extensionsDir, env, true);
        }
    });

    // 4. ripgrep from Debian (the @vscode/ripgrep postinstall would download it from GitHub).
    step(log, 'ripgrep → @vscode/ripgrep/bin/rg', () => {
        const rg = which('rg');
        if (!rg) throw new Error('ripgrep (rg) not found on PATH; install the Debian package `ripgrep`');
        const binDir = path.join(host.vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
        fs.mkdirSync(binDir, { recursive: true });
        fs.copyFileSync(rg, path.join(binDir, 'rg'));
        fs.chmodSync(path.join(binDir, 'rg'), 0o755);
    });

    // 5. What code-server's postinstall.sh does besides installing: the asar link and bin script links.
    step(log, 'links: node_modules.asar, remote-cli and helper scripts', () => {
        symlink('node_modules', path.join(host.vscodeDir, 'node_modules.asar'));
        symlink('code-linux.sh', path.join(host.vscodeDir, 'bin', 'remote-cli', 'code-server'));
        symlink('browser-linux.sh', path.join(host.vscodeDir, 'bin', 'helpers', 'browser.sh'));
    });

    // 6. argon2 (password hashing; loaded at start-up even with --auth none), hoisted to the top level.
    step(log, 'npm rebuild argon2', () => npm(['rebuild', 'argon2'], dir, env));

    // 7. Smoke check: the native modules load under this Node.
    step(log, 'smoke check: native modules load', () => {
        const script = [
            ...VSCODE_NATIVE_MODULES.filter((m) => m !== '@vscode/deviceid').map((m) => `require(${JSON.stringify(m)});`),
            `require(${JSON.stringify(path.join(dir, 'node_modules', 'argon2'))});`
        ].join('');
        run(process.execPath, ['-e', script], host.vscodeDir, env);
    });

    fs.writeFileSync(markerFile, JSON.stringify({
        recipe: RECIPE,
        codeServer: CODE_SERVER_VERSION,
        node: process.version,
        installedAt: new Date().toISOString(),
        seconds: Math.round((Date.now() - started) / 100) / 10
    }, null, 2) + '\n');
    log(`test host ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return host;
}

/** A lock file holding the installer's pid, so concurrent runs do not install over each other. */
async function lock(lockFile, log) {
    fs.mkdirSync(path.dirname(lockFile), { recursive: true });
    const deadline = Date.now() + 20 * 60_000;
    let announced = false;
    for (;;) {
        try {
            fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
            return () => fs.rmSync(lockFile, { force: true });
        } catch (error) {
            if (error.code !== 'EEXIST') throw error;
        }
        const holder = Number(fs.readFileSync(lockFile, 'utf8'));
        if (!holder || !isAlive(holder)) {
            fs.rmSync(lockFile, { force: true }); // left by a run that died
            continue;
        }
        if (Date.now() > deadline) throw new Error(`${lockFile} is still held by process ${holder}`);
        if (!announced) log(`waiting for process ${holder}, which is installing the test host`);
        announced = true;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
}

function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return error.code === 'EPERM';
    }
}

function isComplete(markerFile, host) {
    try {
        const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8'));
        return marker.recipe === RECIPE
            && marker.codeServer === CODE_SERVER_VERSION
            && marker.node?.split('.')[0] === process.version.split('.')[0]
            && fs.existsSync(host.entry);
    } catch {
        return false;
    }
}

/** Debian packages: Chromium drives the workbench, libkrb5-dev and a C++ toolchain build `kerberos`, ripgrep backs search. */
const HOST_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'g++', 'make', 'python3'];

function step(log, label, action) {
    const started = Date.now();
    log(`${label} …`);
    action();
    log(`${label}: done (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function npm(args, cwd, env) {
    run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, cwd, env);
}

function run(command, args, cwd, env, quiet = false) {
    const result = spawnSync(command, args, { cwd, env, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
    if (result.error) throw result.error;
    if (result.status !== 0) {
        throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd} (exit ${result.status ?? result.signal})`);
    }
}

function which(name) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
        const candidate = path.join(dir, name);
        try {
            fs.accessSync(candidate, fs.constants.X_OK);
            if (fs.statSync(candidate).isFile()) return candidate;
        } catch { /* not here */ }
    }
    return undefined;
}

function symlink(target, linkPath) {
    fs.rmSync(linkPath, { recursive: true, force: true });
    fs.symlinkSync(target, linkPath);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const args = new Set(process.argv.slice(2));
    try {
        const started = Date.now();
        const host = await ensureTestHost({ force: args.has('--force') });
        if (args.has('--print-path')) console.log(host.dir);
        else console.log(`[test-host] ${host.dir} (checked in ${((Date.now() - started) / 1000).toFixed(2)} s)`);
    } catch (error) {
        console.error(`[test-host] ${error instanceof Error ? error.message : error}`);
        process.exit(1);
    }
}
