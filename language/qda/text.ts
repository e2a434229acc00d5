/** Bytes of a text file in the archive to text, the way REFI-QDA stores them: UTF-8. */
import type { Problems } from './model.js';
import type { Pacer } from './pacing.js';
import { Utf8Text } from './utf8-text.js';

const lenient = new TextDecoder('utf-8');
// For bytes whose BOM Utf8Text already dropped: a U+FEFF left is the text's own.
const asScanned = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/** Bytes decoded between two chances to yield. */
const DECODE_CHUNK = 1 << 22;

/**
 * UTF-8 bytes to a Utf8Text. A leading byte order mark is dropped (positions count from the
 * first character after it); invalid bytes are reported and read as U+FFFD (the text is then
 * decoded and encoded again, valid), so a damaged file still shows its readable parts.
 */
export async function readUtf8(bytes: Uint8Array, what: string, problems: Problems, pacer: Pacer, subject?: string): Promise<Utf8Text> {
    const valid = await Utf8Text.scan(bytes, pacer);
    if (valid) {
        return valid;
    }
    problems.warning(`${what} is not valid UTF-8; Warrant read it with the invalid bytes replaced by "\uFFFD", so excerpts after them may be shifted.`, subject);
    return (await Utf8Text.scan(encoder.encode(await decodeInChunks(bytes, pacer)), pacer, true))!;
}

/** UTF-8 bytes to a string, as readUtf8 reads them (for the project's XML, which is parsed whole). */
export async function decodeUtf8(bytes: Uint8Array, what: string, problems: Problems, pacer: Pacer): Promise<string> {
    return asScanned.decode((await readUtf8(bytes, what, problems, pacer)).bytes);
}

/** The text of a string (inline content) as a Utf8Text. */
export async function utf8Of(text: string, pacer: Pacer): Promise<Utf8Text> {
    return (await Utf8Text.scan(encoder.encode(text), pacer, true))!;
}

const decoded = new WeakMap<Uint8Array, string>();

/** A source's whole text, decoded once (for the few readers that show all of it). */
export function wholeText(utf8: Uint8Array): string {
    let text = decoded.get(utf8);
    if (text === undefined) {
        text = asScanned.decode(utf8);
        decoded.set(utf8, text);
    }
    return text;
}

async function decodeInChunks(bytes: Uint8Array, pacer: Pacer): Promise<string> {
    let text = '';
    for (let at = 0; at < bytes.length; at += DECODE_CHUNK) {
        // stream: a character split between two chunks is decoded whole.
        text += lenient.decode(bytes.subarray(at, at + DECODE_CHUNK), { stream: true });
        await pacer.pace();
    }
    return text + lenient.decode();
}
