import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphRequest } from '../../language/protocol.js';
import { LspClient } from '../helpers/lsp-client.js';

describe('the bundled language server over stdio', function () {
    this.timeout(60000);
    let dir: string;
    let client: LspClient;

    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'warrant-lsp-'));
        writeFileSync(path.join(dir, 'annex.warrant'), 'annex A { datum tea interview emergent "tea" datum memo document "memo" }\n');
        writeFileSync(path.join(dir, 'argument.warrant'), 'claim low "Low" supported by tea\nclaim top "Top" supported by low, memo\n');
        client = await LspClient.start(dir);
    });

    after(async () => {
        await client?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it('initialize → didOpen → publishDiagnostics with located, coded diagnostics', async () => {
        await client.open('draft.warrant', 'claim floating "No evidence"\nclaim typo "T" supported by tae\n');
        const diagnostics = await client.diagnosticsOf('draft.warrant', d => d.length >= 2);
        const unsupported = diagnostics.find(d => d.code === 'unsupported-claim' && String(d.message).includes('`floating`'));
        assert.ok(unsupported, JSON.stringify(diagnostics));
        assert.equal(unsupported.range.start.line, 0);
        const unknown = diagnostics.find(d => d.code === 'unknown-reference');
        assert.ok(unknown);
        assert.equal(unknown.range.start.line, 1);
        assert.match(String(unknown.message), /Did you mean `tea`/);
    });

    it('editing one file changes grounding in another, both ways', async () => {
        const annex = 'annex A { datum tea interview emergent "tea" datum memo document "memo" }\n';
        await client.open('annex.warrant', annex);
        await client.open('argument.warrant', 'claim low "Low" supported by tea\nclaim top "Top" supported by low, memo\n');
        await client.open('thesis.warrant', 'claim thesis "Thesis" supported by top\n');
        await client.diagnosticsOf('thesis.warrant', d => !d.some(x => x.code === 'unsupported-claim'));
        // thesis.warrant references only argument.warrant; removing the data in annex.warrant must still reach it.
        await client.change('annex.warrant', 'annex A { }\n');
        const ungrounded = await client.diagnosticsOf('thesis.warrant', d => d.some(x => x.code === 'unsupported-claim'));
        assert.match(String(ungrounded.find(x => x.code === 'unsupported-claim')!.message), /`thesis` does not trace/);
        await client.change('annex.warrant', annex);
        await client.diagnosticsOf('thesis.warrant', d => !d.some(x => x.code === 'unsupported-claim'));
    });

    it('answers warrant/graph with the graph model', async () => {
        const model = await client.connection.sendRequest(GraphRequest, {});
        const ids = model.nodes.map(n => n.id);
        assert.ok(ids.includes('tea') && ids.includes('thesis'), ids.join(','));
        const tea = model.nodes.find(n => n.id === 'tea')!;
        assert.equal(tea.kind, 'datum');
        assert.equal(tea.status, 'grounded');
        assert.ok(tea.uri?.endsWith('annex.warrant'));
        assert.ok(model.edges.some(e => e.from === 'tea' && e.to === 'low' && e.kind === 'supports'));
    });
});
