/**
 * The Markdown preview's map cache (extension/markdown/preview-maps.ts) with the real renderer and
 * a scripted language server: what a render finds, when models are fetched, when the preview is
 * refreshed, and which drawing wins when the argument changes meanwhile.
 */
import assert from 'node:assert/strict';
import type { GraphModel } from '../../language/graph/graph-model.js';
import type { MapResult } from '../../extension/markdown/markdown-it-plugin.js';
import { MAX_MAPS, PreviewMaps, REDRAWN_ON_CHANGE } from '../../extension/markdown/preview-maps.js';
import { renderFenceMap } from '../../extension/markdown/render-fence-map.js';
import { drawnIds, OUTSIDE_THIRD_PLACE, THIRD_PLACE_SUPPORT, tutorialModel } from './fixture.js';

/** A language server whose answers the test hands out one by one. */
class ScriptedServer {
    readonly asked: (string | undefined)[] = [];
    answers: (() => Promise<GraphModel>)[] = [];
    refreshes = 0;

    fetchModel = (documentUri: string | undefined): Promise<GraphModel> => {
        this.asked.push(documentUri);
        const next = this.answers.length > 1 ? this.answers.shift()! : this.answers[0];
        return next();
    };
}

function ids(result: MapResult): string[] {
    assert.ok('svg' in result, JSON.stringify(result));
    return drawnIds(result.svg).sort();
}

/** Lets the refresh timer (0 ms here) fire. */
const timers = () => new Promise(resolve => setTimeout(resolve, 5));

