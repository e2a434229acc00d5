import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CancellationTokenSource, type ResponseError } from 'vscode-languageserver-protocol';
import { LspClient, SERVER_BUNDLE } from '../helpers/lsp-client.js';
import { removeWorkspace, tempWorkspace, within } from './helpers.js';

/**
 * The language server over stdio against what a careless or hostile client sends: requests
 * racing the first build, malformed notifications and frames, trust options that are not
 * booleans, documents outside the workspace folders, URIs a client spells differently from
 * vscode-uri, and cancellation storms. Plus what it tells the user in its log.
 */
describe('server hardening (stdio)', function () {
    this.timeout(120000);

    /** A JSON-RPC error response comes back as a rejected ResponseError; a result never looks like one. */
    function assertRealResult(label: string, result: unknown): void {
        const looksLikeError = typeof result === 'object' && result !== null && typeof (result as { code?: unknown }).code === 'number';
        assert.ok(!looksLikeError, `${label}: an error object was sent as the result: ${JSON.stringify(result)}`);
    }

    describe('requests sent right after didOpen, on fresh servers', () => {
        const text = 'claim alpha "Alpha"  supported by beta\nclaim beta "Beta"\n';
        for (let round = 0; round < 3; round++) {
            it(`round ${round + 1}: formatting, symbols, hover, folding and range formatting get real answers`, async () => {
                const dir = tempWorkspace();
                const client = await LspClient.start(dir);
                try {
                    void client.open('race.warrant', text);
                    const uri = client.uri('race.warrant');
                    const options = { tabSize: 4, insertSpaces: true };
                    const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
                    const answers = await within('start-up requests', Promise.all([
                        client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options }),
                        client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
                        client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } }),
                        client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } }),
                        client.connection.sendRequest('textDocument/rangeFormatting', { textDocument: { uri }, range, options })
                    ]));
                    answers.forEach((answer, index) => assertRealResult(`request ${index}`, answer));
                    const [formatting, symbols] = answers as unknown as [Array<{ newText: string }>, Array<{ name: string }>];
                    assert.ok(Array.isArray(formatting) && formatting.length > 0, 'the double space is formatted away');
                    assert.deepEqual(symbols.map(symbol => symbol.name).sort(), ['alpha', 'beta']);
                } finally {
                    await client.stop();
                    removeWorkspace(dir);
                }
            });
        }
    });

    it('a request cancelled while it waits for its just-opened document is answered, as cancelled', async () => {
        const dir = tempWorkspace();
        const client = await LspClient.start(dir);
        try {
            void client.open('wait.warrant', 'claim w "W"\n');
            const source = new CancellationTokenSource();
            const answer = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: client.uri('wait.warrant') } }, source.token);
            source.cancel();
            const outcome = await within('the cancelled request', answer.then(result => ({ result }), (error: ResponseError<unknown>) => ({ error: error.code })));
            if ('result' in outcome) {
                assertRealResult('documentSymbol', outcome.result);
            } else {
                assert.ok([-32800, -32802].includes(outcome.error), `a cancellation, not ${outcome.error}`);
            }
        } finally {
            await client.stop();
            removeWorkspace(dir);
        }
    });

    describe('malformed notifications', () => {
        let dir: string;
        let client: LspClient;
        before(async () => {
            dir = tempWorkspace();
            client = await LspClient.start(dir);
        });
        after(async () => {
            await client?.stop();
            removeWorkspace(dir);
        });

        it('are logged and ignored; the server keeps working', async () => {
            const uri = client.uri('bad.warrant');
            const malformed: Array<[string, unknown]> = [
                ['textDocument/didOpen', { textDocument: { uri, languageId: 'warrant', version: 1, text: null } }],
                ['textDocument/didOpen', { textDocument: { uri, languageId: 'warrant', version: 1, text: 42 } }],
                ['textDocument/didOpen', { textDocument: { uri: 7, languageId: 'warrant', version: 1, text: 'claim a "A"\n' } }],
                ['textDocument/didOpen', { textDocument: null }],
                ['textDocument/didOpen', null],
                ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: null }],
                ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: 'x' }, text: 'y' }] }],
                ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: { evil: true } }] }],
                ['textDocument/didClose', { textDocument: 5 }],
                ['textDocument/didSave', { textDocument: { uri }, text: 9 }],
                ['workspace/didChangeWatchedFiles', { changes: null }],
                ['workspace/didChangeWatchedFiles', { changes: [{ uri: null, type: 2 }] }],
                ['workspace/didChangeConfiguration', null],
                ['$/cancelRequest', null]
            ];
            for (const [method, params] of malformed) {
                await client.connection.sendNotification(method, params);
            }
            await client.open('good.warrant', 'claim good "G" supported by missing\n');
            const diagnostics = await client.diagnosticsOf('good.warrant', d => d.some(x => x.code === 'unknown-reference'));
            assert.ok(diagnostics.length > 0);
            assert.equal(client.process.exitCode, null, `the server is alive\n${client.stderr}`);
            assert.equal(client.lastDiagnostics('bad.warrant'), undefined, 'nothing was checked for the malformed documents');
            const ignored = client.logMessages.filter(m => m.message.startsWith('Ignored a malformed'));
            assert.ok(ignored.length >= malformed.length - 1, `each malformed notification is logged: ${JSON.stringify(ignored)}`);
            assert.ok(ignored.some(m => /textDocument\/didOpen.*`text` is not a string/.test(m.message)), JSON.stringify(ignored));
        });
    });

    describe('trust', () => {
        let dir: string;
        before(() => {
            dir = tempWorkspace({ 'refs.bib': '@book{Merton1948, title = {T}, year = 1948}\n' });
        });
        after(() => removeWorkspace(dir));
        const text = 'bibliography "refs.bib"\nclaim c "C" cites @Merton1948\n';

        for (const trusted of [false, 'false', 0, null, 'true', 1, {}, []]) {
            it(`trusted: ${JSON.stringify(trusted)} is not trust: no bibliography is read`, async () => {
                const client = await LspClient.start(dir, { trusted });
                try {
                    await client.open('t.warrant', text);
                    const diagnostics = await client.diagnosticsOf('t.warrant', d => d.some(x => x.code === 'bibliography-not-found'));
                    assert.match(String(diagnostics.find(x => x.code === 'bibliography-not-found')!.message), /not read until you trust this workspace/);
                } finally {
                    await client.stop();
                }
            });
        }

        // No `trusted` key: a client with no notion of trust, started by the user.
        for (const options of [{ trusted: true }, undefined, {}, { editor: 'neovim' }]) {
            it(`${JSON.stringify(options) ?? 'no initialization options'} reads the bibliography`, async () => {
                const client = await LspClient.start(dir, options);
                try {
                    await client.open('t.warrant', text);
                    const diagnostics = await client.diagnosticsOf('t.warrant');
                    assert.ok(!diagnostics.some(x => x.code === 'bibliography-not-found' || x.code === 'unknown-citation'), JSON.stringify(diagnostics));
                } finally {
                    await client.stop();
                }
            });
        }
    });

    describe('a document outside every workspace folder', () => {
        // Spelled out, not imported: the test checks the words the user reads.
        const OUTSIDE_MESSAGE = 'This file is outside the workspace folders, so Warrant reads no bibliography or transcript for it.';
        let home: string;
        let client: LspClient;
        before(async () => {
            home = tempWorkspace({
                'project/main.warrant': 'claim inside "Inside"\n',
                'Zotero/library.bib': '@book{Secret2020, title = {Private Library}, year = 2020}\n@book{Secret2021, title = {Private Library}, year = 2021}\n',
                '.ssh/id_rsa': '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n'
            }, 'warrant-home-');
            client = await LspClient.start(path.join(home, 'project'));
        });
        after(async () => {
            await client?.stop();
            removeWorkspace(home);
        });

        /** Opens a document by its path from the workspace folder (`../` leads out of it). */
        async function openOutside(file: string, text: string) {
            await client.open(file, text);
            return client.diagnosticsOf(file);
        }

        it('reads no bibliography next to it and says so once', async () => {
            const diagnostics = await openOutside('../evil.warrant', 'bibliography "Zotero/library.bib"\nbibliography "Zotero/library.bib"\nclaim c "C" cites @Secret2020\n');
            assert.ok(diagnostics.some(x => x.code === 'unknown-citation'), `the key in the private library stays unknown: ${JSON.stringify(diagnostics)}`);
            const refusals = diagnostics.filter(x => x.code === 'bibliography-not-found');
            assert.equal(refusals.length, 1, JSON.stringify(diagnostics));
            assert.equal(String(refusals[0].message), OUTSIDE_MESSAGE);
            assert.ok(!JSON.stringify(diagnostics).includes('Private Library'));
        });

        it('quote-checks nothing against files next to it', async () => {
            const diagnostics = await openOutside('../quotes.warrant', 'annex A {\n  datum k interview emergent "key" in ".ssh/id_rsa" quote "BEGIN OPENSSH PRIVATE KEY"\n  datum j interview emergent "key" in ".ssh/id_rsa" quote "not in the key"\n}\nclaim c "C" supported by k, j\n');
            const quotes = diagnostics.filter(x => x.code === 'quote-not-found');
            assert.equal(quotes.length, 1, JSON.stringify(diagnostics));
            assert.equal(String(quotes[0].message), OUTSIDE_MESSAGE);
        });

        it('a document naming both a bibliography and a transcript gets the one diagnostic, not one per file', async () => {
            const diagnostics = await openOutside('../both.warrant', 'bibliography "Zotero/library.bib"\nannex A {\n  datum k interview emergent "key" in ".ssh/id_rsa" quote "BEGIN"\n}\nclaim c "C" supported by k cites @Secret2020\n');
            const refusals = diagnostics.filter(x => x.message === OUTSIDE_MESSAGE);
            assert.equal(refusals.length, 1, JSON.stringify(diagnostics));
            assert.equal(diagnostics.filter(x => x.code === 'quote-not-found' || x.code === 'bibliography-not-found').length, 1, JSON.stringify(diagnostics));
        });

        it('a document at the file system root does not get / as its boundary', async () => {
            const fromRoot = path.relative('/', path.join(home, 'Zotero/library.bib')).split(path.sep).join('/');
            const atRoot = path.relative(path.join(home, 'project'), '/warrant-hardening-evil.warrant');
            assert.equal(client.uri(atRoot), 'file:///warrant-hardening-evil.warrant');
            const diagnostics = await openOutside(atRoot, `bibliography "${fromRoot}"\nclaim root "C" cites @Secret2021\n`);
            assert.ok(diagnostics.some(x => x.code === 'unknown-citation'), JSON.stringify(diagnostics));
            assert.ok(diagnostics.some(x => x.code === 'bibliography-not-found' && x.message === OUTSIDE_MESSAGE), JSON.stringify(diagnostics));
        });
    });

    it('diagnostics are published under the URI the client opened, not a re-encoded one', async () => {
        const dir = tempWorkspace();
        const client = await LspClient.start(dir);
        try {
            const file = 'a=b(c)&d!.warrant';
            await client.open(file, 'claim c "C" supported by missing\n');
            assert.match(client.uri(file), /a=b\(c\)&d!\.warrant$/);
            const diagnostics = await client.diagnosticsOf(file, d => d.some(x => x.code === 'unknown-reference'), 10000);
            assert.ok(diagnostics.length > 0);
            assert.deepEqual([...client.publishCounts.keys()].filter(uri => uri.includes('.warrant')), [client.uri(file)], 'no diagnostics for a phantom document');
        } finally {
            await client.stop();
            removeWorkspace(dir);
        }
    });

    it('warrant/graph requests cancelled while edits rebuild: each answers with a result or a cancellation, never an internal error', async () => {
        const dir = tempWorkspace();
        const client = await LspClient.start(dir);
        try {
            const text = (n: number) => Array.from({ length: 200 }, (_, i) => `claim c${i} "C ${n}"${i > 0 ? ` supported by c${i - 1}` : ''}\n`).join('');
            await client.open('storm.warrant', text(0));
            await client.diagnosticsOf('storm.warrant');
            const outcomes = new Map<string, number>();
            const pending: Array<Promise<void>> = [];
            for (let round = 1; round <= 150; round++) {
                await client.change('storm.warrant', text(round));
                const source = new CancellationTokenSource();
                pending.push(client.connection.sendRequest('warrant/graph', { uri: client.uri('storm.warrant') }, source.token).then(
                    () => void outcomes.set('result', (outcomes.get('result') ?? 0) + 1),
                    (error: ResponseError<unknown>) => void outcomes.set(String(error.code), (outcomes.get(String(error.code)) ?? 0) + 1)
                ));
                setTimeout(() => source.cancel(), round % 5);
            }
            await within('the storm', Promise.all(pending), 60000);
            const kinds = [...outcomes.keys()].sort();
            assert.ok(kinds.every(kind => kind === 'result' || kind === '-32800'), `only results and cancellations: ${JSON.stringify([...outcomes])}`);
        } finally {
            await client.stop();
            removeWorkspace(dir);
        }
    });

    it('a header with a bad Content-Length: the server says why and exits', async () => {
        const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => (stdout += String(chunk)));
        child.stderr.on('data', chunk => (stderr += String(chunk)));
        const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
        child.stdin.write('Content-Length: many\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}');
        // stdin stays open: the old server waited here for good.
        const code = await within('the exit', exited, 10000);
        child.stdin.destroy();
        assert.equal(code, 1);
        assert.match(stderr, /malformed message header/);
        assert.match(stdout, /malformed message header/, 'the client is told too (window\/logMessage)');
    });

    describe('the server log', () => {
        let dir: string;
        let client: LspClient;
        before(async () => {
            dir = tempWorkspace({
                'a.warrant': 'claim a1 "A1"\nclaim a2 "A2"\n',
                'sub/b.warrant': 'claim b1 "B1"\nannex X { datum d interview emergent "d" }\n',
                'warrant.config.json': '{ "rules": { "no-such-rule": "error" } }\n'
            });
            mkdirSync(path.join(dir, 'big'));
            writeFileSync(path.join(dir, 'big/huge.txt'), Buffer.alloc(51 * 1024 * 1024, 'x'));
            client = await LspClient.start(dir);
        });
        after(async () => {
            await client?.stop();
            removeWorkspace(dir);
        });

        it('says it started, what it indexed, configuration problems and files it did not read', async () => {
            await client.open('c.warrant', 'annex T { datum t interview emergent "t" in "big/huge.txt" quote "x" }\nclaim c "C" supported by t\n');
            await client.diagnosticsOf('c.warrant', d => d.some(x => x.code === 'quote-not-found'));
            const expected = [
                /^Warrant language server \d+\.\d+\.\d+\S* started/,
                /^Indexed 2 files, \.warrant and Markdown \(3 claims\) in \d+ ms\.$/,
                /^warrant\.config\.json: .*no-such-rule/,
                /^Not read: `.*huge\.txt` is too large to read\.$/
            ];
            const lines = () => client.logMessages.map(m => m.message);
            const missing = () => expected.filter(pattern => !lines().some(line => pattern.test(line)));
            // The log follows the build that published the diagnostics.
            for (let waited = 0; missing().length > 0 && waited < 5000; waited += 50) {
                await new Promise(resolve => setTimeout(resolve, 50));
            }
            assert.deepEqual(missing(), [], JSON.stringify(lines(), null, 1));
            const before = lines().length;
            for (let i = 0; i < 5; i++) {
                await client.change('c.warrant', `annex T { datum t interview emergent "t" in "big/huge.txt" quote "x" }\nclaim c "C${i}" supported by t\n`);
                await client.diagnosticsOf('c.warrant', d => d.some(x => x.code === 'quote-not-found'));
            }
            await new Promise(resolve => setTimeout(resolve, 300));
            assert.deepEqual(client.logMessages.slice(before).map(m => m.message), [], 'edits add no log lines');
        });
    });
});
