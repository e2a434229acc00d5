import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import type { CheckReport, DiagnosticRecord } from '../../language/analysis/check-summary.js';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../language/validation/document-validator.js';
import { MAX_SYNTAX_ERRORS } from '../../language/parser/warrant-parser.js';
import { LspClient } from '../helpers/lsp-client.js';
import { BROKEN_CLAIMS, CLAIMS, COMMENT_LINES, OPEN_COMMENTS } from './flood-inputs.js';
import { assertLocatedAndBounded, assertNoCrashOutput, removeWorkspace, runCli, tempWorkspace, within, type CliResult } from './helpers.js';

const NEIGHBOUR = 'claim neighbour "Rests on nothing declared" supported by missing\n';

const codes = (diagnostics: Array<{ code?: unknown }>, code: string) => diagnostics.filter(d => d.code === code).length;

/**
 * Flat floods at the sizes that broke the checker (see flood-inputs.ts), through the bundled
 * CLI: no file may abort the check of the others, a file's failure may never pass for a clean
 * result, and each flood gets the capped diagnostics it deserves.
 */
describe('floods through the CLI (warrant check)', function () {
    this.timeout(300000);
    let dir: string;
    let all: CliResult;
    let claimsAlone: CliResult;
    let report: CheckReport;
    const diagnosticsOf = (file: string): DiagnosticRecord[] => {
        const entry = report.files.find(f => f.path === file);
        assert.ok(entry, `${file} is in the report: ${report.files.map(f => f.path).join(', ')}`);
        return entry.diagnostics;
    };

    before(async () => {
        dir = tempWorkspace({
            'comments.warrant': COMMENT_LINES,
            'open-comments.warrant': OPEN_COMMENTS,
            'claims.warrant': CLAIMS,
            'broken.warrant': BROKEN_CLAIMS,
            'neighbour.warrant': NEIGHBOUR
        });
        [all, claimsAlone] = await Promise.all([
            runCli(['check', '.', '--format', 'json'], dir, 240000),
            runCli(['check', '--strict', 'claims.warrant'], dir, 240000)
        ]);
        assertNoCrashOutput(all, 'the workspace');
        assert.equal(all.signal, null, `killed after ${all.ms} ms`);
        report = JSON.parse(all.stdout) as CheckReport;
    });

    after(() => removeWorkspace(dir));

    it('checks every file: the floods abort nothing, the neighbour still gets its error (exit 1)', () => {
        assert.equal(all.status, 1, all.stderr.slice(0, 2000));
        assert.equal(report.files.length, 5);
        assert.equal(codes(diagnosticsOf('neighbour.warrant'), 'unknown-reference'), 1);
        for (const file of report.files) {
            assert.ok(file.diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE, `${file.path}: ${file.diagnostics.length} diagnostics`);
        }
    });

    it('130,000 comment lines: a clean file', () => {
        assert.deepEqual(diagnosticsOf('comments.warrant'), []);
    });

    it('`/*` 500,000 times: the stray characters reported up to the limit, then one notice', () => {
        const diagnostics = diagnosticsOf('open-comments.warrant');
        assert.equal(codes(diagnostics, 'lexing-error'), MAX_SYNTAX_ERRORS);
        assert.equal(codes(diagnostics, 'too-many-syntax-errors'), 1);
        const notice = diagnostics.find(d => d.code === 'too-many-syntax-errors')!;
        assert.equal(notice.severity, 'error');
        assert.ok(diagnostics.filter(d => d.code === 'lexing-error').every(d => d.column <= notice.column), 'the notice comes after the errors it ends');
    });

    it('130,000 unsupported claims: the capped findings, not a clean file; --strict exits 1', () => {
        const diagnostics = diagnosticsOf('claims.warrant');
        assert.equal(codes(diagnostics, 'unsupported-claim'), MAX_DIAGNOSTICS_PER_FILE - 1);
        assert.equal(codes(diagnostics, 'too-many-problems'), 1);
        assert.match(diagnostics.find(d => d.code === 'too-many-problems')!.message, new RegExp(`^${130_000 - (MAX_DIAGNOSTICS_PER_FILE - 1)} more problems`));
        assert.equal(codes(diagnostics, 'internal-error'), 0);
        assert.equal(claimsAlone.status, 1, claimsAlone.stdout.slice(-500));
        assertNoCrashOutput(claimsAlone, 'claims alone');
        assert.match(claimsAlone.stdout, /1 file checked: 0 errors, 499 warnings/);
    });

    it('3.4 MB of broken claims: syntax errors up to the limit, then one notice that checking stopped', () => {
        const diagnostics = diagnosticsOf('broken.warrant');
        assert.equal(codes(diagnostics, 'too-many-syntax-errors'), 1);
        const notice = diagnostics.find(d => d.code === 'too-many-syntax-errors')!;
        assert.match(notice.message, /not checked from here on/);
        assert.ok(codes(diagnostics, 'parsing-error') > 0);
        assert.ok(diagnostics.filter(d => d.code === 'parsing-error').every(d => d.line <= notice.line), 'no syntax error reported past the notice');
        // Two errors per line: the notice stops the file in its first few hundred lines.
        assert.ok(notice.line < 2 * MAX_SYNTAX_ERRORS, `notice on line ${notice.line}`);
    });
});

