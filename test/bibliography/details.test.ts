import assert from 'node:assert/strict';
import {
    formatNameDirect, formatNameInverted, initials, loadBibtexParser, parseEntryDetails, partialDetails, reduceForParser, searchText, stripMarkup, summarize,
    type BibEntryDetails
} from '../../language/bibliography/details.js';
import { formatReference } from '../../language/bibliography/format.js';
import { scanBibliography, type BibIndex } from '../../language/bibliography/scanner.js';
import { fixture, lineOf } from './helpers.js';

function detailsOf(index: BibIndex, key: string): BibEntryDetails {
    const entry = index.byKey.get(key);
    assert.ok(entry, `no entry ${key}`);
    return parseEntryDetails(index, entry, parent => {
        const found = index.byKey.get(parent);
        return found ? parseEntryDetails(index, found) : undefined;
    });
}

function detailsOfText(text: string, key: string): BibEntryDetails {
    return detailsOf(scanBibliography(text), key);
}

describe('bibliography entry details', () => {
    const references = scanBibliography(fixture('references.bib'));

    before(async function () {
        this.timeout(60000);
        await loadBibtexParser();
    });

    it('normalises an article: names, sentence-cased title, @string journal, pages, month', () => {
        const merton = detailsOf(references, 'Merton1948');
        assert.equal(merton.partial, false);
        assert.equal(merton.type, 'article');
        assert.deepEqual(merton.authors, ['Merton, R. K.']);
        assert.deepEqual(merton.authorNames, [{ family: 'Merton', given: 'Robert K.' }]);
        assert.equal(merton.title, 'The bearing of empirical research upon the development of sociological theory');
        assert.equal(merton.container, 'American Sociological Review');
        assert.equal(merton.year, '1948');
        assert.equal(merton.volume, '13');
        assert.equal(merton.number, '5');
        assert.equal(merton.pages, '505–515');
        assert.equal(merton.fields.month, '10');
        assert.deepEqual(merton.problems, []);
    });

    it('decodes TeX accents and keeps name particles', () => {
        const muller = detailsOf(references, 'Muller2010');
        assert.deepEqual(muller.authors, ['Müller, J.', 'de la Vallée Poussin, C.-J.', 'Gaçon, F.']);
        assert.deepEqual(muller.familyNames, ['Müller', 'de la Vallée Poussin', 'Gaçon']);
        assert.equal(muller.publisher, 'Universität Bielefeld');
        // A German entry keeps its title's case.
        assert.equal(muller.title, 'Vertrauen in Netzwerken der Kinder- und Jugendhilfe');
    });

    it('takes year from date, strips a DOI resolver, keeps case-protected words', () => {
        const dudau = detailsOf(references, 'Dudau2018');
        assert.equal(dudau.year, '2018');
        assert.equal(dudau.date, '2018-03');
        assert.equal(dudau.doi, '10.1080/14719037.2017.1285114');
        assert.equal(dudau.container, 'Public Management Review');
        assert.equal(detailsOf(references, 'HomeOffice2013').title, 'Police workforce, England and Wales, 31 March 2013');
        assert.deepEqual(detailsOf(references, 'HomeOffice2013').authors, ['Home Office']);
    });

    it('capitalises the first word after a colon (APA) in English titles', () => {
        assert.equal(detailsOf(references, 'Hakim1993').title, 'Segregated and integrated occupations: A new approach to analysing social change');
    });

    it('gives chapters their editors and book title, and follows crossref', () => {
        const strauss = detailsOf(references, 'Strauss1990');
        assert.deepEqual(strauss.editors, ['Denzin, N. K.', 'Lincoln, Y. S.']);
        assert.equal(strauss.container, 'Handbook of qualitative research');
        const crossref = detailsOfText(`@incollection{Child, author={Doe, Jane}, title={A Chapter}, crossref={Parent}, pages={1--9}}
@book{Parent, editor={Smith, Ann}, title={The Big Book}, publisher={Routledge}, year=2020}`, 'Child');
        assert.deepEqual(crossref.editors, ['Smith, A.']);
        assert.equal(crossref.container, 'The big book');
        assert.equal(crossref.publisher, 'Routledge');
        assert.equal(crossref.year, '2020');
    });

    it('renders every field as plain text, without the parser\'s HTML markup', () => {
        const d = detailsOfText('@misc{M, title = {On \\emph{Italic} and \\textbf{Bold} {DNA}}, note = {See \\url{https://x.org}}}', 'M');
        // As in BibTeX, a command's braced argument is protected from case changes.
        assert.equal(d.title, 'On Italic and Bold DNA');
        assert.doesNotMatch(JSON.stringify(d.fields), /<\/?(span|i|b)\b/);
        assert.equal(stripMarkup('<span class="nocase">DNA</span> <i>x</i>'), 'DNA x');
    });

    it('reports the parser\'s own errors with their lines in the .bib file', () => {
        const text = '@misc{Ok, title={x}}\n\n@article{Bad,\n  title = {Unknown \\foo{macro}},\n  author = {A, B, C, D, E},\n  year = 2000\n}\n';
        const d = detailsOfText(text, 'Bad');
        const messages = d.problems.map(p => p.message);
        assert.ok(messages.some(m => /unhandled macro \\foo/.test(m)), JSON.stringify(messages));
        assert.ok(messages.some(m => /5-part name/.test(m)), JSON.stringify(messages));
        for (const p of d.problems) {
            assert.ok(p.line >= lineOf(text, '@article{Bad') && p.line <= lineOf(text, '  year = 2000'));
        }
        assert.equal(d.problems.find(p => /unhandled macro/.test(p.message))!.line, lineOf(text, 'Unknown \\foo'));
    });

    it('maps a syntax error inside an entry to its line', () => {
        const text = '@misc{A, title={x}}\n@article{Broken,\n  title = {ok},\n  year 2000\n}\n';
        const d = detailsOfText(text, 'Broken');
        assert.ok(d.problems.length > 0);
        assert.equal(d.problems[0]!.line, lineOf(text, '  year 2000'));
        assert.doesNotMatch(d.problems[0]!.message, /at line/);
    });

    it('repairs an unclosed entry before parsing it, so its fields stay usable', () => {
        const malformed = scanBibliography(fixture('malformed.bib'));
        const d = detailsOf(malformed, 'MissingBrace');
        assert.equal(d.title, 'The closing brace is missing');
        assert.deepEqual(d.authors, ['Doe, J.']);
        assert.equal(d.year, '2002');
        assert.equal(detailsOf(malformed, 'Good2').title, 'Key stays usable after a broken entry');
    });

    it('keeps the abstract and other long free text away from the slow parser, preserving lines', () => {
        const text = '@article{A,\n  abstract = {Long \\emph{text}\n  over two lines},\n  file = {a.pdf},\n  title = {T \\foo},\n  year = 2000\n}';
        const reduced = reduceForParser(text);
        assert.equal(reduced.text, '@article{A,\n  abstract = {\n},\n  file = {},\n  title = {T \\foo},\n  year = 2000\n}');
        assert.equal(reduced.abstract, 'Long \\emph{text}\n  over two lines');
        const d = detailsOfText(text, 'A');
        assert.equal(d.abstract, 'Long text over two lines');
        assert.equal(d.fields.abstract, undefined);
        assert.equal(d.problems.find(p => /unhandled macro/.test(p.message))!.line, 4);
    });

    it('falls back to the raw fields for a huge entry, never throws on deep nesting', () => {
        const huge = detailsOfText(`@misc{Huge, author={Doe, Jane}, title={Huge}, abstract={${'x '.repeat(150000)}}}`, 'Huge');
        assert.equal(huge.partial, true);
        assert.equal(huge.title, 'Huge');
        assert.match(huge.problems[0]!.message, /too large/);
        const deep = detailsOfText(`@misc{Deep, title=${'{'.repeat(3000)}x${'}'.repeat(3000)}}`, 'Deep');
        assert.equal(deep.key, 'Deep');
    });

    it('gives partial details and summaries from the raw fields alone', () => {
        const entry = references.byKey.get('Muller2010')!;
        const partial = partialDetails(entry);
        assert.equal(partial.partial, true);
        assert.deepEqual(partial.authors, ['Müller, J.', 'de la Vallée Poussin, C.-J.', 'Gaçon, F.']);
        assert.equal(partial.title, 'Vertrauen in Netzwerken der Kinder- und Jugendhilfe');
        const summary = summarize(references.byKey.get('Merton1948')!);
        assert.deepEqual(summary, {
            key: 'Merton1948', type: 'article', line: lineOf(fixture('references.bib'), '@article{Merton1948'), familyNames: ['Merton'], year: '1948',
            title: 'The Bearing of Empirical Research upon the Development of Sociological Theory'
        });
    });

    it('builds search text from key, family names, year and title, with accent-free copies', () => {
        assert.equal(searchText(detailsOf(references, 'Merton1948')), 'Merton1948 Merton 1948 The bearing of empirical research upon the development of sociological theory');
        const muller = searchText(detailsOf(references, 'Muller2010'));
        assert.match(muller, /Müller/);
        assert.match(muller, /\bmuller\b/);
        assert.match(muller, /\bgacon\b/);
    });

    describe('names', () => {
        it('abbreviates given names to initials', () => {
            assert.equal(initials('Robert K.'), 'R. K.');
            assert.equal(initials('Anne-Marie'), 'A.-M.');
            assert.equal(initials('R.K.'), 'R. K.');
            assert.equal(initials('Émile'), 'É.');
            assert.equal(initials('  '), '');
        });

        it('formats names inverted and direct', () => {
            assert.equal(formatNameInverted({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }), 'King, M. L., Jr.');
            assert.equal(formatNameInverted({ family: 'Berg', given: 'Jan', prefix: 'van der' }), 'van der Berg, J.');
            assert.equal(formatNameInverted({ family: 'World Health Organization', literal: true }), 'World Health Organization');
            assert.equal(formatNameDirect({ family: 'Denzin', given: 'Norman K.' }), 'N. K. Denzin');
        });
    });
});

