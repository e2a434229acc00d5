import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GraphModel } from '../../language/graph/graph-model.js';
import { GraphChangedNotification, GraphRequest, type GraphChangedParams } from '../../language/protocol.js';
import { LspClient } from '../helpers/lsp-client.js';

const MERTON = '@article{Merton1948, title = {The Bearing of Empirical Research}, author = {Merton, Robert K.}, year = 1948}\n';
const OTHER = '@book{Weber1922, title = {Economy and Society}, author = {Weber, Max}, year = 1922}\n';

describe('warrant/graphChanged: the server tells the client when a map changed', function () {
    this.timeout(60000);
    let dir: string;
    let client: LspClient;
    const received: GraphChangedParams[] = [];

    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'warrant-graph-changed-'));
        writeFileSync(path.join(dir, 'refs.bib'), OTHER);
        client = await LspClient.start(dir);
        client.connection.onNotification(GraphChangedNotification.method, (params: GraphChangedParams) => {
            received.push(params);
        });
    });
    after(async () => {
        await client?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    /** Resolves with the first notification, from `from` on, that names `uri`. */
    async function notificationNaming(uri: string, from: number): Promise<GraphChangedParams> {
        const deadline = Date.now() + 15000;
        for (;;) {
            const found = received.slice(from).find(params => params.uris.includes(uri));
            if (found) {
                return found;
            }
            assert.ok(Date.now() < deadline, `no warrant/graphChanged naming ${uri}; received ${JSON.stringify(received.slice(from))}\n${client.stderr}`);
            await new Promise(resolve => setTimeout(resolve, 20));
        }
    }

    async function statusOf(file: string, id: string): Promise<string | undefined> {
        const model = await client.connection.sendRequest(GraphRequest.method, { uri: client.uri(file) }) as GraphModel;
        return model.nodes.find(node => node.id === id)?.status;
    }

    it('a .bib changed on disk notifies the documents it grounds, and the graph then shows the new status', async () => {
        const uri = client.uri('a.warrant');
        let from = received.length;
        await client.open('a.warrant', 'bibliography "refs.bib"\nclaim c "C" cites @Merton1948 p. 506\n');
        await notificationNaming(uri, from);
        assert.equal(await statusOf('a.warrant', 'c'), 'ungrounded');

        from = received.length;
        writeFileSync(path.join(dir, 'refs.bib'), OTHER + MERTON);
        await client.filesChanged(['refs.bib']);
        await notificationNaming(uri, from);
        assert.equal(await statusOf('a.warrant', 'c'), 'grounded');

        from = received.length;
        writeFileSync(path.join(dir, 'refs.bib'), OTHER);
        await client.filesChanged(['refs.bib']);
        await notificationNaming(uri, from);
        assert.equal(await statusOf('a.warrant', 'c'), 'ungrounded');
    });

    it('names each document once per notification, under the URI the client opened it with; the graph request takes that URI', async () => {
        const uri = client.uri('b (draft)=1.warrant');
        const from = received.length;
        await client.open('b (draft)=1.warrant', 'claim d "D" cites @Weber1922\n');
        const params = await notificationNaming(uri, from);
        assert.equal(new Set(params.uris).size, params.uris.length);
        assert.equal(await statusOf('b (draft)=1.warrant', 'd'), 'grounded');
    });
});
