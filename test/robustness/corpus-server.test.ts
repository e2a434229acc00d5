import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { LspClient } from '../helpers/lsp-client.js';
import { CORPUS, materialise, openedText, type BadInputCase } from './corpus.js';
import { assertLocatedAndBounded, inPairs, probeRequests, removeWorkspace, within, type ProbeTiming } from './helpers.js';

/**
 * Every bad input of the corpus through the bundled server over stdio: the first diagnostics
 * come in time, are located and bounded and show what the case is about; then every usual
 * request answers within the per-request limit; the server is still up and has logged no
 * error of its own.
 */
describe('bad input through the language server (stdio)', function () {
    this.timeout(300000);
    const slowest: Array<{ name: string; ms: number; request: string }> = [];

    after(() => {
        slowest.sort((a, b) => b.ms - a.ms);
        console.log(`      slowest answers: ${slowest.slice(0, 5).map(s => `${s.request} ${s.ms} ms (${s.name})`).join('; ')}`);
    });

    const outcomes = new Map<string, unknown>();

    // Two cases at a time (two cores); each test then reports its own case's outcome.
    before(async () => {
        await inPairs(CORPUS, async testCase => {
            try {
                await runCase(testCase);
                outcomes.set(testCase.name, 'ok');
            } catch (error) {
                outcomes.set(testCase.name, error);
            }
        });
    });

    for (const testCase of CORPUS) {
        it(testCase.name, () => {
            const outcome = outcomes.get(testCase.name);
            if (outcome !== 'ok') {
                throw outcome ?? new Error('not run');
            }
        });
    }

    async function runCase(testCase: BadInputCase): Promise<void> {
        const { parent, workspace } = materialise(testCase);
        const client = await LspClient.start(workspace);
        try {
            const text = openedText(testCase, workspace);
            const started = Date.now();
            await client.open(testCase.open, text);
            let failure: unknown;
            const diagnostics: Diagnostic[] = await client.diagnosticsOf(testCase.open, d => {
                try {
                    testCase.expect(d, text);
                    return true;
                } catch (error) {
                    failure = error;
                    return false;
                }
            }, testCase.diagnosticsWithinMs ?? 8000).catch(error => {
                throw failure ?? error;
            });
            const firstDiagnosticsMs = Date.now() - started;
            assertLocatedAndBounded(diagnostics, text, testCase.name);

            const timings: ProbeTiming[] = await probeRequests(client, testCase.open, text);
            timings.forEach(t => slowest.push({ ...t, name: testCase.name }));
            await testCase.check?.(client, text);

            // Still up: an edit is checked and answered.
            await client.change(testCase.open, 'claim stillAlive "S" supported by nothingHere\n');
            await client.diagnosticsOf(testCase.open, d => d.some(x => String(x.message).includes('`nothingHere`')));
            await within('hover after the edit', client.hover(testCase.open, { line: 0, character: 8 }));
            assert.equal(client.process.exitCode, null, 'the server process is alive');
            assert.equal(client.stderr, '', 'nothing on stderr');
            const errors = client.logMessages.filter(m => m.type === 1);
            assert.deepEqual(errors, [], 'the server logged no error');
            assert.ok(firstDiagnosticsMs < (testCase.diagnosticsWithinMs ?? 8000));
        } finally {
            await client.stop();
            removeWorkspace(parent);
        }
    }
});
