import assert from 'node:assert/strict';
import { BibliographyStore } from '../../language/bibliography/bibliography-store.js';

describe('author suggestions on an author field with a long run of spaces', () => {
    it('still splits the names and suggests the entry, at once', () => {
        // A run of spaces that no `and` follows, read from every start of it: 400,000 spaces took minutes (quadratic).
        const bib = `@article{Krook2015,\n  author = {Mona${' '.repeat(400_000)}Krook and Fiona Mackay},\n  title = {T},\n  year = {2015}\n}\n`;
        const store = new BibliographyStore({ preloadParser: false });
        store.update('file:///refs.bib', bib);
        assert.deepEqual(store.nearestKeys('CrookMackay2015'), ['Krook2015']);
    });
});
