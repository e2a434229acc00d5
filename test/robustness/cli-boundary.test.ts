import assert from 'node:assert/strict';
import path from 'node:path';
import { removeWorkspace, runCli, tempWorkspace } from './helpers.js';
import { assertNoRawControl } from './terminal-output.js';

/**
 * The CLI's workspace boundary: what a checked folder names (bibliographies, transcripts) is
 * read only inside that folder — or inside a file argument's own folder — never inside the
 * current folder the command happens to run in; `--root` widens it explicitly.
 */
describe('the CLI workspace boundary', function () {
    this.timeout(120000);
    let home: string;
    const secretTitle = 'TOPSECRETLIBRARYTITLE';
    const evil = [
        'bibliography "../../library.bib"',
        'respondent R',
        'annex A { datum d interview of R emergent "x" in "../../.ssh/id_rsa" quote "PRIVATE KEY abc123" }',
        'claim c "C" supported by d cites @Secret2020',
        ''
    ].join('\n');

    before(() => {
        // A home folder with a library and a key, and a downloaded folder that points at both.
        home = tempWorkspace({
            'library.bib': `@book{Secret2020, author = {Doe, Jane}, title = {${secretTitle}}, year = {2020}}\n`,
            '.ssh/id_rsa': '-----BEGIN OPENSSH PRIVATE KEY abc123-----\n',
            'Downloads/evil/a.warrant': evil,
            'Downloads/other/b.warrant': 'claim b "B"\n'
        }, 'warrant-home-');
    });
    after(() => removeWorkspace(home));

    it('a folder checked from an outer current folder reads nothing outside it', async () => {
        const md = await runCli(['export', 'Downloads/evil', '--format', 'md'], home);
        assert.equal(md.status, 0, md.stderr);
        assert.ok(!md.stdout.includes(secretTitle), 'the library outside the checked folder was read');
        const check = await runCli(['check', 'Downloads/evil', '--format', 'json'], home);
        const codes = JSON.parse(check.stdout).files[0].diagnostics.map((d: { code: string; message: string }) => `${d.code}: ${d.message}`);
        assert.ok(codes.some((c: string) => /^bibliography-not-found: .*outside/.test(c)), codes.join('\n'));
        // Had the key been read, the quote would be confirmed and no quote-not-found reported.
        assert.ok(codes.some((c: string) => /^quote-not-found: .*outside/.test(c)), codes.join('\n'));
    });

    it('a file argument is bounded by its own folder', async () => {
        const check = await runCli(['check', 'Downloads/evil/a.warrant', '--format', 'json'], home);
        const codes = JSON.parse(check.stdout).files[0].diagnostics.map((d: { code: string }) => d.code);
        assert.ok(codes.includes('bibliography-not-found') && codes.includes('quote-not-found'), codes.join(', '));
    });

    it('with several paths, each bounds its own files', async () => {
        const check = await runCli(['check', 'Downloads/other', 'Downloads/evil', '--format', 'json'], home);
        const report = JSON.parse(check.stdout);
        assert.equal(report.files.length, 2);
        const evilFile = report.files.find((f: { path: string }) => f.path.endsWith('a.warrant'));
        assert.ok(evilFile.diagnostics.some((d: { code: string }) => d.code === 'bibliography-not-found'));
    });

    it('--root widens the boundary explicitly, and must contain every path', async () => {
        const md = await runCli(['export', 'Downloads/evil', '--format', 'md', '--root', '.'], home);
        assert.equal(md.status, 0, md.stderr);
        assert.ok(md.stdout.includes(secretTitle), 'with --root . the library is inside the boundary');
        const outside = await runCli(['check', home, '--root', 'Downloads/evil'], path.join(home));
        assert.equal(outside.status, 2);
        assert.match(outside.stderr, /is outside --root/);
        const notFolder = await runCli(['check', 'Downloads/evil', '--root', 'library.bib'], home);
        assert.equal(notFolder.status, 2);
        assert.match(notFolder.stderr, /--root library\.bib is not a folder/);
    });
});

describe('the CLI writes no control character from a file', function () {
    this.timeout(120000);
    let dir: string | undefined;
    afterEach(() => removeWorkspace(dir));

    it('a rule code in warrant.config.json with escape sequences shows as ⟨U+…⟩ on stderr', async () => {
        const code = '\u001b]0;PWNED\u0007\u001b[2J\u202e';
        dir = tempWorkspace({ 'warrant.config.json': JSON.stringify({ rules: { [code]: 'off' }, exclude: [`x${code}`] }), 'a.warrant': 'claim c "C"\n' });
        const result = await runCli(['check', '.'], dir);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stderr, /unknown rule code "⟨U\+001B⟩\]0;PWNED⟨U\+0007⟩⟨U\+001B⟩\[2J⟨U\+202E⟩"/);
        assertNoRawControl(result.stdout + result.stderr, 'check');
    });

    it('a config that is not JSON, quoting a control character, is reported visibly', async () => {
        dir = tempWorkspace({ 'warrant.config.json': '{"rules": \u001b[2J}', 'a.warrant': 'claim c "C"\n' });
        const result = await runCli(['check', '.'], dir);
        assert.match(result.stderr, /not valid JSON/);
        assertNoRawControl(result.stdout + result.stderr, 'check');
    });

    it('file names with escape, C1 and bidi characters, in every output format and message', async () => {
        const hostile = 'evil\u001b]0;x\u0007\u009b2J\u202e';
        dir = tempWorkspace({ [`${hostile}.warrant`]: 'claim c "C" supported by nothing\n', [`${hostile}.txt`]: '# not warrant\n' });
        const outputs = [
            await runCli(['check', '.'], dir),
            await runCli(['check', '.', '--format', 'json'], dir),
            await runCli(['check', '.', '--format', 'sarif'], dir),
            await runCli(['check', `${hostile}.txt`], dir),
            await runCli(['check', `${hostile}-missing`], dir),
            await runCli(['export', '.', '--format', 'json', '--out', `${hostile}.json`], dir),
            await runCli(['export', '.', '--format', 'md'], dir)
        ];
        for (const [i, result] of outputs.entries()) {
            assertNoRawControl(result.stdout + result.stderr, `output ${i}`);
        }
        // JSON stays lossless: the exact name parses back.
        assert.equal(JSON.parse(outputs[1].stdout).files[0].path, `${hostile}.warrant`);
        assert.match(outputs[3].stderr, /evil⟨U\+001B⟩.*is not a \.warrant or Markdown file/);
        assert.match(outputs[5].stderr, /wrote json map .* to evil⟨U\+001B⟩/);
    });
});
