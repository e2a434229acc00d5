import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BibliographyStore } from '../../language/bibliography/bibliography-store.js';
import { scanCslJson } from '../../language/bibliography/csl-json.js';
import { formatReference } from '../../language/bibliography/format.js';
import { firstSyntaxError } from '../../language/config/json-errors.js';
import { editMutation, mutate } from '../helpers/text-mutation.js';
import { fixture } from './helpers.js';

const BASES = [fixture('better-csl.json'), fixture('zotero.json')];

/** Characters that matter to JSON and CSL, plus line ends, a BOM, bidi controls and astral characters. */
const SPECIAL = ['{', '}', '[', ']', '"', ',', ':', '\\', '\\"', '\\u', '\n', '\r\n', ' ', '\t', '\uFEFF', '\u202e', 'é', '😀',
    '"id": ', '"citation-key": "K"', '"author": [{"family": ', '"issued": {"date-parts": [[', 'null', 'true', '-1e9', '"__proto__"'];

const snippet = fc.oneof(
    fc.constantFrom(...SPECIAL),
    fc.array(fc.constantFrom(...SPECIAL), { minLength: 1, maxLength: 6 }).map(parts => parts.join('')),
    fc.string({ maxLength: 8 }),
);
/** A relative position spread evenly (fast-check's doubles favour 0 and 1, where one mutation ruins the whole array). */
const fraction = fc.integer({ min: 0, max: 9999 }).map(n => n / 10000);

const mutation = editMutation(snippet, fraction);

const mutatedText = fc.tuple(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([base, mutations]) => mutate(base, mutations));

/** Every entry's details and reference, through the store (what hover and completion ask). */
function renderAll(text: string): void {
    const store = new BibliographyStore({ preloadParser: false });
    store.update('file:///ws/refs.json', text);
    for (const key of store.keys()) {
        const details = store.entry(key)!;
        assert.equal(details.partial, false);
        formatReference(details, { markdown: true });
        store.summary(key);
    }
    store.nearestKeys('Hakim1994');
}

describe('CSL-JSON reader under random mutation', () => {
    it('never throws; entries are parsed items, in order, with their keys inside them (2,000 mutations)', () => {
        let entries = 0;
        fc.assert(fc.property(mutatedText, text => {
            const index = scanCslJson(text);
            entries += index.entries.length;
            const lineCount = index.lines.lineCount;
            let previousEnd = 0;
            for (const e of index.entries) {
                assert.ok(e.start >= previousEnd, 'entries do not overlap');
                assert.ok(e.start < e.end && e.end <= text.length, 'entry extent inside the text');
                assert.ok(e.start <= e.keyStart && e.keyStart <= e.keyEnd && e.keyEnd <= e.end, 'key inside the entry');
                const item = JSON.parse(text.slice(e.start, e.end)) as Record<string, unknown>;
                const written = text.slice(e.keyStart, e.keyEnd);
                if (!written.includes('\\')) {
                    assert.equal(written, e.key, 'the key span is the key as written');
                }
                assert.ok(String(item['citation-key']).trim() === e.key || String(item.id) === e.key);
                assert.ok(e.line <= e.keyLine && e.keyLine <= e.endLine && e.endLine < lineCount, 'lines ordered');
                previousEnd = e.end;
            }
            for (const p of index.problems) {
                assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, 'problem inside the text');
                assert.ok(p.line <= p.endLine && p.endLine < lineCount, 'problem lines inside the text');
                assert.ok(p.message.length > 0);
            }
            let valid = true;
            try {
                JSON.parse(text.replace(/^\uFEFF/, ''));
            } catch {
                valid = false;
            }
            if (!valid) {
                assert.ok(index.problems.some(p => p.code === 'bibliography-syntax'), 'invalid JSON is reported');
            }
        }), { numRuns: 2000, seed: 20261202 });
        assert.ok(entries > 2000 * 2, `the mutated libraries keep most of their items (${entries} in 2,000 runs)`);
    });

    it('details and references never throw on mutated libraries', () => {
        fc.assert(fc.property(mutatedText, renderAll), { numRuns: 300, seed: 20261203 });
    });

    it('any JSON array of any values: read without throwing', () => {
        fc.assert(fc.property(fc.array(fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('id', 'citation-key', 'author', 'editor', 'issued', 'accessed', 'title', 'type', 'page', 'DOI', 'URL'), fc.jsonValue()))), values => {
            renderAll(JSON.stringify(values, null, 1));
        }), { numRuns: 500, seed: 20261204 });
    });

    it('the syntax check agrees with JSON.parse on whether a text is valid', () => {
        fc.assert(fc.property(mutatedText, text => {
            let valid = true;
            try {
                JSON.parse(text);
            } catch {
                valid = false;
            }
            assert.equal(firstSyntaxError(text) < 0, valid);
        }), { numRuns: 1000, seed: 20261205 });
    });
});
