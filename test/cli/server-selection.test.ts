import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LspClient } from '../helpers/lsp-client.js';

/** The language server indexes the same files `warrant check` takes from a folder. */
describe('workspace indexing honours include/exclude and .gitignore, like the CLI', function () {
    this.timeout(60000);
    let dir: string;
    let client: LspClient;

    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'warrant-index-'));
        const files: Record<string, string> = {
            'warrant.config.json': '{"exclude": ["fixtures"]}',
            '.gitignore': 'scratch/\n',
            'docs/d.warrant': 'claim kept "K"\n',
            'fixtures/f.warrant': 'claim excluded "E"\n',
            'scratch/s.warrant': 'claim ignored "I"\n'
        };
        for (const [name, text] of Object.entries(files)) {
            mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
            writeFileSync(path.join(dir, name), text);
        }
        client = await LspClient.start(dir);
    });
    after(async () => {
        await client?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it('names declared in excluded or ignored files do not resolve; the others do', async () => {
        await client.open('a.warrant', 'claim top "T" supported by kept, excluded, ignored\n');
        const diagnostics = await client.diagnosticsOf('a.warrant', d => d.some(x => x.code === 'unknown-reference'));
        const unknown = diagnostics.filter(d => d.code === 'unknown-reference').map(d => String(d.message));
        assert.equal(unknown.length, 2, unknown.join('\n'));
        assert.ok(unknown.some(m => m.includes('excluded')) && unknown.some(m => m.includes('ignored')), unknown.join('\n'));
        assert.ok(!unknown.some(m => m.includes('`kept`')), unknown.join('\n'));
    });
});
