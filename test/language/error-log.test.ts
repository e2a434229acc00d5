import assert from 'node:assert/strict';
import type { LangiumSharedServices } from 'langium/lsp';
import { recover, serverErrorLog } from '../../language/lsp/error-log.js';

describe('errors an editor feature recovers from', () => {
    it('recover returns the value, or undefined after logging what failed and why', () => {
        const logged: string[] = [];
        const log = (what: string, error: unknown) => logged.push(`${what}: ${(error as Error).message}`);
        assert.equal(recover(() => 42, log, 'Answering'), 42);
        assert.deepEqual(logged, []);
        assert.equal(recover(() => { throw new Error('bad entry'); }, log, 'Formatting @k'), undefined);
        assert.deepEqual(logged, ['Formatting @k: bad entry']);
    });

    it('the server log writes to the connection console (the Output channel), and is silent without a connection', () => {
        const errors: string[] = [];
        const shared = { lsp: { Connection: { console: { error: (message: string) => errors.push(message) } } } } as unknown as LangiumSharedServices;
        serverErrorLog(shared)('An inlay hint', new TypeError('x is undefined'));
        assert.equal(errors.length, 1);
        assert.match(errors[0], /^An inlay hint failed: TypeError: x is undefined/);
        const offline = { lsp: { Connection: undefined } } as unknown as LangiumSharedServices;
        assert.doesNotThrow(() => serverErrorLog(offline)('Hover', new Error('e')));
    });
});
