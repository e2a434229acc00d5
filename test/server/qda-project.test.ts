import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Diagnostic, LocationLink } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { QdaSourceRequest } from '../../language/protocol.js';
import { LspClient } from '../helpers/lsp-client.js';
import { buildProject, DEFAULT_CODES, transcript } from '../qda/fixtures.js';

/** A REFI-QDA project in the workspace, read live by the language server over stdio. */
describe('a REFI-QDA project through the language server', function () {
    this.timeout(60000);
    let dir: string;
    let client: LspClient;
    const text = [
        'project interviews "interviews.qdpx" { method from variable "method" }',
        'claim gendered "Meetings are gendered" supported by code "gendered discourse" in interviews',
        'claim tea "The tea request" supported by segment "tea request" in interviews',
        ''
    ].join('\n');
    const grounding = (diagnostics: Diagnostic[]) => diagnostics.filter(d => d.code === 'unsupported-claim' || d.code === 'unknown-project-evidence');

    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'warrant-qda-'));
        writeFileSync(path.join(dir, 'interviews.qdpx'), buildProject().bytes);
        client = await LspClient.start(dir);
    });
    after(async () => {
        await client?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it('grounds a claim on a code; a re-export without the code makes it ungrounded, located on the reference', async () => {
        await client.open('a.warrant', text);
        const before = await client.diagnosticsOf('a.warrant', d => !d.some(x => x.code === 'project-not-found'));
        assert.deepEqual(grounding(before), []);

        // The researcher renames the code in the QDA tool and exports again.
        const renamed = DEFAULT_CODES.map(code => code.name === 'gendered discourse' ? { ...code, name: 'gender' } : code);
        writeFileSync(path.join(dir, 'interviews.qdpx'), buildProject({ codes: renamed }).bytes);
        await client.filesChanged(['interviews.qdpx']);
        const after = await client.diagnosticsOf('a.warrant', d => d.some(x => x.code === 'unknown-project-evidence'));
        const unknown = after.find(x => x.code === 'unknown-project-evidence')!;
        assert.equal(unknown.message, 'The project `interviews` has no code named "gendered discourse".');
        // On the quoted code name of line 2, not on the claim.
        const line = text.split('\n')[1]!;
        assert.deepEqual(unknown.range, { start: { line: 1, character: line.indexOf('"gendered discourse"') }, end: { line: 1, character: line.indexOf('"gendered discourse"') + '"gendered discourse"'.length } });
        const unsupported = after.find(x => x.code === 'unsupported-claim');
        assert.ok(unsupported && /`gendered`/.test(String(unsupported.message)), JSON.stringify(after));
        // The segment the other claim rests on is still there.
        assert.ok(!after.some(x => x.code === 'unsupported-claim' && /`tea`/.test(String(x.message))));
    });

    it('hover on a segment reference shows its excerpt and its case', async () => {
        const line = text.split('\n')[2]!;
        const hover = await client.hover('a.warrant', { line: 2, character: line.indexOf('"tea request"') + 2 });
        const value = (hover?.contents as { value: string } | undefined)?.value ?? JSON.stringify(hover);
        assert.match(value, /asked if I would make him a cup of tea/);
        assert.match(value, /\*Case\* R01 \(gender: female, agency: children's social care\)/);
        assert.match(value, /interview · R01 \(female\)/);
    });
});

describe('a REFI-QDA project in an untrusted workspace', function () {
    this.timeout(60000);
    let dir: string;
    let client: LspClient;

    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'warrant-qda-untrusted-'));
        writeFileSync(path.join(dir, 'interviews.qdpx'), buildProject().bytes);
        client = await LspClient.start(dir, { trusted: false });
    });
    after(async () => {
        await client?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it('is not read until the workspace is trusted', async () => {
        await client.open('a.warrant', 'project interviews "interviews.qdpx"\nclaim c "C" supported by code "gendered discourse" in interviews\n');
        const diagnostics = await client.diagnosticsOf('a.warrant', d => d.some(x => x.code === 'project-not-found'));
        assert.match(String(diagnostics.find(x => x.code === 'project-not-found')!.message), /not read until you trust this workspace/);
        assert.ok(diagnostics.some(x => x.code === 'unsupported-claim'));
    });
});

describe('go to definition on a project segment', function () {
    this.timeout(60000);
    let dir: string;
    let client: LspClient;

    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'warrant-qda-def-'));
        writeFileSync(path.join(dir, 'interviews.qdpx'), buildProject().bytes);
        client = await LspClient.start(dir);
    });
    after(async () => {
        await client?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it('opens the source text, served by the server, at the excerpt', async () => {
        const text = 'project interviews "interviews.qdpx"\nclaim tea "T" supported by segment quote "cup of tea" in interviews, code "mother-blaming" in interviews\n';
        await client.open('a.warrant', text);
        await client.diagnosticsOf('a.warrant', d => d.some(x => x.code === 'project-problem'));
        const line = text.split('\n')[1]!;
        const links = await client.definition('a.warrant', { line: 1, character: line.indexOf('"cup of tea"') + 3 }) as LocationLink[];
        assert.equal(links.length, 1);
        const link = links[0]!;
        assert.match(link.targetUri, /^warrant-qda:\/R01(%20| )social(%20| )worker\.txt\?/);
        const answer = await client.connection.sendRequest(QdaSourceRequest.method, { uri: link.targetUri }) as { text: string } | null;
        assert.equal(answer?.text, transcript('R01-social-worker.txt'));
        const source = TextDocument.create('x', 'plaintext', 0, answer!.text);
        assert.equal(source.getText(link.targetRange), 'asked if I would make him a cup of tea');
        // A code lists each of its segments.
        const coded = await client.definition('a.warrant', { line: 1, character: line.indexOf('"mother-blaming"') + 3 }) as LocationLink[];
        assert.equal(coded.length, 3);
        // Nothing outside what the workspace read is served.
        const forged = link.targetUri.replace(encodeURIComponent('interviews.qdpx'), encodeURIComponent('other.qdpx'));
        assert.notEqual(forged, link.targetUri);
        assert.equal(await client.connection.sendRequest(QdaSourceRequest.method, { uri: forged }), null);
    });
});
