// Entry point of the extension-host test run (the `run()` convention of @vscode/test-electron,
// also used by test/vscode/run-web.mjs). test/vscode/build-suite.mjs bundles this file and every
// `*.test.ts` next to it into out/test/vscode/suite/*.cjs; mocha is resolved from node_modules.
//
// Environment: WARRANT_TEST_GREP filters tests by title; WARRANT_TEST_TIMEOUT (ms) overrides the
// per-test timeout; WARRANT_TEST_LOG_FILE makes mocha's report (and helpers' `log()`) also go to
// that file, which run-web.mjs streams to its stdout.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export async function run(): Promise<void> {
    const restore = teeReporter(process.env.WARRANT_TEST_LOG_FILE);
    try {
        await runMocha();
    } finally {
        restore();
    }
}

async function runMocha(): Promise<void> {
    const mocha = new Mocha({
        ui: 'tdd',
        reporter: 'spec',
        color: false,
        timeout: Number(process.env.WARRANT_TEST_TIMEOUT) || 60_000,
        grep: process.env.WARRANT_TEST_GREP || undefined
    });
    const files = fs.readdirSync(__dirname)
        .filter((name) => name.endsWith('.test.cjs'))
        .sort()
        .map((name) => path.join(__dirname, name));
    if (files.length === 0) throw new Error(`no *.test.cjs files in ${__dirname}; run node test/vscode/build-suite.mjs`);
    for (const file of files) mocha.addFile(file);

    const failures = await new Promise<number>((resolve, reject) => {
        try {
            mocha.run(resolve);
        } catch (error) {
            reject(error);
        }
    });
    if (failures > 0) throw new Error(`${failures} test${failures === 1 ? '' : 's'} failed`);
}

/**
 * Sends mocha's report to `file` as well as to the console. (The extension host guards the console
 * methods against reassignment, so this goes through mocha's own `Base.consoleLog` hook; tests log
 * through `log()` in helpers.ts, which does the same.)
 */
function teeReporter(file: string | undefined): () => void {
    const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
    const original = base.consoleLog;
    if (file) base.consoleLog = (...args: unknown[]) => appendLine(file, args, original);
    return () => { base.consoleLog = original; };
}

function appendLine(file: string, args: unknown[], alsoTo: (...args: unknown[]) => void): void {
    try {
        fs.appendFileSync(file, format(...args) + '\n');
    } catch { /* the runner is gone; the console still has it */ }
    alsoTo(...args);
}
