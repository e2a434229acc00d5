/**
 * Child process: the bundled CLI's picture export of a deep support chain (claim i supported by
 * claim i + 1 and by one of a few hub data), the shape whose layout once grew quadratically.
 * Wall and CPU time of the whole CLI process and its peak RSS (Linux VmHWM, read as it exits).
 *
 *   node --import tsx bench/export-chain.ts --format svg --claims 5000 --hubs 50 --dir TMPDIR
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { supportChainText } from '../test/helpers/support-chain.js';
import { arg, REPOSITORY, report, round } from './common.js';

const format = arg('format');
const claims = Number(arg('claims'));
const hubs = Number(arg('hubs'));
const dir = path.join(arg('dir'), `chain-${claims}-${hubs}-${format}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'chain.warrant'), supportChainText({ claims, hubs }));
const out = path.join(dir, `chain.${format}`);

const started = performance.now();
const child = spawn(process.execPath, ['--require', path.join(REPOSITORY, 'bench/process-figures.cjs'), path.join(REPOSITORY, 'out/cli.cjs'), 'export', 'chain.warrant', '--format', format, '--out', out],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
child.stderr.on('data', chunk => (stderr += String(chunk)));
const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(resolve => child.on('close', (code, sig) => resolve([code, sig])));
const wallMs = performance.now() - started;
const peakKb = Number(/PEAK_RSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN);
const cpuMs = Number(/CPU_MS ([\d.]+)/.exec(stderr)?.[1] ?? NaN);
let outputKb = NaN;
try {
    outputKb = round(statSync(out).size / 1024);
} catch {
    // no file written: reported as NaN, and the row fails
}
rmSync(dir, { recursive: true, force: true });
report({ format, claims, hubs, status, signal, wallMs: round(wallMs), cpuMs: round(cpuMs), peakRssMb: round(peakKb / 1024), outputKb, error: status === 0 ? undefined : stderr.slice(-500) });
