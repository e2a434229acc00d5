import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import { warrantMarkdownIt, type MapRequest, type MapResult, type MarkdownItLike } from '../../extension/markdown/markdown-it-plugin.js';
import { fenceLanguage, parseMapOptions } from '../../extension/markdown/map-options.js';
import { renderFenceMap } from '../../extension/markdown/render-fence-map.js';
import type { GraphModel } from '../../language/graph/graph-model.js';
import { drawnIds, OUTSIDE_THIRD_PLACE, PAPER, THIRD_PLACE_SUPPORT, tutorialModel } from './fixture.js';

type MarkdownIt = MarkdownItLike & { render(markdown: string, env?: object): string };
const markdownIt = createRequire(import.meta.url)('markdown-it') as (options: object) => MarkdownIt;

/** markdown-it set up as VS Code's preview sets it up (raw HTML allowed), with the plugin. */
function preview(maps: (request: MapRequest) => MapResult): MarkdownIt {
    return warrantMarkdownIt(markdownIt({ html: true }), { map: maps });
}

/** A map source that draws for real, like the extension host's, with every picture ready. */
async function drawingSource(model: GraphModel, requests: MapRequest[]): Promise<(request: MapRequest) => MapResult> {
    const drawn = new Map<string, MapResult>();
    for (const request of requests) {
        const map = await renderFenceMap(model, { focus: request.focus, idPrefix: 'wm1' });
        drawn.set(String(request.focus), 'svg' in map ? map : { problem: map.problem });
    }
    return request => drawn.get(String(request.focus)) ?? { pending: true };
}

