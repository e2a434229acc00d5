import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assignLanes, type LaneSpan } from '../../language/graph/lanes.js';

describe('lanes for long edges', () => {
    it('never puts touching spans in one lane, and uses as few lanes as the busiest layer needs (property)', () => {
        const span = fc.tuple(fc.nat(60), fc.nat(30)).map(([top, length]): LaneSpan => ({ top, bottom: top + length }));
        fc.assert(fc.property(fc.array(span, { maxLength: 80 }), spans => {
            const { lane, count } = assignLanes(spans);
            for (let i = 0; i < spans.length; i++) {
                assert.ok(lane[i] >= 0 && lane[i] < count);
                for (let j = i + 1; j < spans.length; j++) {
                    const touch = spans[i].top <= spans[j].bottom && spans[j].top <= spans[i].bottom;
                    if (touch) assert.notEqual(lane[i], lane[j], `spans ${i} and ${j} share lane ${lane[i]}`);
                }
            }
            let busiest = 0;
            for (let layer = 0; layer <= 90; layer++) busiest = Math.max(busiest, spans.filter(s => s.top <= layer && layer <= s.bottom).length);
            assert.equal(count, busiest);
        }), { numRuns: 300 });
    });

    it('fills the lowest free lane first, so lanes stay packed against the drawing', () => {
        const { lane, count } = assignLanes([{ top: 0, bottom: 10 }, { top: 0, bottom: 2 }, { top: 1, bottom: 20 }, { top: 5, bottom: 6 }, { top: 12, bottom: 14 }]);
        assert.deepEqual([...lane], [0, 1, 2, 1, 0]);
        assert.equal(count, 3);
    });
});
