import assert from 'node:assert/strict';
import { URI } from 'langium';
import { ClientFileServer } from '../../extension/client-file-server.js';
import { ClientReadDirectoryRequest, ClientReadFileRequest, ClientStatRequest } from '../../language/protocol.js';
import { fromBase64, toBase64 } from '../../language/workspace/base64.js';
import { ClientFiles, type SendRequest } from '../../language/workspace/client-files.js';
import { VirtualFiles } from '../../language/workspace/virtual-files.js';
import { FOLDER, MemoryFiles } from './memory-files.js';

/** The server's ClientFiles wired straight to the client's ClientFileServer (what the LSP connection carries). */
function wire(files: MemoryFiles): ClientFiles {
    const server = new ClientFileServer(files);
    const send = (async (type: { method: string }, params: { uri: string; maxBytes: number }) => {
        // Through JSON, as on the wire.
        const answer = type.method === ClientStatRequest.method ? server.stat(params)
            : type.method === ClientReadFileRequest.method ? server.readFile(params)
                : type.method === ClientReadDirectoryRequest.method ? server.readDirectory(params) : Promise.reject(new Error(type.method));
        return JSON.parse(JSON.stringify(await answer));
    }) as unknown as SendRequest;
    const clientFiles = new ClientFiles(send);
    clientFiles.enabled = true;
    return clientFiles;
}

const uri = (relative: string) => URI.parse(FOLDER + relative);

describe('reading files through the client (virtual workspaces)', () => {
    it('reads a file of the workspace, bytes intact', async () => {
        const files = new MemoryFiles();
        const bytes = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
        files.write('refs.bib', bytes);
        const read = await wire(files).readBytes(uri('refs.bib'), 1_000_000);
        assert.ok(read.ok);
        assert.deepEqual(read.bytes, bytes);
        assert.equal(read.size, bytes.length);
    });

    it('a missing file is not-found; a folder is not-a-file', async () => {
        const files = new MemoryFiles();
        files.write('sub/a.txt', 'a');
        assert.deepEqual(await wire(files).readBytes(uri('nope.bib'), 100), { ok: false, problem: 'not-found' });
        assert.deepEqual(await wire(files).readBytes(uri('sub'), 100), { ok: false, problem: 'not-a-file' });
    });

    it('a file over the cap is too-large, and is not read at all', async () => {
        const files = new MemoryFiles();
        files.write('big.bib', 'x'.repeat(1001));
        files.write('fits.bib', 'x'.repeat(1000));
        assert.deepEqual(await wire(files).readBytes(uri('big.bib'), 1000), { ok: false, problem: 'too-large' });
        assert.deepEqual(files.reads, []);
        assert.ok((await wire(files).readBytes(uri('fits.bib'), 1000)).ok);
    });

    it('nothing outside the workspace folders, nor by . or .. segments, plain or percent-encoded', async () => {
        const files = new MemoryFiles();
        files.write('refs.bib', 'x');
        const server = new ClientFileServer(files);
        for (const outside of ['memfs://other/refs.bib', 'memfs://ws/../etc/passwd', 'memfs://ws/a/%2e%2e/refs.bib', 'memfs://ws/./refs.bib', 'memfs://ws/a%2f..%2frefs.bib', 'file:///etc/passwd']) {
            assert.deepEqual(await server.readFile({ uri: outside, maxBytes: 100 }), { error: 'outside-workspace' }, outside);
            assert.deepEqual(await server.stat({ uri: outside }), { error: 'outside-workspace' }, outside);
        }
        assert.deepEqual(await server.readFile({ uri: 42 as unknown as string, maxBytes: 100 }), { error: 'outside-workspace' });
        assert.deepEqual(files.reads, []);
    });

    it('an untrusted workspace reads nothing', async () => {
        const files = new MemoryFiles();
        files.write('refs.bib', 'x');
        files.trust = false;
        assert.deepEqual(await wire(files).readBytes(uri('refs.bib'), 100), { ok: false, problem: 'untrusted' });
        assert.deepEqual(await wire(files).readDirectory(URI.parse(FOLDER)), []);
        assert.deepEqual(files.reads, []);
    });

    it('a client that did not announce clientFiles is never asked', async () => {
        let asked = 0;
        const clientFiles = new ClientFiles((async () => { asked++; return {}; }) as SendRequest);
        assert.deepEqual(await clientFiles.readBytes(uri('refs.bib'), 100), { ok: false, problem: 'unreadable' });
        assert.equal(asked, 0);
    });

    it('a client that fails or answers nonsense makes the file unreadable, never throws', async () => {
        for (const answer of [Promise.reject(new Error('gone')), Promise.resolve(null), Promise.resolve('text'), Promise.resolve({ data: 7 }), Promise.resolve({ error: 'document-outside-workspace' }), Promise.resolve({ error: {} })]) {
            const clientFiles = new ClientFiles((() => answer) as SendRequest);
            clientFiles.enabled = true;
            assert.deepEqual(await clientFiles.readBytes(uri('refs.bib'), 100), { ok: false, problem: 'unreadable' });
        }
    });

    it('lists a folder for indexing', async () => {
        const files = new MemoryFiles();
        files.write('a.warrant', 'x');
        files.write('sub/b.warrant', 'y');
        const nodes = await wire(files).readDirectory(URI.parse(FOLDER));
        assert.deepEqual(nodes.map(node => [node.uri.toString(), node.isFile, node.isDirectory]).sort(), [
            ['memfs://ws/a.warrant', true, false],
            ['memfs://ws/sub', false, true]
        ]);
    });

    it('base64 both ways keeps every byte value', () => {
        const bytes = new Uint8Array(256 * 3).map((_, i) => i % 256);
        assert.deepEqual(fromBase64(toBase64(bytes)), bytes);
        assert.equal(toBase64(new TextEncoder().encode('hello')), Buffer.from('hello').toString('base64'));
    });
});

