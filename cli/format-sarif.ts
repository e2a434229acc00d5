import { DefaultSeverities, isIssueCode } from '../language/analysis/issue-codes.js';
import type { Severity } from '../language/protocol.js';
import { RulesDocumentUrl, ruleSentence, RuleTable } from '../language/analysis/rule-table.js';
import type { CheckReport } from '../language/analysis/check-summary.js';
import { terminalJson } from './terminal.js';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0 for code-scanning dashboards: one run, one rule per code, one result per diagnostic. */
export function formatSarif(report: CheckReport, version: string): string {
    const codes = [...new Set(report.files.flatMap(file => file.diagnostics.map(d => d.code)))].sort();
    const sarif = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'warrant',
                    version,
                    informationUri: 'https://github.com/warrant-tools/warrant',
                    rules: codes.map(code => ({
                        id: code,
                        ...shortDescription(code),
                        helpUri: `${RulesDocumentUrl}#${code}`,
                        defaultConfiguration: { level: isIssueCode(code) ? LEVELS[DefaultSeverities[code]] : 'error' }
                    }))
                }
            },
            results: report.files.flatMap(file => file.diagnostics.map(d => ({
                ruleId: d.code,
                ruleIndex: codes.indexOf(d.code),
                level: LEVELS[d.severity],
                message: { text: d.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: file.path.split('\\').join('/') },
                        region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn }
                    }
                }]
            })))
        }]
    };
    return terminalJson(sarif);
}

/** The rule table's line for a rule code; parse errors and notes have none. */
function shortDescription(code: string): { shortDescription?: { text: string } } {
    const rule = RuleTable.find(row => row.code === code);
    return rule ? { shortDescription: { text: ruleSentence(rule) } } : {};
}
