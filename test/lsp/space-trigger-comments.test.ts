import { strict as assert } from 'node:assert';
import { spaceTriggers } from '../../language/lsp/completion-provider.js';

describe('a typed space in a block comment', () => {
    it('opens no completion inside a block comment not closed on the line, and does after one that is', () => {
        assert.equal(spaceTriggers('claim c "C" /* supported by '), false);
        assert.equal(spaceTriggers('claim c "C" /* note */ supported by '), true);
    });

    it('answers at once on a long line of unclosed comment openers', () => {
        // Each `/*` searched the rest of the line for `*/`: 120,000 characters took 2 s.
        assert.equal(spaceTriggers('/* '.repeat(200_000) + 'supported by '), false);
    });
});
