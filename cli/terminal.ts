import { safeJson } from '../language/graph/escape.js';
import { showHiddenCharacters } from '../language/safety/characters.js';

/**
 * Everything the CLI writes to stderr passes here. Its messages quote strings from files —
 * paths and file names, keys of `warrant.config.json` — which may hold escape sequences,
 * bidi controls or invisible characters: they reach the terminal as visible `⟨U+001B⟩`
 * markers, like diagnostic messages.
 */
export function report(message: string): void {
    process.stderr.write(showHiddenCharacters(`warrant: ${message}`) + '\n');
}

/**
 * JSON for stdout: lossless (a consumer parses back the exact file name), yet inert in a
 * terminal: safeJson writes every control, C1 and bidi character as a `\u` escape.
 */
export function terminalJson(value: unknown): string {
    return safeJson(value, 2) + '\n';
}
