import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readQdpx } from '../../language/qda/index.js';
import { REPOSITORY } from '../robustness/helpers.js';
import { exampleProject } from './fixtures.js';

describe('examples/qda/lscb-interviews.qdpx', () => {
    const committed = readFileSync(path.join(REPOSITORY, 'examples/qda/lscb-interviews.qdpx'));

    it('is what scripts/make-example-qdpx.ts writes from the transcripts (regenerate it after changing them)', () => {
        assert.ok(Buffer.from(exampleProject().bytes).equals(committed));
    });

    it('reads with every segment cut and no warnings or errors', async () => {
        const project = await readQdpx(committed);
        assert.deepEqual(project.problems.filter(p => p.severity !== 'info'), []);
        assert.equal(project.selections.length, 10);
        assert.ok(project.selections.every(s => s.text !== undefined && s.text.length > 0));
    });
});
