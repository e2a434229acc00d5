import assert from 'node:assert/strict';
import { BibliographyStore } from '../../language/bibliography/bibliography-store.js';
import { formatReference } from '../../language/bibliography/format.js';

const URI = 'file:///particles.bib';
const NAMES: readonly [author: string, family: string, reference: string][] = [
    ['van der Berg, Kees', 'van der Berg', 'van der Berg, K.'],
    ['Kees van der Berg', 'van der Berg', 'van der Berg, K.'],
    ['{van der Berg}, Kees', 'van der Berg', 'van der Berg, K.'],
    ['Ludwig van Beethoven', 'van Beethoven', 'van Beethoven, L.'],
    ['von Neumann, John', 'von Neumann', 'von Neumann, J.'],
    ['de la Vallée Poussin, Charles-Jean', 'de la Vallée Poussin', 'de la Vallée Poussin, C.-J.'],
    ['Jean de La Fontaine', 'de La Fontaine', 'de La Fontaine, J.'],
    ['da Silva, Ana', 'da Silva', 'da Silva, A.'],
    ['di Maio, Vincent', 'di Maio', 'di Maio, V.'],
    ['du Bois, W. E. B.', 'du Bois', 'du Bois, W. E. B.'],
    ['le Carré, John', 'le Carré', 'le Carré, J.'],
    ['{\\relax van} Gogh, Vincent', 'van Gogh', 'van Gogh, V.'],
    ['{World Health Organization}', 'World Health Organization', 'World Health Organization'],
    ['{Van Dyke Associates}', 'Van Dyke Associates', 'Van Dyke Associates'],
];

function storeOf(): BibliographyStore {
    const store = new BibliographyStore();
    store.update(URI, NAMES.map(([author], i) => `@book{K${i}, author = {${author}}, title = {A title}, year = {2020}}`).join('\n'));
    return store;
}

describe('names with particles, braces and bodies', () => {
    it('the cheap summary (completion labels, citation details) keeps the particles', () => {
        const store = storeOf();
        NAMES.forEach(([author, family], i) => assert.deepEqual(store.summary(`K${i}`)!.familyNames, [family], author));
    });

    it('the full details and the one-line reference keep them too', async () => {
        const store = storeOf();
        for (const [i, [author, family, reference]] of NAMES.entries()) {
            const entry = (await store.entryAsync(`K${i}`))!;
            assert.equal(entry.partial, false);
            assert.deepEqual(entry.familyNames, [family], author);
            assert.deepEqual(entry.authors, [reference], author);
            assert.ok(formatReference(entry).startsWith(`${reference}${reference.endsWith('.') ? '' : '.'} (2020).`), formatReference(entry));
        }
    });

    it('keeps the particles of every author of a list', () => {
        const store = new BibliographyStore({ preloadParser: false });
        store.update(URI, '@article{B, author = {van der Berg, Kees and de Vries, Anna and Smith, J.}, year = 2001}');
        assert.deepEqual(store.summary('B')!.familyNames, ['van der Berg', 'de Vries', 'Smith']);
    });
});