describe('formatReference (APA-like)', () => {
    const references = scanBibliography(fixture('references.bib'));

    before(async function () {
        this.timeout(60000);
        await loadBibtexParser();
    });

    it('formats a journal article', () => {
        assert.equal(formatReference(detailsOf(references, 'Merton1948')),
            'Merton, R. K. (1948). The bearing of empirical research upon the development of sociological theory. American Sociological Review, 13(5), 505–515.');
        assert.equal(formatReference(detailsOf(references, 'Dudau2018')),
            'Dudau, A., & McAllister, L. (2018). Failure in welfare partnerships — a gender hypothesis. Public Management Review, 20(3), 372–392. https://doi.org/10.1080/14719037.2017.1285114');
    });

    it('formats a book, with italics in Markdown', () => {
        assert.equal(formatReference(detailsOf(references, 'Glaser1967')),
            'Glaser, B. G., & Strauss, A. L. (1967). The discovery of grounded theory: Strategies for qualitative research. Aldine.');
        assert.equal(formatReference(detailsOf(references, 'Hakim1993'), { markdown: true }),
            'Hakim, C. (1993). *Segregated and integrated occupations: A new approach to analysing social change*. Oxford University Press.');
    });

    it('formats a chapter in an edited book', () => {
        assert.equal(formatReference(detailsOf(references, 'Strauss1990')),
            'Strauss, A., & Corbin, J. (1994). Grounded theory methodology: An overview. In N. K. Denzin & Y. S. Lincoln (Eds.), Handbook of qualitative research (pp. 273–285). Sage.');
    });

    it('formats a report and an online source by a group author', () => {
        assert.equal(formatReference(detailsOf(references, 'HomeOffice2013')),
            'Home Office. (2013). Police workforce, England and Wales, 31 March 2013 (Statistical Bulletin No. HOSB 05/13). https://www.gov.uk/government/statistics/police-workforce-england-and-wales-31-march-2013');
        assert.equal(formatReference(detailsOf(references, 'ONS2021'), { link: false }),
            'Office for National Statistics. (2021). Gender pay gap in the UK: 2021.');
    });

    it('formats a thesis', () => {
        assert.equal(formatReference(detailsOf(references, 'Muller2010')),
            'Müller, J., de la Vallée Poussin, C.-J., & Gaçon, F. (2010). Vertrauen in Netzwerken der Kinder- und Jugendhilfe [Doctoral dissertation, Universität Bielefeld].');
    });

    it('formats an edited book, a work without author or date, and many authors', () => {
        assert.equal(formatReference(detailsOfText('@book{E, editor={Smith, Ann and Jones, Bob}, title={Collected Papers}, publisher={Sage}, year=2001, edition=2}', 'E')),
            'Smith, A., & Jones, B. (Eds.). (2001). Collected papers (2nd ed.). Sage.');
        assert.equal(formatReference(detailsOfText('@misc{N, title={Anonymous Pamphlet}}', 'N')), 'Anonymous pamphlet. (n.d.).');
        const many = Array.from({ length: 22 }, (_, i) => `Author${String.fromCharCode(65 + i)}, X.`).join(' and ');
        const formatted = formatReference(detailsOfText(`@article{M, author={${many}}, title={T}, journal={J}, year=2000}`, 'M'));
        assert.match(formatted, /^AuthorA, X\., .*AuthorS, X\., … AuthorV, X\. \(2000\)\. T\. J\.$/);
    });

    it('escapes Markdown in titles', () => {
        const md = formatReference(detailsOfText('@book{B, author={Doe, J.}, title={Stars *and* [{Links}]}, year=2000}', 'B'), { markdown: true });
        assert.equal(md, 'Doe, J. (2000). *Stars \\*and\\* \\[Links\\]*.');
    });
});
