// The language server (the Node bundle; the Web Worker runs the same code) in a virtual workspace:
// the folder is memfs://ws/, which it can only read through the client, here a test client that
// answers warrant/stat, warrant/readFile and warrant/readDirectory from memory with the
// extension's own ClientFileServer.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    createProtocolConnection, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, FileChangeType, InitializedNotification, InitializeRequest,
    PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter, type Diagnostic, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import { ClientFileServer } from '../../extension/client-file-server.js';
import { ClientReadDirectoryRequest, ClientReadFileRequest, ClientStatRequest } from '../../language/protocol.js';
import { SERVER_BUNDLE } from '../helpers/lsp-client.js';
import { FOLDER, MemoryFiles } from './memory-files.js';

const caseStudy = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/lscb-gender-hypothesis');
const ARGUMENT = `${FOLDER}argument.warrant`;

class VirtualClient {
    readonly connection: ProtocolConnection;
    readonly diagnostics = new Map<string, Diagnostic[]>();

    constructor(readonly child: ChildProcess, readonly files: MemoryFiles) {
        this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        const server = new ClientFileServer(files);
        this.connection.onRequest(ClientStatRequest, params => server.stat(params));
        this.connection.onRequest(ClientReadFileRequest, params => server.readFile(params));
        this.connection.onRequest(ClientReadDirectoryRequest, params => server.readDirectory(params));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params.diagnostics);
        });
        this.connection.listen();
    }

    static async start(files: MemoryFiles, initializationOptions: object): Promise<VirtualClient> {
        const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const client = new VirtualClient(child, files);
        await client.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: FOLDER,
            workspaceFolders: [{ uri: FOLDER, name: 'ws' }],
            capabilities: { workspace: { workspaceFolders: true, configuration: false } },
            initializationOptions
        });
        await client.connection.sendNotification(InitializedNotification.type, {});
        return client;
    }

    /** Opens a file of the virtual disk in the "editor", as VS Code does when the user opens it. */
    async open(uri: string): Promise<void> {
        const text = new TextDecoder().decode(this.files.files.get(uri)!.bytes);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'warrant', version: 1, text } });
    }

    codes(uri: string): string[] {
        return (this.diagnostics.get(uri) ?? []).map(d => String(d.code));
    }

    async waitFor(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
        const deadline = Date.now() + timeoutMs;
        while (!predicate()) {
            if (Date.now() > deadline) {
                throw new Error(`timed out waiting for ${what}; have ${JSON.stringify(this.diagnostics.get(ARGUMENT)?.map(d => `${d.code}: ${message(d)}`) ?? null)}`);
            }
            await new Promise(resolve => setTimeout(resolve, 50));
        }
    }

    stop(): void {
        this.connection.dispose();
        this.child.kill();
    }
}

function caseStudyFiles(): MemoryFiles {
    const files = new MemoryFiles();
    for (const name of fs.readdirSync(caseStudy)) files.write(name, fs.readFileSync(path.join(caseStudy, name)));
    return files;
}

const message = (d: Diagnostic) => typeof d.message === 'string' ? d.message : d.message.value;
const isSlip = (d: Diagnostic) => d.code === 'unknown-citation' && message(d).startsWith('Unknown citation @Henricksson2006:');

