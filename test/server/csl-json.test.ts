import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LspClient } from '../helpers/lsp-client.js';

const item = (key: string, year: number) => JSON.stringify([{
    id: `http://zotero.org/users/local/x/items/${key}`, 'citation-key': key, type: 'article-journal',
    title: 'The bearing of empirical research', author: [{ family: 'Merton', given: 'Robert K.' }], issued: { 'date-parts': [[year]] }
}], null, 2);

describe('a CSL-JSON bibliography through the language server', function () {
    this.timeout(60000);
    let dir: string;
    let client: LspClient;

    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'warrant-csl-'));
        writeFileSync(path.join(dir, 'refs.json'), item('Merton1949', 1949));
        client = await LspClient.start(dir);
    });
    after(async () => {
        await client?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it('re-exported on disk, it updates citation diagnostics both ways; a broken export is located', async () => {
        await client.open('a.warrant', 'bibliography "refs.json"\nclaim c "C" cites @Merton1948 p. 506\n');
        const before = await client.diagnosticsOf('a.warrant', d => d.some(x => x.code === 'unknown-citation'));
        assert.match(String(before.find(x => x.code === 'unknown-citation')!.message), /Did you mean @Merton1949/);
        writeFileSync(path.join(dir, 'refs.json'), item('Merton1948', 1948));
        await client.filesChanged(['refs.json']);
        await client.diagnosticsOf('a.warrant', d => !d.some(x => x.code === 'unknown-citation'));
        writeFileSync(path.join(dir, 'refs.json'), '[\n  {"id": "Merton1948",\n');
        await client.filesChanged(['refs.json']);
        const broken = await client.diagnosticsOf('a.warrant', d => d.some(x => x.code === 'bibliography-syntax'));
        assert.match(String(broken.find(x => x.code === 'bibliography-syntax')!.message), /^refs\.json:\d+: /);
        assert.ok(broken.some(x => x.code === 'unknown-citation'), 'the broken item defines no key');
    });
});
