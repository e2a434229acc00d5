import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCrossReference } from '../../language/manuscript/citations.js';
import { scanManuscript } from '../../language/manuscript/manuscript.js';
import { workspaceOf } from '../helpers/workspace.js';
import { loadWorkspace } from '../../cli/load-workspace.js';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The keys cited in `text`, in order, each with the text at its range. */
function cited(text: string): string[] {
    return scanManuscript(text, true).prose.citations.map(citation => {
        assert.equal(text.slice(citation.offset, citation.offset + citation.length), citation.key);
        return citation.key;
    });
}

describe('Pandoc citations in prose', () => {
    const table: Array<[string, string, string[]]> = [
        ['bracketed', 'As shown [@Hall2005].', ['Hall2005']],
        ['with a prefix and a locator', '[see @Hall2005, p. 33]', ['Hall2005']],
        ['in the text with a locator', '@Hall2005 [p. 30] says', ['Hall2005']],
        ['author suppressed', 'Hall says [-@Hall2005].', ['Hall2005']],
        ['several', '[@a; @b, ch. 2; see also @c]', ['a', 'b', 'c']],
        ['in braces', '@{odd:key} and [@{with.trailing.}]', ['odd:key', 'with.trailing.']],
        ['trailing punctuation is not part of the key', '@key. @key2: @key3, @key4;', ['key', 'key2', 'key3', 'key4']],
        ['internal punctuation is', '@doe:2001 @doe/ch2 @a-b+c @x.y', ['doe:2001', 'doe/ch2', 'a-b+c', 'x.y']],
        ['a URL after @', '@http://example.org/x', ['http://example.org/x']],
        ['Unicode keys', '@Müller2019 @ünï', ['Müller2019', 'ünï']],
        ['after punctuation and underscores', '(@p1) "@q" _@u *@e*', ['p1', 'q', 'u', 'e']],
        ['an e-mail address is not a citation', 'write to a.b@example.org or x@y', []],
        ['nor an @ before a space or punctuation', 'an @ sign, @. and @*', []],
        ['nor an escaped @', 'not \\@key', []],
        ['nor inline code', 'code `@key` and ``x ` @key2``', []],
        ['nor an HTML comment or tag', '<!-- @key --> <span title="@key2">x</span>', []],
        ['nor a link destination or an autolink', '[text](http://x.org/@key) <http://x.org/@key2>', []],
        ['but a link text is', '[as @key says](http://x.org)', ['key']],
        ['nor fenced or indented code', '```\n@key\n```\n\n    @key2\n\ntext', []],
        ['nor the front matter', '---\nauthor: "@key"\n---\ntext @real', ['real']]
    ];
    for (const [name, text, keys] of table) {
        it(name, () => assert.deepEqual(cited(text), keys));
    }

    it('reads openers that never close once each (hostile input stays linear)', () => {
        assert.deepEqual(cited('@{a '.repeat(50_000) + '@k'), ['k']);
        assert.deepEqual(cited('[x](y '.repeat(50_000) + '@k'), ['k']);
        assert.equal(cited('`'.repeat(3000) + ' @k ' + Array.from({ length: 2000 }, (_, i) => '`'.repeat(i + 1)).join(' @k ')).length > 0, true);
        assert.deepEqual(cited('[a]{.claim ref='.repeat(20_000) + ' @k'), ['k']);
    });

    it('tells Quarto cross-references from citations', () => {
        for (const key of ['fig-map', 'tbl-1', 'sec-intro', 'eq-growth', 'lst-code', 'thm-a']) {
            assert.ok(isCrossReference(key), key);
        }
        for (const key of ['Hall2005', 'figure-map', 'fig', 'sector-x']) {
            assert.ok(!isCrossReference(key), key);
        }
    });
});

