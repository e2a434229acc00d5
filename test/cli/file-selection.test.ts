import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { Glob } from '../../language/config/glob.js';
import { selectWarrantFiles } from '../../language/config/file-selection.js';
import { removeWorkspace, tempWorkspace, writeFiles } from '../robustness/helpers.js';

function matches(pattern: string, file: string): boolean {
    return new Glob(pattern).matches(file);
}

describe('globs in warrant.config.json and .gitignore', () => {
    it('`*` and `?` stay within a name, `**` spans folders (none included)', () => {
        assert.ok(matches('*.warrant', 'a.warrant'));
        assert.ok(!matches('*.warrant', 'x/a.warrant'));
        assert.ok(matches('?.warrant', 'a.warrant'));
        assert.ok(!matches('?.warrant', 'ab.warrant'));
        assert.ok(matches('**/a.warrant', 'a.warrant'));
        assert.ok(matches('**/a.warrant', 'x/y/a.warrant'));
        assert.ok(matches('test/**', 'test'));
        assert.ok(matches('test/**', 'test/robustness/fixtures/x.warrant'));
        assert.ok(!matches('test/**', 'tests/x.warrant'));
        assert.ok(matches('a/**/b/*.warrant', 'a/b/c.warrant'));
        assert.ok(matches('a/**/b/*.warrant', 'a/x/y/b/c.warrant'));
        assert.ok(!matches('a/**/b/*.warrant', 'a/x/y/b/z/c.warrant'));
    });

    it('character sets, negated sets, escapes, a leading ./ or /', () => {
        assert.ok(matches('[ab].warrant', 'b.warrant'));
        assert.ok(!matches('[ab].warrant', 'c.warrant'));
        assert.ok(matches('[a-c]x', 'bx'));
        assert.ok(matches('[!a-c]x', 'dx'));
        assert.ok(!matches('[!a-c]x', 'ax'));
        assert.ok(matches('\\*.warrant', '*.warrant'));
        assert.ok(!matches('\\*.warrant', 'a.warrant'));
        assert.ok(matches('[unclosed', '[unclosed'));
        assert.ok(matches('./drafts/*', 'drafts/x.warrant'));
        assert.ok(matches('/drafts/*', 'drafts/x.warrant'));
    });

    it('patterns that make backtracking matchers exponential are matched in at most path × pattern steps', () => {
        // A RegExp compiled from this pattern does not finish on the name below.
        const hostile = new Glob('*a'.repeat(60) + 'b');
        assert.ok(!hostile.matches('a'.repeat(250)));
        assert.ok(!new Glob('**/'.repeat(200) + 'x').matches('a/'.repeat(500) + 'y'));
        assert.ok(new Glob('**/'.repeat(200) + 'x').matches('a/'.repeat(500) + 'x'));
    });
});

describe('which .warrant files a folder search takes', () => {
    let dir: string;
    const write = (files: Record<string, string>) => writeFiles(dir, files);
    const found = async (folder = dir, root = dir) => (await selectWarrantFiles(folder, root)).map(f => path.relative(dir, f).split(path.sep).join('/'));

    beforeEach(() => {
        dir = tempWorkspace({ 'a.warrant': '', 'notes.txt': '', 'test/fixtures/f.warrant': '', 'docs/d.warrant': '', 'node_modules/m/n.warrant': '', '.hidden/h.warrant': '', 'out/o.warrant': '' }, 'warrant-select-');
    });
    afterEach(() => removeWorkspace(dir));

    it('without config or .gitignore: every .warrant but node_modules, out and hidden folders', async () => {
        assert.deepEqual(await found(), ['a.warrant', 'docs/d.warrant', 'test/fixtures/f.warrant']);
    });

    it('exclude leaves out files and folders (a pattern naming a folder covers its files)', async () => {
        write({ 'warrant.config.json': '{"exclude": ["test"]}' });
        assert.deepEqual(await found(), ['a.warrant', 'docs/d.warrant']);
        write({ 'warrant.config.json': '{"exclude": ["**/d.warrant", "test/**"]}' });
        assert.deepEqual(await found(), ['a.warrant']);
        // A subfolder searched under the same root: still excluded.
        assert.deepEqual(await found(path.join(dir, 'test')), []);
    });

    it('include keeps only what it names (a file or a folder above it)', async () => {
        write({ 'warrant.config.json': '{"include": ["docs", "*.warrant"]}' });
        assert.deepEqual(await found(), ['a.warrant', 'docs/d.warrant']);
    });

    it('.gitignore: names at any depth, anchored paths, folders only, re-including, nested files', async () => {
        write({
            '.gitignore': '# generated\nfixtures/\n/a.warrant\n*.tmp.warrant\n!keep.tmp.warrant\n',
            'x/a.warrant': '', 'x/y.tmp.warrant': '', 'x/keep.tmp.warrant': '',
            'docs/.gitignore': 'd.warrant\n', 'docs/e.warrant': ''
        });
        assert.deepEqual(await found(), ['docs/e.warrant', 'x/a.warrant', 'x/keep.tmp.warrant']);
        // The root's .gitignore applies to a search that starts below it.
        assert.deepEqual(await found(path.join(dir, 'x')), ['x/a.warrant', 'x/keep.tmp.warrant']);
    });

    it('a hostile .gitignore (a line of 100,000 spaces, 5,000 rules) is read in bounded steps; rules past 1,000 are not used', async () => {
        const rules = Array.from({ length: 5000 }, (_, i) => `r${i}*a*a*a*a*a*b`);
        write({ '.gitignore': ['f.warrant', ' '.repeat(100000) + 'x', ...rules, 'd.warrant', ''].join('\n') });
        assert.deepEqual(await found(), ['a.warrant', 'docs/d.warrant']);
    });

    it('trailing spaces end a .gitignore pattern unless escaped', async () => {
        write({ 'x/spaced /a.warrant': '', 'x/spaced/b.warrant': '', 'x/plain/c.warrant': '', '.gitignore': 'spaced\\ \nplain  \n' });
        assert.deepEqual(await found(path.join(dir, 'x')), ['x/spaced/b.warrant']);
    });

    it('follows no symbolic link, to a file or a folder', async () => {
        symlinkSync(path.join(dir, 'docs'), path.join(dir, 'linked-docs'));
        symlinkSync(path.join(dir, 'a.warrant'), path.join(dir, 'b.warrant'));
        assert.deepEqual(await found(), ['a.warrant', 'docs/d.warrant', 'test/fixtures/f.warrant']);
    });

    it('a broken config or .gitignore selects as if absent', async () => {
        write({ 'warrant.config.json': '{"exclude": 3', '.gitignore': '\u0000\u0001[' });
        assert.deepEqual(await found(), ['a.warrant', 'docs/d.warrant', 'test/fixtures/f.warrant']);
    });
});
