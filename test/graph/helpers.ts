/** Shared checks for the graph tests. */
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { HOSTILE } from './fixtures.js';

/** Runs `xmllint --noout` on a document; returns its complaints ('' when well-formed). */
export function xmllint(text: string, extraArgs: string[] = []): string {
    const result = spawnSync('xmllint', ['--noout', '--nonet', ...extraArgs, '-'], { input: text, encoding: 'utf8' });
    if (result.error) throw result.error;
    return result.status === 0 ? '' : (result.stderr || `exit ${result.status}`);
}

export function hasCommand(command: string): boolean {
    const result = spawnSync(command, ['-V'], { encoding: 'utf8' });
    return !result.error;
}

const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * No markup from user text (for markup formats), no raw bidi controls, no control characters:
 * the common bar for every text output.
 */
export function assertInert(output: string, what: string, markup = true): void {
    if (markup) {
        assert.ok(!/<script>window/i.test(output), `${what}: raw <script> from a label`);
        assert.ok(!/<img\s+src=x/i.test(output), `${what}: raw <img> from a label`);
    }
    assert.ok(!BIDI.test(output), `${what}: raw bidi control characters`);
    // eslint-disable-next-line no-control-regex
    assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(output), `${what}: raw control characters`);
}

export { HOSTILE };