describe('Pandoc as the oracle for unknown citations', function () {
    this.timeout(60_000);
    const bib = [
        '@book{Hall2005, author = {Hall, Stuart}, title = {Representation}, year = {2005}}',
        '@article{Hakim1993, author = {Hakim, Catherine}, title = {Segregated and integrated occupations}, journal = {European Sociological Review}, year = {1993}}',
        '@book{odd:key, author = {Odd, A.}, title = {Odd}, year = {2001}}',
        '@book{Mueller2019, author = {Müller, B.}, title = {B}, year = {2019}}'
    ].join('\n');
    const manuscripts: Record<string, string> = {
        'forms.md': [
            '---', 'title: Forms', 'bibliography: refs.bib', '---', '',
            'A [@Hall2005] b [see @Hall2005, p. 33] c @Hakim1993 [p. 30] d [-@Hakim1994] e [@a1; @Hall2005].',
            'F @{odd:key} and @{missing.key.} g mail a@b.org, (@paren) x@y.',
            'H @key. I @key2: J @k/ey3/ K @k-ey4- L _@under M *@emph* N -@dash.',
            'O `@code` P \\@escaped Q <!-- @comment --> R [link](http://x.org/@link) S <http://x.org/@auto>.',
            'T @fig-map U @sec-intro V ü@umlaut W 1@digit X "@quoted" Y (@p1;@p2) Z [@s]{.claim ref=x}.',
            'AA @http://example.org/x BB @ünï CC @_under DD @* EE @Mueller2019.'
        ].join('\n'),
        'blocks.qmd': [
            '---', 'bibliography:', '  - refs.bib', '---', '',
            '# A heading citing @inHeading', '',
            '- a list item [@inList]', '  - nested @nested', '',
            '    indented code @notCode', '',
            '```r', 'x <- "@notFenced"', '```', '',
            '```warrant', 'claim c "C" cites @Hall2005', '```', '',
            '> quoted @inQuote', '',
            '| col | @inTable |', '|-----|----|', '| 1 | [@Hall2005] |', '',
            '<!--', '@notComment', '-->', '',
            'Last @Hakim1993 and @last'
        ].join('\r\n')
    };
    for (const [file, text] of Object.entries(manuscripts)) {
        it(`reports the keys pandoc cannot find in ${file}, and no others`, async () => {
            const workspace = await workspaceOf({ [file]: text, 'refs.bib': bib });
            try {
                const warrant = workspace.diagnostics(file).filter(d => d.code === 'unknown-citation').map(d => (d.data as { key: string }).key);
                const stderr = runPandoc(workspace.dir, file);
                const pandoc = [...stderr.matchAll(/citation (\S+) not found/g)].map(match => match[1]).filter(key => !isCrossReference(key));
                assert.ok(pandoc.length > 5, `pandoc found too few missing keys to compare: ${stderr}`);
                assert.deepEqual([...new Set(warrant)].sort(), [...new Set(pandoc)].sort());
            } finally {
                workspace.dispose();
            }
        });
    }
});

describe('Pandoc as the oracle on the case study\'s paper.qmd', function () {
    this.timeout(60_000);

    it('reports the keys pandoc cannot find, and no others', async () => {
        const folder = path.join(REPOSITORY, 'examples/lscb-gender-hypothesis');
        const workspace = await loadWorkspace([folder], REPOSITORY);
        const paper = workspace.documents.find(document => document.uri.fsPath.endsWith('paper.qmd'))!;
        const warrant = (paper.diagnostics ?? []).filter(d => d.code === 'unknown-citation').map(d => (d.data as { key: string }).key);
        const pandoc = [...runPandoc(folder, 'paper.qmd').matchAll(/citation (\S+) not found/g)].map(match => match[1]);
        assert.ok(pandoc.length > 0);
        assert.deepEqual([...new Set(warrant)].sort(), [...new Set(pandoc)].sort());
    });
});

/** Pandoc's warnings on `file` (Debian's pandoc, installed by scripts/system-deps.mjs). */
function runPandoc(dir: string, file: string): string {
    const run = spawnSync('pandoc', ['--citeproc', '-f', 'markdown', '-t', 'plain', '-o', '/dev/null', file], { cwd: dir, encoding: 'utf8' });
    if (run.error || run.status !== 0) {
        throw new Error(`pandoc failed (install it with node scripts/system-deps.mjs): ${run.error?.message ?? run.stderr}`);
    }
    return run.stderr;
}
