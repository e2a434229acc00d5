/**
 * filters/warrant.lua with Debian's pandoc, on a small manuscript (manuscript/paper.md beside
 * its argument.warrant): the warrant-map block becomes the map drawn by the bundled CLI (inline
 * SVG in HTML, a picture in docx), claim spans become their text, warrant blocks stay code.
 * Needs out/cli.cjs: `node scripts/build.mjs --no-typecheck`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI, REPOSITORY } from '../robustness/helpers.js';
import { drawnIds } from './fixture.js';

const FILTER = path.join(REPOSITORY, 'filters/warrant.lua');
const MANUSCRIPT = path.join(REPOSITORY, 'test/markdown-rendering/manuscript');
const PAPER = path.join(MANUSCRIPT, 'paper.md');
/** What staffingCrisis rests on in manuscript/argument.warrant; `unrelated` is not part of it. */
const STAFFING_SUPPORT = ['agencyNights', 'nightShifts', 'staffingCrisis'];

function run(command: string, args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) {
    const result = spawnSync(command, args, { cwd: options.cwd ?? REPOSITORY, input: options.input, env: options.env ?? process.env, encoding: 'utf8', timeout: 60000 });
    assert.equal(result.error, undefined, String(result.error));
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function pandoc(args: string[], options: Parameters<typeof run>[2] = {}) {
    const result = run('pandoc', ['--lua-filter', FILTER, ...args], options);
    assert.equal(result.status, 0, result.stderr);
    return result;
}

/** The entries of a zip file (a .docx), read by Python's zipfile. */
function zipEntries(file: string): Record<string, string> {
    const script = 'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({n: z.read(n).decode("utf-8","replace") for n in z.namelist()}))';
    const result = run('python3', ['-c', script, file]);
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout) as Record<string, string>;
}

