import assert from 'node:assert/strict';
import { workspaceOf } from '../helpers/workspace.js';

describe('cross-file linking', () => {
    it('resolves names across files, in both directions', async () => {
        const workspace = await workspaceOf({
            'respondents.warrant': 'respondent SW1 "Social worker" { gender: male }',
            'annex.warrant': 'annex A { datum tea interview of SW1 emergent "tea" }',
            'argument.warrant': 'claim c "C" supported by tea\nclaim d "D" supported by c',
            'nested/more.warrant': 'claim e "E" supported by d, tea'
        });
        try {
            assert.deepEqual(workspace.codes().filter(c => c === 'unknown-reference'), []);
            const analysis = workspace.services.warrant.Analysis.get();
            const e = analysis.elements.byName.get('e')!;
            assert.equal(analysis.status(analysis.nodeOf(e)!), 'grounded');
        } finally {
            workspace.dispose();
        }
    });

    it('bands resolve only within the named scheme', async () => {
        const workspace = await workspaceOf({
            'schemes.warrant': `scheme Hakim { band low below 25% band mid 25% to 55% band high above 55% }
                scheme Other { band only 0% to 100% }`,
            'stats.warrant': 'stat s "S" = 30%',
            'claims.warrant': 'claim ok "ok" classifies s as mid by Hakim\nclaim bad "bad" classifies s as only by Hakim'
        });
        try {
            const diagnostics = workspace.diagnostics('claims.warrant').filter(d => d.code === 'unknown-reference');
            assert.equal(diagnostics.length, 1);
            assert.equal(diagnostics[0].range.start.line, 1);
            assert.match(String(diagnostics[0].message), /band `only`/);
        } finally {
            workspace.dispose();
        }
    });
});
