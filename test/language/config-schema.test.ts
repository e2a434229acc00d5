import assert from 'node:assert/strict';
import { parseConfig } from '../../language/config/warrant-config.js';

describe('warrant.config.json', () => {
    it('parses levels and bibliographies, reporting (not throwing on) bad parts', () => {
        const { config, problems } = parseConfig('{"rules": {"single-source": "off", "nope": "error", "unsupported-claim": "loud"}, "bibliography": "refs.bib"}');
        assert.deepEqual(config.rules, { 'single-source': 'off' });
        assert.deepEqual(config.bibliography, ['refs.bib']);
        assert.equal(problems.length, 2);
        assert.match(parseConfig('{ nope').problems[0].message, /not valid JSON/);
        assert.match(parseConfig('[1]').problems[0].message, /JSON object/);
    });
});
