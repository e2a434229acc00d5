import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(repository, 'bin/warrant.cjs');

function warrant(args: string[], cwd = repository) {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('warrant check (the bundled CLI)', function () {
    this.timeout(60000);
    let dir: string;

    beforeEach(() => {
        dir = mkdtempSync(path.join(tmpdir(), 'warrant-cli-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('exits 0 on a clean workspace and prints a summary', () => {
        writeFileSync(path.join(dir, 'a.warrant'), 'respondent R\nrespondent Q\nannex A { datum d interview of R emergent "d" datum e observation of Q emergent "e" }\nclaim c "C" supported by d, e\n');
        const result = warrant(['check', dir]);
        assert.equal(result.status, 0, result.stdout + result.stderr);
        assert.match(result.stdout, /1 of 1 claims trace to data or a cited source/);
    });

    it('exits 0 with warnings, 1 with --strict', () => {
        writeFileSync(path.join(dir, 'a.warrant'), 'claim c "floating"\n');
        assert.equal(warrant(['check', dir]).status, 0);
        assert.equal(warrant(['check', dir, '--strict']).status, 1);
    });

    it('exits 1 on errors, with file:line:column locations', () => {
        writeFileSync(path.join(dir, 'bad.warrant'), 'claim a "A"\nclaim b "unterminated\n');
        const result = warrant(['check', dir]);
        assert.equal(result.status, 1);
        assert.match(result.stdout, /bad\.warrant:2:\d+: error/);
        assert.doesNotMatch(result.stdout + result.stderr, /at .*\.cjs:\d+/, 'no stack trace');
    });

    it('exits 2 on bad usage or unreadable input', () => {
        assert.equal(warrant(['check', '--format', 'yaml']).status, 2);
        assert.equal(warrant(['frobnicate']).status, 2);
        const missing = warrant(['check', path.join(dir, 'nope')]);
        assert.equal(missing.status, 2);
        assert.match(missing.stderr, /cannot read/);
    });

    it('--format json prints the contract object', () => {
        writeFileSync(path.join(dir, 'a.warrant'), 'annex A { datum d interview emergent "d" }\nclaim c "C" supported by d\nclaim f "F"\nclaim g "G" supported by nothing\n');
        const result = warrant(['check', dir, '--format', 'json']);
        assert.equal(result.status, 1);
        const report = JSON.parse(result.stdout);
        assert.equal(report.version, 1);
        assert.equal(report.files.length, 1);
        assert.equal(report.files[0].path, path.join(dir, 'a.warrant'));
        const unknown = report.files[0].diagnostics.find((d: { code: string }) => d.code === 'unknown-reference');
        assert.deepEqual({ ...unknown, message: undefined }, { severity: 'error', code: 'unknown-reference', message: undefined, line: 4, column: 26, endLine: 4, endColumn: 33 });
        for (const d of report.files[0].diagnostics) {
            assert.deepEqual(Object.keys(d).sort(), ['code', 'column', 'endColumn', 'endLine', 'line', 'message', 'severity']);
        }
        assert.deepEqual(report.summary, { files: 1, errors: 1, warnings: 2, claims: 3, grounded: 1 });
    });

    it('--format sarif prints SARIF 2.1.0', () => {
        writeFileSync(path.join(dir, 'a.warrant'), 'claim f "F"\n');
        const sarif = JSON.parse(warrant(['check', dir, '--format', 'sarif']).stdout);
        assert.equal(sarif.version, '2.1.0');
        const [run] = sarif.runs;
        assert.equal(run.tool.driver.name, 'warrant');
        assert.equal(run.results[0].ruleId, 'unsupported-claim');
        assert.equal(run.results[0].level, 'warning');
        assert.equal(run.results[0].locations[0].physicalLocation.region.startLine, 1);
    });

    it('honours warrant.config.json rule levels', () => {
        writeFileSync(path.join(dir, 'a.warrant'), 'claim f "F"\n');
        writeFileSync(path.join(dir, 'warrant.config.json'), JSON.stringify({ rules: { 'unsupported-claim': 'error' } }));
        assert.equal(warrant(['check', '.'], dir).status, 1);
        writeFileSync(path.join(dir, 'warrant.config.json'), JSON.stringify({ rules: { 'unsupported-claim': 'off' } }));
        const off = JSON.parse(warrant(['check', '.', '--format', 'json'], dir).stdout);
        assert.equal(off.files[0].diagnostics.length, 0);
    });
});
