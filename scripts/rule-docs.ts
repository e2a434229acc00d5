import { RuleLevels, ruleSentence, RuleTable } from '../language/analysis/rule-table.js';
import { replaceJsonValue } from './json-splice.js';

/** The rule table's generated copies, as their files should read: for the build to write and a test to compare. */
export function generateRuleDocs(read: (path: string) => string): { path: string; text: string }[] {
    return [
        { path: 'package.json', text: replaceJsonValue(read('package.json'), ['contributes', 'configuration', 'properties', 'warrant.rules', 'properties'], ruleProperties()) },
        { path: 'schemas/warrant.config.schema.json', text: replaceJsonValue(read('schemas/warrant.config.schema.json'), ['properties', 'rules', 'properties'], ruleProperties()) },
        { path: 'docs/rules.md', text: replaceTable('docs/rules.md', read('docs/rules.md'), '#') },
        { path: 'README.md', text: replaceTable('README.md', read('README.md'), 'docs/rules.md#') }
    ];
}

export const TableBegin = '<!-- rules:begin (generated from language/analysis/rule-table.ts by `npm run generate`) -->';
export const TableEnd = '<!-- rules:end -->';

/** The JSON schema of each code's level; settings and config files show the description on hover. */
function ruleProperties(): Record<string, unknown> {
    return Object.fromEntries(RuleTable.map(rule => [rule.code, {
        type: 'string',
        enum: RuleLevels,
        description: `${ruleSentence(rule)} Default: ${rule.severity}.`
    }]));
}

function replaceTable(path: string, text: string, anchorPrefix: string): string {
    const begin = text.indexOf(TableBegin);
    const end = text.indexOf(TableEnd, begin);
    if (begin < 0 || end < 0) {
        throw new Error(`${path}: the rule table must stand between the lines ${TableBegin} and ${TableEnd}`);
    }
    const rows = RuleTable.map(rule => `| [\`${rule.code}\`](${anchorPrefix}${rule.code}) | ${rule.severity} | ${rule.summary.replaceAll('|', '\\|')} |`);
    const table = ['| code | default | in one line |', '|---|---|---|', ...rows].join('\n');
    return `${text.slice(0, begin + TableBegin.length)}\n${table}\n${text.slice(end)}`;
}
