import assert from 'node:assert/strict';
import { check, workspaceOf } from '../helpers/workspace.js';

const ANNEX = 'respondent R1 { gender: female } respondent R2\nannex A { datum d1 interview of R1 emergent "one" datum d2 observation of R2 emergent "two" }\n';

describe('grounding rules', () => {
    describe('unsupported-claim', () => {
        it('flags a claim with no support at all, saying so', async () => {
            const { codes, messages } = await check('claim lone "A claim"');
            assert.ok(codes.includes('unsupported-claim'));
            assert.match(messages[codes.indexOf('unsupported-claim')], /`lone` has no support/);
        });

        it('flags a claim resting only on ungrounded claims and names them', async () => {
            const { codes, messages } = await check('claim x "X"\nclaim y "Y"\nclaim top "Top" supported by x, y');
            const message = messages.find(m => m.startsWith('`top`'));
            assert.ok(message, messages.join('\n'));
            assert.match(message, /rests only on `x` \(an unsupported claim\), `y` \(an unsupported claim\)/);
            assert.equal(codes.filter(c => c === 'unsupported-claim').length, 3);
        });

        it('does not flag a claim grounded through a chain of claims down to a datum', async () => {
            const { codes } = await check(ANNEX + 'claim low "L" supported by d1\nclaim mid "M" supported by low\nclaim top "T" supported by mid');
            assert.deepEqual(codes.filter(c => c === 'unsupported-claim'), []);
        });

        it('a stat grounds a claim only when it cites a resolved source', async () => {
            const ungrounded = await check('stat s "S" = 10%\nclaim c "C" supported by s');
            assert.match(ungrounded.messages.find(m => m.startsWith('`c`'))!, /a stat that cites no source/);
            const grounded = await check('source Src { author "A" year 2000 title "T" }\nstat s "S" = 10% cites @Src\nclaim c "C" supported by s');
            assert.ok(!grounded.codes.includes('unsupported-claim'));
        });

        it('a cited inline source grounds a claim', async () => {
            const { codes } = await check('source Hall2005 { author "Hall, P." year 2005 title "Interprofessional teamwork" }\nclaim c "C" cites @Hall2005 p. 189');
            assert.ok(!codes.includes('unsupported-claim'));
        });
    });

    describe('circular-support and self-support', () => {
        it('reports a cycle on each member, listing the cycle, and grounds none of it', async () => {
            const { codes, messages } = await check('claim a "A" supported by b\nclaim b "B" supported by c\nclaim c "C" supported by a');
            assert.equal(codes.filter(c => c === 'circular-support').length, 3);
            assert.ok(messages.some(m => /Circular support: `\w` → `\w` → `\w` → `\w`/.test(m)), messages.join('\n'));
            // ungrounded members are also unsupported, each told why
            assert.equal(codes.filter(c => c === 'unsupported-claim').length, 3);
            assert.ok(messages.some(m => /`a` does not trace .* rests only on `b` \(a claim in a circular chain of support\)/.test(m)), messages.join('\n'));
        });

        it('a cycle with outside evidence still reports the cycle, but its members are grounded', async () => {
            const workspace = await workspaceOf({ 'main.warrant': ANNEX + 'claim a "A" supported by b, d1\nclaim b "B" supported by a' });
            try {
                assert.equal(workspace.codes().filter(c => c === 'circular-support').length, 2);
                const analysis = workspace.services.warrant.Analysis.get();
                const b = analysis.nodeOf(analysis.elements.byName.get('b')!)!;
                assert.equal(analysis.grounding.grounded[b.index], true);
            } finally {
                workspace.dispose();
            }
        });

        it('no cycle, no circular-support', async () => {
            const { codes } = await check(ANNEX + 'claim a "A" supported by d1\nclaim b "B" supported by a, d2');
            assert.ok(!codes.includes('circular-support'));
        });

        it('self-support is reported at the self-reference', async () => {
            const { codes, diagnostics } = await check(ANNEX + 'claim a "A" supported by d1, a');
            const self = diagnostics.find(d => d.code === 'self-support');
            assert.ok(self);
            assert.equal(self.range.start.line, 2);
            assert.equal(self.range.start.character, 'claim a "A" supported by d1, '.length);
            assert.ok(!codes.includes('circular-support'));
        });

        it('a cycle of 1,000 claims is found without recursion', async () => {
            // Spread over files: one file's diagnostics are capped at 500.
            const files: Record<string, string> = {};
            for (let f = 0; f < 4; f++) {
                files[`part${f}.warrant`] = Array.from({ length: 250 }, (_, k) => f * 250 + k).map(i => `claim c${i} "C${i}" supported by c${(i + 1) % 1000}`).join('\n');
            }
            const workspace = await workspaceOf(files);
            try {
                assert.equal(workspace.codes().filter(c => c === 'circular-support').length, 1000);
            } finally {
                workspace.dispose();
            }
        });
    });

    describe('contested-claim', () => {
        it('flags a grounded claim opposed by grounded evidence', async () => {
            const { codes, messages } = await check(ANNEX + 'claim a "A" supported by d1 opposed by d2');
            assert.ok(codes.includes('contested-claim'));
            assert.match(messages[codes.indexOf('contested-claim')], /`d2`/);
        });

        it('ignores opposition by an ungrounded claim', async () => {
            const { codes } = await check(ANNEX + 'claim rebuttal "R"\nclaim a "A" supported by d1 opposed by rebuttal');
            assert.ok(!codes.includes('contested-claim'));
        });
    });

    describe('single-source', () => {
        it('flags a claim resting on one datum', async () => {
            const { codes, messages } = await check(ANNEX + 'claim a "A" supported by d1\nclaim b "B" supported by d1, d2');
            assert.equal(codes.filter(c => c === 'single-source').length, 1);
            assert.match(messages[codes.indexOf('single-source')], /`a` rests on a single piece of evidence \(`d1`\)/);
        });

        it('flags data that all come from one respondent, through intermediate claims', async () => {
            const { messages } = await check('respondent R\nannex A { datum x interview of R "x" datum y observation of R "y" }\nclaim low "L" supported by x\nclaim top "T" supported by low, y');
            assert.ok(messages.some(m => /`top` rests on data that all come from one respondent \(`R`\)/.test(m)), messages.join('\n'));
        });

        it('does not flag triangulated claims', async () => {
            const { codes } = await check(ANNEX + 'claim a "A" supported by d1, d2');
            assert.ok(!codes.includes('single-source'));
        });
    });
});
