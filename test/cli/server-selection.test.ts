import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp-client.js';
import { removeWorkspace, tempWorkspace } from '../robustness/helpers.js';

/** The language server indexes the same files `warrant check` takes from a folder. */
describe('workspace indexing honours include/exclude and .gitignore, like the CLI', function () {
    this.timeout(60000);
    let dir: string;
    let client: LspClient;

    before(async () => {
        dir = tempWorkspace({
            'warrant.config.json': '{"exclude": ["fixtures"]}',
            '.gitignore': 'scratch/\n',
            'docs/d.warrant': 'claim kept "K"\n',
            'fixtures/f.warrant': 'claim excluded "E"\n',
            'scratch/s.warrant': 'claim ignored "I"\n'
        }, 'warrant-index-');
        client = await LspClient.start(dir);
    });
    after(async () => {
        await client?.stop();
        removeWorkspace(dir);
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
