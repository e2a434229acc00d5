import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver';
import { readContainedText, readRegularFile } from '../../language/workspace/safe-read.js';
import { LspClient, SERVER_BUNDLE } from '../helpers/lsp-client.js';
import { CORPUS, materialise, openedText } from './corpus.js';
import { removeWorkspace, runCli, tempWorkspace } from './helpers.js';

/** strace, when this machine has it and may trace its children (CI may not: then those checks are skipped). */
const STRACE = (() => {
    try {
        return spawnSync('strace', ['-f', '-e', 'trace=openat', '-o', '/dev/null', process.execPath, '-e', '0']).status === 0;
    } catch {
        return false;
    }
})();

/** Paths the traced server opened (openat/open, successful or not), read from strace's output. */
function openedPaths(traceFile: string): string[] {
    if (!existsSync(traceFile)) {
        return [];
    }
    return [...readFileSync(traceFile, 'utf8').matchAll(/\bopen(?:at2?)?\((?:[^,]+, )?"((?:[^"\\]|\\.)*)"/g)].map(m => m[1]);
}

async function startServer(workspace: string, trace: string | undefined, options?: unknown): Promise<LspClient> {
    return trace
        ? LspClient.startWith(['strace', '-f', '-qq', '-e', 'trace=open,openat,openat2', '-o', trace], workspace, options)
        : LspClient.start(workspace, options);
}

