import { strict as assert } from 'node:assert';
import { snippetText } from '../../language/quickfix/snippet-action.js';

describe('snippetText on a choice that is never closed', () => {
    it('leaves the text as it is, at once however many commas follow', () => {
        // Each comma could start a new choice item or belong to the last one: read ambiguously,
        // 40 commas are 2^40 ways to fail before the text is given back.
        const text = '${1|a' + ','.repeat(40);
        assert.equal(snippetText(text), text);
        assert.equal(snippetText('${1|a,,b|} ' + text), 'a ' + text);
    });
});
