/**
 * Can a person read the map of the case study? Measured as a reader sees it, in real
 * Chromium: every piece of map text drawn inside the window and its size on screen (font size
 * × zoom). The bar: the first view shows at least 12 labels at 10 px or more and nothing under
 * 7 px; after Fit, nothing under 7 px and at least 5 readable labels (group labels count); no
 * zoom level you can step through draws text under 7 px. On the HTML export of the whole case
 * study (as `warrant export … --format html` writes it) at 1600×1000 and 800×1000, with and
 * without scripts, and in the preview with focus on genderHypothesis in an 800 px panel.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launch, post, redrawn, ROOT, sendModel, serve, buildWebview, type BrowserHandle, type Served } from './harness.js';
import { MIN_PX, READABLE_PX, readMapText, type TextReading } from './readability.js';

const CASE_STUDY = path.join(ROOT, 'examples/lscb-gender-hypothesis');
const limits = { readable: READABLE_PX, min: MIN_PX };

function cli(...args: string[]): string {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'out/cli.cjs'), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.ok(run.status === 0 || run.status === 1, `warrant ${args.join(' ')} failed: ${run.stderr}`);
    return run.stdout;
}

const read = (page: Page): Promise<TextReading> => page.evaluate(readMapText, limits);
const report = (r: TextReading) => `${r.drawn} drawn, ${r.readable} readable, ${r.tooSmall} under ${MIN_PX} px, median ${r.median.toFixed(1)} px; smallest ${JSON.stringify(r.smallest)}`;

function assertFirstView(r: TextReading, where: string): void {
    assert.equal(r.tooSmall, 0, `${where}: ${report(r)}`);
    assert.ok(r.readable >= 12, `${where}: ${report(r)}`);
}

function assertFitted(r: TextReading, where: string): void {
    assert.equal(r.tooSmall, 0, `${where}: ${report(r)}`);
    assert.ok(r.readable >= 5, `${where}: ${report(r)}`);
}

describe('readability of the case study map (Chromium)', function () {
    this.timeout(180_000);
    let server: Served;
    let model: unknown;

    before(async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'warrant-readable-'));
        try {
            const file = path.join(folder, 'map.html');
            cli('export', CASE_STUDY, '--format', 'html', '-o', file);
            model = JSON.parse(cli('export', CASE_STUDY, '--format', 'json'));
            server = await serve(await buildWebview(), { '/case-study.html': readFileSync(file, 'utf8') });
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    after(async () => {
        await server?.close();
    });

    /** The preview (the webview page with a stub of VS Code's API) showing the whole case study. */
    async function previewOf(handle: BrowserHandle): Promise<Page> {
        const page = await handle.context.newPage();
        await page.goto(server.url);
        await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'ready'));
        await sendModel(page, model, 1);
        return page;
    }

    for (const [width, height] of [[1600, 1000], [800, 1000]]) {
        it(`HTML export at ${width}×${height}: a readable first view, a readable Fit, nothing under ${MIN_PX} px at any zoom`, async () => {
            const handle = await launch({ width, height });
            try {
                const page = await handle.context.newPage();
                await page.goto(server.url + 'case-study.html');
                await page.waitForSelector('.w-app .w-viewport .w-node');
                await page.waitForFunction(() => document.querySelector('.w-canvas > svg.warrant-map')?.hasAttribute('data-scale'));
                assertFirstView(await read(page), 'first view');
                await page.locator('.w-fit').click();
                assertFitted(await read(page), 'after Fit');
                // out to the smallest zoom and back in: each step either shows text readable or none
                const levels = new Set<string>();
                for (const [button, steps] of [['.w-zoom-out', 10], ['.w-zoom-in', 22]] as const) {
                    for (let step = 0; step < steps; step++) {
                        await page.locator(button).click();
                        levels.add(await page.locator('.w-app-root').getAttribute('data-lod') ?? '');
                        const r = await read(page);
                        assert.equal(r.tooSmall, 0, `${button} step ${step}: ${report(r)}`);
                    }
                }
                assert.deepEqual([...levels].sort(), ['full', 'group', 'name'], 'zooming passes through every level of detail');
            } finally {
                await handle.close();
            }
        });

        it(`HTML export at ${width}×${height} without scripts: the fitted picture shows groups, nothing under ${MIN_PX} px`, async () => {
            const handle = await launch({ width, height, javaScript: false });
            try {
                const page = await handle.context.newPage();
                await page.goto(server.url + 'case-study.html');
                const r = await read(page);
                assertFitted(r, 'static picture');
                assert.ok(await page.locator('#warrant-static .w-group-caption').count() >= 5);
            } finally {
                await handle.close();
            }
        });
    }

    it('preview, 800 px panel, focus on genderHypothesis: a readable first view and a readable Fit', async () => {
        const handle = await launch({ width: 800, height: 1000 });
        try {
            const page = await previewOf(handle);
            await post(page, { type: 'focus', id: 'genderHypothesis' }, true);
            assert.match(await page.locator('.w-banner').textContent() ?? '', /genderHypothesis/);
            assertFirstView(await read(page), 'focus, first view');
            await page.locator('.w-fit').click();
            assertFitted(await read(page), 'focus, after Fit');
        } finally {
            await handle.close();
        }
    });

    it('search zooms to the match at a readable size', async () => {
        const handle = await launch({ width: 800, height: 1000 });
        try {
            const page = await previewOf(handle);
            await page.locator('.w-fit').click();
            assert.equal(await page.locator('.w-app-root').getAttribute('data-lod'), 'group', 'the whole case study in 800 px shows groups');
            await page.locator('.w-search').fill('Hakim');
            await page.locator('.w-search').press('Enter');
            const match = page.locator('.w-node.w-highlight');
            assert.equal(await match.count(), 1);
            const canvas = (await page.locator('.w-canvas').boundingBox())!;
            const b = (await match.boundingBox())!;
            assert.ok(b.x >= canvas.x && b.y >= canvas.y && b.x + b.width <= canvas.x + canvas.width && b.y + b.height <= canvas.y + canvas.height, 'the match is in view');
            const px = await match.locator('.w-label').evaluate(e => parseFloat(getComputedStyle(e).fontSize) * (e as SVGGraphicsElement).getScreenCTM()!.a);
            assert.ok(px >= READABLE_PX, `its text is ${px.toFixed(1)} px on screen`);
            assert.equal(await page.locator('.w-app-root').getAttribute('data-lod'), 'full');
        } finally {
            await handle.close();
        }
    });

    it('a filter re-lays out what is left and a group click zooms into it', async () => {
        const handle = await launch({ width: 1600, height: 1000 });
        try {
            const page = await previewOf(handle);
            const groups = () => page.locator('.w-viewport .w-group').evaluateAll(els => els.map(e => e.getAttribute('data-group')));
            const all = await groups();
            await redrawn(page, () => page.locator('.w-chip-source').click());
            const left = await groups();
            assert.ok(left.length < all.length, 'the bibliography groups are gone with their sources');
            await page.locator('.w-fit').click();
            const scale = Number(await page.locator('.w-canvas > svg.warrant-map').getAttribute('data-scale'));
            assert.ok(await page.locator('.w-app-root').getAttribute('data-lod') !== 'full');
            const canvas = (await page.locator('.w-canvas').boundingBox())!;
            const captions = await page.locator('.w-viewport .w-group-caption:not(.w-squeezed)').all();
            const boxes = await Promise.all(captions.map(c => c.boundingBox()));
            const inView = boxes.find(b => b && b.x > canvas.x && b.y > canvas.y && b.x + b.width < canvas.x + canvas.width && b.y + b.height < canvas.y + canvas.height)!;
            // its whole title, which the label may cut, is in the tooltip
            await page.mouse.move(inView.x + inView.width / 2, inView.y + inView.height / 2);
            const tip = page.locator('.w-tooltip');
            await tip.waitFor({ state: 'visible' });
            assert.match(await tip.textContent() ?? '', /\.(warrant|bib).*Click: zoom into it/);
            await page.mouse.click(inView.x + inView.width / 2, inView.y + inView.height / 2);
            assert.ok(Number(await page.locator('.w-canvas > svg.warrant-map').getAttribute('data-scale')) > scale, 'zoomed into the group');
        } finally {
            await handle.close();
        }
    });
});
