import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatSarif } from '../../cli/format-sarif.js';
import { DefaultSeverities, IssueCodes } from '../../language/analysis/issue-codes.js';
import { RulesDocumentUrl, RuleTable } from '../../language/analysis/rule-table.js';
import { replaceJsonValue } from '../../scripts/json-splice.js';
import { generateRuleDocs, TableBegin, TableEnd } from '../../scripts/rule-docs.js';

const read = (path: string) => readFileSync(path, 'utf8');

describe('the rule table', () => {
    for (const { path, text } of generateRuleDocs(read)) {
        it(`${path} is up to date with it (else run npm run generate)`, () => {
            assert.equal(read(path), text);
        });
    }

    it('docs/rules.md has a section per rule, in the order of the table, and none for a rule that is not in it', () => {
        const sections = [...read('docs/rules.md').matchAll(/^## ([a-z]+(?:-[a-z]+)+)$/gm)].map(match => match[1]);
        assert.deepEqual(sections, RuleTable.map(rule => rule.code));
    });

    it('gives each rule one row: a unique name and code, a one-line summary', () => {
        assert.equal(new Set(RuleTable.map(rule => rule.name)).size, RuleTable.length);
        assert.equal(new Set(RuleTable.map(rule => rule.code)).size, RuleTable.length);
        for (const rule of RuleTable) {
            assert.match(rule.code, /^[a-z]+(-[a-z]+)+$/);
            assert.match(rule.summary, /^[^\n]+$/);
        }
    });

    it('is where the rules find their codes and default severities', () => {
        const row = RuleTable.find(rule => rule.name === 'IncompleteSource')!;
        assert.equal(IssueCodes.IncompleteSource, row.code);
        assert.equal(DefaultSeverities['incomplete-source'], row.severity);
        assert.deepEqual(Object.keys(DefaultSeverities), RuleTable.map(rule => rule.code));
    });

    it('describes each rule of a SARIF report with its line and its section of docs/rules.md', () => {
        const at = { message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 };
        const diagnostics = [{ ...at, severity: 'error' as const, code: 'incomplete-source' }, { ...at, severity: 'error' as const, code: 'parsing-error' }];
        const sarif = JSON.parse(formatSarif({ version: 1, files: [{ path: 'a.warrant', diagnostics }], summary: { files: 1, errors: 2, warnings: 0, claims: 0, grounded: 0 } }, '0'));
        const [incomplete, parsing] = sarif.runs[0].tool.driver.rules;
        assert.deepEqual(incomplete.shortDescription, { text: 'An inline source without an author or editor, a title and a year: it grounds nothing.' });
        assert.equal(incomplete.helpUri, `${RulesDocumentUrl}#incomplete-source`);
        assert.equal(parsing.id, 'parsing-error');
        assert.equal(parsing.shortDescription, undefined);
    });
});

describe('generating from the rule table', () => {
    it('rewrites a stale generated part and keeps every hand-written byte around it', () => {
        const current = read('schemas/warrant.config.schema.json');
        const handEdited = current.replace('"title": "Warrant configuration', '"title":  "Warrant configuration');
        const stale = replaceJsonValue(handEdited, ['properties', 'rules', 'properties'], { 'single-source': { type: 'string' } });
        const regenerated = generateRuleDocs(path => path === 'schemas/warrant.config.schema.json' ? stale : read(path))
            .find(file => file.path === 'schemas/warrant.config.schema.json')!.text;
        assert.notEqual(regenerated, stale);
        assert.equal(regenerated, handEdited);
    });

    it('rewrites only between the markers of a Markdown file', () => {
        const readme = read('README.md');
        const begin = readme.indexOf(TableBegin) + TableBegin.length;
        const stale = `${readme.slice(0, begin)}\n| old | table |\n${readme.slice(readme.indexOf(TableEnd))}`;
        const regenerated = generateRuleDocs(path => path === 'README.md' ? stale : read(path)).find(file => file.path === 'README.md')!.text;
        assert.equal(regenerated, readme);
    });

    it('refuses a Markdown file without the markers rather than leaving its table stale', () => {
        const unmarked = read('docs/rules.md').replace(TableBegin, '');
        assert.throws(() => generateRuleDocs(path => path === 'docs/rules.md' ? unmarked : read(path)), /docs\/rules\.md: the rule table must stand between/);
    });
});

describe('replacing one JSON value in place', () => {
    it('finds the value past strings and arrays that hold brackets and escaped quotes', () => {
        const text = '{\n  "a": ["}", {"c": 1}],\n  "s": "x\\"}",\n  "b": {\n    "c": [1, 2], "d": true\n  }\n}\n';
        assert.equal(replaceJsonValue(text, ['b', 'c'], { e: 3 }), '{\n  "a": ["}", {"c": 1}],\n  "s": "x\\"}",\n  "b": {\n    "c": {\n      "e": 3\n    }, "d": true\n  }\n}\n');
    });

    it('says which path is missing, and rejects a file that is not JSON', () => {
        assert.throws(() => replaceJsonValue('{"a": {"b": 1}}', ['a', 'c'], 1), /no value at a › c/);
        assert.throws(() => replaceJsonValue('{"a": ', ['a'], 1), SyntaxError);
    });
});
