/**
 * A warrant-map fence in a page built like VS Code's Markdown preview: the markdown-it plugin's
 * output inside the preview's `markdown-body`, the preview's strict CSP (no inline script, styles
 * from the page's origin), the shipped out/markdown-preview.css as `markdown.previewStyles`, and
 * the theme class and colour variables VS Code puts on the page. The map must be drawn, follow
 * the theme, and run nothing from the document.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { warrantMarkdownIt, type MapRequest, type MapResult, type MarkdownItLike } from '../../extension/markdown/markdown-it-plugin.js';
import { renderFenceMap } from '../../extension/markdown/render-fence-map.js';
import { newNonce } from '../../language/safety/csp.js';
import { PAPER, THIRD_PLACE_SUPPORT, tutorialModel } from '../markdown-rendering/fixture.js';
import { launch, ROOT, type BrowserHandle } from './harness.js';

type MarkdownIt = MarkdownItLike & { render(markdown: string): string };
const markdownIt = createRequire(import.meta.url)('markdown-it') as (options: object) => MarkdownIt;
const ORIGIN = 'http://markdown-preview.test';
const STYLESHEET = path.join(ROOT, 'out/markdown-preview.css');
const HOSTILE = '"><script>window.pwned=1</script><img src=x onerror="window.pwned=2">';

/** The page VS Code's preview builds around the rendered Markdown (its strict security level). */
function previewPage(body: string, theme: 'vscode-dark' | 'vscode-light', themeColours: string): string {
    const nonce = newNonce();
    const csp = `default-src 'none'; img-src 'self' ${ORIGIN} https: data:; media-src 'self' ${ORIGIN} https: data:; script-src 'nonce-${nonce}'; style-src 'self' ${ORIGIN} 'unsafe-inline' https: data:; font-src 'self' ${ORIGIN} https: data:;`;
    return `<!DOCTYPE html><html style="${themeColours}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<script nonce="${nonce}">window.violations = []; document.addEventListener('securitypolicyviolation', e => window.violations.push(e.violatedDirective));</script>
<link rel="stylesheet" type="text/css" href="${ORIGIN}/markdown-preview.css">
</head><body class="vscode-body ${theme}"><div class="markdown-body">${body}</div></body></html>`;
}

describe('Markdown preview page with a warrant-map fence (Chromium)', function () {
    this.timeout(120_000);
    let browser: BrowserHandle;
    let body: string;

    before(async () => {
        assert.ok(existsSync(STYLESHEET), 'out/markdown-preview.css is missing: run `node scripts/build.mjs --no-typecheck` first');
        const model = await tutorialModel();
        const drawn = new Map<string, MapResult>();
        for (const focus of ['thirdPlace', HOSTILE]) {
            const map = await renderFenceMap(model, { focus, idPrefix: `wm${drawn.size + 1}` });
            drawn.set(focus, 'svg' in map ? map : { problem: map.problem });
        }
        const md = warrantMarkdownIt(markdownIt({ html: true }), { map: (request: MapRequest) => drawn.get(request.focus!)! });
        body = md.render(`${PAPER}\n\`\`\`warrant-map\nfocus: ${HOSTILE}\n\`\`\`\n`);
        browser = await launch({ width: 900, height: 800 });
        await browser.context.route(`${ORIGIN}/**`, route => {
            const url = new URL(route.request().url());
            if (url.pathname === '/markdown-preview.css') return route.fulfill({ contentType: 'text/css', body: readFileSync(STYLESHEET, 'utf8') });
            const [theme, colours] = url.pathname === '/dark.html'
                ? ['vscode-dark', '--vscode-editor-background: rgb(30, 31, 32); --vscode-editor-foreground: rgb(210, 211, 212);'] as const
                : ['vscode-light', ''] as const;
            return route.fulfill({ contentType: 'text/html', body: previewPage(body, theme, colours) });
        });
    });

    after(async () => { await browser?.close(); });

    async function open(name: string): Promise<Page> {
        const page = await browser.context.newPage();
        await page.goto(`${ORIGIN}/${name}`);
        await page.waitForLoadState('load');
        return page;
    }

    it('draws the focus\'s map where the fence was, scrolling within the height it asks for', async () => {
        const page = await open('dark.html');
        const map = page.locator('.warrant-map-block svg.warrant-map');
        assert.equal(await map.count(), 1);
        const box = await map.boundingBox();
        assert.ok(box && box.width > 200 && box.height > 100, JSON.stringify(box));
        assert.deepEqual((await map.locator('.w-node').evaluateAll(nodes => nodes.map(n => n.getAttribute('data-id')))).sort(), [...THIRD_PLACE_SUPPORT].sort());
        const block = await page.locator('.warrant-map-block').first().evaluate(el => ({ maxHeight: getComputedStyle(el).maxHeight, overflow: getComputedStyle(el).overflowY, height: el.getBoundingClientRect().height }));
        assert.deepEqual([block.maxHeight, block.overflow], ['300px', 'auto']);
        assert.ok(block.height <= 300);
        assert.equal(await page.locator('pre code.warrant-source').count(), 1);
        assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
    });

    it('follows the theme: VS Code\'s colours in a dark preview, the light palette in a light one', async () => {
        const colours = async (page: Page) => page.locator('.warrant-map-block svg.warrant-map').first().evaluate(svg => ({
            background: getComputedStyle(svg.querySelector('.w-bg')!).fill,
            text: getComputedStyle(svg.querySelector('.w-node .w-label')!).fill,
            edge: getComputedStyle(svg.querySelector('.w-edge .w-line')!).stroke
        }));
        const dark = await colours(await open('dark.html'));
        const light = await colours(await open('light.html'));
        assert.deepEqual([dark.background, dark.text], ['rgb(30, 31, 32)', 'rgb(210, 211, 212)']);
        assert.equal(light.background, 'rgb(255, 255, 255)');
        assert.notEqual(dark.edge, light.edge, 'the dark palette draws edges in its own colour');
    });

    it('runs nothing from a hostile focus option and shows it as text', async () => {
        const page = await open('light.html');
        assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
        assert.equal(await page.locator('.markdown-body script, .markdown-body img').count(), 0);
        const hostileBlock = page.locator('.warrant-map-block').nth(1);
        assert.equal(await hostileBlock.getAttribute('data-focus'), HOSTILE);
        assert.equal(await hostileBlock.locator('.warrant-map-problem').innerText(), `No element is named "${HOSTILE}" in the argument map.`);
    });
});
