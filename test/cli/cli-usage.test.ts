import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLI, REPOSITORY as repository, removeWorkspace, tempWorkspace, writeFiles } from '../robustness/helpers.js';

function warrant(args: string[], cwd: string) {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('warrant: usage messages, folder selection, export counts', function () {
    this.timeout(120000);
    let dir: string;
    const write = (files: Record<string, string>) => writeFiles(dir, files);
    const checkedPaths = (args: string[], cwd = dir) => {
        const result = warrant(['check', ...args, '--format', 'json'], cwd);
        assert.notEqual(result.status, 2, result.stderr);
        return JSON.parse(result.stdout).files.map((f: { path: string }) => f.path.split(path.sep).join('/')).sort();
    };

    beforeEach(() => {
        dir = tempWorkspace({}, 'warrant-usage-');
    });
    afterEach(() => removeWorkspace(dir));

    it('a file that is not .warrant or Markdown is a usage error that says what check and export take', () => {
        write({ 'notes.txt': '# notes\n' });
        const check = warrant(['check', 'notes.txt'], dir);
        assert.equal(check.status, 2);
        assert.match(check.stderr, /notes\.txt is not a \.warrant or Markdown file; check takes \.warrant, \.md and \.qmd files and folders/);
        assert.doesNotMatch(check.stderr, /internal error/);
        const exported = warrant(['export', 'notes.txt', '--format', 'md'], dir);
        assert.equal(exported.status, 2);
        assert.match(exported.stderr, /notes\.txt is not a \.warrant or Markdown file; export takes \.warrant, \.md and \.qmd files and folders/);
    });

    it('an unknown format names the formats that exist; a missing one says --format is needed', () => {
        const png = warrant(['export', '--format', 'png'], dir);
        assert.equal(png.status, 2);
        assert.match(png.stderr, /unknown format 'png'; export writes svg, html, dot, graphml, aif, json, md/);
        const yaml = warrant(['check', '--format=yaml'], dir);
        assert.equal(yaml.status, 2);
        assert.match(yaml.stderr, /unknown format 'yaml'; check writes text, json, sarif/);
        assert.match(warrant(['export'], dir).stderr, /export needs --format/);
    });

    it('a folder search honours include, exclude and .gitignore; a named file is always checked', () => {
        write({
            'warrant.config.json': '{"exclude": ["test/**"]}',
            '.gitignore': 'scratch/\n',
            'a.warrant': 'claim a "A"\n',
            'test/fixtures/f.warrant': 'claim f "F"\n',
            'scratch/s.warrant': 'claim s "S"\n'
        });
        assert.deepEqual(checkedPaths(['.']), ['a.warrant']);
        assert.deepEqual(checkedPaths(['.', 'test/fixtures/f.warrant']), ['a.warrant', 'test/fixtures/f.warrant']);
        write({ 'warrant.config.json': '{"include": ["scratch", "test/**"]}', '.gitignore': '' });
        assert.deepEqual(checkedPaths([]), ['scratch/s.warrant', 'test/fixtures/f.warrant']);
    });

    it('this repository checks its examples, not its test fixtures', () => {
        const paths: string[] = checkedPaths([], repository);
        assert.ok(paths.length > 0);
        assert.deepEqual(paths.filter(p => !p.startsWith('examples/')), []);
        assert.ok(paths.includes('examples/lscb-gender-hypothesis/argument.warrant'), paths.join(', '));
    });

    it('export reports the number of links the map draws', () => {
        // One claim classifying two stats by one scheme mentions the scheme twice: one link on the map.
        write({
            'a.warrant': [
                'scheme S { band low below 50%  band high 50% to 100% }',
                'stat s1 "one" = 20%',
                'stat s2 "two" = 30%',
                'claim c "C" { classifies s1 as low by S  classifies s2 as low by S }',
                ''
            ].join('\n')
        });
        const json = warrant(['export', '.', '--format', 'json', '--out', 'map.json'], dir);
        assert.equal(json.status, 0, json.stderr);
        const model = JSON.parse(readFileSync(path.join(dir, 'map.json'), 'utf8'));
        const said = /map of (\d+) elements and (\d+) links/.exec(json.stderr);
        assert.ok(said, json.stderr);
        assert.equal(Number(said[1]), model.nodes.length);
        assert.equal(Number(said[2]), model.edges.length);
        const svg = warrant(['export', '.', '--format', 'svg', '--out', 'map.svg'], dir);
        const drawn = readFileSync(path.join(dir, 'map.svg'), 'utf8').match(/<g class="w-edge /g)?.length;
        assert.equal(drawn, model.edges.length);
        assert.match(svg.stderr, new RegExp(`and ${drawn} links`));
    });
});
