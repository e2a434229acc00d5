import assert from 'node:assert/strict';
import { normaliseQuote } from '../../language/analysis/rules/file-rules.js';
import { check } from '../helpers/workspace.js';

const TRANSCRIPT = 'Interviewer: and the meetings?\nSW1: the police -- they always\nsent a man, every time\nSW1: end\n';

function datum(origin: string): string {
    return `annex A { datum t interview emergent "t" ${origin} }\nclaim c "C" supported by t`;
}

describe('quotes against transcripts: dashes and line ranges', () => {
    it('a typed `--` matches a pasted en or em dash, spaced or not', async () => {
        for (const quote of ['the police — they always', 'the police—they always', 'the police – they always', 'the police - they always']) {
            const { codes, messages } = await check(datum(`in "t.txt" quote "${quote}"`), { 't.txt': TRANSCRIPT });
            assert.deepEqual(codes.filter(c => c === 'quote-not-found'), [], `${quote}: ${messages.join('\n')}`);
        }
        assert.equal(normaliseQuote('a -- b'), normaliseQuote('a—b'));
        assert.equal(normaliseQuote('a --- b'), normaliseQuote('a – b'));
        // Dashes still count: a dash is not the same as no dash.
        assert.notEqual(normaliseQuote('the police they'), normaliseQuote('the police — they'));
        const { codes } = await check(datum('in "t.txt" quote "the police they always"'), { 't.txt': TRANSCRIPT });
        assert.ok(codes.includes('quote-not-found'));
    });

    it('a reversed range is reported at the range, even when the file cannot be read', async () => {
        const read = await check(datum('in "t.txt" lines 3-2 quote "sent a man"'), { 't.txt': TRANSCRIPT });
        const at = read.codes.indexOf('line-range-invalid');
        assert.ok(at >= 0, read.messages.join('\n'));
        assert.match(read.messages[at]!, /lines 3–2\) is reversed/);
        assert.ok(!read.codes.includes('quote-not-found'), 'the quote is not checked against a range that names no lines');
        const missing = await check(datum('in "nope.txt" lines 9-1'));
        assert.ok(missing.codes.includes('line-range-invalid'), missing.messages.join('\n'));
        assert.ok(missing.codes.includes('quote-not-found'), 'the missing file is reported too');
    });

    it('a range past the end of the file says how long the file is; the last line is in range', async () => {
        const past = await check(datum('in "t.txt" lines 2-99 quote "sent a man"'), { 't.txt': TRANSCRIPT });
        const at = past.codes.indexOf('line-range-invalid');
        assert.ok(at >= 0, past.messages.join('\n'));
        assert.match(past.messages[at]!, /lines 2–99\) runs past the end of t\.txt, which has 4 lines/);
        const single = await check(datum('in "t.txt" lines 5'), { 't.txt': TRANSCRIPT });
        assert.ok(single.codes.includes('line-range-invalid'), 'the line after the final line break is not a line');
        const last = await check(datum('in "t.txt" lines 2-4 quote "SW1: end"'), { 't.txt': TRANSCRIPT });
        assert.deepEqual(last.codes.filter(c => c === 'line-range-invalid' || c === 'quote-not-found'), [], last.messages.join('\n'));
        const zero = await check(datum('in "t.txt" lines 0-2'), { 't.txt': TRANSCRIPT });
        assert.match(zero.messages[zero.codes.indexOf('line-range-invalid')]!, /starts before line 1/);
    });
});
