/** Bytes of a text file in the archive to a string, the way REFI-QDA stores them: UTF-8. */
import type { Problems } from './model.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * UTF-8 to a string. A leading byte order mark is dropped (positions count from the first
 * character after it); invalid bytes are reported and read as U+FFFD, so a damaged file still
 * shows its readable parts.
 */
export function decodeUtf8(bytes: Uint8Array, what: string, problems: Problems, subject?: string): string {
    // The lenient decoder is the fast one; only text that shows a replacement character is checked strictly.
    const text = lenient.decode(bytes);
    if (text.includes('\uFFFD')) {
        try {
            strict.decode(bytes);
        } catch {
            problems.warning(`${what} is not valid UTF-8; Warrant read it with the invalid bytes replaced by "\uFFFD", so excerpts after them may be shifted.`, subject);
        }
    }
    return text;
}