describe('the language server in a virtual workspace (files through the client)', function () {
    this.timeout(30_000);
    let client: VirtualClient | undefined;
    afterEach(() => client?.stop());

    it('indexes the folder and reads the bibliography through the client: the case study\'s findings', async () => {
        client = await VirtualClient.start(caseStudyFiles(), { trusted: true, clientFiles: true });
        await client.open(ARGUMENT);
        await client.waitFor(() => ['unknown-citation', 'classification-mismatch'].every(code => client!.codes(ARGUMENT).includes(code)), 'the case study\'s findings');
        const slip = client.diagnostics.get(ARGUMENT)!.find(isSlip);
        assert.match(message(slip!), /Did you mean @Henriksson2006\b/);
        assert.ok(!client.codes(ARGUMENT).includes('unknown-reference'), 'names declared in the other files resolve');
    });

    it('a changed bibliography on the virtual disk revalidates the documents citing it', async () => {
        const files = caseStudyFiles();
        client = await VirtualClient.start(files, { trusted: true, clientFiles: true });
        await client.open(ARGUMENT);
        await client.waitFor(() => client!.diagnostics.get(ARGUMENT)?.some(isSlip) === true, 'the unknown citation @Henricksson2006');
        const bib = new TextDecoder().decode(files.files.get(`${FOLDER}references.bib`)!.bytes);
        files.write('references.bib', `${bib}\n@book{Henricksson2006, author = {Henricksson, A.}, title = {Old professionalism}, year = {2006}}\n`);
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `${FOLDER}references.bib`, type: FileChangeType.Changed }] });
        await client.waitFor(() => client!.diagnostics.get(ARGUMENT) !== undefined && !client!.diagnostics.get(ARGUMENT)!.some(isSlip), 'the citation to resolve');
    });

    it('closing a file of the virtual workspace keeps it in the workspace, with its text as on the virtual disk', async () => {
        client = await VirtualClient.start(caseStudyFiles(), { trusted: true, clientFiles: true });
        const annex = `${FOLDER}annex.warrant`;
        await client.open(ARGUMENT);
        await client.open(annex);
        await client.waitFor(() => client!.codes(ARGUMENT).includes('classification-mismatch') && !client!.codes(ARGUMENT).includes('unknown-reference'), 'the case study checked');
        // An unsaved edit that removes every declaration of the annex, then "close without saving".
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: annex, version: 2 }, contentChanges: [{ text: '' }] });
        await client.waitFor(() => client!.codes(ARGUMENT).includes('unknown-reference'), 'the names of the emptied annex unknown');
        await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: annex } });
        await client.waitFor(() => !client!.codes(ARGUMENT).includes('unknown-reference'), 'the annex back as it is on the virtual disk');
    });

    it('warrant.config.json of the virtual folder is read: its rule levels and its bibliography apply', async () => {
        const files = new MemoryFiles();
        files.write('warrant.config.json', JSON.stringify({ bibliography: ['lib/refs.bib'], rules: { 'unsupported-claim': 'off' } }));
        files.write('lib/refs.bib', '@book{Known2020, author = {Known, A.}, title = {Known}, year = {2020}}\n');
        files.write('a.warrant', 'claim known "Cites a key of the configured bibliography"\n  cites @Known2020\n\nclaim unknown "Cites a key of none"\n  cites @Knwon2020\n\nclaim bare "Rests on nothing"\n');
        client = await VirtualClient.start(files, { trusted: true, clientFiles: true });
        await client.open(`${FOLDER}a.warrant`);
        await client.waitFor(() => client!.codes(`${FOLDER}a.warrant`).includes('unknown-citation'), 'the unknown citation');
        const unknown = client.diagnostics.get(`${FOLDER}a.warrant`)!.filter(d => d.code === 'unknown-citation');
        assert.equal(unknown.length, 1, unknown.map(message).join('\n'));
        assert.match(message(unknown[0]), /@Knwon2020.*Did you mean @Known2020\b/s);
        assert.ok(!client.codes(`${FOLDER}a.warrant`).includes('unsupported-claim'), 'the config turns unsupported-claim off');
    });

    it('a transcript is read through the client: a quote not in it is reported, one in it is not', async () => {
        const files = new MemoryFiles();
        files.write('sw1.txt', 'Interviewer: and then?\nSW1: he asked me to make him a cup of tea.\n');
        files.write('b.warrant', 'annex A {\n  datum tea interview emergent "tea" in "sw1.txt" lines 2-2 quote "make him a cup of tea"\n  datum coffee interview emergent "coffee" in "sw1.txt" lines 2-2 quote "make him a cup of coffee"\n}\nclaim t "T" supported by tea, coffee\n');
        client = await VirtualClient.start(files, { trusted: true, clientFiles: true });
        await client.open(`${FOLDER}b.warrant`);
        await client.waitFor(() => client!.codes(`${FOLDER}b.warrant`).includes('quote-not-found'), 'quote-not-found');
        const missing = client.diagnostics.get(`${FOLDER}b.warrant`)!.filter(d => d.code === 'quote-not-found');
        assert.equal(missing.length, 1, missing.map(message).join('\n'));
        assert.equal(missing[0].range.start.line, 2, 'on the coffee datum');
        assert.ok(files.reads.includes(`${FOLDER}sw1.txt`));
    });

    it('a bibliography over the size cap is reported, not read', async () => {
        const files = new MemoryFiles();
        files.write('a.warrant', 'bibliography "refs.bib"\n');
        files.write('refs.bib', new Uint8Array(50 * 1024 * 1024 + 1));
        client = await VirtualClient.start(files, { trusted: true, clientFiles: true });
        await client.open(`${FOLDER}a.warrant`);
        await client.waitFor(() => client!.codes(`${FOLDER}a.warrant`).includes('bibliography-not-found'), 'bibliography-not-found', 20_000);
        assert.match(message(client.diagnostics.get(`${FOLDER}a.warrant`)!.find(d => d.code === 'bibliography-not-found')!), /too large/);
        assert.ok(!files.reads.includes(`${FOLDER}refs.bib`), 'the oversized file was read');
    });

    it('a REFI-QDA project is read through the client: claims rest on its codes and segments, and a quote no segment holds is reported', async () => {
        const qda = path.resolve(caseStudy, '../qda');
        const files = new MemoryFiles();
        files.write('interviews.warrant', fs.readFileSync(path.join(qda, 'interviews.warrant')));
        files.write('lscb-interviews.qdpx', fs.readFileSync(path.join(qda, 'lscb-interviews.qdpx')));
        const uri = `${FOLDER}interviews.warrant`;
        client = await VirtualClient.start(files, { trusted: true, clientFiles: true });
        await client.open(uri);
        await client.waitFor(() => client!.diagnostics.has(uri) && files.reads.includes(`${FOLDER}lscb-interviews.qdpx`), 'the project read');
        const problems = client.diagnostics.get(uri)!.filter(d => d.severity === 1 || ['project-not-found', 'unknown-project-evidence', 'unsupported-claim'].includes(String(d.code)));
        assert.deepEqual(problems.map(d => `${d.code}: ${message(d)}`), [], 'every claim rests on the project, nothing is missing');
        // The project on the virtual disk no longer holds the words quoted: the quote is reported.
        const text = new TextDecoder().decode(files.files.get(uri)!.bytes).replace('segment quote "share information quickly"', 'segment quote "words no segment holds"');
        files.write('interviews.warrant', text);
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
        await client.waitFor(() => client!.codes(uri).includes('unknown-project-evidence'), 'unknown-project-evidence');
    });

    it('an untrusted workspace: nothing is read through the client', async () => {
        const files = caseStudyFiles();
        client = await VirtualClient.start(files, { trusted: false, clientFiles: true });
        await client.open(ARGUMENT);
        // Checked as an open document alone: its citations cannot be looked up, its names declared elsewhere not found.
        await client.waitFor(() => client!.codes(ARGUMENT).includes('unknown-reference'), 'the open document checked alone');
        assert.deepEqual(files.reads, []);
        // The suggestion for the slip comes from the bibliography.
        assert.ok(!client.diagnostics.get(ARGUMENT)!.some(d => /Did you mean @Henriksson2006\b/.test(message(d))), 'the bibliography was read');
    });
});
