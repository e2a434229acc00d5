import assert from 'node:assert/strict';
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
});
