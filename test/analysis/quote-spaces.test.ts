import { strict as assert } from 'node:assert';
import { normaliseQuote } from '../../language/analysis/rules/file-rules.js';

describe('normaliseQuote on a transcript with long runs of spaces', () => {
    it('collapses a run of 400,000 spaces at once, and still reads a spaced dash as a dash', () => {
        // Read from every start of the run, such a run took minutes (quadratic).
        const padded = 'before' + ' '.repeat(400_000) + 'after';
        assert.equal(normaliseQuote(padded), 'before after');
        assert.equal(normaliseQuote('a' + ' '.repeat(400_000) + '-- b'), 'a-b');
    });
});
