import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AuthorIndex, citedKeyParts } from '../../language/bibliography/author-suggestions.js';
import { BibliographyStore } from '../../language/bibliography/bibliography-store.js';
import { scanBibliography } from '../../language/bibliography/scanner.js';
import { fraction, mutate, type Mutation } from '../helpers/text-mutation.js';
import { check } from '../helpers/workspace.js';
import { generateBibliography } from './generate.js';
import { fixture } from './helpers.js';

/** The paper's own citation slips, cited as its text spells them, and the entry of its list each means. */
const SLIPS: readonly [cited: string, meant: string, slip: string][] = [
    ['CrookMackay2015', 'KrookMackay2015', '"Crook and Mackay (2015)": the list has Krook'],
    ['Crook2015', 'KrookMackay2015', 'the same under a first-author key'],
    ['Henricksson2006', 'Henriksson2006', '"Henricksson et al., 2006": the list has Henriksson'],
    ['AaltioMarjosola1994', 'AaltionMarjosola1994', '"Aaltio-Marjosola 1994": the list has Aaltion-Marjosola'],
    ['KellyNewman2004', 'KellyNewman2001', '"Kelly and Newman 2004": the list has 2001'],
    ['Evans1997', 'Evans2008', '"Evans 1997": the list has Evans 2008'],
    ['MeierNicholsonCrotty2006', 'Meier2006', '"Meier and Nicholson-Crotty 2006": the list has Meier, Mastracci and Wilson 2006'],
];