describe('VirtualFiles (bibliographies and transcripts of a virtual workspace)', () => {
    const folders = () => [URI.parse(FOLDER)];

    it('resolves relative to the naming document and stays in its folder', async () => {
        const files = new MemoryFiles();
        files.write('lib/refs.bib', '@book{a, title={A}}');
        const virtual = new VirtualFiles(wire(files), folders);
        const read = await virtual.read(uri('chapters/one.warrant'), '../lib/refs.bib', 1000);
        assert.ok(read.ok);
        assert.equal(read.uri.toString(), 'memfs://ws/lib/refs.bib');
        assert.equal(read.text, '@book{a, title={A}}');
        assert.deepEqual(await virtual.read(uri('one.warrant'), '../../outside.bib', 1000), { ok: false, problem: 'not-found' });
        assert.deepEqual(await virtual.read(URI.parse('memfs://elsewhere/one.warrant'), 'refs.bib', 1000), { ok: false, problem: 'outside-workspace' });
    });

    it('reads an unchanged file once, and again after it changed', async () => {
        const files = new MemoryFiles();
        files.write('refs.bib', 'one');
        const virtual = new VirtualFiles(wire(files), folders);
        assert.equal((await virtual.read(uri('a.warrant'), 'refs.bib', 1000) as { text: string }).text, 'one');
        assert.equal((await virtual.read(uri('a.warrant'), 'refs.bib', 1000) as { text: string }).text, 'one');
        assert.equal(files.reads.length, 1);
        files.write('refs.bib', 'two');
        assert.equal((await virtual.read(uri('a.warrant'), 'refs.bib', 1000) as { text: string }).text, 'two');
        assert.equal(files.reads.length, 2);
    });

    it('drops a leading BOM, like reads from disk', async () => {
        const files = new MemoryFiles();
        files.write('refs.bib', '\uFEFF@book{a}');
        const read = await new VirtualFiles(wire(files), folders).read(uri('a.warrant'), 'refs.bib', 1000);
        assert.ok(read.ok);
        assert.equal(read.text, '@book{a}');
    });
});
