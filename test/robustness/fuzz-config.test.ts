import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseConfig } from '../../language/config/warrant-config.js';
import { Glob, MAX_GLOB_LENGTH } from '../../language/config/glob.js';
import { fuzzSettings } from './arbitraries.js';
import { assertNoRawControl } from './terminal-output.js';
import { assertNoCrashOutput, removeWorkspace, runCli, tempWorkspace } from './helpers.js';

/** Pieces of hostile text: terminal escapes, bidi controls, C1 controls, NUL, lone surrogates, glob metacharacters. */
const HOSTILE = [
    '\u001b]0;PWNED\u0007', '\u001b[2J', '\u001b[31m', '\u009b2J', '\u202e', '\u2066', '\u200f', '\u0000', '\u0007', '\u007f',
    '\ud800', '\udc00', '\r', '\n', '\t', '__proto__', 'constructor', 'single-source', '*', '**', '?', '[', '[!a-', '\\', '/', '../', 'a'
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 8 }).map(parts => parts.join('')) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('*a', '**/', '?', '[a-z]'), fc.integer({ min: 1, max: 600 })).map(([unit, n]) => unit.repeat(n) + 'b') }
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
    hostileString,
    fc.constantFrom('off', 'hint', 'information', 'warning', 'error', null, 0, true),
    fc.array(hostileString, { maxLength: 3 }),
    fc.dictionary(hostileString, hostileString, { maxKeys: 2 })
);

/** A config object whose keys and values are hostile; sometimes a known key with a hostile value. */
const hostileConfig: fc.Arbitrary<Record<string, unknown>> = fc.record({
    rules: fc.oneof(fc.dictionary(hostileString, hostileValue, { maxKeys: 6 }), hostileValue),
    bibliography: hostileValue,
    include: fc.oneof(fc.constant(undefined), fc.array(hostileString, { maxLength: 4 }), hostileValue),
    exclude: fc.oneof(fc.array(hostileString, { maxLength: 4 }), hostileValue)
}, { requiredKeys: ['rules'] });

/** Config text: the object as JSON, or that JSON cut short or with a hostile string spliced in. */
const configText: fc.Arbitrary<string> = fc.oneof(
    { weight: 4, arbitrary: hostileConfig.map(config => JSON.stringify(config)) },
    { weight: 1, arbitrary: fc.tuple(hostileConfig, hostileString, fc.double({ min: 0, max: 1, noNaN: true })).map(([config, junk, at]) => {
        const json = JSON.stringify(config);
        const cut = Math.floor(at * json.length);
        return json.slice(0, cut) + junk + json.slice(cut);
    }) }
);

const SAMPLE_PATHS = ['a.warrant', 'docs/b.warrant', 'a'.repeat(200) + '/x.warrant', 'test/robustness/fixtures/f.warrant'];

/**
 * Hostile `warrant.config.json` keys and values: the loader reports problems without a raw
 * control character (they are printed by the CLI and logged by the server), keeps only string
 * globs of bounded length, and a glob from such a file matches in bounded steps; the CLI run on
 * such a config writes no control character and does not crash.
 */
describe('fuzzing warrant.config.json (hostile keys and values)', function () {
    this.timeout(300000);

    it('the loader: problems are printable, globs are strings of bounded length and match without blowing up', () => {
        const { seed, numRuns } = fuzzSettings(1000, 'config loader');
        fc.assert(fc.property(configText, text => {
            const { config, problems } = parseConfig(text);
            for (const problem of problems) {
                assertNoRawControl(problem.message, 'config problem');
                if (problem.range) {
                    // A located problem points into the text, never past its last line.
                    const lines = text.split(/\r\n|\r|\n/).length;
                    assert.ok(problem.range.start.line <= problem.range.end.line && problem.range.end.line < lines, JSON.stringify(problem.range));
                }
            }
            for (const glob of [...config.include, ...config.exclude]) {
                assert.equal(typeof glob, 'string');
                assert.ok(glob.length <= MAX_GLOB_LENGTH);
                const compiled = new Glob(glob);
                for (const sample of SAMPLE_PATHS) {
                    assert.equal(typeof compiled.matches(sample), 'boolean');
                }
            }
            assert.equal(Object.getPrototypeOf(config.rules), Object.prototype, 'no prototype pollution');
        }), { seed, numRuns });
    });

    it('the CLI: no control character on stdout or stderr, no crash, exit 0 or 1', async () => {
        const { seed, numRuns } = fuzzSettings(8, 'config through the CLI');
        const dir = tempWorkspace({ 'a.warrant': 'claim c "C"\n', 'docs/b.warrant': 'claim d "D" supported by c\n' }, 'warrant-fuzz-config-');
        try {
            await fc.assert(fc.asyncProperty(configText, async text => {
                writeFileSync(path.join(dir, 'warrant.config.json'), text);
                for (const args of [['check', '.'], ['check', '.', '--format', 'json']]) {
                    const result = await runCli(args, dir);
                    const label = `${args.join(' ')} with config ${JSON.stringify(text).slice(0, 300)}`;
                    assertNoRawControl(result.stdout + result.stderr, label);
                    assertNoCrashOutput(result, label);
                    assert.ok(result.status === 0 || result.status === 1, `${label}: exit ${result.status}\n${result.stderr}`);
                }
            }), { seed, numRuns });
        } finally {
            removeWorkspace(dir);
        }
    });
});