/**
 * The same floods opened in the bundled language server over stdio: it stays up, publishes
 * the capped diagnostics of each, logs no error, and still answers.
 */
describe('floods through the language server (stdio)', function () {
    this.timeout(300000);
    let dir: string;
    let client: LspClient;

    before(async () => {
        dir = tempWorkspace({});
        client = await LspClient.start(dir);
        await client.open('neighbour.warrant', NEIGHBOUR);
        await client.diagnosticsOf('neighbour.warrant', d => codes(d, 'unknown-reference') === 1);
    });

    afterEach(async () => {
        assert.equal(client.process.exitCode, null, `the server exited:\n${client.stderr.slice(-2000)}`);
        assert.deepEqual(client.logMessages.filter(m => m.type === 1).map(m => m.message.slice(0, 500)), [], 'the server logged no error');
        // Still answering, for the small document opened first.
        const symbols = await within('documentSymbol after the flood', client.documentSymbols('neighbour.warrant'));
        assert.equal(symbols?.length, 1);
    });

    after(async () => {
        await client?.stop();
        removeWorkspace(dir);
    });

    const published = (file: string, text: string, accept: (diagnostics: Diagnostic[]) => boolean) =>
        client.open(file, text).then(() => client.diagnosticsOf(file, accept, 120000)).then(diagnostics => {
            assertLocatedAndBounded(diagnostics, text, file);
            return diagnostics;
        });

    it('130,000 comment lines: published (no diagnostics)', async () => {
        await published('comments.warrant', COMMENT_LINES, () => true);
        assert.deepEqual(client.lastDiagnostics('comments.warrant'), []);
        const folding = await within('foldingRange in the flood', client.foldingRanges('comments.warrant'));
        assert.ok(Array.isArray(folding));
        // Formatting re-indents every own-line comment; each must not rescan the run after it.
        const edits = await within('formatting the flood', client.formatting('comments.warrant'));
        assert.ok(Array.isArray(edits));
    });

    it('`/*` 500,000 times: the errors up to the limit and the notice', async () => {
        const diagnostics = await published('open-comments.warrant', OPEN_COMMENTS, d => d.length > 0);
        assert.equal(codes(diagnostics, 'lexing-error'), MAX_SYNTAX_ERRORS);
        assert.equal(codes(diagnostics, 'too-many-syntax-errors'), 1);
    });

    it('130,000 unsupported claims: the capped findings, not an empty list', async () => {
        const diagnostics = await published('claims.warrant', CLAIMS, d => d.length > 0);
        assert.equal(diagnostics.length, MAX_DIAGNOSTICS_PER_FILE);
        assert.equal(codes(diagnostics, 'unsupported-claim'), MAX_DIAGNOSTICS_PER_FILE - 1);
        assert.equal(codes(diagnostics, 'too-many-problems'), 1);
    });

    it('3.4 MB of broken claims: the notice that checking stopped; completion in the unchecked part still answers', async () => {
        const diagnostics = await published('broken.warrant', BROKEN_CLAIMS, d => d.length > 0);
        assert.equal(codes(diagnostics, 'too-many-syntax-errors'), 1);
        const middle = { line: Math.floor(BROKEN_CLAIMS.split('\n').length / 2), character: 0 };
        const completion = await within('completion in the middle of the broken file', client.completion('broken.warrant', middle));
        assert.ok(completion !== null);
    });
});
