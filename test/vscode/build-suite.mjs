#!/usr/bin/env node
// Bundles the extension-host test suite for both runners (run-web.mjs, run-electron.mjs):
// test/vscode/suite/index.ts and every test/vscode/suite/*.test.ts → out/test/vscode/suite/*.cjs.
// `vscode` is provided by the extension host; mocha stays external and resolves from node_modules.
// out/test/vscode/ also gets the manifest of the tests-only harness extension (test/vscode/harness),
// which the runners pass as extensionDevelopmentPath: the suite then lies inside that extension,
// so the extension host attributes the suite's `require('vscode')` to it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const suiteSource = path.join(root, 'test/vscode/suite');
/** What extensionDevelopmentPath points at: the harness extension (not the Warrant extension). */
export const harnessOut = path.join(root, 'out/test/vscode');
export const suiteOut = path.join(harnessOut, 'suite');
/** What extensionTestsPath points at. */
export const suiteEntry = path.join(suiteOut, 'index.cjs');

export async function buildSuite() {
    const started = Date.now();
    const entries = fs.readdirSync(suiteSource)
        .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
        .map((name) => path.join(suiteSource, name));
    fs.rmSync(harnessOut, { recursive: true, force: true });
    fs.mkdirSync(harnessOut, { recursive: true });
    for (const file of fs.readdirSync(path.join(root, 'test/vscode/harness'))) {
        fs.copyFileSync(path.join(root, 'test/vscode/harness', file), path.join(harnessOut, file));
    }
    await esbuild.build({
        absWorkingDir: root,
        entryPoints: entries,
        outdir: suiteOut,
        outbase: suiteSource,
        outExtension: { '.js': '.cjs' },
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        sourcemap: 'inline',
        external: ['vscode', 'mocha'],
        logLevel: 'warning'
    });
    console.log(`build-suite: ${entries.length} file(s) → ${path.relative(root, suiteOut)} (${Date.now() - started} ms)`);
    return { harnessPath: harnessOut, suiteEntry };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    await buildSuite();
}