describe('suggestions from authors and years', () => {
    const references = fixture('paper-references.bib');

    it('finds the meant entry first for each of the paper\'s citation slips', () => {
        const store = new BibliographyStore({ preloadParser: false });
        store.update('file:///refs.bib', references);
        for (const [cited, meant, slip] of SLIPS) {
            assert.ok(!store.has(cited), `${cited} must be unknown`);
            assert.equal(store.nearestKeys(cited)[0], meant, `${slip}: got ${JSON.stringify(store.nearestKeys(cited))}`);
        }
    });

    it('says so in the unknown-citation diagnostic of each slip', async () => {
        const text = `bibliography "refs.bib"\n${SLIPS.map(([cited], i) => `claim c${i} "C" cites @${cited}`).join('\n')}`;
        const { diagnostics } = await check(text, { 'refs.bib': references });
        for (const [i, [cited, meant]] of SLIPS.entries()) {
            const found = diagnostics.find(d => d.code === 'unknown-citation' && d.range.start.line === i + 1);
            assert.ok(found, `no unknown-citation for ${cited}`);
            assert.match(String(found.message), new RegExp(`Did you mean @${meant}\\b`), String(found.message));
        }
    });

    it('reads a cited key as names and a year', () => {
        assert.deepEqual(citedKeyParts('KellyNewman2004'), { name: 'kellynewman', words: ['kelly', 'newman'], year: '2004' });
        assert.deepEqual(citedKeyParts('meier_nicholson-crotty:2006gender'), { name: 'meiernicholsoncrotty', words: ['meier', 'nicholson', 'crotty'], year: '2006' });
        assert.deepEqual(citedKeyParts('Müller'), { name: 'muller', words: ['muller'] });
        assert.deepEqual(citedKeyParts('2020Smith'), { name: 'smith', words: ['smith'], year: '2020' });
    });

    it('matches surnames with particles, compound surnames, braces and TeX accents', () => {
        const index = new AuthorIndex(scanBibliography(`
@article{vdB, author = {van der Berg, Kees and Jansen, A.}, year = 2020}
@article{JM, author = {Johnston Miller, K. and McTavish, D.}, year = 2014}
@book{WHO, author = {{World Health Organization}}, year = {2019}}
@article{Mu, author = {M{\\"u}ller, J{\\"o}rg}, date = {2010-04}}
@article{Other, author = {Smith, J.}, year = 2001}`).byKey.values());
        assert.deepEqual(index.suggest('vanderBerg2020').map(s => s.key), ['vdB']);
        assert.deepEqual(index.suggest('Berg2020').map(s => s.key), ['vdB']);
        assert.deepEqual(index.suggest('BergJansen2021').map(s => s.key), ['vdB']);
        assert.deepEqual(index.suggest('MillerMcTavish2014').map(s => s.key), ['JM']);
        assert.deepEqual(index.suggest('WorldHealthOrganization2018').map(s => s.key), ['WHO']);
        assert.equal(index.suggest('Muller2011')[0]!.key, 'Mu');
        assert.deepEqual(index.suggest('Mueller2010').map(s => s.key), ['Mu']);
    });

    it('ranks the same author\'s nearest year first, and suggests nothing for another author', () => {
        const index = new AuthorIndex(scanBibliography(`
@book{Hakim1993, author = {Hakim, C.}, year = 1993}
@article{Hakim1995, author = {Hakim, C.}, year = 1995}
@article{Hakim2000, author = {Hakim, C.}, year = 2000}
@article{Hall2005, author = {Hall, P.}, year = 2005}`).byKey.values());
        assert.deepEqual(index.suggest('Hakim1994').map(s => s.key), ['Hakim1993', 'Hakim1995', 'Hakim2000']);
        assert.deepEqual(index.suggest('Hakim1999', 1).map(s => s.key), ['Hakim2000']);
        assert.deepEqual(index.suggest('Bourdieu1984'), []);
        assert.ok(!index.suggest('Hakim1993').some(s => s.key === 'Hakim1993'), 'never the key itself');
        assert.deepEqual(index.suggest(''), []);
    });

    it('keeps the key distance: a key-only neighbour (no author) is still suggested, closest first', () => {
        const store = new BibliographyStore({ preloadParser: false });
        store.update('file:///a.bib', '@misc{Hall2006}\n@article{Hall2005, author = {Hall, P.}, year = 2005}');
        assert.deepEqual(store.nearestKeys('hall2005'), ['Hall2005', 'Hall2006']);
        assert.deepEqual(store.nearestKeys('Hall2007', 3, ['file:///a.bib']).sort(), ['Hall2005', 'Hall2006']);
    });

    it('never throws on mangled author and year fields, and suggests only keys of the file', () => {
        const snippet = fc.constantFrom('{', '}', '\\', '\\"', ' and ', ',', 'von ', '-', '\u202E', 'é', '😀', '2020', '{\\relax de}', ' others');
        const mutation: fc.Arbitrary<Mutation> = fc.oneof(
            fc.record({ kind: fc.constant('insert' as const), at: fraction, text: snippet }),
            fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 40 }) }));
        const queries = fc.constantFrom(...SLIPS.map(([cited]) => cited), 'vanderBerg2020', 'x', '2020', '-', '');
        fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 10 }), queries, (mutations, query) => {
            const index = scanBibliography(mutate(references, mutations));
            for (const suggestion of new AuthorIndex(index.byKey.values()).suggest(query)) {
                assert.ok(index.byKey.has(suggestion.key), suggestion.key);
                assert.ok(suggestion.cost <= 2);
            }
        }), { seed: 20261202, numRuns: 200 });
    });

    it('answers over 10,000 generated entries', () => {
        const { text, keys } = generateBibliography(10000, 7);
        const store = new BibliographyStore({ preloadParser: false });
        store.update('file:///big.bib', text);
        const key = keys[4321]!;
        const year = /\d{4}/.exec(key)![0];
        const otherYear = key.replace(year, String(Number(year) - 40));
        if (!store.has(otherYear)) {
            const suggestions = store.nearestKeys(otherYear);
            assert.ok(suggestions.length > 0, `nothing for ${otherYear}`);
            const summary = store.summary(suggestions[0]!)!;
            assert.equal(summary.familyNames[0], store.summary(key)!.familyNames[0], `${otherYear} → ${suggestions.join(', ')}`);
        }
    });
});
