/**
 * BibTeX fields are the file's text: in a hover they must render as that text, never as
 * markup, a live element or a link the file words. The hover Markdown of hostile entries is
 * rendered as a permissive Markdown renderer would (raw HTML on, bare URLs linked), then in
 * Chromium, where anything live would run.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Hover } from 'vscode-languageserver';
import { loadBibtexParser } from '../../language/bibliography/details.js';
import { workspaceOf, type TestWorkspace } from '../helpers/workspace.js';
import { documentOf, params } from '../lsp/fixtures.js';
import { launch, type BrowserHandle } from '../webview/harness.js';

const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (options: object) => { render(markdown: string): string };
const markdown = new MarkdownIt({ html: true, linkify: true });

const BIDI = '\u202E';
const HOSTILE_BIB = String.raw`
@article{DoiAttack, author = {Doe, Jane}, title = {Ordinary title}, year = 2020,
  doi = {10.1/x"><img src=x onerror=alert(1)> [Verify your licence](https://evil.invalid/phish) &#x202E;gnp.exe},
  url = {javascript:alert(2)}}
@article{UrlAttack, author = {Doe, Jane}, title = {Ordinary title}, year = 2021, url = {javascript:alert(2)}}
@article{DoiBreakout, author = {Doe, Jane}, title = {T}, year = 2022, doi = {10.1234/a)[Verify](https://evil.invalid)<img/src=x/onerror=alert(3)>}}
@article{FieldAttack, year = 2023,
  author = {{<img src=x onerror=alert(4)>} and {[Verify your licence](https://evil.invalid/phish)}},
  title = {<script>alert(5)</script> ${BIDI}gnp.exe &#x202E; <iframe src="https://evil.invalid"></iframe> a < b},
  journal = {<a href="https://evil.invalid">Click</a>}, volume = {1](https://evil.invalid)}, pages = {<svg onload=alert(6)>},
  url = {https://example.org/paper (final) "v2"}}
`;
const KEYS = ['DoiAttack', 'UrlAttack', 'DoiBreakout', 'FieldAttack'];

function unescapeHtml(html: string): string {
    return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** Whether a link's words are its address (as the URL parser reads both). */
function sameAddress(words: string, href: string): boolean {
    try {
        return decodeURIComponent(new URL(words).href) === decodeURIComponent(new URL(href).href);
    } catch {
        return false;
    }
}

function hoverText(hover: Hover | undefined): string {
    return (hover?.contents as { value?: string } | undefined)?.value ?? '';
}

describe('hostile BibTeX fields in hovers', function () {
    this.timeout(120000);
    let workspace: TestWorkspace;
    const hovers = new Map<string, string>();

    before(async () => {
        await loadBibtexParser();
        workspace = await workspaceOf({
            'refs.bib': HOSTILE_BIB,
            'main.warrant': `bibliography "refs.bib"\n${KEYS.map((key, i) => `claim c${i} "C" cites @${key}`).join('\n')}\n`
        });
        const document = documentOf(workspace, 'main.warrant');
        for (const key of KEYS) {
            hovers.set(key, hoverText(await workspace.services.lsp.HoverProvider!.getHoverContent(document, params(document, `@${key}`, 2))));
        }
    });
    after(() => workspace.dispose());

    it('each hover shows the entry, with no raw bidi control and no decoded entity', () => {
        for (const [key, value] of hovers) {
            assert.match(value, new RegExp(`\\*\\*source\\*\\* \`@${key}\``), value);
            assert.ok(!value.includes(BIDI), `${key}: raw U+202E`);
            const html = markdown.render(value);
            assert.ok(!html.includes(BIDI), `${key}: U+202E decoded from an entity`);
        }
        assert.match(hovers.get('DoiAttack')!, /DOI not shown/);
        assert.match(hovers.get('UrlAttack')!, /URL not shown/);
        assert.match(hovers.get('FieldAttack')!, /⟨U\+202E⟩gnp\.exe/);
    });

    it('rendered as Markdown with raw HTML allowed, no element but text, emphasis and safe links', () => {
        for (const [key, value] of hovers) {
            const html = markdown.render(value);
            const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)];
            for (const [tag, name, attributes] of tags) {
                assert.ok(['p', 'em', 'strong', 'code', 'a'].includes(name!), `${key}: <${name}> in ${html}`);
                if (name === 'a') {
                    assert.match(/href="([^"]*)"/.exec(attributes!)?.[1] ?? '', /^https?:\/\//, `${key}: ${tag}`);
                }
            }
            // A link's words are its address (a bare URL in a field is linked by the renderer, as
            // any editor links one): the file cannot word a link ("Verify your licence").
            for (const [, href, words] of html.matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)) {
                assert.equal(sameAddress(unescapeHtml(words!), unescapeHtml(href!)), true, `${key}: link worded ${words}`);
            }
        }
        assert.match(markdown.render(hovers.get('DoiBreakout')!), /<a href="https:\/\/doi\.org\/10\.1234\/a%29%5BVerify%5D%28https:\/\/evil\.invalid%29%3Cimg/);
        assert.match(markdown.render(hovers.get('FieldAttack')!), /<a href="https:\/\/example\.org\/paper%20%28final%29%20%22v2%22">/);
        // The field text is still there, as text.
        assert.match(markdown.render(hovers.get('FieldAttack')!), /&lt;script&gt;alert\(5\)&lt;\/script&gt;/);
    });

    it('in Chromium: nothing runs, no image, frame or script, every link goes where its text says', async () => {
        let browser: BrowserHandle | undefined;
        try {
            browser = await launch();
            const page = await browser.context.newPage();
            const body = [...hovers.values()].map(value => `<section>${markdown.render(value)}</section>`).join('\n');
            await page.setContent(`<!doctype html><meta charset="utf-8"><script>window.alert = () => { window.__ran = (window.__ran || 0) + 1; };</script><body>${body}</body>`);
            await page.waitForTimeout(300);
            const facts = await page.evaluate(() => ({
                ran: (window as unknown as { __ran?: number }).__ran ?? 0,
                live: document.querySelectorAll('img, iframe, svg, object, embed, body script, [onerror], [onload]').length,
                links: Array.from(document.querySelectorAll('a'), a => ({ href: a.href, protocol: a.protocol, text: a.textContent ?? '' })),
                text: document.body.innerText
            }));
            assert.equal(facts.ran, 0, 'a hostile field ran script');
            assert.equal(facts.live, 0, 'a hostile field became an element');
            assert.ok(facts.links.length >= 2, JSON.stringify(facts.links));
            for (const link of facts.links) {
                assert.ok(['https:', 'http:'].includes(link.protocol), JSON.stringify(link));
                assert.equal(sameAddress(link.text, link.href), true, `a link worded by the file: ${JSON.stringify(link)}`);
            }
            assert.ok(!facts.text.includes('\u202E'), 'a decoded bidi control reached the page');
            assert.match(facts.text, /<script>alert\(5\)<\/script>/, 'the field shows as text');
        } finally {
            await browser?.close();
        }
    });
});
