import assert from 'node:assert/strict';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import type { CheckReport, DiagnosticRecord } from '../../language/analysis/check-summary.js';
import { CORPUS, materialise, openedText, type BadInputCase } from './corpus.js';
import { assertLocatedAndBounded, assertNoCrashOutput, inPairs, removeWorkspace, runCli, type CliResult } from './helpers.js';

const SEVERITY: { [name: string]: 1 | 2 | 3 | 4 } = { error: 1, warning: 2, information: 3, hint: 4 };

/** The JSON report's 1-based records back as LSP diagnostics, so the corpus's expectations apply unchanged. */
function asDiagnostics(records: DiagnosticRecord[]): Diagnostic[] {
    return records.map(r => ({
        severity: SEVERITY[r.severity],
        code: r.code,
        message: r.message,
        range: { start: { line: r.line - 1, character: r.column - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } }
    }));
}

/**
 * Every bad input of the corpus through `warrant check --format json` (the bundled CLI): it
 * exits 0, 1 or 2 as the case says (1 or 2 for broken input), prints no stack trace, its
 * report parses, every file's diagnostics are located and bounded, and the opened file's
 * diagnostics show what the case is about (the same expectations as over LSP).
 */
describe('bad input through the CLI (warrant check)', function () {
    this.timeout(300000);
    const results = new Map<string, { result: CliResult; text: string } | Error>();

    before(async () => {
        await inPairs(CORPUS, async testCase => {
            let parent: string | undefined;
            try {
                const made = materialise(testCase);
                parent = made.parent;
                const result = await runCli(['check', '.', '--format', 'json'], made.workspace, 60000);
                results.set(testCase.name, { result, text: openedText(testCase, made.workspace) });
            } catch (error) {
                results.set(testCase.name, error as Error);
            } finally {
                removeWorkspace(parent);
            }
        });
    });

    for (const testCase of CORPUS) {
        it(testCase.name, () => checkCase(testCase));
    }

    function checkCase(testCase: BadInputCase): void {
        const outcome = results.get(testCase.name);
        if (outcome instanceof Error || outcome === undefined) {
            throw outcome ?? new Error('not run');
        }
        const { result, text } = outcome;
        assert.equal(result.signal, null, `killed (${result.signal}) after ${result.ms} ms: it hung`);
        assert.ok(testCase.cli.includes(result.status ?? -1), `exit ${result.status}, expected ${testCase.cli.join(' or ')}\n${result.stderr.slice(0, 1000)}`);
        assertNoCrashOutput(result, testCase.name);
        if (result.status === 2) {
            assert.match(result.stderr, /^warrant: cannot read /m, 'exit 2 says what it could not read');
            return;
        }
        const report = JSON.parse(result.stdout) as CheckReport;
        for (const file of report.files) {
            assertLocatedAndBounded(asDiagnostics(file.diagnostics), undefined, `${testCase.name}: ${file.path}`);
        }
        const opened = report.files.find(f => path.normalize(f.path) === path.normalize(testCase.open));
        assert.ok(opened, `${testCase.open} is in the report: ${report.files.map(f => f.path).join(', ')}`);
        testCase.expect(asDiagnostics(opened.diagnostics), text);
    }
});
