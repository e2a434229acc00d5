import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { check, workspaceOf } from '../helpers/workspace.js';

const BIB = `@article{Hakim1993,
  author = {Hakim, Catherine},
  title = {Segregated and integrated occupations},
  journal = {European Sociological Review},
  year = {1993}
}

@book{Broken1999,
  author = {Nobody, A.},
  title = {Never closed
@book{Merton1949,
  author = {Merton, Robert K.},
  title = {Social Theory and Social Structure},
  year = 1949
}
`;

describe('bibliography and transcript rules', () => {
    it('unknown-citation suggests the nearest key; known keys resolve', async () => {
        const { codes, messages } = await check('bibliography "refs.bib"\nclaim a "A" cites @Hakim1994\nclaim b "B" cites @Hakim1993', { 'refs.bib': BIB });
        assert.equal(codes.filter(c => c === 'unknown-citation').length, 1);
        assert.match(messages[codes.indexOf('unknown-citation')], /Did you mean @Hakim1993\?/);
    });

    it('bibliography-syntax reports a malformed entry with its line; the entries after it stay usable', async () => {
        const { codes, messages } = await check('bibliography "refs.bib"\nclaim b "B" cites @Merton1949', { 'refs.bib': BIB });
        assert.ok(codes.includes('bibliography-syntax'));
        assert.match(messages[codes.indexOf('bibliography-syntax')], /^refs\.bib:(8|9|10):/);
        assert.ok(!codes.includes('unknown-citation'));
    });

    it('a clean bibliography yields no bibliography-syntax', async () => {
        const { codes } = await check('bibliography "refs.bib"\nclaim b "B" cites @Hakim1993', { 'refs.bib': BIB.slice(0, BIB.indexOf('@book{Broken')) });
        assert.ok(!codes.includes('bibliography-syntax'));
    });

    it('bibliography-not-found for a missing file, a folder, and paths escaping the workspace (.., absolute, symlink)', async () => {
        const workspace = await workspaceOf(
            { 'a.warrant': 'bibliography "missing.bib"\nbibliography "sub"\nbibliography "../outside.bib"\nbibliography "/etc/hostname"\nbibliography "link.bib"', 'sub/x.txt': '' },
            dir => symlinkSync('/etc/hostname', path.join(dir, 'link.bib')));
        try {
            const messages = workspace.diagnostics('a.warrant').filter(d => d.code === 'bibliography-not-found').map(d => String(d.message));
            assert.equal(messages.length, 5, messages.join('\n'));
            assert.match(messages[0], /does not exist/);
            assert.match(messages[1], /not a regular file/);
            assert.match(messages[2], /outside the workspace/);
            assert.match(messages[3], /outside the workspace/);
            assert.match(messages[4], /outside the workspace/);
        } finally {
            workspace.dispose();
        }
    });

    it('quote-not-found: whitespace and quote-mark insensitive, honours the line range, reports a missing file', async () => {
        const transcript = 'I: And then?\nSW1: he asked me to\n  “make him a cup of tea”\u2014 can you believe it\n';
        const ok = await check('annex A { datum t interview emergent "t" in "t.txt" lines 2-3 quote "asked me to \\"make him a cup of tea\\"- can" }\nclaim c "C" supported by t', { 't.txt': transcript });
        assert.ok(!ok.codes.includes('quote-not-found'), ok.messages.join('\n'));
        const outsideRange = await check('annex A { datum t interview emergent "t" in "t.txt" lines 1-1 quote "cup of tea" }\nclaim c "C" supported by t', { 't.txt': transcript });
        assert.match(outsideRange.messages[outsideRange.codes.indexOf('quote-not-found')], /not in lines 1–1 of t\.txt/);
        const missing = await check('annex A { datum t interview emergent "t" in "nope.txt" quote "x" }\nclaim c "C" supported by t');
        assert.match(missing.messages[missing.codes.indexOf('quote-not-found')], /does not exist/);
    });
});
