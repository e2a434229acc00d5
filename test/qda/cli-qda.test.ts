import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { strToU8 } from 'fflate';
import { CLI, REPOSITORY, removeWorkspace, tempWorkspace } from '../robustness/helpers.js';
import { buildProject, R02, R03 } from './fixtures.js';

function warrant(args: string[], cwd: string) {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('warrant qda (the bundled CLI)', function () {
    this.timeout(60000);
    let dir: string;

    beforeEach(() => {
        dir = tempWorkspace({
            'example.qdpx': buildProject({}).bytes,
            'nvivo.qdpx': buildProject({ sources: [{ ...R03, counting: 'utf16' }], folder: 'Sources' }).bytes,
            'broken.qdpx': buildProject({ sources: [R02], transformXml: xml => xml.replace(/(<CodeRef targetGUID=")[^"]+/, '$100000000-0000-4000-8000-00000000dead').replace(/endPosition="\d+"/, 'endPosition="99999"') }).bytes,
            'not-a-zip.qdpx': strToU8('<?xml version="1.0"?><Project name="plain XML"/>'),
            'hidden.qdpx': buildProject({ sources: [R02], projectName: 'evil\u001b[2J\u202Ename' }).bytes
        }, 'warrant-qda-');
    });
    afterEach(() => removeWorkspace(dir));

    it('--format json prints the contract object and exits 0', () => {
        const built = buildProject({});
        const result = warrant(['qda', 'example.qdpx', '--format', 'json'], dir);
        assert.equal(result.status, 0, result.stderr);
        const json = JSON.parse(result.stdout);
        assert.deepEqual(Object.keys(json), ['version', 'project', 'sources', 'codes', 'cases', 'selections', 'problems']);
        assert.equal(json.version, 1);
        assert.deepEqual(json.project, { name: 'LSCB interviews' });
        for (const source of json.sources) {
            assert.deepEqual(Object.keys(source), ['guid', 'name', 'chars', 'convention']);
        }
        assert.deepEqual(json.sources[0], { guid: built.sourceGuids.get('R01 social worker'), name: 'R01 social worker', chars: 865, convention: 'codepoints' });
        assert.deepEqual(json.codes.map((c: { name: string; parent: string | null }) => [c.name, c.parent]), [
            ['gendered discourse', null],
            ['mother-blaming', built.codeGuids.get('gendered discourse')],
            ['masculine culture', built.codeGuids.get('gendered discourse')],
            ['partnership working', null],
            ['information sharing', built.codeGuids.get('partnership working')]
        ]);
        assert.deepEqual(json.cases[0], { guid: json.cases[0].guid, name: 'R01', variables: { gender: 'female', agency: "children's social care" } });
        const tea = built.selections.get('R01 social worker')![0]!;
        assert.deepEqual(json.selections[0], { guid: tea.guid, source: built.sourceGuids.get('R01 social worker'), start: tea.start, end: tea.end, codes: [built.codeGuids.get('gendered discourse')], text: 'asked if I would make him a cup of tea' });
        assert.equal(json.selections.length, 10);
        assert.deepEqual(json.problems, [{ severity: 'info', message: 'The selection 354–409 in "R02 police officer" has no code; Warrant keeps it as an uncoded segment.' }]);
    });

    it('reports the convention per source and the positions as written', () => {
        const json = JSON.parse(warrant(['qda', 'nvivo.qdpx', '--format=json'], dir).stdout);
        assert.equal(json.sources[0].convention, 'utf16');
        const selection = json.selections[0];
        assert.equal(selection.text, 'the referral form only had a box for her');
        assert.equal(selection.start, R03.text.indexOf('the referral form'));
    });

    it('exits 1 when the project has error-level problems; the excerpt is null where none can be cut', () => {
        const result = warrant(['qda', 'broken.qdpx', '--format', 'json'], dir);
        assert.equal(result.status, 1);
        const json = JSON.parse(result.stdout);
        assert.ok(json.problems.some((p: { severity: string; message: string }) => p.severity === 'error' && /not a code in the codebook/.test(p.message)));
        assert.deepEqual(json.selections.map((s: { end: number; text: string | null }) => [s.end, s.text === null]), [[99999, true], [409, false], [548, false]]);
        const text = warrant(['qda', 'broken.qdpx'], dir);
        assert.equal(text.status, 1);
        assert.match(text.stdout, /error The selection \d+–\d+ in "R02 police officer" is coded with 00000000-0000-4000-8000-00000000dead/);
    });

    it('exits 2 when the file cannot be read as a project, still printing why', () => {
        const json = warrant(['qda', 'not-a-zip.qdpx', '--format', 'json'], dir);
        assert.equal(json.status, 2);
        assert.deepEqual(JSON.parse(json.stdout).problems, [{ severity: 'error', message: 'The file is not a zip archive Warrant can read (no zip directory found); a REFI-QDA project (.qdpx) is a zip archive.' }]);
        const text = warrant(['qda', 'not-a-zip.qdpx'], dir);
        assert.equal(text.status, 2);
        assert.match(text.stdout, /The file cannot be read as a REFI-QDA project\./);
        const missing = warrant(['qda', 'nope.qdpx'], dir);
        assert.equal(missing.status, 2);
        assert.match(missing.stderr, /cannot read nope\.qdpx: no such file/);
        assert.equal(warrant(['qda', dir], dir).status, 2);
    });

    it('usage errors: no file, two files, unknown format, options of other commands', () => {
        assert.match(warrant(['qda'], dir).stderr, /qda takes one \.qdpx file/);
        assert.match(warrant(['qda', 'a.qdpx', 'b.qdpx'], dir).stderr, /qda takes one \.qdpx file, not 2/);
        const yaml = warrant(['qda', 'example.qdpx', '--format', 'yaml'], dir);
        assert.equal(yaml.status, 2);
        assert.match(yaml.stderr, /unknown format 'yaml'; qda writes text, json/);
        assert.match(warrant(['qda', 'example.qdpx', '--out', 'x'], dir).stderr, /--out does not apply to qda/);
        assert.match(warrant(['qda', 'example.qdpx', '--strict'], dir).stderr, /--strict applies to check only/);
        assert.match(warrant(['help'], dir).stdout, /warrant qda FILE\.qdpx \[--format text\|json\]/);
    });

    it('--format text: sources with characters and convention, the code tree with counts, cases, problems', () => {
        const result = warrant(['qda', 'example.qdpx'], dir);
        assert.equal(result.status, 0);
        const expectedLines = [
            'LSCB interviews (written by Warrant test fixtures)',
            'Sources (3):',
            '  R01 social worker: 865 characters, 4 selections; positions counted in Unicode code points, as the REFI-QDA standard says',
            'Codes (5), with the segments coded (and with nested codes):',
            '  gendered discourse: 2 (6)',
            '    mother-blaming: 3',
            '    masculine culture: 1',
            '  partnership working: 1 (3)',
            '    information sharing: 2',
            'Cases (3):',
            "  R03: gender: male, agency: health",
            '10 selections, 1 without a code.',
            'Problems:',
            '0 errors, 0 warnings.'
        ];
        const lines = result.stdout.split('\n');
        for (const line of expectedLines) {
            assert.ok(lines.includes(line), `missing line ${JSON.stringify(line)} in\n${result.stdout}`);
        }
        const nvivo = warrant(['qda', 'nvivo.qdpx'], dir).stdout;
        assert.match(nvivo, /R03 health visitor: 492 characters, 3 selections; positions counted in UTF-16 code units, as NVivo writes them/);
    });

    it('names from the file reach the terminal with control and bidi characters shown, not obeyed', () => {
        const text = warrant(['qda', 'hidden.qdpx'], dir).stdout;
        assert.doesNotMatch(text, /\u001b|\u202E/);
        assert.match(text, /evil⟨U\+001B⟩\[2J⟨U\+202E⟩name/);
        const json = warrant(['qda', 'hidden.qdpx', '--format', 'json'], dir).stdout;
        assert.doesNotMatch(json, /\u001b|\u202E/);
        assert.equal(JSON.parse(json).project.name, 'evil\u001b[2J\u202Ename');
    });

    it('reads the committed example project without errors', () => {
        const result = warrant(['qda', path.join(REPOSITORY, 'examples/qda/lscb-interviews.qdpx'), '--format', 'json'], dir);
        assert.equal(result.status, 0, result.stderr);
        assert.equal(JSON.parse(result.stdout).project.name, 'LSCB interviews (example)');
    });
});
