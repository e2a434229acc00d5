import assert from 'node:assert/strict';
import { BibliographyStore } from '../../language/bibliography/bibliography-store.js';
import { loadBibtexParser } from '../../language/bibliography/details.js';
import { fixture, lineOf } from './helpers.js';

const REFS = 'file:///ws/references.bib';
const BROKEN = 'file:///ws/malformed.bib';
const OTHER = 'file:///ws/other.bib';

describe('BibliographyStore', () => {
    const references = fixture('references.bib');
    const malformed = fixture('malformed.bib');

    before(async function () {
        this.timeout(60000);
        await loadBibtexParser();
    });

    it('answers has, lookup and keys across files', () => {
        const store = new BibliographyStore();
        store.update(REFS, references);
        store.update(BROKEN, malformed);
        assert.equal(store.has('Merton1948'), true);
        assert.equal(store.has('Good2'), true);
        assert.equal(store.has('merton1948'), false, 'keys are case-sensitive');
        assert.equal(store.has('Nope'), false);
        assert.deepEqual(store.lookup('Hall2005'), {
            uri: REFS, key: 'Hall2005', line: lineOf(references, '@article{Hall2005'), column: '@article{'.length,
            entryLine: lineOf(references, '@article{Hall2005'), endLine: lineOf(references, '@article{Dudau2018') - 2, entryType: 'article'
        });
        assert.equal(store.lookup('Good6')!.uri, BROKEN);
        assert.equal(store.keys().length, 9 + 11);
        assert.deepEqual(store.uris(), [REFS, BROKEN]);
        assert.equal(store.entryCount(REFS), 9);
        assert.equal(store.entryCount(BROKEN), 12);
    });

    it('restricts queries to some files', () => {
        const store = new BibliographyStore();
        store.update(REFS, references);
        store.update(BROKEN, malformed);
        assert.equal(store.has('Good1', [REFS]), false);
        assert.equal(store.has('Good1', new Set([BROKEN])), true);
        assert.deepEqual(store.keys([BROKEN]).slice(0, 2), ['Good1', 'MissingBrace']);
        assert.deepEqual(store.nearestKeys('Good', 3, [REFS]), []);
        assert.deepEqual(store.nearestKeys('good2', 1, [BROKEN]), ['Good2']);
    });

    it('reports diagnostics per file with 0-based ranges and codes', () => {
        const store = new BibliographyStore();
        store.update(BROKEN, malformed);
        const diagnostics = store.diagnostics(BROKEN);
        assert.equal(diagnostics.length, 8);
        const duplicate = diagnostics.find(d => d.code === 'duplicate-key')!;
        assert.deepEqual({ ...duplicate, message: '' }, {
            line: lineOf(malformed, '@misc{Good1'), column: 6, endLine: lineOf(malformed, '@misc{Good1'), endColumn: 11, code: 'duplicate-key', message: ''
        });
        assert.ok(diagnostics.filter(d => d.code === 'bibliography-syntax').every(d => d.message.length > 0));
        assert.deepEqual(store.diagnostics(REFS), [], 'unknown file: no diagnostics');
        store.update(REFS, references);
        assert.deepEqual(store.diagnostics(REFS), []);
    });

    it('re-indexes only when the text changes', () => {
        const store = new BibliographyStore();
        assert.equal(store.update(REFS, references), true);
        const index = store.index(REFS);
        assert.equal(store.update(REFS, references), false);
        assert.equal(store.update(REFS, (' ' + references).slice(1)), false, 'an equal string, not the same object');
        assert.equal(store.index(REFS), index);
        assert.equal(store.update(REFS, references.replace('Merton1948', 'Merton1949')), true);
        assert.equal(store.has('Merton1948'), false);
        assert.equal(store.has('Merton1949'), true);
    });

    it('forgets a removed file', () => {
        const store = new BibliographyStore();
        store.update(REFS, references);
        store.update(OTHER, '@misc{Only, title={Other}}');
        assert.equal(store.remove(REFS), true);
        assert.equal(store.remove(REFS), false);
        assert.equal(store.has('Merton1948'), false);
        assert.deepEqual(store.keys(), ['Only']);
        assert.deepEqual(store.diagnostics(REFS), []);
        assert.equal(store.entry('Merton1948'), undefined);
    });

    it('resolves a key defined in two files to the file loaded first, even after an update', () => {
        const store = new BibliographyStore();
        store.update(REFS, '@misc{Shared, title={From refs}}');
        store.update(OTHER, '@misc{Shared, title={From other}}');
        assert.equal(store.lookup('Shared')!.uri, REFS);
        store.update(REFS, '@misc{Shared, title={From refs, edited}}');
        assert.equal(store.lookup('Shared')!.uri, REFS);
        assert.equal(store.entry('Shared')!.title, 'From refs, edited');
        assert.equal(store.lookup('Shared', [OTHER])!.uri, OTHER);
        store.remove(REFS);
        assert.equal(store.lookup('Shared')!.uri, OTHER);
    });

    it('parses entry details lazily and caches them until the file changes', async () => {
        const store = new BibliographyStore();
        store.update(REFS, references);
        const first = store.entry('Merton1948')!;
        assert.equal(first.partial, false);
        assert.equal(first.authors[0], 'Merton, R. K.');
        assert.equal(store.entry('Merton1948'), first, 'cached');
        store.update(REFS, references.replace('Merton, Robert K.', 'Merton, Robert King'));
        assert.notEqual(store.entry('Merton1948'), first);
        assert.deepEqual((await store.entryAsync('Merton1948'))!.authorNames, [{ family: 'Merton', given: 'Robert King' }]);
        assert.equal(await store.entryAsync('Nope'), undefined);
    });

    it('gives cheap summaries and suggestions', () => {
        const store = new BibliographyStore();
        store.update(REFS, references);
        assert.deepEqual(store.summary('Dudau2018'), {
            key: 'Dudau2018', type: 'article', line: lineOf(references, '@article{Dudau2018'),
            title: 'Failure in Welfare Partnerships — a Gender Hypothesis', familyNames: ['Dudau', 'McAllister'], year: '2018'
        });
        assert.deepEqual(store.nearestKeys('Hakim1994'), ['Hakim1993']);
        assert.deepEqual(store.nearestKeys('hall2005'), ['Hall2005']);
        store.update(OTHER, '@misc{Hall2006}');
        assert.deepEqual(store.nearestKeys('hall2005'), ['Hall2005', 'Hall2006']);
    });

    it('keeps the usable entries of a malformed file', () => {
        const store = new BibliographyStore();
        store.update(BROKEN, malformed);
        assert.equal(store.entry('Good2')!.title, 'Key stays usable after a broken entry');
        assert.equal(store.entry('MissingBrace')!.year, '2002');
        assert.equal(store.lookup('Good6')!.line, lineOf(malformed, '@misc{Good6'));
    });

    it('never throws on binary or empty content', () => {
        const store = new BibliographyStore();
        store.update(OTHER, '\u0000\u0001binary');
        assert.equal(store.keys().length, 0);
        assert.equal(store.diagnostics(OTHER).length, 1);
        store.update(OTHER, '');
        assert.deepEqual(store.diagnostics(OTHER), []);
    });

    it('updates asynchronously, ignoring a result overtaken by a newer update', async () => {
        const store = new BibliographyStore();
        assert.equal(await store.updateAsync(REFS, references, { sliceMs: 0.1 }), true);
        assert.equal(store.has('Merton1948'), true);
        assert.equal(await store.updateAsync(REFS, references), false, 'unchanged');
        const slow = store.updateAsync(REFS, references + '\n@misc{Slow}', { sliceMs: 0 });
        store.update(REFS, references + '\n@misc{Fast}');
        assert.equal(await slow, false);
        assert.equal(store.has('Fast'), true);
        assert.equal(store.has('Slow'), false);
        assert.equal(await store.updateAsync(OTHER, '@misc{X}', { isCancelled: () => true }), true, 'a small file is scanned in one slice');
    });
});
