import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KeyMatcher, maxEditDistance, nearestKeys } from '../../language/bibliography/nearest-keys.js';
import { generateBibliography } from './generate.js';

const KEYS = ['Merton1948', 'Hakim1993', 'Hall2005', 'HomeOffice2013', 'Dudau2018', 'Glaser1967', 'Strauss1990', 'Hakim2000', 'Hall2015', 'Hill2005'];

describe('nearestKeys', () => {
    const matcher = new KeyMatcher(KEYS);

    it('suggests the key differing only in case first', () => {
        assert.deepEqual(matcher.nearest('hall2005'), ['Hall2005', 'Hall2015', 'Hill2005']);
        assert.deepEqual(matcher.scored('hall2005', 1), [{ key: 'Hall2005', distance: 0 }]);
    });

    it('suggests keys within a small edit distance, closest first', () => {
        assert.deepEqual(matcher.nearest('Hakim1994', 1), ['Hakim1993']);
        assert.deepEqual(matcher.nearest('Hakim1994'), ['Hakim1993']);
        assert.deepEqual(matcher.nearest('Dudau2081'), ['Dudau2018']); // swapped digits count as one edit
        assert.deepEqual(matcher.nearest('Mertn1948'), ['Merton1948']);
        assert.deepEqual(matcher.nearest('Hall2006', 2), ['Hall2005', 'Hall2015']); // ties: same first letter, then alphabetical
        assert.deepEqual(matcher.nearest('Hil2005', 1), ['Hill2005']);
    });

    it('suggests keys the typed key is a prefix of', () => {
        assert.deepEqual(matcher.nearest('Merton'), ['Merton1948']);
        assert.deepEqual(matcher.nearest('homeoffice'), ['HomeOffice2013']);
    });

    it('suggests nothing for unrelated or empty keys, and never the key itself', () => {
        assert.deepEqual(matcher.nearest('Bourdieu1984'), []);
        assert.deepEqual(matcher.nearest(''), []);
        assert.deepEqual(matcher.nearest('Zz'), []);
        assert.equal(matcher.nearest('Hall2005').includes('Hall2005'), false);
        assert.deepEqual(matcher.nearest('Hall2005', 0), []);
    });

    it('bounds the distance relative to the key length', () => {
        assert.equal(maxEditDistance(4), 1);
        assert.equal(maxEditDistance(9), 2);
        assert.equal(maxEditDistance(14), 3);
        assert.deepEqual(nearestKeys('Ab12', ['Cd12']), []); // 2 edits in 4 characters is another key
        assert.deepEqual(nearestKeys('Smith2000', ['Smith2011']), ['Smith2011']);
    });

    it('answers over 10,000 generated keys', () => {
        const { keys } = generateBibliography(10000, 3);
        const big = new KeyMatcher(keys);
        const key = keys[1234]!;
        assert.equal(big.nearest(key.toLowerCase())[0], key);
        const typo = key.slice(0, -1) + (key.endsWith('9') ? '8' : '9');
        if (!keys.includes(typo)) {
            const suggestions = big.scored(typo, 3);
            assert.ok(suggestions.length > 0 && suggestions[0]!.distance === 1, JSON.stringify(suggestions));
        }
    });

    it('finds every key within the distance bound: the character-set filter only skips keys too far away', () => {
        const alphabet = fc.constantFrom(...'abcdeHMS0129'.split(''));
        const key = fc.array(alphabet, { minLength: 1, maxLength: 12 }).map(chars => chars.join(''));
        fc.assert(fc.property(fc.uniqueArray(key, { maxLength: 60 }), key, (keys, query) => {
            const found = new Set(new KeyMatcher(keys).scored(query, 1000).filter(s => s.distance !== Infinity).map(s => s.key));
            const bound = maxEditDistance(query.length);
            for (const candidate of keys) {
                const close = candidate !== query && osaDistance(candidate.toLowerCase(), query.toLowerCase()) <= bound;
                assert.equal(found.has(candidate), close, `${candidate} for ${query} (bound ${bound})`);
            }
        }), { seed: 20261126, numRuns: 300 });
    });

    it('answers a repeated query from memory, unchanged by what callers do with the answer', () => {
        const memoised = new KeyMatcher(KEYS);
        const first = memoised.nearest('Hall2006');
        first.push('mutated');
        assert.deepEqual(memoised.nearest('Hall2006'), ['Hall2005', 'Hall2015', 'Hill2005']);
        assert.deepEqual(memoised.nearest('Hall2006', 1), ['Hall2005']);
    });
});

/** Optimal string alignment distance, the textbook way (the reference for the matcher's banded one). */
function osaDistance(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
            }
        }
    }
    return d[a.length]![b.length]!;
}
