/**
 * Extension activation in a real workbench: code-server with headless Chromium, the host of the
 * extension-host tests (test/vscode/run-web.mjs), running only the activation test against the
 * release VSIX. That test reads the extension host's own marks around the bundle's `require`
 * (code loading) and the duration of `activate` (the activate call): together, the activation time
 * "Developer: Show Running Extensions" shows. The first run may install the test host (~2 min).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, REPOSITORY, round } from './common.js';

export interface ActivationRun {
    codeLoadingMs: number;
    activateCallMs: number;
}

export interface ActivationResult {
    runs: ActivationRun[];
    /** Median over the runs of code loading + activate call. */
    medianMs?: number;
    error?: string;
}

export function measureWorkbenchActivation(vsix: string, runs = 3): ActivationResult {
    const result: ActivationResult = { runs: [] };
    const metricsFile = path.join(os.tmpdir(), `warrant-bench-activation-${process.pid}.json`);
    for (let i = 0; i < runs; i++) {
        rmSync(metricsFile, { force: true });
        const run = spawnSync(process.execPath, [path.join(REPOSITORY, 'test/vscode/run-web.mjs'), '--vsix', vsix, '--grep', 'activates the extension', '--no-typecheck'], {
            cwd: REPOSITORY, encoding: 'utf8', timeout: 600_000, env: { ...process.env, WARRANT_TEST_METRICS_FILE: metricsFile }
        });
        if (run.status !== 0 || !existsSync(metricsFile)) {
            result.error = `run-web exited with ${run.status ?? run.signal}: ${`${run.stdout ?? ''}${run.stderr ?? ''}`.trim().split('\n').slice(-3).join(' / ')}`;
            break;
        }
        result.runs.push((JSON.parse(readFileSync(metricsFile, 'utf8')) as { activation: ActivationRun }).activation);
    }
    rmSync(metricsFile, { force: true });
    if (result.runs.length > 0) {
        result.medianMs = round(median(result.runs.map(r => r.codeLoadingMs + r.activateCallMs)), 1);
    }
    return result;
}
