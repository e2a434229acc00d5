import assert from 'node:assert/strict';
import { BibliographyStore } from '../../language/bibliography/bibliography-store.js';
import { MAX_ITEMS, scanCslJson, scanCslJsonAsync } from '../../language/bibliography/csl-json.js';
import { isCslJson, looksLikeCslJson } from '../../language/bibliography/file-format.js';
import { formatReference } from '../../language/bibliography/format.js';
import { scanBibliography } from '../../language/bibliography/scanner.js';
import { firstSyntaxError } from '../../language/config/json-errors.js';
import { fixture, lineOf } from './helpers.js';

const URI = 'file:///ws/refs.json';

/** A store holding one CSL-JSON text. */
function storeOf(text: string, uri = URI): BibliographyStore {
    const store = new BibliographyStore({ preloadParser: false });
    store.update(uri, text);
    return store;
}

/** The details of the only item of a one-item library. */
function detailsOf(item: Record<string, unknown>) {
    const store = storeOf(JSON.stringify([{ id: 'K', ...item }]));
    const details = store.entry('K');
    assert.ok(details, 'the item is indexed');
    return details;
}

/** 0-based line and column of the first `needle` in `text` (plus `delta`). */
function at(text: string, needle: string, delta = 0): { line: number; column: number } {
    const offset = text.indexOf(needle);
    assert.ok(offset >= 0, `${needle} in the text`);
    const before = text.slice(0, offset + delta).split('\n');
    return { line: before.length - 1, column: before[before.length - 1]!.length };
}

