/**
 * Bundle sizes of the release build (minified, as packaged) and the time to load the extension
 * and server bundles in plain Node. Rebuilds out/ in release mode, measures, then restores the
 * development build (sourcemaps) so that the tests and the debugger keep working.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureWorkbenchActivation, type ActivationResult } from './activation.js';
import { median, REPOSITORY, round } from './common.js';

export interface BundleResult {
    release: boolean;
    buildError?: string;
    files: Array<{ file: string; kb: number; gzipKb: number }>;
    /** `require('out/extension.cjs')` with a stub `vscode` module, median of 5 fresh processes. */
    extensionLoadMs?: number;
    /** `require('out/server.cjs')`-equivalent: the server bundle evaluated up to listening (median of 5), without a client. */
    serverLoadMs?: number;
    /** Activation in a real workbench, from the release VSIX (see activation.ts). */
    workbenchActivation?: ActivationResult;
    restoreError?: string;
}

const ACTIVATION_PROBE = `
const Module = require('module');
const load = Module._load;
function Base() {}
const stub = new Proxy(Base, {
    get(target, prop) { if (prop === 'prototype') return target.prototype; if (prop === 'then') return undefined; if (prop === Symbol.toPrimitive) return () => ''; return stub; },
    apply() { return stub; },
    construct() { return stub; }
});
Module._load = function (request) { return request === 'vscode' ? stub : load.apply(this, arguments); };
const start = process.hrtime.bigint();
const extension = require(process.argv[2]);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
if (typeof extension.activate !== 'function') { throw new Error('no activate'); }
console.log(JSON.stringify({ ms }));
`;

// Loads the server bundle with a transport on its command line and a pipe it never reads:
// the module evaluates, creates its connection and services, then the probe reports and exits.
const SERVER_PROBE = `
const start = process.hrtime.bigint();
process.argv.push('--stdio');
require(process.argv[2]);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stderr.write(JSON.stringify({ ms }) + '\\n');
process.exit(0);
`;

function build(args: string[]): string | undefined {
    const result = spawnSync(process.execPath, [path.join(REPOSITORY, 'scripts/build.mjs'), ...args], { cwd: REPOSITORY, encoding: 'utf8' });
    return result.status === 0 ? undefined : `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().slice(-2000) || `exit ${result.status}`;
}

function probe(script: string, file: string, stream: 'stdout' | 'stderr'): number | undefined {
    const scriptFile = path.join(os.tmpdir(), `warrant-bench-probe-${process.pid}.cjs`);
    writeFileSync(scriptFile, script);
    const times: number[] = [];
    try {
        for (let i = 0; i < 5; i++) {
            const result = spawnSync(process.execPath, [scriptFile, file], { encoding: 'utf8', input: '' });
            const line = (stream === 'stdout' ? result.stdout : result.stderr).split('\n').find(l => l.startsWith('{"ms"'));
            if (!line) {
                return undefined;
            }
            times.push((JSON.parse(line) as { ms: number }).ms);
        }
    } finally {
        rmSync(scriptFile, { force: true });
    }
    return round(median(times));
}

export function measureBundles(options: { release?: boolean; workbench?: boolean } = {}): BundleResult {
    const release = options.release ?? true;
    const result: BundleResult = { release, files: [] };
    if (release) {
        result.buildError = build(['--release', '--no-typecheck']);
    }
    const out = path.join(REPOSITORY, 'out');
    // out/web: the browser bundles (VS Code for the Web), in the same VSIX.
    for (const folder of ['out', 'out/web']) {
        const dir = path.join(REPOSITORY, folder);
        for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
            if (!/\.(cjs|js)$/.test(name)) {
                continue;
            }
            const file = path.join(dir, name);
            result.files.push({ file: `${folder}/${name}`, kb: round(statSync(file).size / 1024), gzipKb: round(gzipSync(readFileSync(file)).length / 1024) });
        }
    }
    const extension = path.join(out, 'extension.cjs');
    if (existsSync(extension)) {
        result.extensionLoadMs = probe(ACTIVATION_PROBE, extension, 'stdout');
    }
    const server = path.join(out, 'server.cjs');
    if (existsSync(server)) {
        result.serverLoadMs = probe(SERVER_PROBE, server, 'stderr');
    }
    if (release && options.workbench && !result.buildError) {
        // Packages the bundles just measured (no second build), as users install them.
        const packaged = spawnSync(process.execPath, [path.join(REPOSITORY, 'scripts/package.mjs'), '--no-build'], { cwd: REPOSITORY, encoding: 'utf8' });
        const vsix = /package: (out\/\S+\.vsix)/.exec(packaged.stdout ?? '')?.[1];
        result.workbenchActivation = packaged.status === 0 && vsix
            ? measureWorkbenchActivation(path.join(REPOSITORY, vsix))
            : { runs: [], error: `packaging failed: ${`${packaged.stdout ?? ''}${packaged.stderr ?? ''}`.trim().split('\n').slice(-2).join(' / ')}` };
    }
    if (release) {
        result.restoreError = build(['--no-typecheck']);
    }
    return result;
}
