// `npm start` right after `npm install`: `prepare` has just built everything, so the full build
// (Langium generation, type-check, bundles) runs again only when a bundle is missing or a source
// file is newer than the oldest bundle.
//
//   node scripts/build-if-stale.mjs
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const BUNDLES = ['out/cli.cjs', 'out/server.cjs', 'out/extension.cjs', 'out/map-export.cjs', 'out/markdown-preview.css', 'out/webview.js'];
const SOURCES = ['language', 'cli', 'server', 'extension', 'langium-config.json', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];
/** Written by the build itself. */
const GENERATED = path.join(root, 'language/generated');

function mtime(file) {
    try {
        return fs.statSync(file).mtimeMs;
    } catch {
        return undefined;
    }
}

/** The newest modification time under `entry` (a file or a folder, links not followed). */
function newest(entry) {
    const stat = fs.lstatSync(entry, { throwIfNoEntry: false });
    if (!stat || entry === GENERATED) {
        return 0;
    }
    if (!stat.isDirectory()) {
        return stat.mtimeMs;
    }
    return fs.readdirSync(entry).reduce((latest, name) => Math.max(latest, newest(path.join(entry, name))), 0);
}

const built = BUNDLES.map(bundle => mtime(path.join(root, bundle)));
const oldestBundle = built.some(time => time === undefined) ? -Infinity : Math.min(...built);
const newestSource = Math.max(...SOURCES.map(source => newest(path.join(root, source))));
if (newestSource > oldestBundle) {
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
    process.exit(result.status ?? 1);
}
