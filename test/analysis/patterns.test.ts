import assert from 'node:assert/strict';
import { check } from '../helpers/workspace.js';

describe('pattern rules', () => {
    it('pattern-incomplete lists every missing part', async () => {
        const { codes, messages } = await check('annex A { datum e interview emergent "e" }\npattern p "P" { anomalous "x" }');
        assert.ok(codes.includes('pattern-incomplete'));
        const message = messages[codes.indexOf('pattern-incomplete')];
        assert.match(message, /`unanticipated`/);
        assert.match(message, /`strategic`/);
        assert.match(message, /`observed` data/);
        assert.doesNotMatch(message, /`anomalous`/);
    });

    it('a complete pattern is not flagged', async () => {
        const { codes } = await check('annex A { datum e interview emergent "e" }\nclaim h "H" supported by g\npattern g "P" { unanticipated "u" anomalous "a" observed e strategic h }');
        assert.ok(!codes.includes('pattern-incomplete'));
        assert.ok(!codes.includes('pattern-not-emergent'));
        assert.ok(!codes.includes('unsupported-claim'));
    });

    it('pattern-not-emergent when every observed datum was prompted', async () => {
        const { codes } = await check('annex A { datum p1 interview prompted "p" datum p2 interview prompted "q" }\nclaim h "H" supported by g\npattern g "P" { unanticipated "u" anomalous "a" observed p1, p2 strategic h }');
        assert.ok(codes.includes('pattern-not-emergent'));
    });

    it('one emergent datum is enough', async () => {
        const { codes } = await check('annex A { datum p1 interview prompted "p" datum e1 observation emergent "e" }\nclaim h "H" supported by g\npattern g "P" { unanticipated "u" anomalous "a" observed p1, e1 strategic h }');
        assert.ok(!codes.includes('pattern-not-emergent'));
    });

    it('checks data declared in another file', async () => {
        const { codes } = await check('claim h "H" supported by g\npattern g "P" { unanticipated "u" anomalous "a" observed p1 strategic h }', {
            'annex.warrant': 'annex A { datum p1 interview prompted "p" }'
        });
        assert.ok(codes.includes('pattern-not-emergent'));
    });
});
