import assert from 'node:assert/strict';
import { check } from '../helpers/workspace.js';

const HAKIM = 'scheme Hakim { band male below 25% band integrated 25% to 55% band female above 55% }\n';

describe('quantity rules', () => {
    describe('scheme-invalid', () => {
        it('accepts bands that tile 0–100 exactly', async () => {
            const { codes } = await check(HAKIM);
            assert.ok(!codes.includes('scheme-invalid'));
        });

        it('reports a gap between bands, naming it', async () => {
            const { codes, messages } = await check('scheme S { band a below 25% band b 30% to 100% }');
            assert.ok(codes.includes('scheme-invalid'));
            assert.match(messages[codes.indexOf('scheme-invalid')], /gap between `a` and `b`: 25%–30%/);
        });

        it('reports an overlap, including one at a shared closed boundary', async () => {
            const overlap = await check('scheme S { band a 0% to 60% band b 50% to 100% }');
            assert.match(overlap.messages[overlap.codes.indexOf('scheme-invalid')], /overlap/);
            const boundary = await check('scheme S { band a 0% to 50% band b 50% to 100% }');
            assert.match(boundary.messages[boundary.codes.indexOf('scheme-invalid')], /overlap at 50%/);
        });

        it('reports a single-point gap between open ends', async () => {
            const { messages } = await check('scheme S { band a below 50% band b above 50% }');
            assert.ok(messages.some(m => /50% itself falls in no band/.test(m)), messages.join('\n'));
        });

        it('reports uncovered ends', async () => {
            const { messages } = await check('scheme S { band a 10% to 90% }');
            assert.ok(messages.some(m => /no band covers 0%–10%/.test(m)));
            assert.ok(messages.some(m => /no band covers 90%–100%/.test(m)));
        });
    });

    describe('value-out-of-range', () => {
        it('reports percentages outside 0–100 and counts above their total', async () => {
            const { codes } = await check('stat a "A" = 120%\nstat b "B" = -3%\nstat c "C" = 5 of 4\nstat d "D" = 1 of 0');
            assert.equal(codes.filter(c => c === 'value-out-of-range').length, 4);
        });

        it('accepts 0%, 100% and n of n', async () => {
            const { codes } = await check('stat a "A" = 0%\nstat b "B" = 100%\nstat c "C" = 4 of 4');
            assert.ok(!codes.includes('value-out-of-range'));
        });
    });

    describe('classification-mismatch', () => {
        it('says which band the value falls in', async () => {
            const { codes, messages } = await check(HAKIM + 'stat police "Women police" = 26%\nclaim c "Police male-dominated" classifies police as male by Hakim');
            assert.ok(codes.includes('classification-mismatch'));
            assert.equal(messages[codes.indexOf('classification-mismatch')], '`police` is 26%, which falls in `integrated` (25%–55%), not `male` (below 25%).');
        });

        it('accepts a correct classification, counts included', async () => {
            const { codes } = await check(HAKIM + 'stat nurses "N" = 90%\nstat heads "H" = 30 of 100\nclaim c "C" classifies nurses as female by Hakim\nclaim d "D" classifies heads as integrated by Hakim');
            assert.ok(!codes.includes('classification-mismatch'));
        });

        it('band boundaries follow the interval semantics', async () => {
            const { codes } = await check(HAKIM + 'stat edge "E" = 25%\nclaim c "C" classifies edge as integrated by Hakim\nclaim d "D" classifies edge as male by Hakim');
            assert.equal(codes.filter(c => c === 'classification-mismatch').length, 1);
        });

        it('works across files', async () => {
            const { codes } = await check('claim c "C" classifies police as male by Hakim', { 'stats.warrant': HAKIM + 'stat police "P" = 40%' });
            assert.ok(codes.includes('classification-mismatch'));
        });
    });
});
