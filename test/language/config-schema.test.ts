import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AllIssueCodes } from '../../language/analysis/issue-codes.js';
import { parseConfig } from '../../language/config/warrant-config.js';

describe('warrant.config.json', () => {
    it('the JSON schema and the VS Code setting list exactly the rule codes', () => {
        const schema = JSON.parse(readFileSync('schemas/warrant.config.schema.json', 'utf8'));
        assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...AllIssueCodes].sort());
        const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
        assert.deepEqual(Object.keys(manifest.contributes.configuration.properties['warrant.rules'].properties).sort(), [...AllIssueCodes].sort());
    });

    it('parses levels and bibliographies, reporting (not throwing on) bad parts', () => {
        const { config, problems } = parseConfig('{"rules": {"single-source": "off", "nope": "error", "unsupported-claim": "loud"}, "bibliography": "refs.bib"}');
        assert.deepEqual(config.rules, { 'single-source': 'off' });
        assert.deepEqual(config.bibliography, ['refs.bib']);
        assert.equal(problems.length, 2);
        assert.match(parseConfig('{ nope').problems[0].message, /not valid JSON/);
        assert.match(parseConfig('[1]').problems[0].message, /JSON object/);
    });
});
