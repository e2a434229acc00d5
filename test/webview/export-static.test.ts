/**
 * The exported HTML page in real Chromium: with scripts off it shows the pre-rendered map,
 * fitted to the window and styled under the page's nonce CSP; with scripts on the viewer takes
 * its place; printed, it is grey and keeps every status's border pattern.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { exportHtml } from '../../language/graph/export/html.js';
import type { GraphModel } from '../../language/graph/graph-model.js';
import { normalizeModel } from '../../language/graph/model-utils.js';
import { STATUS_ENCODING } from '../../language/graph/style.js';
import { NODE_STATUSES } from '../../language/analysis/vocabulary.js';
import { lscbModel } from '../graph/fixtures.js';
import { buildWebview, launch, serve, type BrowserHandle, type Served } from './harness.js';

/** The worked example plus a contradicted claim, so every status is on the map. */
function everyStatusModel(): GraphModel {
    const model = lscbModel();
    return { ...model, nodes: [...model.nodes, { id: 'contradictedClaim', kind: 'claim', label: 'Most officers are women', status: 'contradicted' }] };
}

describe('exported HTML page (Chromium)', function () {
    this.timeout(120_000);
    const model = everyStatusModel();
    const nodeCount = normalizeModel(model).nodes.length;
    let server: Served;
    let scriptsOff: BrowserHandle;
    let scriptsOn: BrowserHandle;
    let errors: string[];

    before(async () => {
        const viewerScript = readFileSync(await buildWebview(), 'utf8');
        const page = await exportHtml(model, { viewerScript, title: 'Every status' });
        server = await serve('/dev/null', { '/exported.html': page });
        scriptsOff = await launch({ width: 1000, height: 700, javaScript: false });
        scriptsOn = await launch({ width: 1000, height: 700 });
    });

    after(async () => {
        await scriptsOff?.close();
        await scriptsOn?.close();
        await server?.close();
    });

    async function open(handle: BrowserHandle, beforeScripts?: () => void): Promise<Page> {
        const page = await handle.context.newPage();
        if (beforeScripts) await page.addInitScript(beforeScripts);
        errors = [];
        page.on('pageerror', e => errors.push(e.message));
        // CSP refusals (a blocked <style> or script) are reported on the console
        page.on('console', m => { if (m.type() === 'error' && !m.text().includes('favicon')) errors.push(m.text()); });
        await page.goto(server.url + 'exported.html');
        return page;
    }

    it('shows the laid-out map without scripts, fitted to the window and styled', async () => {
        const page = await open(scriptsOff);
        assert.equal(await page.locator('#warrant-static svg [data-id]').count(), nodeCount);
        assert.doesNotMatch(await page.locator('body').innerText(), /Waiting/);
        const box = await page.locator('#warrant-static svg .w-nodes').boundingBox();
        assert.ok(box, 'the nodes are laid out');
        // the whole map is in view, and it is not a postage stamp in a corner
        assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= 1000 && box.y + box.height <= 700, JSON.stringify(box));
        assert.ok(box.width > 500 || box.height > 350, JSON.stringify(box));
        // the nonce'd stylesheet applies: a claim's fill is the tint the stylesheet mixes, not the attribute's white
        const fill = await page.locator('#warrant-static .w-node[data-id="lscbFailure"] .w-shape').evaluate(e => getComputedStyle(e).fill);
        assert.notEqual(fill, 'rgb(255, 255, 255)');
        assert.equal(await page.locator('#warrant-static style, #warrant-static [style]').count(), 0, 'no style the CSP would refuse');
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('stays in view until the interactive viewer has drawn, which then takes its place', async () => {
        // runs before the page's own scripts, so this listener fires before the viewer's
        const page = await open(scriptsOn, () => window.addEventListener('warrant:rendered', () => {
            const shown = document.getElementById('warrant-static');
            (window as unknown as { __staticAtRender: boolean }).__staticAtRender = shown !== null && shown.getBoundingClientRect().width > 0;
        }, { once: true }));
        await page.waitForSelector('.w-app .w-viewport .w-node[data-id]');
        assert.equal(await page.evaluate(() => (window as unknown as { __staticAtRender?: boolean }).__staticAtRender), true);
        await page.waitForFunction(() => document.getElementById('warrant-static') === null);
        assert.equal(await page.locator('.w-viewport .w-node[data-id]').count(), nodeCount);
        assert.equal(await page.locator('svg.warrant-map [data-id="lscbFailure"]').count(), 1, 'one map, not two');
        assert.doesNotMatch(await page.locator('body').innerText(), /Waiting/);
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('prints in greys, each status with its own border pattern', async () => {
        const page = await open(scriptsOff);
        await page.emulateMedia({ media: 'print' });
        const borders = await page.locator('#warrant-static .w-node').evaluateAll(nodes => nodes.map(n => {
            const style = getComputedStyle(n.querySelector('.w-shape')!);
            return { status: n.getAttribute('data-status')!, stroke: style.stroke, dash: style.strokeDasharray };
        }));
        for (const status of NODE_STATUSES) {
            const seen = borders.filter(b => b.status === status);
            assert.ok(seen.length > 0, `a ${status} node`);
            for (const { stroke, dash } of seen) {
                const [r, g, b] = stroke.match(/\d+/g)!.map(Number);
                assert.ok(r === g && g === b, `${status} border is grey in print: ${stroke}`);
                const expected = STATUS_ENCODING[status].dash;
                assert.equal(dash === 'none' ? undefined : dash.replace(/px|,/g, ''), expected, status);
            }
        }
        await page.close();
    });

    it('prints the viewer as the map and its legend, without the controls', async () => {
        const page = await open(scriptsOn);
        await page.waitForSelector('.w-app .w-viewport .w-node[data-id]');
        await page.emulateMedia({ media: 'print' });
        for (const control of ['.w-toolbar', '.w-status-bar']) assert.equal(await page.locator(control).isVisible(), false, control);
        assert.equal(await page.locator('.w-legend').isVisible(), true, 'the legend says what each border and badge means');
        const map = await page.locator('.w-canvas > svg.warrant-map').boundingBox();
        assert.ok(map && map.width > 500 && map.height > 300, JSON.stringify(map));
        assert.deepEqual(errors, []);
        await page.close();
    });
});
