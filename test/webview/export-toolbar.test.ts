/**
 * The preview toolbar's Export menu in real headless Chromium under the extension's shell and
 * strict CSP: choosing a format asks the extension (which owns files) to export in it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { EXPORT_CHOICES } from '../../language/graph/export/formats.js';
import { exportHtml } from '../../language/graph/export/html.js';
import { normalizeModel } from '../../language/graph/model-utils.js';
import type { GraphModel } from '../../language/graph/graph-model.js';
import { lscbModel } from '../graph/fixtures.js';
import { buildWebview, launch, post, posted, sendModel, serve, type BrowserHandle, type Served } from './harness.js';

describe('webview: the toolbar\'s Export menu (Chromium)', function () {
    this.timeout(120_000);
    let server: Served;
    let browser: BrowserHandle;
    let page: Page;

    before(async () => {
        const script = await buildWebview();
        const page = await exportHtml(lscbModel(), { viewerScript: readFileSync(script, 'utf8'), title: 'Exported' });
        server = await serve(script, { '/exported.html': page });
        browser = await launch({ width: 1200, height: 800 });
    });

    after(async () => {
        await browser?.close();
        await server?.close();
    });

    beforeEach(async () => {
        page = await browser.context.newPage();
        await page.goto(server.url);
        await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'ready'));
    });

    afterEach(async () => {
        assert.deepEqual(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), [], 'no CSP violations');
        await page.close();
    });

    const requests = async () => (await posted(page)).filter(m => m.type === 'exportRequest');

    it('offers SVG, PNG and every format of the CLI', async () => {
        const menu = page.getByRole('toolbar', { name: 'Map tools' }).getByRole('combobox', { name: 'Export the map to a file' });
        const values = await menu.locator('option').evaluateAll(options => options.map(o => (o as HTMLOptionElement).value));
        assert.deepEqual(values, ['', ...EXPORT_CHOICES.map(c => c.format)]);
        assert.equal(await menu.locator('option:checked').textContent(), 'Export…');
    });

    it('choosing a format posts an export request for it, and the menu shows its label again', async () => {
        await sendModel(page, lscbModel(), 1);
        const menu = page.locator('.w-toolbar select.w-export');
        await menu.selectOption('dot');
        assert.deepEqual(await requests(), [{ type: 'exportRequest', format: 'dot' }]);
        assert.equal(await menu.inputValue(), '', 'back on "Export…"');
        // the same format twice in a row still asks twice
        await menu.selectOption('dot');
        await menu.selectOption('png');
        const formats = (await requests()).map(m => m.format);
        assert.deepEqual(formats, ['dot', 'dot', 'png']);
    });

    it('the exported SVG\'s title counts each link once, as the CLI does', async () => {
        // A claim that mentions its evidence twice: the analysis yields the edge twice.
        const model = lscbModel();
        const doubled: GraphModel = { ...model, edges: [...model.edges, ...model.edges.slice(0, 5)] };
        const links = normalizeModel(doubled).edges.length;
        assert.equal(links, normalizeModel(model).edges.length);
        await sendModel(page, doubled, 1);
        await post(page, { type: 'export', format: 'svg', requestId: 1 });
        await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'exported'));
        const svg = String((await posted(page)).find(m => m.type === 'exported')?.data);
        const title = /<title>([^<]*)<\/title>/.exec(svg)?.[1];
        assert.equal(title, `Argument map: ${normalizeModel(doubled).nodes.length} elements, ${links} links`);
    });

    it('is absent from an exported HTML page, which has no editor to write files', async () => {
        const exported = await browser.context.newPage();
        await exported.goto(`${server.url}exported.html`);
        await exported.waitForSelector('.w-app .w-toolbar .w-fit');
        assert.equal(await exported.locator('.w-export').count(), 0);
        await exported.close();
    });
});
