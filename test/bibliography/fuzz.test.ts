import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadBibtexParser, parseEntryDetails } from '../../language/bibliography/details.js';
import { formatReference } from '../../language/bibliography/format.js';
import { scanBibliography } from '../../language/bibliography/scanner.js';
import { editMutation, mutate } from '../helpers/text-mutation.js';
import { fixture } from './helpers.js';

const BASES = [fixture('references.bib'), fixture('malformed.bib')];

/** Characters that matter to BibTeX, plus line ends, a BOM, a NUL-free binary-ish mix and astral characters. */
const SPECIAL = ['{', '}', '"', '@', ',', '=', '#', '%', '\\', '(', ')', '\n', '\r', '\r\n', ' ', '\t', '\uFEFF', '\u202e', 'é', '😀', '@article{', '@comment{', '@string{', '} ', 'title = {', 'and'];

const snippet = fc.oneof(
    fc.constantFrom(...SPECIAL),
    fc.array(fc.constantFrom(...SPECIAL), { minLength: 1, maxLength: 6 }).map(parts => parts.join('')),
    fc.string({ maxLength: 8 }),
);
const mutation = editMutation(snippet);

const mutatedText = fc.tuple(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 8 }))
    .map(([base, mutations]) => mutate(base, mutations));

describe('bibliography scanner under random mutation', () => {
    it('never throws, always terminates and returns consistent offsets and lines (2,000 mutations)', () => {
        fc.assert(fc.property(mutatedText, text => {
            const index = scanBibliography(text);
            const lineCount = index.lines.lineCount;
            let previousEnd = 0;
            for (const e of index.entries) {
                assert.ok(e.start >= previousEnd, 'entries do not overlap');
                assert.ok(e.start < e.end && e.end <= text.length, 'entry extent inside the text');
                assert.ok(e.keyStart <= e.keyEnd && e.keyEnd <= e.end, 'key inside the entry');
                assert.equal(text.slice(e.keyStart, e.keyEnd), e.key);
                assert.equal(text[e.start], '@');
                assert.ok(e.line <= e.keyLine && e.keyLine <= e.endLine && e.endLine < lineCount, 'lines ordered');
                previousEnd = e.end;
            }
            for (const [key, e] of index.byKey) {
                assert.equal(e.key, key);
            }
            for (const p of index.problems) {
                assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length + 1, 'problem inside the text');
                assert.ok(p.line <= p.endLine && p.endLine < lineCount, 'problem lines inside the text');
                assert.ok(p.line < p.endLine || p.column <= p.endColumn, 'problem range ordered');
                assert.ok(p.message.length > 0);
            }
        }), { numRuns: 2000, seed: 20240611 });
    });

    it('the full parser and the formatter never throw on mutated entries', async () => {
        await loadBibtexParser();
        fc.assert(fc.property(mutatedText, fc.nat(), (text, pick) => {
            const index = scanBibliography(text);
            if (index.entries.length === 0) {
                return;
            }
            const entry = index.entries[pick % index.entries.length]!;
            const details = parseEntryDetails(index, entry);
            assert.equal(typeof formatReference(details), 'string');
            for (const p of details.problems) {
                assert.ok(p.line >= entry.line && p.line <= entry.endLine, 'parser problems map into the entry');
            }
        }), { numRuns: 150, seed: 7 });
    });
});