describe('security: what the language reads', function () {
    this.timeout(120000);

    describe('an untrusted workspace reads no file but the open documents', () => {
        let parent: string;
        let workspace: string;
        let client: LspClient;
        const trace = () => (STRACE ? path.join(parent, 'trace.txt') : undefined);

        before(async () => {
            parent = tempWorkspace();
            workspace = path.join(parent, 'ws');
            mkdirSync(workspace);
            writeFileSync(path.join(workspace, 'refs.bib'), '@book{Merton1948, title = {T}, year = 1948}\n');
            writeFileSync(path.join(workspace, 't.txt'), 'the quote is here\n');
            writeFileSync(path.join(workspace, 'warrant.config.json'), JSON.stringify({ rules: { 'unsupported-claim': 'error' }, bibliography: ['refs.bib'] }));
            writeFileSync(path.join(workspace, 'other.warrant'), 'annex O { datum d1 interview emergent "one" }\n');
            client = await startServer(workspace, trace(), { trusted: false });
        });

        after(async () => {
            await client?.stop();
            removeWorkspace(parent);
        });

        it('no transcript, no warrant.config.json, no bibliography, no other .warrant (indexed or announced by the watcher)', async () => {
            const text = 'bibliography "refs.bib"\nannex A { datum q interview emergent "q" in "t.txt" quote "the quote" }\nclaim c "C" supported by q, d1, d2 cites @Merton1948\nclaim lone "Lone"\n';
            await client.open('a.warrant', text);
            // A file created after start-up and announced by the editor's watcher is not read either.
            writeFileSync(path.join(workspace, 'later.warrant'), 'annex L { datum d2 interview emergent "two" }\n');
            await client.filesChanged(['later.warrant'], FileChangeType.Created);
            await client.change('a.warrant', text + '// edited\n');
            const diagnostics = await client.diagnosticsOf('a.warrant', d => d.some(x => x.code === 'quote-not-found'));
            const message = (code: string) => String(diagnostics.find(d => d.code === code)?.message);
            assert.match(message('quote-not-found'), /`t\.txt` is not read until you trust this workspace/);
            assert.match(message('bibliography-not-found'), /not read until you trust this workspace/);
            assert.ok(diagnostics.some(d => d.code === 'unknown-citation'), 'the config\'s bibliography is not read either');
            const unknown = diagnostics.filter(d => d.code === 'unknown-reference').map(d => String(d.message));
            assert.ok(unknown.some(m => m.includes('`d1`')) && unknown.some(m => m.includes('`d2`')), unknown.join('\n'));
            const lone = diagnostics.find(d => d.code === 'unsupported-claim' && String(d.message).includes('`lone`')) as Diagnostic;
            assert.equal(lone.severity, 2, 'the config\'s rule levels do not apply: it was not read');
            await client.stop();
            if (STRACE) {
                const all = openedPaths(trace()!);
                assert.ok(all.includes(SERVER_BUNDLE), 'the trace saw the server load its bundle');
                assert.deepEqual(all.filter(p => p.startsWith(workspace)), [], 'the server opened no file in the untrusted workspace');
            }
        });
    });

    describe('path containment, seen by the operating system (strace)', () => {
        for (const name of ['bibliography paths that escape the workspace or are no regular file', 'transcript paths that escape the workspace or are no regular file', '.warrant files that are FIFOs, links to devices or outside, directories, or 3 GB']) {
            it(`${name}: none of them is ever opened`, async function () {
                if (!STRACE) {
                    this.skip();
                }
                const testCase = CORPUS.find(c => c.name === name)!;
                const { parent, workspace } = materialise(testCase);
                const traceFile = path.join(parent, 'trace.txt');
                const client = await startServer(workspace, traceFile);
                try {
                    await client.open(testCase.open, openedText(testCase, workspace));
                    await client.diagnosticsOf(testCase.open, d => {
                        try {
                            testCase.expect(d, '');
                            return true;
                        } catch {
                            return false;
                        }
                    });
                } finally {
                    await client.stop();
                }
                const opened = openedPaths(traceFile);
                assert.ok(opened.includes(SERVER_BUNDLE), 'the trace saw the server load its bundle');
                const forbidden = [
                    path.join(parent, 'outside.txt'), path.join(parent, 'outside.warrant'), '/etc/passwd', '/proc/self/environ', '/dev/zero',
                    ...['fifo.txt', 'huge.txt', 'link-zero.txt', 'link-out.txt', 'dir-link/outside.txt', 'fifo.warrant', 'zero.warrant', 'random.warrant', 'out.warrant', 'huge.warrant'].map(f => path.join(workspace, f))
                ];
                assert.deepEqual(opened.filter(p => forbidden.includes(p)), []);
                removeWorkspace(parent);
            });
        }
    });

    describe('the guarded read (files swapped after the containment check)', () => {
        let dir: string;
        before(() => {
            dir = tempWorkspace({ 'ok.txt': '\uFEFFhello', 'big.txt': 'x'.repeat(2048), '../outside.txt': 'secret' });
            execFileSync('mkfifo', [path.join(dir, 'fifo.txt')]);
            symlinkSync(path.join(dir, 'ok.txt'), path.join(dir, 'link.txt'));
        });
        after(() => removeWorkspace(dir));

        it('reads a regular file (without its BOM)', async () => {
            const read = await readRegularFile(path.join(dir, 'ok.txt'), dir, 1024);
            assert.equal(read.ok && read.text, 'hello');
        });

        it('refuses a FIFO without blocking, and devices', async () => {
            const started = Date.now();
            assert.equal((await readRegularFile(path.join(dir, 'fifo.txt'), dir, 1024) as { problem: string }).problem, 'not-a-file');
            assert.ok(Date.now() - started < 2000);
            assert.equal((await readRegularFile('/dev/zero', '/', 1024) as { problem: string }).problem, 'not-a-file');
            assert.equal((await readRegularFile('/dev/urandom', '/', 1024) as { problem: string }).problem, 'not-a-file');
        });

        it('refuses a device node inside the workspace by stat alone, without opening it (needs root for mknod)', async function () {
            const device = path.join(dir, 'zero.bib');
            if (spawnSync('mknod', [device, 'c', '1', '5']).status !== 0) {
                this.skip();
            }
            const started = Date.now();
            const read = await readContainedText(path.join(dir, 'a.warrant'), 'zero.bib', dir, 1024);
            assert.equal((read as { problem: string }).problem, 'not-a-file');
            assert.equal((await readRegularFile(device, dir, 1024) as { problem: string }).problem, 'not-a-file');
            assert.ok(Date.now() - started < 2000);
        });

        it('refuses a file over the cap, a final symbolic link, and (Linux) a file outside the root', async () => {
            assert.equal((await readRegularFile(path.join(dir, 'big.txt'), dir, 1024) as { problem: string }).problem, 'too-large');
            assert.equal((await readRegularFile(path.join(dir, 'link.txt'), dir, 1024) as { problem: string }).problem, 'unreadable');
            if (process.platform === 'linux') {
                assert.equal((await readRegularFile(path.join(dir, '..', 'outside.txt'), dir, 1024) as { problem: string }).problem, 'outside-workspace');
            }
        });
    });

    describe('the CLI never writes a control sequence to the terminal', () => {
        let dir: string;
        before(() => {
            dir = tempWorkspace({
                'evil\u001b]0;pwned\u0007.warrant': 'bibliography "\u001b[2J\u001b]8;;http://x\u0007.bib"\nclaim c "C\u001b[31m" cites @K\n\u001b[1;1H\n'
            });
        });
        after(() => removeWorkspace(dir));

        it('file names, paths and stray characters show as ⟨U+001B⟩', async () => {
            const result = await runCli(['check', '.'], dir);
            assert.equal(result.status, 1);
            assert.doesNotMatch(result.stdout + result.stderr, /[\u0000-\u0008\u000B-\u001F\u007F]/);
            assert.match(result.stdout, /⟨U\+001B⟩/);
        });
    });
});
