// The web build's stand-in for node:path (scripts/web-shims/path.mjs) answers as Node's POSIX
// path does where the extension uses it: the bibliography picker's relative paths.
import assert from 'node:assert/strict';
import path from 'node:path';
// @ts-expect-error a plain JavaScript module without types
import shim from '../../scripts/web-shims/path.mjs';

describe('the web build\'s node:path stand-in', () => {
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
            assert.equal(shim.posix.relative(shim.posix.dirname(from), to), path.posix.relative(path.posix.dirname(from), to));
        });
    }
    it('has path.posix, as Node does', () => {
        assert.equal(shim.posix.posix, shim.posix);
    });
});
