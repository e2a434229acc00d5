#!/usr/bin/env node
// Ensures the Debian packages the test suites drive for real are installed: Chromium (webview
// and VS Code workbench tests), Graphviz (`dot` validates DOT exports), libxml2-utils (`xmllint`
// validates GraphML), Neovim (the standalone-server check), ripgrep, libkrb5-dev and a C++
// toolchain (the code-server test host's native modules), Pandoc and librsvg2-bin (the Lua
// filter, the citation oracle for manuscripts, the PNG copy of a map in .docx). As root it installs what is missing
// with apt-get (no upgrade of installed packages, no recommended extras); otherwise it names the
// command to run and fails.
//
//   node scripts/system-deps.mjs        (also importable: ensureSystemPackages(log))
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Debian package → how to tell it is installed. */
const PACKAGES = {
    chromium: () => fs.existsSync('/usr/bin/chromium'),
    graphviz: () => which('dot'),
    'libxml2-utils': () => which('xmllint'),
    neovim: () => which('nvim'),
    ripgrep: () => which('rg'),
    'libkrb5-dev': () => fs.existsSync('/usr/include/gssapi/gssapi.h') || which('krb5-config'),
    'g++': () => which('g++'),
    make: () => which('make'),
    python3: () => which('python3'),
    pandoc: () => which('pandoc'),
    // pandoc's docx writer adds a PNG copy of an SVG picture (for older Word) with rsvg-convert
    'librsvg2-bin': () => which('rsvg-convert')
};

export function which(command) {
    return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * @param {(line: string) => void} [log]
 * @param {string[]} [names] the packages wanted (default: all of PACKAGES)
 */
export function ensureSystemPackages(log = line => console.log(`[system-deps] ${line}`), names = Object.keys(PACKAGES)) {
    const missing = names.filter(name => !PACKAGES[name]());
    if (missing.length === 0) {
        return;
    }
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!isRoot || !which('apt-get')) {
        throw new Error(`missing system packages: ${missing.join(', ')}. Install them (Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}) and rerun.`);
    }
    log(`apt-get install ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const lock = ['-o', 'DPkg::Lock::Timeout=900'];
    // Only what is missing, without recommended extras, and never a newer version of a package
    // that is already installed (--no-upgrade). A new package may still require a newer version
    // of an installed library (libkrb5-dev pins libkrb5-3 to its own version): apt then upgrades
    // that library, and the log names it first.
    const install = ['install', '-y', '-qq', '--no-install-recommends', '--no-upgrade', ...missing];
    apt([...lock, 'update', '-qq'], env);
    const upgrades = upgradesRequiredBy(install, env);
    if (upgrades.length > 0) {
        log(`the packages above require newer versions of installed ones: ${upgrades.join(', ')}`);
    }
    apt([...lock, ...install], env);
}

function apt(args, env) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
        throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    }
}

/** Installed packages a simulated install would upgrade (`Inst name [installed] (new …)`). */
function upgradesRequiredBy(install, env) {
    const simulated = spawnSync('apt-get', ['-s', ...install.filter(arg => arg !== '-qq')], { encoding: 'utf8', env });
    return [...(simulated.stdout ?? '').matchAll(/^Inst (\S+) \[([^\]]+)\] \((\S+)/gm)].map(([, name, from, to]) => `${name} ${from} → ${to}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    try {
        ensureSystemPackages();
    } catch (error) {
        console.error(`system-deps: ${error.message}`);
        process.exit(1);
    }
}
