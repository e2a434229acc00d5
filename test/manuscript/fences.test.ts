import assert from 'node:assert/strict';
import { fenceLanguage, maskOutside, scanBlocks, warrantFences } from '../../language/manuscript/fences.js';

/** The content of each `warrant` fence of `text`, as the parser would see it. */
function warrantContents(text: string): string[] {
    return warrantFences(scanBlocks(text)).map(fence => text.slice(fence.contentStart, fence.contentEnd));
}

describe('Markdown fences', () => {
    const cases: Array<{ name: string; text: string; contents: string[] }> = [
        { name: 'a backtick fence', text: 'Prose.\n\n```warrant\nclaim a "A"\n```\nMore.\n', contents: ['claim a "A"\n'] },
        { name: 'a tilde fence', text: '~~~warrant\nclaim a "A"\n~~~\n', contents: ['claim a "A"\n'] },
        { name: 'a longer closing fence', text: '```warrant\nclaim a "A"\n`````\n', contents: ['claim a "A"\n'] },
        { name: 'a shorter run inside does not close', text: '````warrant\n```\nclaim a "A"\n````\n', contents: ['```\nclaim a "A"\n'] },
        { name: 'the other character does not close', text: '~~~warrant\n```\nclaim a "A"\n~~~\n', contents: ['```\nclaim a "A"\n'] },
        { name: 'an unclosed fence runs to the end', text: 'x\n\n```warrant\nclaim a "A"\n', contents: ['claim a "A"\n'] },
        { name: 'indented by three spaces', text: '   ```warrant\nclaim a "A"\n   ```\n', contents: ['claim a "A"\n'] },
        { name: 'a deeper line after a list item\'s text continues it (no indented code)', text: '- item\n      `@x`\n```warrant\nclaim a "A"\n```\n', contents: ['claim a "A"\n'] },
        { name: 'four spaces is indented code, not a fence', text: 'x\n\n    ```warrant\n    claim a "A"\n    ```\n', contents: [] },
        { name: 'under a list item', text: '- item\n\n    ```warrant\n    claim a "A"\n    ```\n\nafter\n', contents: ['    claim a "A"\n'] },
        { name: 'under a numbered item, closed by leaving the item', text: '1.  item\n    ```warrant\n    claim a "A"\nafter\n', contents: ['    claim a "A"\n'] },
        { name: 'CRLF line breaks', text: '```warrant\r\nclaim a "A"\r\n```\r\nx\r\n', contents: ['claim a "A"\r\n'] },
        { name: 'CR-only line breaks', text: '```warrant\rclaim a "A"\r```\rx\r', contents: ['claim a "A"\r'] },
        { name: 'Quarto engine braces', text: '```{warrant}\nclaim a "A"\n```\n', contents: ['claim a "A"\n'] },
        { name: 'Pandoc attributes', text: '``` {#map .warrant caption="x"}\nclaim a "A"\n```\n', contents: ['claim a "A"\n'] },
        { name: 'an info string with more words', text: '```warrant title="Map"\nclaim a "A"\n```\n', contents: ['claim a "A"\n'] },
        { name: 'warrant-map is another language', text: '```warrant-map\nfocus a\n```\n', contents: [] },
        { name: 'a warrant fence shown inside a longer markdown fence', text: '````markdown\n```warrant\nclaim a "A"\n```\n````\n', contents: [] },
        { name: 'inside an HTML comment block (commented out)', text: '<!--\n```warrant\nclaim a "A"\n```\n-->\n```warrant\nclaim b "B"\n```\n', contents: ['claim b "B"\n'] },
        { name: 'inside YAML front matter', text: '---\ntitle: "```warrant"\n---\n```warrant\nclaim b "B"\n```\n', contents: ['claim b "B"\n'] },
        { name: 'a backtick info string cannot hold a backtick', text: '```warrant `x`\nclaim a "A"\n```\n', contents: [] },
        { name: 'two fences', text: '```warrant\na\n```\n\n~~~warrant\nb\n~~~\n', contents: ['a\n', 'b\n'] }
    ];
    for (const { name, text, contents } of cases) {
        it(name, () => assert.deepEqual(warrantContents(text), contents));
    }

    it('reads the language of Pandoc and Quarto info strings', () => {
        assert.equal(fenceLanguage('warrant'), 'warrant');
        assert.equal(fenceLanguage('{warrant echo=false}'), 'warrant');
        assert.equal(fenceLanguage('{.warrant #id}'), 'warrant');
        assert.equal(fenceLanguage('{#id .python .warrant}'), 'python');
        assert.equal(fenceLanguage('warrant-map'), 'warrant-map');
        assert.equal(fenceLanguage(''), '');
    });

    it('masks everything outside the fences but line breaks, keeping every offset', () => {
        const text = '# Title\r\n\r\nProse @key.\r\n\r\n```warrant\r\nclaim a "A"\r\n```\r\nEnd\r\n';
        const masked = maskOutside(text, warrantFences(scanBlocks(text)));
        assert.equal(masked.length, text.length);
        assert.equal(masked.indexOf('claim a "A"'), text.indexOf('claim a "A"'));
        assert.deepEqual([...masked.matchAll(/\r\n/g)].map(m => m.index), [...text.matchAll(/\r\n/g)].map(m => m.index));
        assert.equal(masked.replace(/claim a "A"/, '').trim(), '');
    });

    it('marks fenced and indented code, comments and front matter as not prose', () => {
        const text = '---\nbibliography: a.bib\n---\n\nText.\n\n    code @x\n\n<!-- @y -->\n\n```r\n@z\n```\n';
        const { skipped, frontMatter } = scanBlocks(text);
        const inSkipped = (needle: string) => skipped.some(region => region.start <= text.indexOf(needle) && text.indexOf(needle) < region.end);
        assert.ok(inSkipped('@x') && inSkipped('@y') && inSkipped('@z') && inSkipped('bibliography'));
        assert.ok(!inSkipped('Text.'));
        assert.equal(text.slice(frontMatter!.start, frontMatter!.end), 'bibliography: a.bib\n');
    });

    it('closes each fence of a list item when the next item starts (20,000 of them)', () => {
        const text = '- a\n  ```warrant\n'.repeat(20_000);
        assert.equal(scanBlocks(text).fences.length, 20_000);
    });
});