function blocks(html: string): string[] {
    return [...html.matchAll(/<div [^>]*class="warrant-map-block[\s\S]*?<\/div>\n/g)].map(m => m[0]);
}

describe('Markdown preview: the markdown-it plugin', () => {
    let model: GraphModel;
    before(async () => { model = await tutorialModel(); });

    it('draws a warrant-map fence as the focus\'s support tree and keeps a warrant fence as marked source', async () => {
        const requests: MapRequest[] = [];
        const draw = await drawingSource(model, [{ focus: 'thirdPlace' }]);
        const html = preview(request => { requests.push(request); return draw(request); }).render(PAPER);
        assert.deepEqual(requests, [{ focus: 'thirdPlace', documentUri: undefined }]);
        const [block] = blocks(html);
        assert.ok(block, html);
        assert.match(block, /^<div class="warrant-map-block" data-scope="workspace" data-focus="thirdPlace" style="max-height: 300px">/);
        assert.match(block, /<svg [^>]*class="warrant-map"/);
        assert.deepEqual(new Set(drawnIds(block)), new Set(THIRD_PLACE_SUPPORT));
        assert.ok(!drawnIds(block).includes(OUTSIDE_THIRD_PLACE));
        assert.match(html, /<pre><code class="warrant-source language-warrant">claim lateNights &quot;Students stay until closing&quot; supported by stairs\n<\/code><\/pre>/);
        // other fences are left to markdown-it
        assert.ok(html.includes(markdownIt({ html: true }).render('```js\nconst x = 1 < 2;\n```\n')));
    });

    it('keeps the attributes the preview puts on the fence (scroll sync) and draws the whole workspace without focus', async () => {
        const md = preview(() => ({ svg: '<svg class="warrant-map"></svg>' }));
        // VS Code's preview adds data-line and code-line to every block token before rendering.
        (md as unknown as { core: { ruler: { push(name: string, rule: (state: { tokens: { map?: number[]; attrSet(n: string, v: string): void; attrJoin(n: string, v: string): void }[] }) => void): void } } })
            .core.ruler.push('source_map', state => {
                for (const token of state.tokens) if (token.map) { token.attrSet('data-line', String(token.map[0])); token.attrJoin('class', 'code-line'); }
            });
        const html = md.render('text\n\n~~~ {.warrant-map}\n~~~\n');
        assert.match(html, /<div data-line="2" class="warrant-map-block code-line" data-scope="workspace"><svg class="warrant-map"><\/svg><\/div>/);
    });

    it('asks for the previewed document\'s own map with scope: document, and says when there is no document', () => {
        const requests: MapRequest[] = [];
        const md = preview(request => { requests.push(request); return { pending: true }; });
        const fence = '```warrant-map\nscope: document\n```\n';
        const html = md.render(fence, { currentDocument: { toString: () => 'file:///paper/paper.qmd' } });
        assert.deepEqual(requests, [{ focus: undefined, documentUri: 'file:///paper/paper.qmd' }]);
        assert.match(html, /class="warrant-map-block warrant-map-pending"[^>]*><p class="warrant-map-message">Drawing the argument map…<\/p>/);
        const untitled = md.render(fence);
        assert.equal(requests.length, 1, 'no document: nothing to ask for');
        assert.match(untitled, /<p class="warrant-map-problem">scope: document needs a saved Markdown document.<\/p>/);
    });

    it('escapes hostile options everywhere: attributes, problems and the map\'s own message', async () => {
        const hostile = '"><script>window.pwned=1</script><img src=x onerror=alert(1)>';
        const draw = await drawingSource(model, [{ focus: hostile }]);
        const html = preview(draw).render(`\`\`\`warrant-map " onmouseover="alert(1)\nfocus: ${hostile}\nheight: 1;background:url(x)\n<b>: 1\n\`\`\`\n`);
        assert.ok(!/<script|<img|<b>|onmouseover="/i.test(html), html);
        const [block] = blocks(html);
        assert.ok(block.includes(`data-focus="&quot;&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"`), block);
        assert.ok(!block.includes('style='), 'an invalid height sets no style');
        const problems = [...block.matchAll(/<p class="warrant-map-problem">([^<]*)<\/p>/g)].map(m => m[1]);
        assert.deepEqual(problems, [
            'line 3: height is a number of pixels between 1 and 20000, not &quot;1;background:url(x)&quot;',
            'line 4: unknown option &quot;&lt;b&gt;&quot; (known: focus, scope, height, paths)',
            'No element is named &quot;&quot;&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot; in the argument map.'
        ]);
    });

    it('recognises the fences as Pandoc writes them, and nothing that merely starts alike', () => {
        assert.deepEqual(['warrant', '{warrant}', '{.warrant .numberLines}', 'Warrant', 'warrant-map', '{.warrant-map}', ' warrant-map title', 'warranty', 'warrant-mapping', '', '{=html}']
            .map(fenceLanguage), ['warrant', 'warrant', 'warrant', 'warrant', 'warrant-map', 'warrant-map', 'warrant-map', 'warranty', 'warrant-mapping', '', '']);
        const html = preview(() => ({ svg: '<svg class="warrant-map"></svg>' })).render('```warranty\nx\n```\n\n```warrant-mapping\ny\n```\n');
        assert.equal(blocks(html).length, 0);
        assert.ok(!html.includes('warrant-source'));
    });
});

describe('Markdown preview: warrant-map options', () => {
    it('reads focus, scope and height, with quotes, comments and CRLF line ends', () => {
        assert.deepEqual(parseMapOptions('# the paper\'s main claim\r\nfocus: "genderHypothesis"\r\nscope: document\r\nheight: 400px\r\npaths: ../map\r\n'),
            { scope: 'document', focus: 'genderHypothesis', height: 400, problems: [] });
        assert.deepEqual(parseMapOptions(''), { scope: 'workspace', problems: [] });
    });

    it('names each bad line, at most five', () => {
        const options = parseMapOptions('scope: everything\nfocus:\nheight: 0\njust words\n' + 'colour: red\n'.repeat(10));
        assert.deepEqual(options.problems.slice(0, 4), [
            'line 1: scope is "workspace" or "document", not "everything"',
            'line 2: focus needs the name of a claim',
            'line 3: height is a number of pixels between 1 and 20000, not "0"',
            'line 4: write options as "key: value" (focus, scope, height, paths)'
        ]);
        assert.equal(options.problems.length, 5);
        assert.deepEqual([options.scope, options.focus, options.height], ['workspace', undefined, undefined]);
    });
});

describe('Markdown preview: the map of a fence', () => {
    it('says so when the argument map is empty', async () => {
        assert.deepEqual(await renderFenceMap({ nodes: [], edges: [] }, { idPrefix: 'wm1' }), { problem: 'The argument map is empty: no Warrant element was found.' });
    });

    it('keeps the markers of two maps on one page apart', async () => {
        const model = await tutorialModel();
        const [a, b] = await Promise.all(['wm1', 'wm2'].map(idPrefix => renderFenceMap(model, { idPrefix })));
        assert.ok('svg' in a && 'svg' in b);
        assert.match(a.svg, /id="wm1-supports"/);
        assert.match(b.svg, /id="wm2-supports"/);
        assert.ok(!a.svg.includes('wm2-') && !a.svg.includes('<style'), 'no embedded stylesheet: the preview ships it');
    });
});
