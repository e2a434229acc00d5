/** Bytes of a text file in the archive to a string, the way REFI-QDA stores them: UTF-8. */
import type { Problems } from './model.js';
import type { Pacer } from './pacing.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Bytes decoded between two chances to yield. */
const DECODE_CHUNK = 1 << 22;

/**
 * UTF-8 to a string. A leading byte order mark is dropped (positions count from the first
 * character after it); invalid bytes are reported and read as U+FFFD, so a damaged file still
 * shows its readable parts. Large texts are decoded a few megabytes at a time.
 */
export async function decodeUtf8(bytes: Uint8Array, what: string, problems: Problems, pacer: Pacer, subject?: string): Promise<string> {
    // The lenient decoder is the fast one; only text that shows a replacement character is checked strictly.
    const text = await decodeInChunks(bytes, lenient, pacer);
    if (text.includes('\uFFFD')) {
        try {
            await decodeInChunks(bytes, strict, pacer);
        } catch {
            problems.warning(`${what} is not valid UTF-8; Warrant read it with the invalid bytes replaced by "\uFFFD", so excerpts after them may be shifted.`, subject);
        }
    }
    return text;
}

async function decodeInChunks(bytes: Uint8Array, decoder: TextDecoder, pacer: Pacer): Promise<string> {
    if (bytes.length <= DECODE_CHUNK) {
        return decoder.decode(bytes);
    }
    let text = '';
    for (let at = 0; at < bytes.length; at += DECODE_CHUNK) {
        // stream: a character split between two chunks is decoded whole.
        text += decoder.decode(bytes.subarray(at, at + DECODE_CHUNK), { stream: true });
        await pacer.pace();
    }
    return text + decoder.decode();
}
