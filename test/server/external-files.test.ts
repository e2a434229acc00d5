import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LspClient } from '../helpers/lsp-client.js';

describe('files outside the documents, through the language server', function () {
    this.timeout(60000);
    let dir: string;
    let client: LspClient;

    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'warrant-ext-'));
        writeFileSync(path.join(dir, 'refs.bib'), '@book{Merton1949, title = {Social Theory}, author = {Merton, Robert K.}, year = 1949}\n');
        writeFileSync(path.join(dir, 'sw1.txt'), 'Interviewer: and then?\nSW1: he asked me to make him a cup of tea.\n');
        client = await LspClient.start(dir);
    });
    after(async () => {
        await client?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it('a .bib edited on disk updates citation diagnostics, both ways', async () => {
        await client.open('a.warrant', 'bibliography "refs.bib"\nclaim c "C" cites @Merton1948 p. 506\n');
        const before = await client.diagnosticsOf('a.warrant', d => d.some(x => x.code === 'unknown-citation'));
        assert.match(String(before.find(x => x.code === 'unknown-citation')!.message), /Did you mean @Merton1949/);
        writeFileSync(path.join(dir, 'refs.bib'), '@article{Merton1948, title = {The Bearing of Empirical Research}, author = {Merton, Robert K.}, year = 1948}\n');
        await client.filesChanged(['refs.bib']);
        await client.diagnosticsOf('a.warrant', d => !d.some(x => x.code === 'unknown-citation'));
        writeFileSync(path.join(dir, 'refs.bib'), '\n');
        await client.filesChanged(['refs.bib']);
        await client.diagnosticsOf('a.warrant', d => d.some(x => x.code === 'unknown-citation'));
    });

    it('a transcript edited on disk updates quote-not-found', async () => {
        await client.open('b.warrant', 'annex A { datum tea interview emergent "tea" in "sw1.txt" lines 2-2 quote "make him a cup of tea" }\nclaim t "T" supported by tea\n');
        await client.diagnosticsOf('b.warrant', d => !d.some(x => x.code === 'quote-not-found'));
        writeFileSync(path.join(dir, 'sw1.txt'), 'Interviewer: and then?\nSW1: nothing happened.\n');
        await client.filesChanged(['sw1.txt']);
        await client.diagnosticsOf('b.warrant', d => d.some(x => x.code === 'quote-not-found'));
    });
});

describe('an untrusted workspace', function () {
    this.timeout(60000);
    let dir: string;
    let client: LspClient;

    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'warrant-untrusted-'));
        writeFileSync(path.join(dir, 'refs.bib'), '@book{Merton1948, title = {T}, year = 1948}\n');
        writeFileSync(path.join(dir, 'annex.warrant'), 'annex A { datum tea interview emergent "tea" }\n');
        client = await LspClient.start(dir, { trusted: false });
    });
    after(async () => {
        await client?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it('reads no file but the open documents: no folder indexing, no bibliography', async () => {
        await client.open('a.warrant', 'bibliography "refs.bib"\nclaim c "C" supported by tea cites @Merton1948\n');
        const diagnostics = await client.diagnosticsOf('a.warrant', d => d.some(x => x.code === 'bibliography-not-found'));
        assert.match(String(diagnostics.find(x => x.code === 'bibliography-not-found')!.message), /not read until you trust this workspace/);
        assert.ok(diagnostics.some(x => x.code === 'unknown-reference' && String(x.message).includes('`tea`')), 'annex.warrant was not indexed');
    });
});
