/**
 * The preview script in real headless Chromium, under the extension's HTML shell and strict
 * nonce CSP (see harness.ts), with a recording stub of the VS Code API.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { exportHtml } from '../../language/graph/export/html.js';
import { normalizeModel, supportTree } from '../../language/graph/model-utils.js';
import { generateModel, hostileModel, lscbModel } from '../graph/fixtures.js';
import { buildWebview, launch, OUTPUT, post, posted, redrawn, sendModel, serve, shell, type BrowserHandle, type Served } from './harness.js';

describe('webview (Chromium, strict CSP)', function () {
    this.timeout(120_000);
    let server: Served;
    let browser: BrowserHandle;
    let script: string;
    let page: Page;
    let errors: string[];

    before(async () => {
        script = await buildWebview();
        const hostile = await exportHtml(hostileModel(), { viewerScript: readFileSync(script, 'utf8'), title: 'Hostile <map>' });
        // The extension's shell with a CSP that forbids workers: ELK cannot start there.
        const noWorkers = shell('no-workers-nonce', 'http://127.0.0.1:*', '/webview.js', true).replace('worker-src blob:', "worker-src 'none'");
        assert.match(noWorkers, /worker-src 'none'/);
        server = await serve(script, { '/exported.html': hostile, '/no-workers.html': noWorkers });
        browser = await launch({ width: 1400, height: 900 });
    });

    after(async () => {
        await browser?.close();
        await server?.close();
    });

    async function open(query = ''): Promise<Page> {
        const p = await browser.context.newPage();
        errors = [];
        p.on('pageerror', e => errors.push(e.message));
        p.on('console', m => { if (m.type() === 'error' && !m.text().includes('favicon')) errors.push(m.text()); });
        await p.goto(server.url + query);
        return p;
    }

    async function ready(p: Page): Promise<void> {
        await p.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'ready'));
    }

    const drawnNodes = (p: Page) => p.locator('.w-viewport .w-node[data-id]').count();
    /** The whole map in the window (the first view shows the top of the map at a readable size). */
    const fitAll = (p: Page) => p.locator('.w-fit').click();
    const cspViolations = (p: Page) => p.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

    beforeEach(async () => {
        page = await open();
        await ready(page);
    });

    afterEach(async () => {
        assert.deepEqual(await cspViolations(page), [], 'no CSP violations');
        assert.deepEqual(errors.filter(e => !/Failed to load resource/.test(e)), [], 'no page errors');
        await page.close();
    });

    it('says ready, then draws every node and edge of the model', async () => {
        const model = lscbModel();
        assert.equal((await posted(page))[0].type, 'ready');
        await sendModel(page, model, 1, 'file:///workspace/lscb/argument.warrant');
        assert.equal(await page.locator('.w-viewport .w-node[data-id]').count(), model.nodes.length);
        assert.equal(await page.locator('.w-viewport .w-edge').count(), model.edges.length);
        assert.equal(await page.locator('.w-viewport .w-node.w-kind-pattern').count(), 1);
        assert.equal(await page.locator('.w-canvas > svg.warrant-map').getAttribute('data-engine'), 'elk');
        // the stylesheet got in through the nonce: shapes are styled by class
        const stroke = await page.locator('.w-node[data-id="cultureClaim"] .w-shape').evaluate(e => getComputedStyle(e).strokeDasharray);
        assert.match(stroke, /6(px)?,? 4/);
        await page.waitForFunction(() => (window as unknown as { __state?: { uri?: string } }).__state?.uri === 'file:///workspace/lscb/argument.warrant');
    });

    it('posts reveal with the declaration when a node is clicked, and highlights on request', async () => {
        await sendModel(page, lscbModel(), 1);
        await fitAll(page);
        await page.locator('.w-node[data-id="teaRequest"]').click();
        const reveal = (await posted(page)).find(m => m.type === 'reveal');
        assert.deepEqual(reveal, { type: 'reveal', id: 'teaRequest', uri: 'file:///workspace/lscb/annex.warrant', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 40 } } });
        await post(page, { type: 'highlight', id: 'policeWomen' });
        assert.deepEqual(await page.locator('.w-node.w-highlight').evaluateAll(els => els.map(e => e.getAttribute('data-id'))), ['policeWomen']);
        await post(page, { type: 'highlight', id: null });
        assert.equal(await page.locator('.w-node.w-highlight').count(), 0);
        // keyboard: Enter on a focused node reveals too
        await page.locator('.w-node[data-id="chairGender"]').focus();
        await page.keyboard.press('Enter');
        assert.ok((await posted(page)).some(m => m.type === 'reveal' && m.id === 'chairGender'));
    });

    it('shows a tooltip with the full text on hover', async () => {
        await sendModel(page, lscbModel(), 1);
        await page.locator('.w-node[data-id="genderPattern"]').hover();
        const tip = page.locator('.w-tooltip');
        await tip.waitFor({ state: 'visible' });
        const text = await tip.textContent();
        assert.ok(text?.includes('pattern genderPattern — grounded'));
        assert.ok(text?.includes('Gender as a hidden variable in partnership working'));
    });

    it('focus mode shows only the support tree, and leaves with Escape', async () => {
        const model = lscbModel();
        await sendModel(page, model, 1);
        await post(page, { type: 'focus', id: 'policeMaleDominated' }, true);
        const tree = supportTree(model, 'policeMaleDominated');
        const ids = await page.locator('.w-viewport .w-node[data-id]').evaluateAll(els => els.map(e => e.getAttribute('data-id')));
        assert.deepEqual(new Set(ids), tree);
        assert.ok(!ids.includes('genderHypothesis') && !ids.includes('teaRequest'));
        assert.ok(await page.locator('.w-banner').isVisible());
        const state = await page.evaluate(() => new Promise(resolve => setTimeout(() => resolve((window as unknown as { __state: unknown }).__state), 300)));
        assert.equal((state as { focus: string }).focus, 'policeMaleDominated');
        const rendered = page.evaluate(() => new Promise(resolve => window.addEventListener('warrant:rendered', resolve, { once: true })));
        await page.keyboard.press('Escape');
        await rendered;
        assert.equal(await page.locator('.w-viewport .w-node[data-id]').count(), model.nodes.length);
        // double-click focuses too
        const again = page.evaluate(() => new Promise(resolve => window.addEventListener('warrant:rendered', resolve, { once: true })));
        await page.locator('.w-node[data-id="genderPattern"]').dblclick();
        await again;
        assert.equal(await page.locator('.w-viewport .w-node[data-id]').count(), supportTree(model, 'genderPattern').size);
    });

    it('filters by kind and by status: what is left is laid out anew and fitted', async () => {
        const model = lscbModel();
        await sendModel(page, model, 1);
        const area = () => page.locator('.w-viewport').evaluate(e => { const b = (e as SVGGraphicsElement).getBBox(); return b.width * b.height; });
        const before = await area();
        await redrawn(page, () => page.locator('.w-chip-source').click());
        const sources = model.nodes.filter(n => n.kind === 'source').length;
        assert.equal(await drawnNodes(page), model.nodes.length - sources);
        assert.equal(await page.locator('.w-node[data-id="@Hall2005"]').count(), 0);
        assert.equal(await page.locator('.w-viewport .w-edge-cites').count(), 0, 'the edges of hidden nodes go with them');
        assert.equal(await page.locator('.w-chip-source').getAttribute('aria-pressed'), 'false');
        assert.ok(await area() < before, 're-laid out without them, not left scattered where they were');
        await redrawn(page, () => page.locator('.w-chip-circular').click());
        assert.equal(await drawnNodes(page), model.nodes.length - sources - 2);
        // Fit fits what is left, not the map before the filter
        await fitAll(page);
        const canvas = (await page.locator('.w-canvas').boundingBox())!;
        for (const node of await page.locator('.w-viewport .w-node').all()) {
            const b = (await node.boundingBox())!;
            assert.ok(b.x >= canvas.x - 1 && b.y >= canvas.y - 1 && b.x + b.width <= canvas.x + canvas.width + 1 && b.y + b.height <= canvas.y + canvas.height + 1, `${await node.getAttribute('data-id')} is inside the window`);
        }
        await redrawn(page, () => page.locator('.w-chip-source').click());
        await redrawn(page, () => page.locator('.w-chip-circular').click());
        assert.equal(await drawnNodes(page), model.nodes.length);
    });

    it('search highlights matches and dims the rest; Enter walks through them', async () => {
        await sendModel(page, lscbModel(), 1);
        await page.locator('.w-search').fill('police');
        await page.waitForFunction(() => document.querySelectorAll('.w-node.w-match').length > 0);
        const matches = await page.locator('.w-node.w-match').evaluateAll(els => els.map(e => e.getAttribute('data-id')).sort());
        assert.deepEqual(matches, ['@HomeOffice2013', 'chairGender', 'informalTalk', 'policeMaleDominated', 'policeWomen', 'protocolDisagreement', 'teaRequest']);
        assert.ok(await page.locator('.w-node[data-id="loopA"]').evaluate(e => e.classList.contains('w-dim')));
        await page.locator('.w-search').press('Enter');
        assert.equal(await page.locator('.w-count').textContent(), '1 of 7');
        assert.equal(await page.locator('.w-node.w-highlight').count(), 1);
        await page.locator('.w-search').press('Escape');
        assert.equal(await page.locator('.w-node.w-dim').count(), 0);
    });

    it('zooms with buttons and the wheel, pans by dragging, fits, and saves the view', async () => {
        await sendModel(page, lscbModel(), 1);
        const scale = () => page.locator('.w-canvas > svg.warrant-map').getAttribute('data-scale').then(Number);
        await fitAll(page);
        const fitted = await scale();
        await page.locator('.w-zoom-in').click();
        assert.ok(Math.abs(await scale() - fitted * 1.25) < 1e-3);
        const box = (await page.locator('.w-canvas').boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, -300);
        assert.ok(await scale() > fitted * 1.25);
        const transform = () => page.locator('.w-viewport').getAttribute('transform');
        const before = await transform();
        await page.mouse.move(box.x + 50, box.y + box.height - 30);
        await page.mouse.down();
        await page.mouse.move(box.x + 150, box.y + box.height - 60, { steps: 5 });
        await page.mouse.up();
        assert.notEqual(await transform(), before);
        await page.waitForFunction(() => (window as unknown as { __state?: { view?: unknown } }).__state?.view !== undefined);
        const saved = await page.evaluate(() => (window as unknown as { __state: { view: { scale: number } } }).__state.view);
        assert.ok(saved.scale > fitted);
        assert.ok(!(await posted(page)).some(m => m.type === 'reveal'), 'dragging is not a click');
        await page.locator('.w-fit').click();
        assert.ok(Math.abs(await scale() - fitted) < 1e-3);
    });

    it('restores zoom, filters, search and focus from the saved state', async () => {
        const state = { v: 1, uri: 'file:///x', view: { scale: 0.5, x: 10, y: 20 }, hiddenKinds: ['datum'], hiddenStatuses: [], search: 'gender', focus: 'genderHypothesis' };
        await page.evaluate(s => sessionStorage.setItem('test-initial-state', JSON.stringify(s)), state);
        await page.reload();
        await ready(page);
        await sendModel(page, lscbModel(), 1);
        assert.equal(await page.locator('.w-search').inputValue(), 'gender');
        assert.equal(await page.locator('.w-viewport').getAttribute('transform'), 'translate(10,20) scale(0.50000)');
        const tree = supportTree(lscbModel(), 'genderHypothesis');
        assert.equal(await page.locator('.w-viewport .w-node[data-id]').count(), lscbModel().nodes.filter(n => tree.has(n.id) && n.kind !== 'datum').length);
        assert.equal(await page.locator('.w-node[data-id="teaRequest"]').count(), 0, 'data filtered out');
        assert.ok((await page.locator('.w-node.w-match').count()) > 0);
        await page.evaluate(() => sessionStorage.removeItem('test-initial-state'));
    });

    it('ignores a stale model and debounces bursts of updates', async () => {
        await sendModel(page, lscbModel(), 5);
        await page.evaluate(() => window.postMessage({ type: 'model', model: { nodes: [], edges: [] }, version: 4 }, '*'));
        await page.waitForTimeout(300);
        assert.equal(await page.locator('.w-viewport .w-node[data-id]').count(), lscbModel().nodes.length);
        const renders = await page.evaluate(() => new Promise<number>(resolve => {
            let count = 0;
            window.addEventListener('warrant:rendered', () => count++);
            for (let v = 6; v < 16; v++) window.postMessage({ type: 'model', model: { nodes: [{ id: 'c' + v, kind: 'claim', label: 'v' + v, status: 'grounded' }], edges: [] }, version: v }, '*');
            setTimeout(() => resolve(count), 1000);
        }));
        assert.equal(renders, 1);
        assert.equal(await page.locator('.w-node[data-id="c15"]').count(), 1);
        // malformed messages are ignored
        await page.evaluate(() => { window.postMessage({ type: 'model', model: 'nope', version: 99 }, '*'); window.postMessage({ type: 'evil' }, '*'); window.postMessage(null, '*'); });
        await page.waitForTimeout(200);
        assert.equal(await page.locator('.w-node[data-id="c15"]').count(), 1);
    });

    it('executes nothing from hostile labels (<script>, <img onerror>, quotes, bidi)', async () => {
        const model = hostileModel();
        await sendModel(page, model, 1);
        await page.waitForTimeout(200);
        assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned), undefined);
        assert.equal(await page.locator('img').count(), 0);
        assert.equal(await page.locator('script').count(), 2, 'only the stub and the webview script');
        assert.equal(await page.locator('.w-viewport .w-node[data-id]').count(), normalizeModel(model).nodes.length);
        const texts = await page.locator('.w-viewport .w-label').allTextContents();
        assert.ok(texts.some(t => t.includes('<script>window.__pwned')), 'shown as text');
        assert.ok(texts.some(t => t.includes('<img src=x')), 'shown as text');
        assert.ok(texts.every(t => !/[\u202A-\u202E\u2066-\u2069]/.test(t)), 'no bidi controls in visible text');
        // ids with quotes and angle brackets still work for interaction
        const id = model.nodes.find(n => n.id.startsWith('quotes'))!.id;
        await fitAll(page);
        await page.locator('.w-viewport .w-node').filter({ has: page.locator('.w-label', { hasText: 'He said' }) }).first().click();
        assert.ok((await posted(page)).some(m => m.type === 'reveal' && m.id === id));
    });

    it('runs the exported HTML page standalone (no VS Code API), safely', async () => {
        const p = await open('exported.html');
        await p.waitForSelector('.w-app .w-viewport .w-node[data-id]');
        assert.equal(await p.locator('.w-viewport .w-node[data-id]').count(), normalizeModel(hostileModel()).nodes.length);
        assert.equal(await p.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned), undefined);
        assert.equal(await p.locator('img').count(), 0);
        await fitAll(p);
        await p.locator('.w-node[data-id="teaRequest"]').click();
        assert.equal(await p.locator('.w-node.w-highlight').getAttribute('data-id'), 'teaRequest');
        assert.deepEqual(errors.filter(e => !/Failed to load resource/.test(e)), []);
        await p.close();
    });

    it('answers export requests with the picture as shown (SVG and PNG)', async () => {
        const model = lscbModel();
        await sendModel(page, model, 1);
        await redrawn(page, () => page.locator('.w-chip-source').click());
        await post(page, { type: 'export', format: 'svg', requestId: 7 });
        await post(page, { type: 'export', format: 'png', requestId: 8 });
        await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.filter(m => m.type === 'exported').length === 2);
        const answers = (await posted(page)).filter(m => m.type === 'exported');
        const svg = answers.find(m => m.requestId === 7)!;
        assert.equal(svg.format, 'svg');
        const text = svg.data as string;
        assert.ok(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
        assert.equal((text.match(/<g class="w-node /g) ?? []).length, model.nodes.length - model.nodes.filter(n => n.kind === 'source').length, 'filtered as shown');
        assert.match(text, /\.warrant-map \{ --t-bg: [^;]+;/, 'theme colours baked in');
        const png = answers.find(m => m.requestId === 8)!;
        assert.equal(png.error, undefined);
        const bytes = Buffer.from(png.data as string, 'base64');
        assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        assert.ok(bytes.readUInt32BE(16) > 1000, 'rendered at 2×');
        writeFileSync(path.join(OUTPUT, 'exported-from-preview.png'), bytes);
        // nothing drawn yet → an error, not a hang
        const fresh = await open();
        await ready(fresh);
        await post(fresh, { type: 'export', format: 'png', requestId: 9 });
        await fresh.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'exported'));
        const failed = (await posted(fresh)).find(m => m.type === 'exported')!;
        assert.equal(failed.data, undefined);
        assert.match(String(failed.error), /nothing is drawn/);
        await fresh.close();
    });

    it('lays out with ELK in a worker, off the page\'s thread', async () => {
        const p = await browser.context.newPage();
        try {
            await p.addInitScript(() => {
                const names: string[] = [];
                (window as unknown as { __workers: string[] }).__workers = names;
                const Original = window.Worker;
                window.Worker = class extends Original {
                    constructor(url: string | URL, options?: WorkerOptions) {
                        super(url, options);
                        names.push(`${options?.name ?? ''} ${String(url).split(':')[0]}`);
                    }
                };
            });
            await p.goto(server.url);
            await ready(p);
            await sendModel(p, lscbModel(), 1);
            assert.equal(await p.locator('.w-canvas > svg.warrant-map').getAttribute('data-engine'), 'elk');
            assert.deepEqual(await p.evaluate(() => (window as unknown as { __workers: string[] }).__workers), ['warrant-elk blob']);
            assert.doesNotMatch(await p.locator('.w-status-bar').textContent() ?? '', /ELK unavailable/);
            assert.deepEqual(await cspViolations(p), []);
        } finally {
            await p.close();
        }
    });

    it('draws the map with the fast layout, and says so, where no worker may start', async () => {
        const p = await browser.context.newPage();
        try {
            await p.goto(new URL('/no-workers.html', server.url).href);
            await ready(p);
            const model = lscbModel();
            await sendModel(p, model, 1);
            assert.equal(await p.locator('.w-canvas > svg.warrant-map').getAttribute('data-engine'), 'fast');
            assert.equal(await p.locator('.w-viewport .w-node[data-id]').count(), model.nodes.length);
            assert.match(await p.locator('.w-status-bar').textContent() ?? '', /ELK unavailable \(.+\): drawn with the fast layout/);
            assert.ok((await cspViolations(p)).some(violation => violation.startsWith('worker-src')), 'the CSP refused the worker');
        } finally {
            await p.close();
        }
    });

    // How fast is `npm run bench`'s question (graph rows); this checks what is drawn.
    it('switches to the label-less overview for large maps', async () => {
        const model = generateModel(1500, 7);
        await sendModel(page, model, 1);
        assert.equal(await page.locator('.w-canvas > svg.warrant-map.w-overview').count(), 1);
        assert.equal(await page.locator('.w-viewport .w-label').count(), 0);
        assert.equal(await page.locator('.w-viewport .w-node[data-id]').count(), 1500);
        await fitAll(page);
        assert.match(await page.locator('.w-status-bar').textContent() ?? '', /zoomed out: files and sections shown/);
        assert.equal(await page.locator('.w-canvas > svg.warrant-map.w-lod-group').count(), 1);
    });

    it('looks right: screenshots for the README (light and dark)', async () => {
        for (const dark of [false, true]) {
            const handle = await launch({ width: 1400, height: 860, dark, scale: 2 });
            try {
                const p = await handle.context.newPage();
                await p.goto(server.url);
                if (dark) await p.evaluate(() => document.body.classList.replace('vscode-light', 'vscode-dark'));
                await ready(p);
                await sendModel(p, lscbModel(), 1);
                await post(p, { type: 'highlight', id: 'genderHypothesis' });
                await p.locator('.w-legend-toggle').click();
                await p.locator('.w-node[data-id="lscbFailure"]').hover();
                await p.waitForTimeout(150);
                const file = path.join(OUTPUT, dark ? 'map-dark.png' : 'map-light.png');
                await p.screenshot({ path: file });
                assert.ok(readFileSync(file).length > 20_000);
                assert.deepEqual(await cspViolations(p), []);
            } finally {
                await handle.close();
            }
        }
    });
});