describe('Pandoc filter (filters/warrant.lua, real pandoc)', function () {
    this.timeout(120_000);
    let temp: string;

    before(() => {
        assert.ok(existsSync(path.join(REPOSITORY, 'out/cli.cjs')), 'out/cli.cjs is missing: run `node scripts/build.mjs --no-typecheck` first');
        temp = mkdtempSync(path.join(tmpdir(), 'warrant-pandoc-'));
    });
    after(() => rmSync(temp, { recursive: true, force: true }));

    it('`warrant pandoc-filter` prints the filter\'s absolute path', () => {
        const result = run(process.execPath, [CLI, 'pandoc-filter'], { cwd: temp });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, FILTER + '\n');
    });

    it('HTML: the map as inline SVG of what the focus rests on, claim spans as plain text, warrant blocks as code', () => {
        const { stdout: html } = pandoc([PAPER, '-t', 'html']);
        const block = /<div class="warrant-map-block">\s*(<svg[\s\S]*?<\/svg>)\s*<\/div>/.exec(html);
        assert.ok(block, html.slice(0, 2000));
        assert.deepEqual(drawnIds(block[1]).sort(), STAFFING_SUPPORT);
        assert.ok(!html.includes('warrant-map\n') && !html.includes('focus: staffingCrisis'), 'the options are not shown');
        assert.match(html, /Nurses told us that agency staff cover most night shifts, and\s+the/);
        assert.doesNotMatch(html, /class="claim"|data-ref|ref=/);
        assert.match(html, /<pre class="warrant"><code>claim wardRecords &quot;The ward&#39;s own records agree&quot; supported by nightShifts<\/code><\/pre>/);
    });

    it('`warrant-source: hide` in the metadata removes the warrant blocks and keeps the map', () => {
        const { stdout: html } = pandoc([PAPER, '-t', 'html', '-M', 'warrant-source=hide']);
        assert.doesNotMatch(html, /<pre class="warrant">/);
        assert.match(html, /<svg [^>]*class="warrant-map"/);
    });

    it('docx: the map is a picture in word/media that the document shows, captioned with the focus', () => {
        const docx = path.join(temp, 'paper.docx');
        pandoc([PAPER, '-o', docx]);
        const entries = zipEntries(docx);
        const media = Object.keys(entries).filter(name => name.startsWith('word/media/'));
        assert.equal(media.length >= 1, true, Object.keys(entries).join(', '));
        const svgName = media.find(name => name.endsWith('.svg'))!;
        assert.deepEqual(drawnIds(entries[svgName]).sort(), STAFFING_SUPPORT);
        const relation = new RegExp(`Id="([^"]+)"[^>]*Target="${svgName.slice('word/'.length)}"`).exec(entries['word/_rels/document.xml.rels']);
        assert.ok(relation, entries['word/_rels/document.xml.rels']);
        const documentXml = entries['word/document.xml'];
        assert.match(documentXml, new RegExp(`r:embed="${relation[1]}"`));
        assert.match(documentXml, /descr="Argument map: what staffingCrisis rests on"/);
        assert.doesNotMatch(documentXml, /focus: staffingCrisis/);
    });

    it('the case study\'s paper.qmd renders with its map: inline SVG in HTML, a picture in docx', () => {
        const folder = path.join(REPOSITORY, 'examples/lscb-gender-hypothesis');
        const { stdout: html } = pandoc(['paper.qmd', '-f', 'markdown', '-t', 'html'], { cwd: folder });
        const ids = drawnIds(html);
        assert.ok(ids.includes('policeMaleDominated') && ids.includes('policeWomen') && ids.includes('Hakim'), ids.join(', '));
        // (the paper's opening HTML comment explains the span syntax: it passes through as a comment)
        assert.doesNotMatch(html.replace(/<!--[\s\S]*?-->/g, ''), /\{\.claim|ref=policeMaleDominated/, 'claim spans are plain text');
        const docx = path.join(temp, 'case-study.docx');
        pandoc(['paper.qmd', '-f', 'markdown', '-o', docx], { cwd: folder });
        const media = Object.keys(zipEntries(docx)).filter(name => name.startsWith('word/media/'));
        assert.ok(media.some(name => name.endsWith('.svg')), media.join(', '));
        assert.ok(media.some(name => name.endsWith('.png')), `with a PNG copy for Word before 2016 (rsvg-convert): ${media.join(', ')}`);
    });

    it('reads from stdin against the working folder, and passes a hostile focus to the CLI as one argument', () => {
        const marker = path.join(temp, 'pwned');
        const focus = `$(touch ${marker}); "<script>`;
        // a folder holding the argument alone, so the whole-folder map below is exactly its elements
        const folder = path.join(temp, 'argument-only');
        mkdirSync(folder, { recursive: true });
        copyFileSync(path.join(MANUSCRIPT, 'argument.warrant'), path.join(folder, 'argument.warrant'));
        const result = pandoc(['-f', 'markdown', '-t', 'html'], { cwd: folder, input: `\`\`\`warrant-map\nfocus: ${focus}\nsize: 3\n\`\`\`\n\n\`\`\`warrant-map\n\`\`\`\n` });
        assert.equal(existsSync(marker), false);
        assert.match(result.stderr, /\[warrant\] warrant-map option line 2 ignored: "size: 3" \(known: focus, scope, paths\)/);
        assert.match(result.stderr, /--focus: no element is named "\$\(touch .*pwned\); "<script>" in .*argument-only/);
        assert.match(result.stderr, /\[warrant\] node .*cli\.cjs export .* --focus \$\(touch .*pwned\); "<script> failed \(exit code 2\)/);
        assert.match(result.stdout, /<pre class="warrant-map-error"><code>Warrant could not draw this map: [^<]*&lt;script&gt;/);
        // the second block, without options, draws the whole folder
        assert.deepEqual(drawnIds(result.stdout).sort(), [...STAFFING_SUPPORT, 'unrelated'].sort());
    });

    it('`paths:` names what to draw, relative to the document', () => {
        const other = path.join(temp, 'paper');
        mkdirSync(other, { recursive: true });
        writeFileSync(path.join(other, 'paper.md'), '```warrant-map\npaths: ' + path.relative(other, MANUSCRIPT).split(path.sep).join('/') + '/argument.warrant\nfocus: agencyNights\n```\n');
        // the relative path must resolve against paper.md's folder, not the working directory
        const { stdout } = pandoc([path.join(other, 'paper.md'), '-t', 'html'], { cwd: REPOSITORY });
        assert.deepEqual(drawnIds(stdout).sort(), ['agencyNights', 'nightShifts']);
    });

    it('a copy of the filter without the tool beside it runs `warrant` from the PATH', () => {
        const copy = path.join(temp, 'project', 'warrant.lua');
        const bin = path.join(temp, 'bin');
        mkdirSync(path.dirname(copy), { recursive: true });
        mkdirSync(bin, { recursive: true });
        copyFileSync(FILTER, copy);
        writeFileSync(path.join(bin, 'warrant'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
        const result = run('pandoc', ['--lua-filter', copy, PAPER, '-t', 'html'], { env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(drawnIds(result.stdout).sort(), STAFFING_SUPPORT);
    });

    it('WARRANT_CLI names the command-line tool to run', () => {
        const missing = path.join(temp, 'no-such-cli.cjs');
        const result = pandoc([PAPER, '-t', 'html'], { env: { ...process.env, WARRANT_CLI: missing } });
        assert.match(result.stdout, /Warrant could not draw this map: node .*no-such-cli\.cjs export/);
        assert.match(result.stderr, /\[warrant\] node .*no-such-cli\.cjs export/);
    });
});

describe('warrant export --focus', function () {
    this.timeout(60_000);

    it('exports only what the element rests on, and names an unknown element', () => {
        const svg = run(process.execPath, [CLI, 'export', MANUSCRIPT, '--format', 'svg', '--focus', 'agencyNights']);
        assert.equal(svg.status, 0, svg.stderr);
        assert.deepEqual(drawnIds(svg.stdout).sort(), ['agencyNights', 'nightShifts']);
        const unknown = run(process.execPath, [CLI, 'export', MANUSCRIPT, '--format', 'json', '--focus', 'agencyNight']);
        assert.equal(unknown.status, 2);
        assert.match(unknown.stderr, /--focus: no element is named "agencyNight" in .*manuscript/);
        const check = run(process.execPath, [CLI, 'check', MANUSCRIPT, '--focus', 'agencyNights']);
        assert.equal(check.status, 2);
        assert.match(check.stderr, /--focus applies to export only/);
    });
});
