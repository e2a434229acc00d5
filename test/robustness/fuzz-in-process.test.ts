import fc from 'fast-check';
import { document, exampleTexts, fuzzSettings, mutatedExample, workspace } from './arbitraries.js';
import { InProcessHarness } from './in-process.js';

const probes = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 });

/**
 * Fuzzing the language services in this process: grammar-aware random workspaces and mutated
 * examples, each built, validated and queried by every provider (see InProcessHarness). A
 * failure prints the seed and the shrunk input; keep it as a fixture in fixtures/regressions/.
 */
describe('fuzzing the language services (in process)', function () {
    this.timeout(300000);
    let harness: InProcessHarness;
    before(() => {
        harness = new InProcessHarness();
    });
    after(() => {
        console.log(`      ${harness.cases} workspaces checked; slowest ${harness.slowestMs} ms`);
    });

    it('random plausible workspaces (grammar-aware generation)', async () => {
        const { seed, numRuns } = fuzzSettings(1500, 'generated');
        await fc.assert(fc.asyncProperty(workspace, probes, (texts, at) => harness.run(texts, at)), { seed, numRuns });
    });

    it('mutated examples (character and byte level)', async () => {
        const examples = exampleTexts();
        const { seed, numRuns } = fuzzSettings(1000, 'mutated');
        await fc.assert(fc.asyncProperty(mutatedExample(examples), document, probes, (mutated, other, at) => harness.run([mutated, other], at)), { seed, numRuns });
    });
});
