import { safeJson } from '../language/graph/escape.js';
import { visibleControls } from '../language/validation/document-validator.js';

/**
 * Everything the CLI writes to stderr passes here. Its messages quote strings from files —
 * paths and file names, keys of `warrant.config.json` — which may hold escape sequences or bidi
 * controls: they reach the terminal as visible `⟨U+001B⟩` markers, like diagnostic messages.
 */
export function report(message: string): void {
    process.stderr.write(visibleControls(`warrant: ${message}`) + '\n');
}

/**
 * JSON for stdout: lossless (a consumer parses back the exact file name), yet inert in a
 * terminal: JSON.stringify escapes C0 controls, safeJson bidi controls, DEL and the C1
 * controls (U+0080–U+009F, which some terminals obey).
 */
export function terminalJson(value: unknown): string {
    return safeJson(value, 2) + '\n';
}
