import assert from 'node:assert/strict';
import path from 'node:path';
import type { LspClient } from '../helpers/lsp-client.js';
import { useCaseStudySession } from '../lsp/fixtures.js';

/** Waits until no diagnostics have arrived for `quietMs`. */
async function quiet(client: LspClient, quietMs = 700): Promise<void> {
    for (;;) {
        const seq = client.lastSeq;
        await new Promise(resolve => setTimeout(resolve, quietMs));
        if (client.lastSeq === seq) {
            return;
        }
    }
}

/** The files (relative to `dir`) that had diagnostics published after `sinceSeq`. */
function publishedSince(client: LspClient, dir: string, sinceSeq: number): string[] {
    return [...new Set(client.publishes.filter(p => p.seq > sinceSeq).map(p => path.relative(dir, new URL(p.uri).pathname)))].sort();
}

describe('publishing over LSP (stdio): only what an edit changed', function () {
    this.timeout(120000);
    let dir: string;
    let client: LspClient;
    const { read } = useCaseStudySession(['annex.warrant', 'argument.warrant'], session => {
        ({ dir, client } = session);
        return quiet(client);
    });

    it('typing inside a datum\'s text re-publishes the edited file only', async () => {
        const text = read('annex.warrant');
        const inside = text.indexOf('"', text.indexOf('datum teaRequest')) + 1;
        const seq = client.lastSeq;
        await client.change('annex.warrant', text.slice(0, inside) + 'Typed. ' + text.slice(inside));
        await client.diagnosticsOf('annex.warrant');
        await quiet(client);
        assert.deepEqual(publishedSince(client, dir, seq), ['annex.warrant']);
    });

    it('renaming a datum re-publishes the files resting on it, with the name unknown there', async () => {
        const text = read('annex.warrant');
        const seq = client.lastSeq;
        await client.change('annex.warrant', text.replace('datum teaRequest', 'datum teaRequested'));
        await client.diagnosticsOf('argument.warrant', d => d.some(x => x.code === 'unknown-reference' && String(x.message).includes('`teaRequest`')));
        await quiet(client);
        assert.ok(publishedSince(client, dir, seq).includes('argument.warrant'));
        const restored = client.lastSeq;
        await client.change('annex.warrant', text);
        await client.diagnosticsOf('argument.warrant', d => !d.some(x => x.code === 'unknown-reference'));
        await quiet(client);
        assert.ok(publishedSince(client, dir, restored).includes('argument.warrant'));
    });
});
