import assert from 'node:assert/strict';
import { scanBibliography, scanBibliographyAsync, scanEntryFields, type BibIndex, type BibProblem } from '../../language/bibliography/scanner.js';
import { generateBibliography } from './generate.js';
import { fixture, lineOf } from './helpers.js';

function keys(index: BibIndex): string[] {
    return index.entries.map(e => e.key);
}

function problemAt(index: BibIndex, line: number): BibProblem {
    const found = index.problems.filter(p => p.line === line);
    assert.equal(found.length, 1, `expected one problem at line ${line}, got ${JSON.stringify(index.problems.map(p => [p.line, p.message]))}`);
    return found[0]!;
}

describe('bibliography scanner', () => {
    describe('well-formed files', () => {
        const text = fixture('references.bib');
        const index = scanBibliography(text);

        it('finds every entry with its key, type and lines, skipping @string and @comment', () => {
            assert.deepEqual(keys(index), ['Merton1948', 'Hakim1993', 'Hall2005', 'Dudau2018', 'Strauss1990', 'HomeOffice2013', 'ONS2021', 'Muller2010', 'Glaser1967']);
            const merton = index.byKey.get('Merton1948')!;
            assert.equal(merton.type, 'article');
            assert.equal(merton.line, lineOf(text, '@article{Merton1948'));
            assert.equal(merton.keyLine, merton.line);
            assert.equal(merton.keyColumn, '@article{'.length);
            assert.equal(merton.endLine, lineOf(text, '  month = oct') + 1);
            assert.equal(text.slice(merton.start, merton.end).startsWith('@article{Merton1948,'), true);
            assert.equal(text.slice(merton.start, merton.end).endsWith('}'), true);
            assert.equal(merton.closed, true);
            assert.equal(merton.malformed, false);
            assert.deepEqual(index.problems, []);
        });

        it('keeps the raw author, title and year, and the @string macros', () => {
            const muller = index.byKey.get('Muller2010')!;
            assert.equal(muller.raw.author, 'M{\\"u}ller, J{\\"o}rg and de la Vall{\\\'e}e Poussin, Charles-Jean and Ga{\\c c}on, Fran{\\c c}ois');
            assert.equal(muller.raw.year, '2010');
            assert.equal(index.byKey.get('Dudau2018')!.raw.date, '2018-03');
            assert.equal(index.strings.ASR, 'American Sociological Review');
        });

        it('accepts parentheses as delimiters, odd keys and % comments between fields', () => {
            const index = scanBibliography('@misc(Key:with/odd.chars-1+x, % a comment\n  title = {x} # " y" # macro,\n  year = 2020)\n@book{Other, title={T}}');
            assert.deepEqual(keys(index), ['Key:with/odd.chars-1+x', 'Other']);
            assert.deepEqual(index.problems, []);
        });

        it('treats @ in % comment lines and in prose between entries as text', () => {
            const index = scanBibliography('% @article{commented, title={x}}\nwrite to me@example.org\n@misc{Real, title={x}}\n');
            assert.deepEqual(keys(index), ['Real']);
            assert.deepEqual(index.problems, []);
        });

        it('skips @comment blocks, including commented-out entries, and @preamble', () => {
            const index = scanBibliography('@comment{ @article{inside, title={x}} }\n@preamble{ "\\newcommand{\\noop}[1]{}" }\n@Comment jabref-meta: x\n@misc{After, title={y}}');
            assert.deepEqual(keys(index), ['After']);
            assert.deepEqual(index.problems, []);
        });

        it('handles a byte order mark and CRLF line ends with the same lines and columns', () => {
            const lf = scanBibliography(text);
            const crlf = scanBibliography('\uFEFF' + text.replace(/\n/g, '\r\n'));
            assert.deepEqual(keys(crlf), keys(lf));
            assert.deepEqual(crlf.entries.map(e => [e.line, e.keyLine, e.keyColumn, e.endLine]), lf.entries.map(e => [e.line, e.keyLine, e.keyColumn, e.endLine]));
            const first = scanBibliography('\uFEFF@misc{A, title={x}}');
            assert.equal(first.entries[0]!.keyColumn, '@misc{'.length);
        });

        it('handles old Mac line ends (lone CR)', () => {
            const index = scanBibliography('@misc{A,\r title={x}}\r\r@misc{B, title={y}}');
            assert.deepEqual(index.entries.map(e => [e.key, e.line]), [['A', 0], ['B', 3]]);
        });

        it('indexes a generated library of 1,000 entries completely', () => {
            const { text, keys: expected } = generateBibliography(1000, 7);
            const index = scanBibliography(text);
            assert.deepEqual(keys(index), expected);
            assert.deepEqual(index.problems, []);
            assert.equal(index.byKey.size, 1000);
        });

        it('copes with empty, blank and entry-less texts', () => {
            for (const text of ['', '\uFEFF', '\n\n', '% only a comment', 'just prose, no entries']) {
                const index = scanBibliography(text);
                assert.deepEqual(index.entries, []);
                assert.deepEqual(index.problems, []);
            }
        });
    });

    describe('malformed files', () => {
        const text = fixture('malformed.bib');
        const index = scanBibliography(text);

        it('keeps every well-formed entry usable', () => {
            for (const key of ['Good1', 'Good2', 'Good3', 'Good4', 'Good5', 'Good6']) {
                const entry = index.byKey.get(key);
                assert.ok(entry, key);
                assert.equal(entry.malformed, false, key);
                assert.equal(entry.closed, true, key);
            }
            // The first definition of a duplicate key wins.
            assert.equal(index.byKey.get('Good1')!.line, lineOf(text, '@article{Good1'));
        });

        it('reports an entry never closed at its first line, and recovers at the next entry', () => {
            const line = lineOf(text, '@article{MissingBrace');
            const p = problemAt(index, line);
            assert.equal(p.code, 'bibliography-syntax');
            assert.match(p.message, /'MissingBrace' is never closed: missing '\}' before the entry at line 15/);
            const entry = index.byKey.get('MissingBrace')!;
            assert.equal(entry.closed, false);
            assert.equal(entry.repair, '}');
            assert.equal(entry.endLine, lineOf(text, '  year = 2002'));
        });

        it('reports a missing key', () => {
            const p = problemAt(index, lineOf(text, '@article{,'));
            assert.match(p.message, /@article entry has no citation key/);
            assert.equal(p.column, 0);
        });

        it('reports BibTeX-like text between entries but not plain prose', () => {
            const line = lineOf(text, 'journal = {Stray Field');
            const p = problemAt(index, line);
            assert.match(p.message, /Text outside an entry is ignored/);
            assert.equal(p.endLine, line + 1);
            assert.equal(index.problems.some(q => q.line === lineOf(text, 'this is a free comment')), false);
        });

        it('reports an unterminated quoted value on its own line', () => {
            const p = problemAt(index, lineOf(text, 'title = "A Quote'));
            assert.match(p.message, /Unterminated quoted value of field 'title' in 'Unterminated': missing '"'/);
            assert.equal(p.column, '  title = '.length);
            assert.equal(index.byKey.get('Unterminated')!.repair, '"}');
        });

        it('reports unbalanced braces at the value that swallowed the closing brace', () => {
            const p = problemAt(index, lineOf(text, 'title = {Extra {Opening'));
            assert.match(p.message, /Unbalanced braces in the value of field 'title' in 'UnbalancedBraces'/);
        });

        it('reports a duplicate key at the second definition, naming the first', () => {
            const p = problemAt(index, lineOf(text, '@misc{Good1'));
            assert.equal(p.code, 'duplicate-key');
            assert.match(p.message, /Duplicate key 'Good1': already defined at line 4/);
            assert.equal(p.column, '@misc{'.length);
            assert.equal(p.endColumn, '@misc{Good1'.length);
        });

        it('reports a missing comma and a missing equals sign', () => {
            assert.match(problemAt(index, lineOf(text, '@misc{MissingComma')).message, /Missing ','/);
            assert.match(problemAt(index, lineOf(text, '@misc{MissingEquals')).message, /Field 'title' in 'MissingEquals' is not followed by '='/);
            assert.ok(index.byKey.get('MissingComma'));
        });

        it('reports exactly the expected problems, in file order', () => {
            assert.deepEqual(index.problems.map(p => p.line), [9, 20, 27, 33, 40, 46, 48, 50]);
        });

        it('reports the same lines with CRLF line ends', () => {
            const crlf = scanBibliography(text.replace(/\n/g, '\r\n'));
            assert.deepEqual(crlf.problems.map(p => [p.line, p.column, p.endLine, p.endColumn, p.message]), index.problems.map(p => [p.line, p.column, p.endLine, p.endColumn, p.message]));
        });
    });

    describe('other malformations', () => {
        it('reports keys differing only in case', () => {
            const index = scanBibliography('@misc{Hall2005, title={a}}\n@misc{hall2005, title={b}}');
            assert.equal(index.problems.length, 1);
            assert.equal(index.problems[0]!.code, 'duplicate-key');
            assert.match(index.problems[0]!.message, /differs only in case from 'Hall2005'/);
            assert.equal(index.byKey.size, 2);
        });

        it('reports an entry type without a delimiter', () => {
            const index = scanBibliography('@article Smith2000, title = x\n@misc{Ok}');
            assert.deepEqual(keys(index), ['Ok']);
            assert.match(index.problems[0]!.message, /'@article' is not followed by '\{' or '\('/);
        });

        it('reports an unclosed entry at the end of the file', () => {
            const index = scanBibliography('@misc{Last, title = {x}');
            assert.equal(index.entries[0]!.key, 'Last');
            assert.match(index.problems[0]!.message, /never closed: missing '\}' before the end of the file/);
        });

        it('reports a braced value that never ends', () => {
            const index = scanBibliography('@misc{A, title = {x {y}\n\n@misc{B, title={z}}');
            assert.deepEqual(keys(index), ['A', 'B']);
            assert.match(index.problems[0]!.message, /Unterminated braced value of field 'title' in 'A': missing '\}'/);
            assert.equal(index.entries[0]!.repair, '}}');
        });

        it('reports an unclosed @comment and recovers at the next entry line', () => {
            const index = scanBibliography('@comment{ unclosed\n@misc{A, title={x}}\n');
            assert.deepEqual(keys(index), ['A']);
            assert.match(index.problems[0]!.message, /@comment is never closed/);
        });

        it('reports a stray character after a key', () => {
            const index = scanBibliography('@misc{Smith 2000, title={x}}\n@misc{B}');
            assert.deepEqual(keys(index), ['Smith', 'B']);
            assert.match(index.problems[0]!.message, /Expected ',' after the key 'Smith', found '2'/);
        });

        it('reports a key hiding a bidirectional control character', () => {
            const index = scanBibliography('@misc{Hall\u202e2005, title={x}}');
            assert.match(index.problems[0]!.message, /invisible or bidirectional control character/);
        });

        it('reports a binary file once instead of noise', () => {
            const index = scanBibliography('PK\u0003\u0004\u0000\u0000@@@{{{');
            assert.equal(index.entries.length, 0);
            assert.equal(index.problems.length, 1);
            assert.match(index.problems[0]!.message, /binary/);
        });

        it('stays linear on many unclosed entries and values', () => {
            const text = Array.from({ length: 3000 }, (_, i) => `@misc{K${i}, title = {open\n`).join('');
            const index = scanBibliography(text);
            assert.equal(index.entries.length, 3000);
            assert.equal(index.problems.length, 3000);
        });

        it('survives deep nesting and a single enormous line', () => {
            const deep = scanBibliography(`@misc{Deep, title = ${'{'.repeat(100000)}x${'}'.repeat(100000)}}`);
            assert.deepEqual(keys(deep), ['Deep']);
            assert.deepEqual(deep.problems, []);
            const long = scanBibliography(`@misc{Long, abstract = {${'word '.repeat(400000)}}}`);
            assert.deepEqual(keys(long), ['Long']);
        });
    });

    describe('time-sliced scanning', () => {
        it('gives the same index as the synchronous scan, yielding to the event loop', async () => {
            const { text } = generateBibliography(2000, 11);
            const broken = text.replace('year = {19', 'year = {{19').replace('@book{', '@book{,');
            let ticks = 0;
            const timer = setInterval(() => ticks++, 0);
            const index = (await scanBibliographyAsync(broken, { sliceMs: 0.5 }))!;
            clearInterval(timer);
            const sync = scanBibliography(broken);
            assert.deepEqual(index.entries, sync.entries);
            assert.deepEqual(index.problems, sync.problems);
            assert.ok(ticks > 0, 'other callbacks ran during the scan');
        });

        it('can be cancelled', async () => {
            const { text } = generateBibliography(2000, 12);
            assert.equal(await scanBibliographyAsync(text, { sliceMs: 0.1, isCancelled: () => true }), undefined);
        });
    });

    describe('field spans of one entry', () => {
        it('gives every field with its value span and raw text', () => {
            const entry = '@article{K,\n  title = {A {B}} # " C",\n  year = 2000,\n  journal = jan\n}';
            const fields = scanEntryFields(entry);
            assert.deepEqual(fields.map(f => [f.name, entry.slice(f.valueStart, f.valueEnd).trim(), f.raw]), [
                ['title', '{A {B}} # " C"', 'A {B} C'],
                ['year', '2000', '2000'],
                ['journal', 'jan', 'jan'],
            ]);
        });
    });
});
