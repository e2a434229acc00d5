/**
 * The TextMate grammar that highlights ```warrant fences inside Markdown and Quarto documents:
 * its contribution, and its Oniguruma patterns run as JavaScript regular expressions on sample
 * lines (`\G` is the start of the line here; `(?i:…)` becomes the `i` flag, which changes nothing
 * else: the rest of each pattern is fences and whitespace).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPOSITORY } from '../robustness/helpers.js';

interface Rule { begin: string; end?: string; while?: string; contentName?: string; patterns?: { include: string }[]; beginCaptures?: Record<string, { name: string }> }
interface Contribution { language?: string; scopeName: string; path: string; injectTo?: string[]; embeddedLanguages?: Record<string, string> }

const manifest = JSON.parse(readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8')) as { contributes: { grammars: Contribution[]; languages: { id: string }[] } };
const contribution = manifest.contributes.grammars.find(g => g.scopeName === 'markdown.warrant.codeblock')!;
const grammar = JSON.parse(readFileSync(path.join(REPOSITORY, contribution?.path ?? 'missing'), 'utf8')) as {
    scopeName: string; injectionSelector: string; patterns: { include: string }[]; repository: Record<string, Rule & { patterns: Rule[] }>;
};
const block = grammar.repository['warrant-code-block'];
const content = block.patterns[0];

function js(pattern: string, captures: string[] = []): RegExp {
    let source = pattern.replace(/\(\^\|\\G\)/g, '(^)').replace(/\(\?i:/g, '(?:');
    // TextMate fills an end/while pattern's back-references with the begin line's captures.
    source = source.replace(/\\(\d)/g, (_, n: string) => captures[Number(n)].replace(/[.*+?^${}()|[\]\\`~]/g, '\\$&'));
    return new RegExp(source, 'i');
}

/**
 * The lines of a Markdown document that the grammar gives to `source.warrant`: a begin line
 * opens a block, lines are embedded while the while-pattern holds, the end pattern closes it.
 */
function embeddedLines(markdown: string): string[] {
    const embedded: string[] = [];
    let open: RegExpExecArray | null = null;
    for (const line of markdown.split('\n')) {
        if (!open) {
            open = js(block.begin).exec(line);
            continue;
        }
        if (js(block.end!, [...open]).test(line)) {
            open = null;
        } else if (js(content.while!).test(line)) {
            embedded.push(line);
        }
    }
    return embedded;
}

describe('Warrant highlighting inside Markdown fences (TextMate injection)', () => {
    it('is contributed as an injection into Markdown and Quarto that embeds the warrant language', () => {
        assert.ok(contribution, 'package.json contributes the injection grammar');
        assert.ok(existsSync(path.join(REPOSITORY, contribution.path)));
        assert.equal(grammar.scopeName, contribution.scopeName);
        assert.deepEqual(contribution.injectTo, ['text.html.markdown', 'text.html.quarto']);
        assert.deepEqual(grammar.injectionSelector.split(',').map(s => s.trim()), ['L:text.html.markdown', 'L:text.html.quarto']);
        const warrantGrammar = manifest.contributes.grammars.find(g => g.language === 'warrant')!;
        assert.deepEqual(content.patterns, [{ include: warrantGrammar.scopeName }]);
        assert.deepEqual(contribution.embeddedLanguages, { [content.contentName!]: 'warrant' });
        assert.ok(manifest.contributes.languages.some(l => l.id === 'warrant'));
        assert.deepEqual(grammar.patterns, [{ include: '#warrant-code-block' }]);
    });

    it('opens on warrant fences in every form Markdown and Pandoc allow, and on nothing else', () => {
        const opens = ['```warrant', '~~~warrant', '   ```warrant', '````Warrant', '```warrant {#map .numberLines}', '``` warrant', '```{warrant}', '```{.warrant}', '```{.warrant .numberLines}', '~~~ { .warrant }'];
        const others = ['```warrant-map', '```{.warrant-map}', '```warranty', '```js', '``warrant', '```', 'warrant', '```{.warrantx}', '```markdown warrant', '```warrant`x`'];
        assert.deepEqual(opens.filter(line => !js(block.begin).test(line)), []);
        assert.deepEqual(others.filter(line => js(block.begin).test(line)), []);
        assert.equal(js(block.begin).exec('```warrant {#map}')![4], 'warrant');
    });

    it('embeds exactly the fence\'s lines, closed by the same fence (also indented in a list, and ~~~ around ```)', () => {
        const markdown = [
            '# Paper', '', '```warrant', 'claim a "A" supported by d', '', 'datum d interview of r emergent "x"', '```', 'after the fence', '',
            '- a list item', '', '  ```warrant', '  claim b "B"', '  ```', '',
            '~~~warrant', 'claim c "C"', '```', 'claim d "D"', '~~~', '', '```js', 'claim e "not warrant"', '```'
        ].join('\n');
        assert.deepEqual(embeddedLines(markdown), ['claim a "A" supported by d', '', 'datum d interview of r emergent "x"', '  claim b "B"', 'claim c "C"', 'claim d "D"']);
    });
});
