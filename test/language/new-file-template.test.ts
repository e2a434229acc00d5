import assert from 'node:assert/strict';
import { NEW_FILE_TEMPLATE } from '../../extension/new-file-template.js';
import { check } from '../helpers/workspace.js';

describe('the New Warrant File template', () => {
    it('is a valid argument with no error or warning: its claim rests on its datum', async () => {
        const { diagnostics } = await check(NEW_FILE_TEMPLATE);
        const problems = diagnostics.filter(d => d.severity === 1 || d.severity === 2);
        assert.deepEqual(problems.map(d => `${d.code}: ${d.message}`), []);
        assert.match(NEW_FILE_TEMPLATE, /^claim firstClaim "[^"]+"\n {2}supported by firstDatum$/m);
    });
});
