import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CLI, removeWorkspace, tempWorkspace, writeFiles } from '../robustness/helpers.js';

function warrant(args: string[], cwd: string) {
    return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
}

describe('warrant check and export on Markdown manuscripts (the bundled CLI)', function () {
    this.timeout(60_000);
    let dir: string;
    beforeEach(() => {
        dir = tempWorkspace();
        writeFiles(dir, {
            'paper.md': ['---', 'bibliography: refs.bib', '---', '', 'As [@Hakim1993] and @Nobody2000 show, [police work is male-dominated]{.claim ref=police}.', '',
                '```warrant', 'stat share "Women in the police" = 15% cites @Hakim1993', 'claim police "Police work is male-dominated" supported by share', '```', ''].join('\n'),
            'refs.bib': '@book{Hakim1993, author = {Hakim, C.}, title = {Segregation}, year = {1993}}\n',
            'drafts/old.md': '```warrant\nclaim old "Old" supported by nowhere\n```\n',
            'warrant.config.json': '{ "exclude": ["drafts/**"] }'
        });
    });
    afterEach(() => removeWorkspace(dir));

    it('checks a manuscript given as a file: JSON paths are the Markdown file, lines and columns its own', () => {
        const result = warrant(['check', 'paper.md', '--format', 'json'], dir);
        assert.equal(result.status, 1, result.stderr);
        const report = JSON.parse(result.stdout);
        assert.deepEqual(report.files.map((file: { path: string }) => file.path), ['paper.md']);
        const [unknown] = report.files[0].diagnostics.filter((d: { code: string }) => d.code === 'unknown-citation');
        assert.deepEqual([unknown.line, unknown.column], [5, 21]);
    });

    it('takes manuscripts from a folder, honouring warrant.config.json exclude', () => {
        const result = warrant(['check', '.', '--format', 'json'], dir);
        const report = JSON.parse(result.stdout);
        assert.deepEqual(report.files.map((file: { path: string }) => file.path), ['paper.md']);
    });

    it('exports the map of the fences', () => {
        const result = warrant(['export', 'paper.md', '--format', 'svg'], dir);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^<svg|<\?xml/);
        assert.match(result.stdout, /Police work is male-dominated/);
        assert.match(result.stdout, /Women in the police/);
    });
});
