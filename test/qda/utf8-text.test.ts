import assert from 'node:assert/strict';
import { Pacer } from '../../language/qda/pacing.js';
import { Utf8Text } from '../../language/qda/utf8-text.js';
import { mulberry32 } from '../helpers/random.js';

const pacer = () => new Pacer({ yieldNow: async () => undefined });
const encoder = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Pieces that exercise every width of UTF-8 and every way a CR and an LF can meet. */
const PIECES = ['a', 'word ', 'é', '—', '中', '🙂', '𝔘', '\r\n', '\r', '\n', '\r\r\n', 'x'.repeat(37), '\uFEFF', '\u0000'];

function randomText(next: () => number, pieces: number): string {
    let text = '';
    for (let i = 0; i < pieces; i++) {
        text += PIECES[Math.floor(next() * PIECES.length)]!;
    }
    return text;
}

/** What the scan must find, computed the plain way on a JavaScript string. */
function expected(text: string): { lows: number[]; crlfs: number[] } {
    const lows: number[] = [];
    const crlfs: number[] = [];
    for (let i = 1; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0xdc00 && code <= 0xdfff) {
            lows.push(i);
        } else if (code === 0x0a && text[i - 1] === '\r') {
            crlfs.push(i);
        }
    }
    return { lows, crlfs };
}

function codePointBefore(text: string, index: number): number | undefined {
    const code = text.charCodeAt(index - 1);
    return index === 0 ? undefined : code >= 0xdc00 && code <= 0xdfff && index >= 2 ? text.codePointAt(index - 2) : code;
}

describe('REFI-QDA sources: UTF-8 read without decoding it whole', () => {
    it('length, surrogate pairs, CR LFs, slices and the characters around a boundary equal those of the decoded string (random texts)', async () => {
        const next = mulberry32(7);
        for (let round = 0; round < 150; round++) {
            // Long texts now and then, so that marks, the ASCII shortcut and window edges all come into play.
            const text = randomText(next, round % 10 === 0 ? 3_000 : 1 + Math.floor(next() * 80));
            // Misaligned now and then: the scan must cope with a view that does not start on a multiple of 4.
            const shift = round % 3;
            const padded = new Uint8Array(encoder.encode(text).length + shift);
            padded.set(encoder.encode(text), shift);
            const scanned = (await Utf8Text.scan(padded.subarray(shift), pacer(), true))!;
            assert.ok(scanned, `round ${round}: valid UTF-8 was refused`);
            assert.equal(scanned.length, text.length, `round ${round}`);
            assert.deepEqual({ lows: scanned.lows, crlfs: scanned.crlfs }, expected(text), `round ${round}`);
            for (let k = 0; k < 40; k++) {
                const a = Math.floor(next() * (text.length + 1));
                const b = Math.floor(next() * (text.length + 1));
                assert.equal(scanned.slice(a, b), text.slice(a, b), `round ${round}: slice(${a}, ${b})`);
                if (!scanned.lows.includes(a)) {
                    assert.deepEqual(scanned.around(a), [codePointBefore(text, a), text.codePointAt(a)], `round ${round}: around(${a})`);
                }
            }
        }
    });

    it('refuses exactly what a strict UTF-8 decoder refuses (random bytes, mostly valid)', async () => {
        const next = mulberry32(11);
        const tricky = [0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x8f, 0x90];
        for (let round = 0; round < 2_000; round++) {
            const bytes = encoder.encode(randomText(next, 1 + Math.floor(next() * 12)));
            const damaged = new Uint8Array(bytes);
            for (let k = Math.floor(next() * 3); k > 0 && damaged.length > 0; k--) {
                damaged[Math.floor(next() * damaged.length)] = tricky[Math.floor(next() * tricky.length)]!;
            }
            let valid = true;
            try {
                strict.decode(damaged);
            } catch {
                valid = false;
            }
            const scanned = await Utf8Text.scan(damaged, pacer(), true);
            assert.equal(scanned !== undefined, valid, `round ${round}: ${[...damaged].map(b => b.toString(16)).join(' ')}`);
        }
    });

    it('drops a leading byte order mark unless asked to keep it', async () => {
        const bytes = encoder.encode('\uFEFFR01: hello');
        assert.equal((await Utf8Text.scan(bytes, pacer()))!.slice(0, 3), 'R01');
        assert.equal((await Utf8Text.scan(bytes, pacer(), true))!.length, 11);
    });

    it('a four-byte character and a CR LF across the edge of a scan window are each counted once', async () => {
        const window = 1 << 20;
        const text = `${'x'.repeat(window - 2)}🙂${'y'.repeat(window - 3)}\r\nend`;
        const scanned = (await Utf8Text.scan(encoder.encode(text), pacer()))!;
        assert.deepEqual({ lows: scanned.lows, crlfs: scanned.crlfs }, expected(text));
        assert.equal(scanned.slice(text.length - 6, text.length), text.slice(-6));
    });
});
