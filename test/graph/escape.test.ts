import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dotString, escapeXmlChars, hasBidiControls, markdownText, neutralize, safeJson, xmlText } from '../../language/graph/escape.js';
import { xmllint } from './helpers.js';

describe('escape', () => {
    it('escapes the five XML metacharacters', () => {
        assert.equal(escapeXmlChars(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
        assert.equal(xmlText('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
        assert.equal(xmlText('<img src=x onerror="alert(1)">'), '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    });

    it('removes bidi controls from visible text and shows them in tooltips', () => {
        const text = 'admin\u202E\u2066 // check \u2069\u202C';
        assert.equal(neutralize(text), 'admin // check ');
        assert.equal(neutralize(text, 'tooltip'), 'admin⟨U+202E⟩⟨U+2066⟩ // check ⟨U+2069⟩⟨U+202C⟩');
        assert.ok(hasBidiControls(text));
        assert.ok(!hasBidiControls(neutralize(text)));
        assert.ok(!hasBidiControls(neutralize(text)), 'hasBidiControls must not keep regex state');
    });

    it('replaces characters XML forbids', () => {
        assert.equal(neutralize('a\u0000b\u0007c\uFFFEd\uD800e'), 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
        assert.equal(neutralize('tab\tnew\nline'), 'tab\tnew\nline');
        assert.equal(neutralize('emoji 😀 ok'), 'emoji 😀 ok');
    });

    it('quotes DOT strings', () => {
        assert.equal(dotString('say "hi" \\N\nnext'), 'say \\"hi\\" \\\\N\\nnext');
        assert.equal(dotString('ends with \\'), 'ends with \\\\');
    });

    it('escapes inline Markdown', () => {
        assert.equal(markdownText('a | b *c* <img> [x](y) `z` &amp; \\'), 'a \\| b \\*c\\* \\<img\\> \\[x\\](y) \\`z\\` \\&amp; \\\\');
        assert.equal(markdownText('two\nlines'), 'two lines');
    });

    it('writes JSON that round-trips and is inert in HTML', () => {
        const value = { label: '</script><img src=x>\u202E&\u2028' };
        const json = safeJson(value);
        assert.ok(!/[<>&\u2028\u202E]/.test(json));
        assert.deepEqual(JSON.parse(json), value);
    });

    it('every string becomes a well-formed XML attribute and text (property)', () => {
        fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), s => {
            const escaped = xmlText(s);
            assert.ok(!/[<>"']/.test(escaped));
            assert.ok(!/&(?!amp;|lt;|gt;|quot;|#39;)/.test(escaped));
            return true;
        }), { numRuns: 300 });
        // and a sample document with many hostile strings parses
        const samples = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), 200);
        const doc = `<r>${samples.map(s => `<e a="${xmlText(s)}" b="${xmlText(s, 'tooltip')}">${xmlText(s)}</e>`).join('')}</r>`;
        assert.equal(xmllint(doc), '');
    });

    it('JSON escaping round-trips any string (property)', () => {
        fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), s => {
            assert.equal(JSON.parse(safeJson(s)), s);
        }), { numRuns: 300 });
    });
});
