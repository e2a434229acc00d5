import assert from 'node:assert/strict';
import { check, workspaceOf } from '../helpers/workspace.js';

describe('naming and usage rules', () => {
    it('duplicate-id is reported on every declaration, across files, with related locations', async () => {
        const workspace = await workspaceOf({ 'a.warrant': 'claim same "A"', 'b.warrant': 'annex X { datum same interview "B" }' });
        try {
            for (const file of ['a.warrant', 'b.warrant']) {
                const duplicate = workspace.diagnostics(file).find(d => d.code === 'duplicate-id');
                assert.ok(duplicate, file);
                assert.equal(duplicate.relatedInformation?.length, 1);
            }
        } finally {
            workspace.dispose();
        }
    });

    it('distinct names are not duplicates', async () => {
        const { codes } = await check('claim a "A"\nclaim b "B"');
        assert.ok(!codes.includes('duplicate-id'));
    });

    it('unused-datum and unused-source are hints on what nothing uses', async () => {
        const { codes, diagnostics } = await check('source S { title "T" }\nsource Used { title "U" }\nannex A { datum d interview "d" datum u interview "u" }\nclaim c "C" supported by u cites @Used');
        assert.deepEqual(codes.filter(c => c.startsWith('unused')).sort(), ['unused-datum', 'unused-source']);
        assert.ok(diagnostics.filter(d => String(d.code).startsWith('unused')).every(d => d.severity === 4));
    });

    it('a datum observed by a pattern in another file is used', async () => {
        const { codes } = await check('annex A { datum d interview emergent "d" }', { 'p.warrant': 'pattern p "P" { observed d }' });
        assert.ok(!codes.includes('unused-datum'));
    });
});
