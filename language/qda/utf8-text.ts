/**
 * A source's UTF-8 bytes read as text without decoding them: a project's transcripts can hold
 * hundreds of megabytes, and Warrant needs only their length, where their surrogate pairs and
 * CR LF line breaks fall (offsets.ts), and the few thousand excerpts its selections cut. One
 * pass over the bytes — four at a time where they are ASCII — validates them and records all of
 * that; any slice is then decoded on demand. Indices are UTF-16 units, as in a JavaScript string
 * of the same text, so the rest of the reader can treat this as that string.
 */
import type { Pacer } from './pacing.js';
import { countBelow } from './sorted.js';

/** A UTF-16 index is found from the nearest mark before it, at most this many bytes back. */
const MARK_EVERY = 1024;
/** Bytes scanned between two chances to yield. */
const SCAN_WINDOW = 1 << 20;

// ignoreBOM: a slice that starts with U+FEFF keeps it (the text's own BOM was dropped by scan).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export class Utf8Text {
    /** UTF-16 indices of the second half of each surrogate pair, and of the LF of each CR LF. */
    readonly lows: number[];
    readonly crlfs: number[];
    /** Length in UTF-16 units. */
    readonly length: number;
    /** Pairs of (byte offset of a character's first byte, its UTF-16 index), ascending. */
    private readonly markBytes: number[];
    private readonly markUnits: number[];

    private constructor(readonly bytes: Uint8Array, scan: Scan) {
        this.lows = scan.lows;
        this.crlfs = scan.crlfs;
        this.length = scan.units;
        this.markBytes = scan.markBytes;
        this.markUnits = scan.markUnits;
    }

    /** Reads valid UTF-8 (a leading byte order mark dropped unless `keepBom`); undefined when the bytes are not valid UTF-8. */
    static async scan(bytes: Uint8Array, pacer: Pacer, keepBom = false): Promise<Utf8Text | undefined> {
        const body = !keepBom && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
        // Whole words are read through a Uint32Array, which needs an aligned start.
        const aligned = body.byteOffset % 4 === 0 ? body : new Uint8Array(body);
        const scan = new Scan();
        for (let at = 0; at < aligned.length; at += SCAN_WINDOW) {
            if (!scan.window(aligned, at, Math.min(aligned.length, at + SCAN_WINDOW))) {
                return undefined;
            }
            await pacer.pace();
        }
        return scan.need === 0 ? new Utf8Text(aligned, scan) : undefined;
    }

    /** Like String.prototype.slice with non-negative indices. */
    slice(start: number, end: number): string {
        const from = this.locate(Math.max(0, Math.min(start, this.length)));
        const to = this.locate(Math.max(from.unit, Math.min(end, this.length)));
        // `to` may start a surrogate pair that `end` cuts: decode the whole character, then trim.
        const toEnd = to.unit < end ? to.byte + 4 : to.byte;
        return decoder.decode(this.bytes.subarray(from.byte, toEnd)).slice(start - from.unit, end - from.unit);
    }

    /**
     * The code points that end just before a character boundary and start at it (undefined at
     * the ends of the text), found with one lookup. `index` must not fall inside a surrogate pair.
     */
    around(index: number): [number | undefined, number | undefined] {
        const { byte } = this.locate(index);
        let lead = byte - 1;
        while (lead > 0 && (this.bytes[lead]! & 0xc0) === 0x80) {
            lead--;
        }
        return [byte > 0 ? decodeAt(this.bytes, lead) : undefined, byte < this.bytes.length ? decodeAt(this.bytes, byte) : undefined];
    }

    /** The first byte and UTF-16 index of the character that holds UTF-16 index `unit`. */
    private locate(unit: number): { byte: number; unit: number } {
        const marks = this.markUnits;
        // The last mark at or before `unit` (the first is at 0).
        const low = countBelow(marks, unit + 1) - 1;
        let byte = this.markBytes[low]!;
        let at = marks[low]!;
        const nextByte = this.markBytes[low + 1] ?? this.bytes.length;
        const nextUnit = marks[low + 1] ?? this.length;
        if (nextByte - byte === nextUnit - at) {
            // Only ASCII up to the next mark: one byte per unit.
            return { byte: byte + (unit - at), unit };
        }
        const bytes = this.bytes;
        for (;;) {
            const lead = bytes[byte]!;
            const width = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
            const units = width === 4 ? 2 : 1;
            if (at + units > unit || byte >= bytes.length) {
                return { byte, unit: at };
            }
            byte += width;
            at += units;
        }
    }
}

