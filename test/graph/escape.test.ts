import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dotString, escapeXmlChars, markdownText, safeJson, xmlText } from '../../language/graph/escape.js';
import { xmllint } from './helpers.js';

describe('escape', () => {
    it('escapes the five XML metacharacters', () => {
        assert.equal(escapeXmlChars(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
        assert.equal(xmlText('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
        assert.equal(xmlText('<img src=x onerror="alert(1)">'), '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    });

    it('writes hidden characters left in markup as character references', () => {
        assert.equal(escapeXmlChars('a\u202Eb\u200Dc\u009Bd\re'), 'a&#x202E;b&#x200D;c&#x9B;d&#xD;e');
    });

    it('quotes DOT strings', () => {
        assert.equal(dotString('say "hi" \\N\nnext'), 'say \\"hi\\" \\\\N\\nnext');
        assert.equal(dotString('ends with \\'), 'ends with \\\\');
    });

    it('escapes inline Markdown', () => {
        assert.equal(markdownText('a | b *c* <img> [x](y) `z` &amp; \\'), 'a \\| b \\*c\\* \\<img\\> \\[x\\](y) \\`z\\` \\&amp; \\\\');
        assert.equal(markdownText('two\nlines'), 'two lines');
        assert.equal(markdownText('three\r\nlines\rhere'), 'three lines here');
    });

    it('writes JSON that round-trips and is inert in HTML', () => {
        const value = { label: '</script><img src=x>\u202E&\u2028\u200B\u009B\u007F' };
        const json = safeJson(value);
        assert.ok(!/[<>&\u2028\u202E\u200B\u007F-\u009F]/.test(json));
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
