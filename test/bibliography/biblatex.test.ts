import assert from 'node:assert/strict';
import { BibliographyStore } from '../../language/bibliography/bibliography-store.js';
import { loadBibtexParser } from '../../language/bibliography/details.js';
import { formatReference } from '../../language/bibliography/format.js';

const URI = 'file:///ws/refs.bib';

function storeOf(text: string): BibliographyStore {
    const store = new BibliographyStore();
    store.update(URI, text);
    return store;
}

describe('BibLaTeX fields and entry types in .bib files', () => {
    before(async function () {
        this.timeout(60000);
        await loadBibtexParser();
    });

    it('`date` gives the year when there is no `year`, in the summary and in the details', () => {
        for (const [date, year] of [['2018-03', '2018'], ['2018/2019', '2018'], ['2018-03-01', '2018'], ['1993-12/1994-01', '1993']] as const) {
            const store = storeOf(`@article{K, author = {Hakim, Catherine}, title = {T}, journaltitle = {J}, date = {${date}}}`);
            assert.equal(store.summary('K')!.year, year, date);
            const details = store.entry('K')!;
            assert.equal(details.year, year, date);
            assert.equal(details.date, date);
            assert.match(formatReference(details), new RegExp(`^Hakim, C\\. \\(${year}\\)\\.`));
        }
        const both = storeOf('@article{K, title = {T}, year = {1995}, date = {2018-03}}');
        assert.equal(both.entry('K')!.year, '1995', '`year` wins when both are there');
        assert.equal(both.summary('K')!.year, '1995');
    });

    it('`journaltitle` is the container when there is no `journal`', () => {
        const store = storeOf('@article{A, title = {T}, journaltitle = {European Sociological Review}, volume = 9, number = 3, pages = {289--314}, year = 1993}\n'
            + '@article{B, title = {T}, journal = {American Sociological Review}, journaltitle = {Other}, year = 1948}');
        assert.equal(store.entry('A')!.container, 'European Sociological Review');
        assert.equal(formatReference(store.entry('A')!), 'T. (1993). European Sociological Review, 9(3), 289–314.');
        assert.equal(store.entry('B')!.container, 'American Sociological Review');
    });

    it('BibLaTeX entry types are indexed without noise', () => {
        const types = ['online', 'report', 'thesis', 'dataset', 'software', 'collection', 'reference', 'mvbook', 'mvcollection', 'inreference', 'periodical', 'patent', 'unpublished'];
        const store = storeOf(types.map((type, i) => `@${type}{K${i}, author = {Doe, Jane}, title = {Title ${i}}, date = {2020}, langid = {english}}`).join('\n'));
        assert.deepEqual(store.diagnostics(URI), []);
        types.forEach((type, i) => {
            assert.equal(store.lookup(`K${i}`)!.entryType, type);
            const details = store.entry(`K${i}`)!;
            assert.deepEqual(details.problems, [], type);
            assert.equal(details.partial, false);
            assert.equal(details.year, '2020');
        });
    });

    it('`langid` is read (English titles sentence-cased), never reported or shown', () => {
        const store = storeOf('@book{E, title = {Tales of the Field: On Writing Ethnography}, langid = {english}, date = 1988}\n'
            + '@book{G, title = {Die Protestantische Ethik}, langid = {ngerman}, date = 1905}');
        assert.deepEqual(store.diagnostics(URI), []);
        assert.deepEqual(store.entry('E')!.problems, []);
        assert.equal(store.entry('E')!.title, 'Tales of the field: On writing ethnography');
        assert.equal(store.entry('G')!.title, 'Die Protestantische Ethik', 'not English: the case is kept');
        assert.doesNotMatch(formatReference(store.entry('E')!), /english/);
    });

    it('`urldate` shows when an online source was read; not for a DOI', () => {
        const store = storeOf([
            '@online{WHO2024, author = {{World Health Organization}}, title = {Gender and health}, date = {2024-01},',
            '  url = {https://www.who.int/health-topics/gender}, urldate = {2024-01-05}, langid = {english}}',
            '@article{D, author = {Dudau, Adina}, title = {T}, journaltitle = {J}, date = 2019, doi = {10.1177/0952076717751037}, url = {https://example.org/x}, urldate = {2024-01-05}}',
        ].join('\n'));
        assert.equal(store.entry('WHO2024')!.accessed, '2024-01-05');
        assert.equal(formatReference(store.entry('WHO2024')!), 'World Health Organization. (2024). Gender and health. https://www.who.int/health-topics/gender (accessed 2024-01-05)');
        assert.match(formatReference(store.entry('WHO2024')!, { markdown: true }), /\]\(https:\/\/www\.who\.int\/health-topics\/gender\) \(accessed 2024-01-05\)$/);
        assert.doesNotMatch(formatReference(store.entry('D')!), /accessed/);
        assert.doesNotMatch(formatReference(store.entry('WHO2024')!, { link: false }), /accessed/, 'no link, no access date');
    });

    it('BibLaTeX `type` keys of theses and reports are spelled out', () => {
        const store = storeOf('@thesis{T, author = {Doe, Jane}, title = {On care}, type = {phdthesis}, institution = {Cardiff University}, date = 2015}\n'
            + '@thesis{M, author = {Doe, Jane}, title = {On care}, type = {mathesis}, institution = {Cardiff University}, date = 2012}\n'
            + '@report{R, author = {Doe, Jane}, title = {Safeguarding}, type = {techreport}, number = {7}, institution = {Home Office}, date = 2014}\n'
            + '@thesis{O, author = {Doe, Jane}, title = {On care}, type = {Habilitationsschrift}, institution = {Uni}, date = 2012}');
        assert.equal(formatReference(store.entry('T')!), 'Doe, J. (2015). On care [Doctoral dissertation, Cardiff University].');
        assert.equal(formatReference(store.entry('M')!), 'Doe, J. (2012). On care [Master\'s thesis, Cardiff University].');
        assert.equal(formatReference(store.entry('R')!), 'Doe, J. (2014). Safeguarding (Technical report No. 7). Home Office.');
        assert.equal(formatReference(store.entry('O')!), 'Doe, J. (2012). On care [Habilitationsschrift, Uni].', 'other kinds as written');
    });
});