/** The code point whose first byte is at `byte` (the bytes are valid UTF-8). */
function decodeAt(b: Uint8Array, byte: number): number {
    const lead = b[byte]!;
    if (lead < 0x80) {
        return lead;
    }
    if (lead < 0xe0) {
        return ((lead & 0x1f) << 6) | (b[byte + 1]! & 0x3f);
    }
    if (lead < 0xf0) {
        return ((lead & 0x0f) << 12) | ((b[byte + 1]! & 0x3f) << 6) | (b[byte + 2]! & 0x3f);
    }
    return ((lead & 0x07) << 18) | ((b[byte + 1]! & 0x3f) << 12) | ((b[byte + 2]! & 0x3f) << 6) | (b[byte + 3]! & 0x3f);
}

/** The state of one pass over the bytes, carried from window to window. */
class Scan {
    readonly lows: number[] = [];
    readonly crlfs: number[] = [];
    readonly markBytes: number[] = [0];
    readonly markUnits: number[] = [0];
    units = 0;
    /** Continuation bytes still expected, and the range the next one must fall in. */
    need = 0;
    private low = 0x80;
    private high = 0xbf;
    private afterCr = false;
    private nextMark = MARK_EVERY;

    /** Scans bytes [from, to) (from a multiple of 4); false at the first byte that is not valid UTF-8. */
    window(bytes: Uint8Array, from: number, to: number): boolean {
        const words = new Uint32Array(bytes.buffer, bytes.byteOffset, to >> 2);
        let w = from >> 2;
        while (w < words.length) {
            if (this.need === 0 && !this.afterCr) {
                if (w << 2 >= this.nextMark) {
                    this.markBytes.push(w << 2);
                    this.markUnits.push(this.units);
                    this.nextMark = (w << 2) + MARK_EVERY;
                }
                // The hot loop: words of four ASCII bytes, none a CR, up to the next mark.
                const stop = Math.min(words.length, this.nextMark >> 2);
                const start = w;
                for (; w < stop; w++) {
                    const word = words[w]!;
                    const v = word ^ 0x0d0d0d0d;
                    if ((word & 0x80808080) !== 0 || ((v - 0x01010101) & ~v & 0x80808080) !== 0) {
                        break;
                    }
                }
                this.units += (w - start) << 2;
                if (w === stop) {
                    continue;
                }
            }
            // A word with a non-ASCII byte or a CR, or inside a character: byte by byte.
            for (let i = w << 2; i < (w << 2) + 4; i++) {
                if (!this.byte(bytes[i]!)) {
                    return false;
                }
            }
            w++;
        }
        for (let at = words.length << 2; at < to; at++) {
            if (!this.byte(bytes[at]!)) {
                return false;
            }
        }
        return true;
    }

    /** One byte, validated as the WHATWG UTF-8 decoder does; false when invalid. */
    private byte(b: number): boolean {
        if (this.need > 0) {
            if (b < this.low || b > this.high) {
                return false;
            }
            this.need--;
            this.low = 0x80;
            this.high = 0xbf;
            return true;
        }
        if (b < 0x80) {
            if (b === 0x0a && this.afterCr) {
                this.crlfs.push(this.units);
            }
            this.afterCr = b === 0x0d;
            this.units++;
            return true;
        }
        this.afterCr = false;
        if (b >= 0xc2 && b <= 0xdf) {
            this.need = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
            this.need = 2;
            this.low = b === 0xe0 ? 0xa0 : 0x80;
            this.high = b === 0xed ? 0x9f : 0xbf;
        } else if (b >= 0xf0 && b <= 0xf4) {
            this.need = 3;
            this.low = b === 0xf0 ? 0x90 : 0x80;
            this.high = b === 0xf4 ? 0x8f : 0xbf;
            this.lows.push(this.units + 1);
            this.units++;
        } else {
            return false;
        }
        this.units++;
        return true;
    }
}
