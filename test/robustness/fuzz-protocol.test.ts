import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ResponseError } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client.js';
import { fuzzSettings } from './arbitraries.js';
import { removeWorkspace, REQUEST_LIMIT_MS, tempWorkspace, within } from './helpers.js';

/**
 * Fuzzing the protocol layer of the bundled server over stdio: notifications whose params are
 * valid LSP except for one field replaced by any JSON value (or dropped, or the params
 * themselves replaced), and requests racing the first build on fresh servers. The server must
 * stay up and keep checking, and answer every request with a real result or an error
 * response — never an error object sent as a result, never an internal error.
 */
describe('fuzzing the protocol (stdio)', function () {
    this.timeout(300000);

    const uri = (client: LspClient, name: string) => client.uri(`${name}.warrant`);

    /** Valid params of each notification the server acts on, for a document name. */
    function templates(client: LspClient, name: string): Array<[string, Record<string, unknown>]> {
        const document = uri(client, name);
        return [
            ['textDocument/didOpen', { textDocument: { uri: document, languageId: 'warrant', version: 1, text: 'claim x "X"\n' } }],
            ['textDocument/didChange', { textDocument: { uri: document, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'c' }] }],
            ['textDocument/didChange', { textDocument: { uri: document, version: 3 }, contentChanges: [{ text: 'claim y "Y"\n' }] }],
            ['textDocument/didSave', { textDocument: { uri: document }, text: 'claim x "X"\n' }],
            ['textDocument/didClose', { textDocument: { uri: document } }],
            ['workspace/didChangeWatchedFiles', { changes: [{ uri: document, type: 2 }] }],
            ['workspace/didChangeConfiguration', { settings: { warrant: {} } }],
            ['workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: document, name: 'x' }] } }],
            ['$/cancelRequest', { id: 1 }],
            ['$/setTrace', { value: 'off' }]
        ];
    }

    /** The paths of every field in a JSON value (so one of them can be broken). */
    function fieldPaths(value: unknown, prefix: string[] = []): string[][] {
        if (typeof value !== 'object' || value === null) {
            return [prefix];
        }
        return [prefix, ...Object.entries(value).flatMap(([key, child]) => fieldPaths(child, [...prefix, key]))];
    }

    function replaced(value: unknown, path: string[], replacement: unknown): unknown {
        if (path.length === 0) {
            return replacement;
        }
        const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
        if (replacement === undefined && path.length === 1) {
            delete copy[path[0]];
        } else {
            copy[path[0]] = replaced(copy[path[0]], path.slice(1), replacement);
        }
        return copy;
    }

    const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
        fc.constantFrom(null, undefined, 0, -1, 1.5, 2 ** 53, '', 'file://', '::not a uri::', '\u0000', true, [], {}),
        fc.jsonValue({ maxDepth: 2 }),
        fc.string({ maxLength: 30 })
    );

    /** One malformed notification: which template, which field, what instead. */
    const breakage = fc.record({ template: fc.nat(), field: fc.nat(), value: hostileValue });

    it('malformed notifications never stop the server from checking', async () => {
        const { seed, numRuns } = fuzzSettings(150, 'malformed notifications');
        const dir = tempWorkspace();
        const client = await LspClient.start(dir);
        let marker = 0;
        try {
            await client.open('probe.warrant', 'claim probe "P"\n');
            await fc.assert(fc.asyncProperty(fc.array(breakage, { minLength: 1, maxLength: 4 }), async broken => {
                for (const { template, field, value } of broken) {
                    const all = templates(client, `fuzzed${template % 3}`);
                    const [method, params] = all[template % all.length];
                    const paths = fieldPaths(params);
                    await client.connection.sendNotification(method, replaced(params, paths[field % paths.length], value));
                }
                marker++;
                // The probe's diagnostics name this marker only if the server processed its change.
                await client.change('probe.warrant', `claim probe "P" supported by zzMissing${marker}\n`);
                await client.diagnosticsOf('probe.warrant', d => d.some(x => String(x.message).includes(`zzMissing${marker}\``)), REQUEST_LIMIT_MS);
                assert.equal(client.process.exitCode, null, `the server is alive\n${client.stderr}`);
            }), { seed, numRuns });
        } finally {
            await client.stop();
            removeWorkspace(dir);
        }
    });

    const REQUESTS: Array<[string, (documentUri: string) => Record<string, unknown>]> = [
        ['textDocument/formatting', documentUri => ({ textDocument: { uri: documentUri }, options: { tabSize: 2, insertSpaces: true } })],
        ['textDocument/rangeFormatting', documentUri => ({ textDocument: { uri: documentUri }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, options: { tabSize: 4, insertSpaces: true } })],
        ['textDocument/documentSymbol', documentUri => ({ textDocument: { uri: documentUri } })],
        ['textDocument/foldingRange', documentUri => ({ textDocument: { uri: documentUri } })],
        ['textDocument/hover', documentUri => ({ textDocument: { uri: documentUri }, position: { line: 0, character: 7 } })],
        ['textDocument/completion', documentUri => ({ textDocument: { uri: documentUri }, position: { line: 1, character: 0 } })],
        ['textDocument/definition', documentUri => ({ textDocument: { uri: documentUri }, position: { line: 0, character: 30 } })],
        ['textDocument/documentHighlight', documentUri => ({ textDocument: { uri: documentUri }, position: { line: 0, character: 7 } })],
        ['textDocument/semanticTokens/full', documentUri => ({ textDocument: { uri: documentUri } })],
        ['textDocument/codeLens', documentUri => ({ textDocument: { uri: documentUri } })],
        ['warrant/graph', documentUri => ({ uri: documentUri })]
    ];

    /** Error codes a request may legitimately end with while documents change: cancelled by either side. */
    const CANCELLATIONS = new Set([-32800, -32802, -32801]);

    it('requests racing the first build on fresh servers: real results or error responses, never an error as a result', async () => {
        const { seed, numRuns } = fuzzSettings(4, 'start-up races');
        const race = fc.record({
            requests: fc.array(fc.nat({ max: REQUESTS.length - 1 }), { minLength: 1, maxLength: 8 }),
            awaitOpen: fc.boolean(),
            secondFile: fc.boolean()
        });
        await fc.assert(fc.asyncProperty(race, async ({ requests, awaitOpen, secondFile }) => {
            const dir = tempWorkspace(secondFile ? { 'other.warrant': 'claim other "O"\n' } : {});
            const client = await LspClient.start(dir);
            try {
                const opened = client.open('race.warrant', 'claim race  "R" supported by other\nclaim two "T"\n');
                if (awaitOpen) {
                    await opened;
                }
                const outcomes = await within('racing requests', Promise.all(requests.map(index => {
                    const [method, params] = REQUESTS[index];
                    return client.connection.sendRequest(method, params(uri(client, 'race'))).then(
                        result => ({ method, result, error: undefined as number | undefined }),
                        (error: ResponseError<unknown>) => ({ method, result: undefined, error: error.code })
                    );
                })));
                for (const { method, result, error } of outcomes) {
                    const errorShaped = typeof result === 'object' && result !== null && typeof (result as { code?: unknown }).code === 'number';
                    assert.ok(!errorShaped, `${method}: an error object as the result: ${JSON.stringify(result)}`);
                    assert.ok(error === undefined || CANCELLATIONS.has(error), `${method}: error ${error}`);
                }
                assert.equal(client.process.exitCode, null);
            } finally {
                await client.stop();
                removeWorkspace(dir);
            }
        }), { seed, numRuns });
    });
});