describe('CSL-JSON bibliographies', () => {
    describe('which files are CSL-JSON', () => {
        it('by extension, else by the first character', () => {
            assert.equal(isCslJson('file:///a/refs.json', '@book{x,}'), true, '.json decides, whatever the text');
            assert.equal(isCslJson('file:///a/refs.csl.JSON', ''), true);
            assert.equal(isCslJson('file:///a/refs.bib', '[{"id": "x"}]'), false, '.bib decides');
            assert.equal(isCslJson('file:///a/refs.txt', '\uFEFF \n [ {"id": "x"} ]'), true);
            assert.equal(isCslJson('file:///a/refs', '{"id": "x"}'), true);
            assert.equal(isCslJson('file:///a/refs.txt', '% a comment\n@book{x,}'), false);
            assert.equal(isCslJson('file:///a/refs.txt', ''), false);
        });

        it('offers CSL-JSON files to the bibliography picker, not every JSON file', () => {
            assert.equal(looksLikeCslJson(fixture('better-csl.json').slice(0, 4096)), true);
            assert.equal(looksLikeCslJson(fixture('zotero.json').slice(0, 4096)), true);
            assert.equal(looksLikeCslJson('[]\n'), true);
            assert.equal(looksLikeCslJson('{ "name": "warrant", "version": "1.0.0" }'), false, 'package.json');
            assert.equal(looksLikeCslJson('{ "compilerOptions": { "strict": true } }'), false, 'tsconfig.json');
            assert.equal(looksLikeCslJson('[1, 2, 3]'), false);
            assert.equal(looksLikeCslJson('[{"name": "a"}]'), false, 'an array of other objects');
        });
    });

    describe('the key index', () => {
        it('indexes a Better BibTeX export: keys, types, lines, completion summaries', () => {
            const text = fixture('better-csl.json');
            const store = storeOf(text);
            assert.deepEqual(store.keys(), ['Hakim1993', 'Merton1948', 'AbbottMeerabeau1998', 'Anker1998', 'vanMaanen1988', 'HMGovernment2015', 'LSCBPage2016']);
            assert.equal(store.entryCount(URI), 7);
            assert.deepEqual(store.diagnostics(URI), []);
            // the definition lands on the `citation-key` value, Better BibTeX's key
            const key = at(text, '"citation-key": "Merton1948"', '"citation-key": "'.length);
            assert.deepEqual(store.lookup('Merton1948'), {
                uri: URI, key: 'Merton1948', line: key.line, column: key.column,
                entryLine: lineOf(text, '"id": "Merton1948"') - 1, endLine: lineOf(text, '"id": "AbbottMeerabeau1998"') - 2, entryType: 'article'
            });
            assert.equal(store.lookup('AbbottMeerabeau1998')!.entryType, 'incollection');
            assert.equal(store.lookup('HMGovernment2015')!.entryType, 'report');
            assert.equal(store.lookup('LSCBPage2016')!.entryType, 'online');
            assert.deepEqual(store.summary('vanMaanen1988'), { key: 'vanMaanen1988', type: 'book', line: lineOf(text, '"id": "vanMaanen1988"') - 1, title: 'Tales of the field: on writing ethnography', familyNames: ['van Maanen'], year: '1988' });
            assert.deepEqual(store.summary('HMGovernment2015')!.familyNames, ['HM Government']);
        });

        it('prefers `citation-key` to `id` (Zotero writes item URIs as ids)', () => {
            const text = fixture('zotero.json');
            const store = storeOf(text);
            assert.deepEqual(store.keys(), ['Dudau2018', 'http://zotero.org/users/local/k3Xq9PzA/items/QW7E2R4T']);
            const key = at(text, '"citation-key": "Dudau2018"', '"citation-key": "'.length);
            assert.deepEqual({ line: store.lookup('Dudau2018')!.line, column: store.lookup('Dudau2018')!.column }, key);
            assert.equal(store.has('http://zotero.org/users/local/k3Xq9PzA/items/8HJ3NQ2D'), false, 'the id is not a second key');
        });

        it('locates the key member of the item, not a nested one of the same name', () => {
            const text = '[{"citation-key": "K", "note": {"citation-key": "X"}}, {"id": "A", "id": "B"}]';
            const store = storeOf(text);
            assert.equal(store.lookup('K')!.column, '[{"citation-key": "'.length);
            assert.equal(store.lookup('B')!.column, text.indexOf('"B"') + 1, 'the last of duplicate members, as JSON.parse keeps');
            assert.equal(store.has('A'), false);
        });

        it('takes a numeric id, and an empty citation-key falls back to the id', () => {
            const store = storeOf('[{"id": 42, "title": "N"}, {"id": "B", "citation-key": " ", "title": "E"}]');
            assert.deepEqual(store.keys(), ['42', 'B']);
            assert.equal(store.lookup('42')!.column, '[{"id": '.length);
        });

        it('suggests near keys and authors for an unknown key, as for .bib files', () => {
            const store = storeOf(fixture('better-csl.json'));
            assert.deepEqual(store.nearestKeys('Merton1949', 1), ['Merton1948']);
            assert.deepEqual(store.nearestKeys('Hakim1995', 1), ['Hakim1993']);
            assert.deepEqual(store.nearestKeys('Maanen1988', 1), ['vanMaanen1988'], 'the surname with its particle');
        });

        it('gives the same index in time slices, yielding between them', async () => {
            const items = Array.from({ length: 2000 }, (_, i) => ({ id: `K${i}`, type: 'book', title: `Title ${i}`, author: [{ family: `F${i}`, given: 'G' }], issued: { 'date-parts': [[1900 + (i % 100)]] } }));
            const text = JSON.stringify(items, null, 1);
            let slices = 0;
            const sliced = await scanCslJsonAsync(text, { sliceMs: 0, isCancelled: () => (slices++, false) });
            const whole = scanCslJson(text);
            assert.ok(slices > 10, `yielded ${slices} times`);
            assert.deepEqual(sliced!.entries.map(e => [e.key, e.start, e.end, e.keyStart, e.raw]), whole.entries.map(e => [e.key, e.start, e.end, e.keyStart, e.raw]));
            assert.equal(await scanCslJsonAsync(text, { sliceMs: 0, isCancelled: () => true }), undefined, 'cancelled');
        });

        it('keeps BibTeX files to the BibTeX reader', () => {
            const store = new BibliographyStore({ preloadParser: false });
            store.update('file:///ws/refs.bib', '@book{B, title = {T}}');
            assert.deepEqual(store.keys(), ['B']);
            assert.equal(scanBibliography('@book{B, title = {T}}').details, undefined);
        });
    });

    describe('located problems', () => {
        it('invalid JSON: at the parser\'s position, the other items still loaded', () => {
            const text = '[\n  {"id": "A", "title": "a"},\n  {"id": "B", "title": "b" "year": 1},\n  {"id": "C"}\n]\n';
            const store = storeOf(text);
            assert.deepEqual(store.keys(), ['A', 'C']);
            const [problem, ...rest] = store.diagnostics(URI);
            assert.deepEqual(rest, []);
            assert.equal(problem!.code, 'bibliography-syntax');
            assert.deepEqual({ line: problem!.line, column: problem!.column }, at(text, '"year"'));
            assert.match(problem!.message, /^Item 2: Expected ',' or '}' after property value/);
        });

        it('a broken item (a quote missing) does not take the pretty-printed items after it', () => {
            for (const [indent, eol] of [[2, '\n'], ['\t', '\n'], [2, '\r\n']] as const) {
                const text = JSON.stringify([{ id: 'A', title: 'a' }, { id: 'B', title: 'b' }, { id: 'C', title: 'c' }, { id: 'D' }], null, indent)
                    .replace('"title": "b"', '"title": b"').replace(/\n/g, eol);
                const store = storeOf(text);
                assert.deepEqual(store.keys(), ['A', 'C', 'D']);
                const problems = store.diagnostics(URI);
                assert.deepEqual(problems.map(d => [d.line, d.column]), [[at(text, 'b"').line, at(text, 'b"').column]]);
            }
        });

        it('an unexpected token, for which the parser gives no position, is found again', () => {
            for (const [text, needle] of [
                ['[{"id": "A", "title": }]', '}]'],
                ['[{"id": "A"},\n {"id": tru}]', 'tru'],
                ['[{"id": "A", "n": [1, 2,]}]', ']}]'],
            ] as const) {
                const [problem] = storeOf(text).diagnostics(URI);
                assert.ok(problem, text);
                assert.deepEqual({ line: problem.line, column: problem.column }, at(text, needle), text);
                assert.doesNotMatch(problem.message, /is not valid JSON/, 'the parser\'s copy of the text is left out');
            }
        });

        it('the syntax check finds the first error of any JSON text, and none in valid JSON', () => {
            for (const valid of ['[]', ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]} ', '"s"', '0']) {
                assert.equal(firstSyntaxError(valid), -1, valid);
                assert.doesNotThrow(() => JSON.parse(valid));
            }
            for (const [invalid, offset] of [['[1,]', 3], ['{"a" 1}', 5], ['[01]', 2], ['["\\x"]', 2], ['[1', 2], ['[1] 2', 4], ['{"a":1,}', 7], ['"a\tb"', 2]] as const) {
                assert.equal(firstSyntaxError(invalid), offset, invalid);
                assert.throws(() => JSON.parse(invalid));
            }
            assert.equal(firstSyntaxError('['.repeat(100_000)), 100_000, 'deep nesting: no recursion');
        });

        it('not an array, an item that is no object, an item without a key: at the item', () => {
            const object = storeOf('  {"id": "A", "title": "a"}');
            assert.deepEqual(object.keys(), []);
            assert.deepEqual(object.diagnostics(URI).map(d => [d.line, d.column]), [[0, 2]]);
            assert.match(object.diagnostics(URI)[0]!.message, /one JSON object; a CSL-JSON bibliography is an array of items/);
            assert.match(storeOf('"text"').diagnostics(URI)[0]!.message, /holds a string/);
            assert.match(storeOf('@book{B, title={T}}').diagnostics(URI)[0]!.message, /looks like BibTeX: give it the extension \.bib/);
            assert.match(storeOf('nonsense').diagnostics(URI)[0]!.message, /Unexpected token/);

            const text = '[\n  {"id": "A"},\n  "B",\n  {"title": "no key"},\n  {"id": ""}\n]';
            const store = storeOf(text);
            assert.deepEqual(store.keys(), ['A']);
            const problems = store.diagnostics(URI);
            assert.deepEqual(problems.map(d => [d.line, d.column]), [[2, 2], [3, 2], [4, 2]]);
            assert.match(problems[0]!.message, /Item 2 is a string, not a CSL item/);
            assert.match(problems[1]!.message, /Item 3 has no "id" or "citation-key"/);
        });

        it('the array\'s own punctuation: a trailing comma, a missing comma, an unclosed array, text after it', () => {
            const trailing = '[{"id": "A"},\n]';
            assert.deepEqual(storeOf(trailing).diagnostics(URI).map(d => [d.line, d.column, d.message]), [[0, 12, 'A \',\' after the last item: JSON allows none.']]);
            const missing = '[{"id": "A"}\n {"id": "B"}]';
            const store = storeOf(missing);
            assert.deepEqual(store.keys(), ['A', 'B'], 'read on after the missing comma');
            assert.deepEqual(store.diagnostics(URI).map(d => [d.line, d.column]), [[1, 1]]);
            assert.match(storeOf('[{"id": "A"}').diagnostics(URI)[0]!.message, /not closed: ']' is missing/);
            assert.deepEqual(storeOf('[{"id": "A"}] x').diagnostics(URI).map(d => [d.line, d.column]), [[0, 14]]);
        });

        it('duplicate keys at the later definitions (the first one is used)', () => {
            const text = '[\n  {"id": "A", "title": "first"},\n  {"id": "a", "title": "case variant"},\n  {"id": "X", "citation-key": "A", "title": "second"}\n]';
            const store = storeOf(text);
            const problems = store.diagnostics(URI);
            assert.deepEqual(problems.map(d => [d.code, d.line, d.column, d.endColumn]), [['duplicate-key', 3, 31, 32]]);
            assert.match(problems[0]!.message, /Duplicate key 'A': already defined at line 2/);
            assert.equal(store.entry('A')!.title, 'first');
            assert.equal(store.entryCount(URI), 3);
        });

        it('a key with a bidirectional control is reported', () => {
            const store = storeOf('[{"id": "Hall2005\u202e"}]');
            assert.match(store.diagnostics(URI)[0]!.message, /invisible or bidirectional control/);
        });

        it('reads at most MAX_ITEMS items, so that a file of millions of tiny items cannot fill the memory', () => {
            const text = `[${'{"id":"a"},'.repeat(MAX_ITEMS + 10)}{"id":"b"}]`;
            const store = storeOf(text);
            assert.deepEqual(store.keys(), ['a']);
            assert.equal(store.entryCount(URI), MAX_ITEMS);
            const problems = store.diagnostics(URI);
            assert.equal(problems.length, MAX_ITEMS, 'one duplicate-key problem per later item, and the cap');
            const cap = problems[problems.length - 1]!;
            assert.match(cap.message, /more than 100,000 items: the rest are not read/);
            assert.equal(cap.column, 1 + MAX_ITEMS * '{"id":"a"},'.length, 'at the first item not read');
        });

        it('never throws and stays linear on hostile input', () => {
            const inputs = [
                '', '   ', '[', ']', '[[[[', '['.repeat(200_000), '[' + '{"a":'.repeat(50_000), '[{"id": "A", "author": {"family": 1}}]',
                '[{"id": "A", "issued": {"date-parts": "1999"}, "author": [null, 3, "Lit", {"given": "Only"}], "editor": "x"}]',
                '[{"id": "A", "issued": {"date-parts": [[null], ["x"]]}, "accessed": 5, "title": ["array"], "type": "__proto__"}]',
                '[{"id": "__proto__"}, {"id": "constructor"}, {"id": "A", "__proto__": {"title": "polluted"}}]',
                '\0\0\0binary', '[\n' + '{"id":"A"},'.repeat(10_000) + ']',
            ];
            for (const text of inputs) {
                const store = storeOf(text);
                for (const key of store.keys()) {
                    assert.doesNotThrow(() => formatReference(store.entry(key)!, { markdown: true }), `${text.slice(0, 40)}: ${key}`);
                }
                assert.ok(Array.isArray(store.diagnostics(URI)));
            }
            const proto = storeOf('[{"id": "__proto__", "title": "T"}]');
            assert.deepEqual(proto.keys(), ['__proto__']);
            assert.equal(proto.entry('__proto__')!.title, 'T');
            assert.equal(proto.lookup('__proto__')!.entryType, 'misc');
        });
    });

    describe('entry details', () => {
        it('maps CSL items onto the entry shape (table)', () => {
            const table: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
                ['family and given', { author: [{ family: 'Merton', given: 'Robert K.' }] }, { authors: ['Merton, R. K.'], familyNames: ['Merton'] }],
                ['non-dropping particle', { author: [{ family: 'Maanen', given: 'John', 'non-dropping-particle': 'van' }] }, { authors: ['van Maanen, J.'], familyNames: ['van Maanen'] }],
                ['dropping particle', { author: [{ family: 'Humboldt', given: 'Alexander', 'dropping-particle': 'von' }] }, { familyNames: ['von Humboldt'] }],
                ['suffix', { author: [{ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }] }, { authors: ['King, M. L., Jr.'] }],
                ['institution (literal)', { author: [{ literal: 'World Health Organization' }] }, { authors: ['World Health Organization'], familyNames: ['World Health Organization'] }],
                ['given name only', { author: [{ given: 'Plato' }] }, { authors: ['Plato'] }],
                ['editors when no author', { editor: [{ family: 'Abbott', given: 'Pamela' }] }, { authors: [], editors: ['Abbott, P.'], familyNames: ['Abbott'] }],
                ['date-parts, year only', { issued: { 'date-parts': [[1948]] } }, { year: '1948', date: '1948' }],
                ['date-parts, full date as strings', { issued: { 'date-parts': [['2018', '3', '1']] } }, { year: '2018', date: '2018-03-01' }],
                ['date-parts range', { issued: { 'date-parts': [[2018], [2019]] } }, { year: '2018', date: '2018/2019' }],
                ['raw date', { issued: { raw: 'Spring 1993' } }, { year: '1993', date: 'Spring 1993' }],
                ['literal date', { issued: { literal: 'n.d.' } }, { year: undefined, date: 'n.d.' }],
                ['no date', {}, { year: undefined, date: undefined }],
                ['journal article', { type: 'article-journal', title: 'T', 'container-title': 'J', volume: 13, issue: '5', page: '505-515', DOI: 'https://doi.org/10.2307/2087142' },
                    { type: 'article', container: 'J', volume: '13', number: '5', pages: '505–515', doi: '10.2307/2087142' }],
                ['report number', { type: 'report', number: '7', issue: '2', publisher: 'Home Office', genre: 'Research report' }, { number: '7', container: 'Home Office', publisher: 'Home Office' }],
                ['markup in titles', { title: 'On <i>The Prince</i>' }, { title: 'On The Prince' }],
                ['missing everything', {}, { title: undefined, authors: [], editors: [], container: undefined, doi: undefined, url: undefined, partial: false }],
            ];
            for (const [name, item, expected] of table) {
                const details = detailsOf(item) as unknown as Record<string, unknown>;
                for (const [field, value] of Object.entries(expected)) {
                    assert.deepEqual(details[field], value, `${name}: ${field}`);
                }
            }
        });

        it('completion summaries read titles and names exactly as the hover shows them', () => {
            const title = 'A -- B --- C ~ d `` e \'\' $x$ {y} 50% #1 a_b & c \\emph{z} \\';
            const family = 'O\'Brien {&} $on';
            const store = storeOf(JSON.stringify([{ id: 'K', title, author: [{ family, given: 'Ann' }] }]));
            assert.equal(store.entry('K')!.title, title);
            assert.equal(store.summary('K')!.title, title);
            assert.deepEqual(store.summary('K')!.familyNames, [family]);
            assert.deepEqual(store.entry('K')!.familyNames, [family]);
        });

        it('formats references like .bib entries', () => {
            const store = storeOf(fixture('better-csl.json'));
            const reference = (key: string) => formatReference(store.entry(key)!);
            assert.equal(reference('Hakim1993'), 'Hakim, C. (1993). Segregated and integrated occupations: a new approach to analysing social change. European Sociological Review, 9(3), 289–314. https://doi.org/10.1093/oxfordjournals.esr.a036682');
            assert.equal(reference('AbbottMeerabeau1998'), 'Abbott, P., & Meerabeau, L. (1998). Professionals, professionalization and the caring professions. In P. Abbott & L. Meerabeau (Eds.), The sociology of the caring professions. Routledge.');
            assert.equal(reference('vanMaanen1988'), 'van Maanen, J. (1988). Tales of the field: on writing ethnography. University of Chicago Press.');
            assert.equal(reference('LSCBPage2016'), 'Cardiff and Vale Local Safeguarding Children Board. (2016). About the board. https://www.cardiffandvalelscb.org.uk/about (accessed 2016-02-10)');
            assert.match(reference('HMGovernment2015'), /^HM Government\. \(2015\)\. Working together to safeguard children\. Department for Education\. https:\/\/www\.gov\.uk\/\S+ \(accessed 2024-01-05\)$/);
            const thesis = storeOf('[{"id": "T", "type": "thesis", "title": "On care", "genre": "PhD thesis", "publisher": "Cardiff University", "author": [{"family": "Doe", "given": "Jane"}], "issued": {"date-parts": [[2015]]}}]');
            assert.equal(formatReference(thesis.entry('T')!), 'Doe, J. (2015). On care [PhD thesis, Cardiff University].');
        });

        it('escapes hostile strings in the hover as it does for .bib entries', () => {
            const store = storeOf(JSON.stringify([{
                id: 'H', type: 'article-journal',
                title: 'Evil <script>alert(1)</script> *bold* [x](javascript:alert(1)) \u202etxt.exe',
                author: [{ family: '<img src=x onerror=alert(1)>', given: 'A' }],
                'container-title': '&amp; `code`',
                URL: 'javascript:alert(1)',
            }]));
            const markdown = formatReference(store.entry('H')!, { markdown: true });
            // Once the backslash-escaped characters are taken out, nothing is left that starts markup, a link or an entity.
            assert.ok(!/[<>[\]&`]/.test(markdown.replace(/\\./g, '')), markdown);
            assert.ok(!markdown.includes('\u202e'), 'no raw bidi control');
            assert.match(markdown, /⟨U\+202E⟩/, 'the bidi control is shown, not applied');
            assert.match(markdown, /URL not shown/);
            assert.match(markdown, /\\\*bold\\\*/);
        });

        it('leaves out values too long to show, as in .bib files', () => {
            const details = detailsOf({ title: 'x'.repeat(100_000), 'container-title': 'J' });
            assert.equal(details.title, undefined);
            assert.equal(details.container, 'J');
        });
    });
});
