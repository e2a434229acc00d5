import assert from 'node:assert/strict';
import path from 'node:path';
import { relativePath } from '../../extension/relative-path.js';

describe('relativePath (the bibliography picker, without node:path)', () => {
    const cases: [string, string][] = [
        ['/w/argument.warrant', '/w/refs.bib'],
        ['/w/chapters/one.warrant', '/w/refs.bib'],
        ['/w/argument.warrant', '/w/lib/refs.bib'],
        ['/w/a/b/c.warrant', '/w/x/y/refs.bib'],
        ['/argument.warrant', '/refs.bib'],
        ['/w/refs/a.warrant', '/w/refs.bib']
    ];
    for (const [from, to] of cases) {
        it(`${to} from ${from} is what path.posix.relative says`, () => {
            assert.equal(relativePath(from, to), path.posix.relative(path.posix.dirname(from), to));
        });
    }
});
