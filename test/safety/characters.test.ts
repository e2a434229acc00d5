import assert from 'node:assert/strict';
import fc from 'fast-check';
import { characterMarker, hasHiddenCharacters, replaceHiddenCharacters, showHiddenCharacters } from '../../language/safety/characters.js';
import { hasHiddenText, neutralize } from '../../language/graph/escape.js';

/** Every character the set must hold, written out by hand (the oracle, not the module's regex). */
const BIDI = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\uFEFF'];
const JOINERS = ['\u200C', '\u200D'];
const CONTROLS = [
    ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter(c => c !== '\t' && c !== '\n'),
    ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i))
];
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
const HIDDEN = [...BIDI, ...INVISIBLE, ...CONTROLS, ...LONE_SURROGATES];

describe('hidden characters (one set for messages, the terminal, keys and the map)', () => {
    it('finds every bidi control, invisible format character, control character and lone surrogate', () => {
        for (const c of HIDDEN) {
            assert.ok(hasHiddenCharacters(`a${c}b`), `U+${c.charCodeAt(0).toString(16)} not found`);
        }
    });

    it('leaves ordinary text alone: tab, line feed, accents, other scripts, emoji, paired surrogates', () => {
        for (const text of ['tab\tnew\nline', 'Müller & Ødegård', 'جامعة', 'שלום', 'दिल्ली', '😀 🇫🇷', 'U+2028\u2028', 'non\u00A0breaking']) {
            assert.equal(hasHiddenCharacters(text), false, JSON.stringify(text));
            assert.equal(showHiddenCharacters(text), text);
        }
    });

    it('shows each as a marker naming its code point', () => {
        assert.equal(showHiddenCharacters('admin\u202E\u2066 // check \u2069\u202C'), 'admin⟨U+202E⟩⟨U+2066⟩ // check ⟨U+2069⟩⟨U+202C⟩');
        assert.equal(showHiddenCharacters('evil\u001b]0;x\u0007\u009b2J\r'), 'evil⟨U+001B⟩]0;x⟨U+0007⟩⟨U+009B⟩2J⟨U+000D⟩');
        assert.equal(showHiddenCharacters('Hall\u200B2005\uFEFF'), 'Hall⟨U+200B⟩2005⟨U+FEFF⟩');
        assert.equal(showHiddenCharacters('x\uD800y\uDC00'), 'x⟨U+D800⟩y⟨U+DC00⟩');
        assert.equal(characterMarker('\u0000'), '⟨U+0000⟩');
    });

    it('keeps the joiners in prose (Persian, Indic scripts, emoji sequences) and marks them in names', () => {
        const persian = 'می\u200Cخواهم';
        const family = '👨\u200D👩\u200D👧';
        for (const text of [persian, family]) {
            assert.equal(hasHiddenCharacters(text, 'prose'), false);
            assert.equal(showHiddenCharacters(text, 'prose'), text);
            assert.equal(hasHiddenCharacters(text, 'name'), true);
        }
        for (const c of HIDDEN.filter(c => !JOINERS.includes(c))) {
            assert.ok(hasHiddenCharacters(`a${c}b`, 'prose'), `U+${c.charCodeAt(0).toString(16)} not found in prose`);
        }
    });

    it('marked text holds no hidden character and keeps the rest (property)', () => {
        const piece = fc.oneof(fc.constantFrom(...HIDDEN), fc.constantFrom('a', 'é', '😀', '⟨', 'U+', '⟩', ' ', '\t', '\n', '\u2028', 'ج'));
        fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), pieces => {
            const text = pieces.join('');
            const shown = showHiddenCharacters(text);
            assert.equal(hasHiddenCharacters(shown), false);
            assert.equal(replaceHiddenCharacters(text, () => ''), shown.replace(/⟨U\+[0-9A-F]{4,6}⟩/g, ''));
        }), { numRuns: 300 });
    });

    it('keeps no state between calls', () => {
        assert.ok(hasHiddenCharacters('\u202E'));
        assert.ok(hasHiddenCharacters('\u202E'));
        assert.ok(!hasHiddenCharacters('plain'));
    });
});

describe('hidden characters on the map (neutralize)', () => {
    it('removes them from visible text and shows them in tooltips', () => {
        const text = 'admin\u202E\u2066 // check \u2069\u202C \u200Bzero';
        assert.equal(neutralize(text), 'admin // check  zero');
        assert.equal(neutralize(text, 'tooltip'), 'admin⟨U+202E⟩⟨U+2066⟩ // check ⟨U+2069⟩⟨U+202C⟩ ⟨U+200B⟩zero');
        assert.ok(hasHiddenText(text));
        assert.ok(!hasHiddenText(neutralize(text)));
    });

    it('replaces what XML forbids in visible text and names it in tooltips', () => {
        assert.equal(neutralize('a\u0000b\u0007c\uFFFEd\uD800e'), 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
        assert.equal(neutralize('a\u0000b\u0007c\uFFFEd\uD800e', 'tooltip'), 'a⟨U+0000⟩b⟨U+0007⟩c\uFFFDd⟨U+D800⟩e');
        assert.equal(neutralize('DEL\u007F C1\u009B'), 'DEL C1');
    });

    it('keeps tab, line breaks (CR and CRLF as line feeds), emoji and joiners', () => {
        assert.equal(neutralize('tab\tnew\nline\r\nthird\rfourth'), 'tab\tnew\nline\nthird\nfourth');
        assert.equal(hasHiddenText('one\r\ntwo'), false);
        assert.equal(neutralize('emoji 😀 👨\u200D👩\u200D👧 ok'), 'emoji 😀 👨\u200D👩\u200D👧 ok');
    });
});
