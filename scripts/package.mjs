#!/usr/bin/env node
// Builds the release bundles and packages the extension as out/warrant-<version>.vsix.
// Nothing is published. Everything the extension runs is bundled by esbuild, so vsce runs with
// --no-dependencies; .vscodeignore whitelists what goes into the VSIX (`npx vsce ls --no-dependencies`).
//
//   node scripts/package.mjs [--no-build] [--no-typecheck] [--out path.vsix]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const outIndex = argv.indexOf('--out');
const vsix = path.resolve(root, outIndex >= 0 ? argv[outIndex + 1] : `out/${manifest.name}-${manifest.version}.vsix`);

function run(label, command, args) {
    const started = Date.now();
    const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) {
        console.error(`package: ${label} failed (exit ${result.status ?? result.signal})`);
        process.exit(result.status || 1);
    }
    console.log(`package: ${label} (${Date.now() - started} ms)`);
}

if (!argv.includes('--no-build')) {
    run('release build', process.execPath, [path.join(root, 'scripts/build.mjs'), '--release', ...(argv.includes('--no-typecheck') ? ['--no-typecheck'] : [])]);
}

// Release builds write no maps; drop any a development build left, so nothing stale lies around.
for (const name of fs.readdirSync(path.join(root, 'out'))) {
    if (name.endsWith('.map')) fs.rmSync(path.join(root, 'out', name));
}

// vsce asks interactively about some missing manifest parts; answer up front and say what is missing.
const vsceArgs = ['package', '--no-dependencies', '--out', vsix];
const missing = [];
if (!manifest.repository) {
    // Without a repository vsce cannot make README.md's relative links absolute (and refuses
    // relative images); keep them relative: they resolve on GitHub, not on the Marketplace page.
    vsceArgs.push('--allow-missing-repository', '--no-rewrite-relative-links');
    missing.push('package.json "repository" (vsce uses it to turn README.md\'s relative links and images into absolute URLs for the Marketplace page; until then they stay relative)');
}
if (!['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((name) => fs.existsSync(path.join(root, name)))) {
    vsceArgs.push('--skip-license');
    missing.push('a LICENSE file');
}
if (!manifest.icon) missing.push('package.json "icon" (a 128×128 PNG shown in the Extensions view)');
if (!fs.existsSync(path.join(root, 'README.md'))) missing.push('README.md (shown as the extension\'s details page)');
for (const note of missing) console.warn(`package: note: missing ${note}`);

const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');

// Every file the manifest points at (main, icon, grammars, schemas, snippets…) must be in the VSIX:
// .vscodeignore is a whitelist, so a new kind of asset must be added there too.
const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
if (listed.status !== 0) {
    console.error(listed.stderr);
    console.error('package: vsce ls failed');
    process.exit(1);
}
const files = new Set(listed.stdout.split('\n').map((line) => line.trim()).filter(Boolean));
const referenced = [manifest.main, manifest.browser, manifest.icon, ...manifestPaths(manifest.contributes)]
    .filter(Boolean).map((file) => path.posix.normalize(file.replace(/^\.\//, '')));
const left = [...new Set(referenced)].filter((file) => !files.has(file));
if (left.length > 0) {
    console.error(`package: the manifest references files that .vscodeignore leaves out (or that do not exist): ${left.join(', ')}`);
    process.exit(1);
}

fs.mkdirSync(path.dirname(vsix), { recursive: true });
fs.rmSync(vsix, { force: true });
run('vsce package', process.execPath, [vsce, ...vsceArgs]);
const size = fs.statSync(vsix).size;
console.log(`package: ${path.relative(root, vsix)} (${(size / 1024).toFixed(0)} KiB)`);

/** Relative paths ("./…" with a file extension) anywhere in the `contributes` section. */
function manifestPaths(value) {
    if (typeof value === 'string') return /^\.\/.+\.[A-Za-z0-9]+$/.test(value) ? [value] : [];
    if (Array.isArray(value)) return value.flatMap(manifestPaths);
    if (value && typeof value === 'object') return Object.values(value).flatMap(manifestPaths);
    return [];
}