describe('Markdown preview: the maps kept for the preview', () => {
    let model: GraphModel;
    let server: ScriptedServer;
    let maps: PreviewMaps;

    before(async () => { model = await tutorialModel(); });
    beforeEach(() => {
        server = new ScriptedServer();
        server.answers = [async () => model];
        maps = new PreviewMaps({ fetchModel: server.fetchModel, draw: renderFenceMap, refresh: () => server.refreshes++ }, 0);
    });
    afterEach(() => maps.dispose());

    it('answers "pending" first, draws in the background, refreshes the preview once, then answers the picture', async () => {
        assert.deepEqual(maps.map({ focus: 'thirdPlace' }), { pending: true });
        await maps.settled();
        await timers();
        assert.equal(server.refreshes, 1);
        assert.deepEqual(ids(maps.map({ focus: 'thirdPlace' })), [...THIRD_PLACE_SUPPORT].sort());
        assert.ok(!ids(maps.map({ focus: 'thirdPlace' })).includes(OUTSIDE_THIRD_PLACE));
        assert.deepEqual(server.asked, [undefined], 'one model for every render after the first');
        assert.equal(server.refreshes, 1, 'a render that finds its picture refreshes nothing');
    });

    it('fetches one model per scope and change, shared by the fences that use it', async () => {
        maps.map({ focus: 'thirdPlace' });
        maps.map({ focus: 'needQuiet' });
        maps.map({ documentUri: 'file:///paper.md' });
        await maps.settled();
        assert.deepEqual(server.asked, [undefined, 'file:///paper.md']);
        maps.argumentChanged();
        await maps.settled();
        assert.deepEqual(server.asked, [undefined, 'file:///paper.md', undefined, 'file:///paper.md']);
    });

    it('after a change, redraws the map shown and refreshes only when the picture differs', async () => {
        maps.map({ focus: 'thirdPlace' });
        await maps.settled();
        await timers();
        maps.argumentChanged();
        await maps.settled();
        await timers();
        assert.equal(server.refreshes, 1, 'the same argument draws the same picture');
        const withoutNeedQuiet: GraphModel = { nodes: model.nodes.filter(n => n.id !== 'needQuiet'), edges: model.edges.filter(e => e.from !== 'needQuiet' && e.to !== 'needQuiet') };
        server.answers = [async () => withoutNeedQuiet];
        maps.argumentChanged();
        assert.ok('svg' in maps.map({ focus: 'thirdPlace' }), 'the old picture stays while the new one is drawn');
        await maps.settled();
        await timers();
        assert.equal(server.refreshes, 2);
        assert.ok(!ids(maps.map({ focus: 'thirdPlace' })).includes('needQuiet'));
    });

    it('keeps a map pending while the server cannot answer, and draws it after the next change', async () => {
        server.answers = [() => Promise.reject(new Error('server restarting')), async () => model];
        maps.map({ focus: 'thirdPlace' });
        await maps.settled();
        await timers();
        assert.deepEqual(maps.map({ focus: 'thirdPlace' }), { pending: true });
        assert.equal(server.refreshes, 0);
        maps.argumentChanged();
        await maps.settled();
        await timers();
        assert.equal(server.refreshes, 1);
        assert.deepEqual(ids(maps.map({ focus: 'thirdPlace' })), [...THIRD_PLACE_SUPPORT].sort());
    });

    it('a drawing overtaken by a change does not overwrite the newer picture', async () => {
        let answerOld!: (model: GraphModel) => void;
        const newer: GraphModel = { nodes: model.nodes.filter(n => n.id !== 'stairs'), edges: model.edges.filter(e => e.from !== 'stairs' && e.to !== 'stairs') };
        server.answers = [() => new Promise(resolve => { answerOld = resolve; }), async () => newer];
        maps.map({ focus: 'thirdPlace' });
        maps.argumentChanged();
        await new Promise(resolve => setTimeout(resolve, 0));
        answerOld(model);
        await maps.settled();
        assert.ok(!ids(maps.map({ focus: 'thirdPlace' })).includes('stairs'));
    });

    it('says why a focus cannot be drawn, and forgets the least recently used of too many maps', async () => {
        maps.map({ focus: 'nowhere' });
        await maps.settled();
        assert.deepEqual(maps.map({ focus: 'nowhere' }), { problem: 'No element is named "nowhere" in the argument map.' });
        for (let i = 0; i < MAX_MAPS - 1; i++) maps.map({ focus: `typing${i}` });
        maps.map({ focus: 'nowhere' }); // used again: now the most recent
        maps.map({ focus: 'oneTooMany' });
        await maps.settled();
        assert.ok('problem' in maps.map({ focus: 'nowhere' }), 'recently used: kept');
        assert.deepEqual(maps.map({ focus: 'typing0' }), { pending: true }, 'least recently used: forgotten, drawn again');
    });

    it('a change redraws the most recently shown maps at once, an older one when it is shown again', async () => {
        const drawn: (string | undefined)[] = [];
        maps = new PreviewMaps({ fetchModel: server.fetchModel, draw: (m, request) => { drawn.push(request.focus); return renderFenceMap(m, request); }, refresh: () => server.refreshes++ }, 0);
        const focuses = Array.from({ length: REDRAWN_ON_CHANGE + 2 }, (_, i) => `missing${i}`);
        maps.map({ focus: 'thirdPlace' });
        for (const focus of focuses) maps.map({ focus });
        await maps.settled();
        drawn.length = 0;
        server.answers = [async () => ({ nodes: model.nodes.filter(n => n.id !== 'stairs'), edges: model.edges.filter(e => e.from !== 'stairs' && e.to !== 'stairs') })];
        maps.argumentChanged();
        await maps.settled();
        assert.deepEqual(drawn, focuses.slice(-REDRAWN_ON_CHANGE));
        const old = maps.map({ focus: 'thirdPlace' });
        assert.ok(ids(old).includes('stairs'), 'the old picture is shown while it is drawn again');
        await maps.settled();
        assert.ok(!ids(maps.map({ focus: 'thirdPlace' })).includes('stairs'));
        assert.deepEqual(drawn, [...focuses.slice(-REDRAWN_ON_CHANGE), 'thirdPlace']);
    });
});
