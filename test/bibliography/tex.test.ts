import assert from 'node:assert/strict';
import { fold, parseRawName, parseRawNames, splitNames, texToText } from '../../language/bibliography/tex.js';

describe('light TeX decoding of raw fields', () => {
    it('decodes accents in all their spellings', () => {
        assert.equal(texToText('M{\\"u}ller'), 'Müller');
        assert.equal(texToText('M\\"{u}ller'), 'Müller');
        assert.equal(texToText('M\\"uller'), 'Müller');
        assert.equal(texToText('Garc{\\\'\\i}a'), 'García');
        assert.equal(texToText('Fran{\\c c}ois'), 'François');
        assert.equal(texToText('\\v{C}apek'), 'Čapek');
        assert.equal(texToText('{\\O}stergaard and \\ss{} and \\aa'), 'Østergaard and ß and å');
    });

    it('removes braces and formatting commands, keeps escaped characters', () => {
        assert.equal(texToText('The {DNA} of \\emph{Research}: 25\\% \\& more'), 'The DNA of Research: 25% & more');
        assert.equal(texToText('pages 1--2 --- ``quoted\'\''), 'pages 1–2 — “quoted”');
        assert.equal(texToText('a \\{brace\\}'), 'a {brace}');
        assert.equal(texToText('costs \\$5, C:\\textbackslash{}dir, a\\textasciitilde{}b'), 'costs $5, C:\\dir, a~b');
        assert.equal(texToText('  plain   text '), 'plain text');
    });

    it('splits name lists on "and" outside braces', () => {
        assert.deepEqual(splitNames('Smith, J. and {Barnes and Noble} AND Doe, J.'), ['Smith, J.', '{Barnes and Noble}', 'Doe, J.']);
        assert.deepEqual(splitNames('Anderson, Andy'), ['Anderson, Andy']);
    });

    it('parses raw names the BibTeX way', () => {
        assert.deepEqual(parseRawName('Merton, Robert K.'), { family: 'Merton', given: 'Robert K.' });
        assert.deepEqual(parseRawName('Robert K. Merton'), { family: 'Merton', given: 'Robert K.' });
        assert.deepEqual(parseRawName('Ludwig van Beethoven'), { family: 'Beethoven', given: 'Ludwig', prefix: 'van' });
        assert.deepEqual(parseRawName('van der Berg, Jan'), { family: 'Berg', given: 'Jan', prefix: 'van der' });
        assert.deepEqual(parseRawName('King, Jr, Martin Luther'), { family: 'King', given: 'Martin Luther', suffix: 'Jr' });
        assert.deepEqual(parseRawName('{World Health Organization}'), { family: 'World Health Organization', literal: true });
        assert.deepEqual(parseRawName('Plato'), { family: 'Plato' });
        assert.equal(parseRawName('  '), undefined);
        assert.deepEqual(parseRawNames('Doe, J. and others').map(n => n.family), ['Doe']);
    });

    it('folds accents for matching', () => {
        assert.equal(fold('Müller Ørsted Łódź Straße'), 'muller orsted lodz strasse');
    });
});
