import assert from 'node:assert/strict';

/** What must never reach a terminal raw: C0 controls but tab and line feed, DEL, C1 controls, bidi controls, zero-width characters. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B-\u200F\u061C\u2060\uFEFF]/;

export function assertNoRawControl(output: string, label: string): void {
    const at = output.search(RAW_CONTROL);
    assert.equal(at, -1, `${label}: raw U+${output.charCodeAt(at).toString(16).padStart(4, '0')} in ${JSON.stringify(output.slice(Math.max(0, at - 80), at + 40))}`);
}
