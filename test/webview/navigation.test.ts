/**
 * Getting around the map in real Chromium: arrow keys along the case study's edges, the single
 * tab stop, and the minimap (one box per node, the window's rectangle, click to move there).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { evidenceEnd, type GraphModel } from '../../language/graph/graph-model.js';
import { conclusionEnd } from '../../language/graph/model-utils.js';
import { generateModel, lscbModel } from '../graph/fixtures.js';
import { buildWebview, launch, sendModel, serve, post, redrawn, type BrowserHandle, type Served } from './harness.js';

interface Box { x: number; y: number; width: number; height: number }

describe('map navigation: keyboard and minimap (Chromium)', function () {
    this.timeout(120_000);
    let server: Served;
    let browser: BrowserHandle;
    let page: Page;
    let errors: string[];

    before(async () => {
        server = await serve(await buildWebview());
        browser = await launch({ width: 1400, height: 900 });
    });

    after(async () => {
        await browser?.close();
        await server?.close();
    });

    beforeEach(async () => {
        page = await browser.context.newPage();
        errors = [];
        page.on('pageerror', e => errors.push(e.message));
        await page.goto(server.url);
        await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'ready'));
    });

    afterEach(async () => {
        assert.deepEqual(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), [], 'no CSP violations');
        assert.deepEqual(errors, [], 'no page errors');
        await page.close();
    });

    const focusedId = () => page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? null);
    const transform = () => page.locator('.w-viewport').getAttribute('transform');
    const scale = () => page.locator('.w-canvas > svg.warrant-map').getAttribute('data-scale').then(Number);
    const box = async (selector: string): Promise<Box> => (await page.locator(selector).boundingBox())!;
    const inside = (inner: Box, outer: Box) => inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5
        && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
    const nodeInView = async (id: string) => inside(await box(`.w-viewport .w-node[data-id="${id}"]`), await box('.w-canvas'));
    /** The nodes one edge away, read from the model: up = towards the conclusion end. */
    const neighbours = (model: GraphModel, id: string, way: 'up' | 'down') => new Map(model.edges
        .filter(e => (way === 'up' ? evidenceEnd(e) : conclusionEnd(e)) === id)
        .map(e => [way === 'up' ? conclusionEnd(e) : evidenceEnd(e), e.kind]));

    /** Zooms in hard on one node with the wheel, so most of the map is off-screen. */
    async function zoomOnto(id: string): Promise<void> {
        await page.locator('.w-fit').click(); // the first view shows the top of the map: bring the node on screen
        const b = await box(`.w-node[data-id="${id}"]`);
        await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
        await page.mouse.wheel(0, -700);
        await page.mouse.wheel(0, -700);
        await page.waitForTimeout(50);
    }

    it('arrow keys move focus along edges of the case study, select the node and bring it into view', async () => {
        const model = lscbModel();
        await sendModel(page, model, 1);
        await zoomOnto('teaRequest');
        assert.ok(await scale() > 1.5, 'zoomed in');
        assert.ok(!(await nodeInView('lscbFailure')), 'the top conclusion starts off-screen');
        await page.locator('.w-node[data-id="teaRequest"]').focus();

        // up from a datum: the pattern that observes it, the claim the pattern interprets, the conclusion that claim supports
        const expectedKinds = ['observes', 'interprets', 'supports'];
        let current = 'teaRequest';
        for (const kind of expectedKinds) {
            const before = await transform();
            await page.keyboard.press('ArrowUp');
            const next = (await focusedId())!;
            assert.equal(neighbours(model, current, 'up').get(next), kind, `${current} → ${next} is an edge "${kind}" towards the conclusion`);
            assert.ok(await nodeInView(next), `${next} is inside the canvas`);
            assert.deepEqual(await page.locator('.w-node.w-highlight').evaluateAll(els => els.map(e => e.getAttribute('data-id'))), [next], 'and selected');
            assert.match(await page.locator('.w-status-bar .w-nav-note').textContent() ?? '', new RegExp(`${next} — `), 'announced');
            if (next === 'lscbFailure') assert.notEqual(await transform(), before, 'the view moved to show it');
            current = next;
        }
        assert.equal(current, 'lscbFailure');
        assert.ok(await scale() >= 0.55, 'still at a readable zoom');

        // nothing above the top conclusion: focus stays, and the reader is told
        await page.keyboard.press('ArrowUp');
        assert.equal(await focusedId(), 'lscbFailure');
        assert.match(await page.locator('.w-status-bar .w-nav-note').textContent() ?? '', /nothing above/);

        // down from the conclusion, then down again: evidence ends of real edges
        for (let i = 0; i < 2; i++) {
            await page.keyboard.press('ArrowDown');
            const next = (await focusedId())!;
            assert.ok(neighbours(model, current, 'down').has(next), `${current} → ${next} goes down an edge`);
            assert.ok(await nodeInView(next), `${next} is inside the canvas`);
            current = next;
        }
        // sideways stays in the layer: same row band on screen
        await page.keyboard.press('ArrowRight');
        const side = (await focusedId())!;
        assert.notEqual(side, current);
        const row = await box(`.w-node[data-id="${current}"]`);
        const sideBox = await box(`.w-node[data-id="${side}"]`);
        if (!neighbours(model, current, 'up').has(side) && !neighbours(model, current, 'down').has(side)) {
            assert.ok(sideBox.y < row.y + row.height && row.y < sideBox.y + sideBox.height, 'a node of the same layer');
        }
        // Enter still reveals the focused node
        await page.keyboard.press('Enter');
        assert.ok((await page.evaluate(() => (window as unknown as { __posted: { type: string; id?: string }[] }).__posted)).some(m => m.type === 'reveal' && m.id === side));
    });

    it('the map is one tab stop: the top conclusion first, then the selection', async () => {
        await sendModel(page, lscbModel(), 1);
        assert.deepEqual(await page.locator('.w-viewport .w-node[tabindex="0"]').evaluateAll(els => els.map(e => e.getAttribute('data-id'))), ['lscbFailure']);
        await page.locator('.w-export').focus();
        await page.keyboard.press('Tab');
        assert.equal(await focusedId(), 'lscbFailure', 'the first Tab into the map lands on the top conclusion');
        await page.keyboard.press('Tab');
        assert.equal(await focusedId(), null, 'the next Tab leaves the map instead of visiting every node');

        await post(page, { type: 'highlight', id: 'policeWomen' });
        assert.deepEqual(await page.locator('.w-viewport .w-node[tabindex="0"]').evaluateAll(els => els.map(e => e.getAttribute('data-id'))), ['policeWomen']);
        await page.locator('.w-export').focus();
        await page.keyboard.press('Tab');
        assert.equal(await focusedId(), 'policeWomen', 'Tab lands on the selected node');

        // a filter hides the selection and the top conclusion: Tab still lands on the map, on a node shown
        await redrawn(page, () => page.locator('.w-chip-grounded').click());
        await page.locator('.w-export').focus();
        await page.keyboard.press('Tab');
        const landed = (await focusedId())!;
        const model = lscbModel();
        const shown = new Set(model.nodes.filter(n => n.status !== 'grounded').map(n => n.id));
        assert.ok(shown.has(landed), `${landed} is shown`);
        assert.ok(![...neighbours(model, landed, 'up').keys()].some(id => shown.has(id)), `nothing shown above ${landed}`);
        assert.equal(await page.locator('.w-viewport .w-node[tabindex="0"]').count(), 1);
    });

    it('the minimap draws one box per node and no text, and its rectangle follows pan and zoom', async () => {
        const model = lscbModel();
        await sendModel(page, model, 1);
        const minimap = page.locator('.w-minimap');
        const toggle = page.locator('.w-minimap-toggle');
        // the case study does not fit the window at a readable size: the minimap is there from the start
        assert.equal(await minimap.isVisible(), true);
        assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
        await page.keyboard.press('m');
        assert.equal(await minimap.isVisible(), false);
        assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
        await page.keyboard.press('m');
        assert.equal(await minimap.isVisible(), true);
        await page.locator('.w-fit').click();
        assert.equal(await minimap.locator('.w-mm-node').count(), model.nodes.length);
        assert.equal(await minimap.locator('text').count(), 0, 'no text to be unreadable');
        assert.equal(await minimap.locator('.w-mm-ungrounded').count(), model.nodes.filter(n => n.status === 'ungrounded').length);
        const fill = await minimap.locator('.w-mm-ungrounded').first().evaluate(e => getComputedStyle(e).fill);
        const greyFill = await minimap.locator('.w-mm-grounded').first().evaluate(e => getComputedStyle(e).fill);
        assert.notEqual(fill, greyFill, 'status shows in the colour');

        const frame = await box('.w-minimap > svg');
        const [, , vbWidth, vbHeight] = (await minimap.locator('svg').getAttribute('viewBox'))!.split(' ').map(Number);
        assert.ok(frame.width <= 200 && frame.height <= 130, 'a small corner');
        assert.ok(Math.abs(frame.width / frame.height - vbWidth / vbHeight) < 0.05 * vbWidth / vbHeight, 'in the map\'s proportions, no blank bands');
        const view = () => box('.w-minimap .w-mm-view');
        const fitted = await view();
        for (const node of await minimap.locator('.w-mm-node').all()) assert.ok(inside((await node.boundingBox())!, fitted), 'the fitted window shows every node');
        await page.locator('.w-zoom-in').click();
        await page.locator('.w-zoom-in').click();
        const zoomed = await view();
        assert.ok(zoomed.width < fitted.width * 0.7 && zoomed.height < fitted.height * 0.7, 'zooming in shrinks the rectangle');
        const canvas = await box('.w-canvas');
        await page.mouse.move(canvas.x + 100, canvas.y + 100);
        await page.mouse.down();
        await page.mouse.move(canvas.x + 400, canvas.y + 250, { steps: 5 });
        await page.mouse.up();
        const panned = await view();
        assert.ok(panned.x < zoomed.x - 1 && panned.y < zoomed.y - 1, 'dragging the map right and down moves the rectangle left and up');
        assert.ok(Math.abs(panned.width - zoomed.width) < 0.5, 'panning keeps its size');

        await page.locator('.w-minimap-toggle').click();
        assert.equal(await minimap.isVisible(), false, 'the button hides it again');
    });

    it('a click or a drag in the minimap moves the main view there, keeping the zoom, and never pans the map itself', async () => {
        const model = lscbModel();
        await sendModel(page, model, 1);
        await zoomOnto('teaRequest');
        const zoom = await scale();
        const target = 'lscbFailure';
        assert.ok(!(await nodeInView(target)));
        const before = await transform();
        // the minimap's box of the target: same order as the layout's nodes
        const index = await page.locator('.w-viewport .w-node[data-id]').evaluateAll((els, id) => els.findIndex(e => e.getAttribute('data-id') === id), target);
        const small = await box(`.w-minimap .w-mm-node >> nth=${index}`);
        await page.mouse.click(small.x + small.width / 2, small.y + small.height / 2);
        assert.notEqual(await transform(), before, 'the main view moved');
        assert.equal(await scale(), zoom, 'at the same zoom');
        assert.ok(await nodeInView(target), `${target} came into view`);
        assert.equal(await page.locator('.w-node.w-highlight').count(), 0, 'a minimap click selects nothing');
        assert.ok(!(await page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted)).some(m => m.type === 'reveal'));

        // drag along the minimap: the view follows the pointer, not a pan of the map by the drag's distance
        const other = await box(`.w-minimap .w-mm-node >> nth=${await page.locator('.w-viewport .w-node[data-id]').evaluateAll(els => els.findIndex(e => e.getAttribute('data-id') === 'teaRequest'))}`);
        await page.mouse.move(small.x + small.width / 2, small.y + small.height / 2);
        await page.mouse.down();
        await page.mouse.move(other.x + other.width / 2, other.y + other.height / 2, { steps: 6 });
        await page.mouse.up();
        assert.ok(await nodeInView('teaRequest'), 'dragging to another box shows that node');
        assert.ok(!(await page.locator('.w-canvas').evaluate(e => e.classList.contains('w-panning'))));
    });

    it('shows itself when the map cannot be read whole in the window, and is hidden in print', async () => {
        const model = generateModel(300, 3);
        await sendModel(page, model, 1);
        const minimap = page.locator('.w-minimap');
        assert.equal(await minimap.isVisible(), true, 'a map too big to read whole gets its overview');
        assert.equal(await minimap.locator('.w-mm-node').count(), model.nodes.length);
        assert.equal(await minimap.locator('text').count(), 0);
        await page.emulateMedia({ media: 'print' });
        assert.equal(await minimap.isVisible(), false);
        await page.emulateMedia({ media: 'screen' });
        // the reader's choice holds across redraws
        await page.keyboard.press('m');
        await sendModel(page, generateModel(301, 3), 2);
        assert.equal(await minimap.isVisible(), false);
    });
});
