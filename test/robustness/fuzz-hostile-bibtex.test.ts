/**
 * BibTeX entries whose every field — the key included — carries hostile text: HTML and script,
 * Markdown links and images, `javascript:` and `data:` addresses, bidi and C0/C1 controls,
 * unbalanced braces, TeX commands, entity references, very long values. Wherever Warrant shows
 * an entry — the hover, completion, every export format — the text stays text: no raw control
 * character, no live element, no link to anything but an http(s) address, and the CLI neither
 * crashes nor reports an internal error.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { CompletionItem, Hover } from 'vscode-languageserver';
import { loadBibtexParser } from '../../language/bibliography/details.js';
import { dotString, markdownText, safeJson, xmlText } from '../../language/graph/escape.js';
import { workspaceOf } from '../helpers/workspace.js';
import { documentOf, params } from '../lsp/fixtures.js';
import { fuzzSettings } from './arbitraries.js';
import { assertNoCrashOutput, inPairs, removeWorkspace, runCli, tempWorkspace } from './helpers.js';
import { assertNoRawControl } from './terminal-output.js';

const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (options: object) => { render(markdown: string): string };
/** As permissive as a Markdown renderer gets: raw HTML on, bare addresses linked. */
const markdown = new MarkdownIt({ html: true, linkify: true });

const PAYLOADS = [
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<iframe src="https://evil.invalid"></iframe>',
    '<a href="javascript:alert(1)">x</a>', '</title><script>alert(1)</script>', '</script><img src=x onerror=alert(1)>', ']]><img src=x>',
    '[Verify your licence](https://evil.invalid/phish)', '![x](https://evil.invalid/x.png)', '[x](javascript:alert(1))', '[x](command:workbench.action.quit)',
    '<https://evil.invalid>', 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'JaVaScRiPt:alert(1)', 'https://example.org/a_b*c',
    '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u0000', '\u0007', '\u0008', '\u001b[2J', '\u001b]0;PWNED\u0007', '\u007F', '\u0085', '\u009B', '\u00AD',
    '{', '}', '{{', '}}', '\\', '\\textbf{x}', '\\url{javascript:alert(1)}', '\\href{javascript:alert(1)}{click}', '\\"o', '\\&', '$x^2$', '~', '%',
    '&#x202E;', '&#8238;', '&lt;script&gt;', '&amp;', '&', '<', '>', '"', "'", '`', '*', '_', '#', '|', '@', ',', '=', '\n', '\r\n', '\t',
    '10.1234/abc', '10.1/x"><img src=x onerror=alert(1)>', 'doi:10.1/x', 'Doe, Jane and {<b>Org</b>}', 'et al.', '2020', '1-2', '--'
];

/** A field value: a few hostile pieces, sometimes words around them, sometimes very long. */
const hostileValue: fc.Arbitrary<string> = fc.oneof(
    { weight: 6, arbitrary: fc.array(fc.constantFrom(...PAYLOADS), { minLength: 1, maxLength: 5 }).map(parts => parts.join('')) },
    { weight: 2, arbitrary: fc.tuple(fc.lorem({ maxCount: 3 }), fc.constantFrom(...PAYLOADS), fc.lorem({ maxCount: 3 })).map(parts => parts.join(' ')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PAYLOADS), fc.integer({ min: 200, max: 3000 })).map(([piece, n]) => piece.repeat(n)) }
);

const FIELDS = [
    'author', 'editor', 'title', 'journal', 'journaltitle', 'booktitle', 'publisher', 'year', 'date', 'doi', 'url', 'pages', 'note', 'volume',
    'number', 'issue', 'address', 'location', 'edition', 'series', 'institution', 'organization', 'school', 'howpublished', 'month', 'isbn',
    'eprint', 'abstract', 'keywords', 'type', 'urldate', 'crossref', 'language', 'annote'
];
const TYPES = ['article', 'book', 'inproceedings', 'incollection', 'misc', 'thesis', 'report', 'online', 'unknowntype'];

/** A value as BibTeX writes it: in braces, in quotes, or bare. */
const delimited = (value: string, style: number) => (style === 0 ? `{${value}}` : style === 1 ? `"${value.replace(/"/g, '')}"` : value.replace(/[\s,}]/g, ''));

/** Keys Warrant can cite (`@K0`, `@K1:javascript:alert`, …) and one it cannot, seen only by completion. */
const CITABLE_SUFFIX = ['', ':javascript:alert', '/../x', '.doi', '-10.1234/x', '+x'];
const HOSTILE_KEY = ['<img src=x onerror=alert(1)>', '\u202Egnp.exe', '[x](javascript:1)', '&#x202E;', '\u001b[2J', 'K<b>', '*_#'];

interface Entry { key: string; text: string }

function entry(key: string): fc.Arbitrary<string> {
    return fc.tuple(
        fc.constantFrom(...TYPES),
        fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: FIELDS.length }),
        fc.array(hostileValue, { minLength: FIELDS.length, maxLength: FIELDS.length }),
        fc.array(fc.nat(2), { minLength: FIELDS.length, maxLength: FIELDS.length })
    ).map(([type, fields, values, styles]) => `@${type}{${key},\n${fields.map((field, i) => `  ${field} = ${delimited(values[i]!, styles[i]!)}`).join(',\n')}\n}\n`);
}

/** One to three citable entries and one uncitable, each with hostile fields. */
const bibliography: fc.Arbitrary<{ entries: Entry[]; uncitable: string }> = fc.tuple(
    fc.array(fc.constantFrom(...CITABLE_SUFFIX), { minLength: 1, maxLength: 3 }),
    fc.constantFrom(...HOSTILE_KEY)
).chain(([suffixes, hostileKey]) => {
    const keys = suffixes.map((suffix, i) => `K${i}${suffix}`);
    return fc.tuple(fc.tuple(...keys.map(key => entry(key))), entry(`U${hostileKey}`)).map(([texts, uncitable]) => ({
        entries: keys.map((key, i) => ({ key, text: texts[i]! })),
        uncitable
    }));
});

const bibText = (bib: { entries: Entry[]; uncitable: string }) => bib.entries.map(e => e.text).join('\n') + '\n' + bib.uncitable;
const warrantText = (bib: { entries: Entry[] }) => `bibliography "refs.bib"\n${bib.entries.map((e, i) => `claim c${i} "Claim ${i}" cites @${e.key}`).join('\n')}\n`;

/** An address is allowed as a link target only when it is http(s) (doi.org links are https). */
function assertSafeHref(href: string, label: string): void {
    const decoded = href.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x?[0-9a-f]+;/gi, '');
    if (decoded.startsWith('#')) {
        return;
    }
    assert.match(decoded, /^https?:\/\//i, `${label}: a link to ${JSON.stringify(href.slice(0, 200))}`);
}

/** Elements in `html` outside the allowed names; no event handler anywhere, every link http(s). */
function assertOnlyElements(html: string, allowed: readonly string[], label: string): void {
    for (const [tag, name, attributes] of html.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
        assert.ok(allowed.includes(name!.toLowerCase()), `${label}: a live <${name}> in ${JSON.stringify(tag.slice(0, 300))}`);
        assert.doesNotMatch(attributes!, /(?:^|[\s"'/])on[a-z]+\s*=/i, `${label}: an event handler in ${JSON.stringify(tag.slice(0, 300))}`);
        for (const [, href] of attributes!.matchAll(/(?:^|\s)(?:xlink:)?(?:href|src|action|formaction)\s*=\s*"([^"]*)"/gi)) {
            assertSafeHref(href!, label);
        }
    }
}

/** Markdown as an editor shows it: what the renderer makes of it is only text, emphasis, code and http(s) links. */
const MARKDOWN_ELEMENTS = ['p', 'em', 'strong', 'code', 'a', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'pre', 's', 'del'];
function assertInertMarkdown(value: string, label: string): void {
    assertNoRawControl(value, `${label} (Markdown)`);
    const html = markdown.render(value);
    // markdown-it decodes entity references: `&#x202E;` must not come back as the control.
    assertNoRawControl(html, `${label} (rendered)`);
    assertOnlyElements(html, MARKDOWN_ELEMENTS, label);
}

function hoverText(hover: Hover | undefined): string {
    return (hover?.contents as { value?: string } | undefined)?.value ?? '';
}

function assertInertCompletion(item: CompletionItem, label: string): void {
    // What the list shows; `filterText` is only matched against what the user types, never shown.
    assertNoRawControl(`${item.label}\n${item.detail ?? ''}`, `${label}: completion ${JSON.stringify(item.label)}`);
    const documentation = item.documentation;
    if (typeof documentation === 'string') {
        assertNoRawControl(documentation, `${label}: completion documentation`);
    } else if (documentation) {
        assertInertMarkdown(documentation.value, `${label}: completion documentation`);
    }
}

/**
 * Removes the export's own scripts and stylesheets to check what remains (a payload that
 * closed one early would leave live elements behind); in a page each must carry its nonce
 * or be the inert JSON data block.
 */
function withoutOwnScripts(html: string, label: string, nonce: boolean): string {
    for (const [open] of html.matchAll(/<(?:script|style)\b[^>]*>/gi)) {
        assert.match(open, nonce ? /\snonce="[^"]+"|^<script type="application\/json"/ : /^<style>$/, `${label}: a script or style not the export's own: ${open.slice(0, 200)}`);
    }
    return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '');
}

const SVG_ELEMENTS = ['svg', 'defs', 'marker', 'path', 'g', 'rect', 'text', 'tspan', 'title', 'desc', 'line', 'polyline', 'polygon', 'circle', 'ellipse'];
const HTML_ELEMENTS = [...SVG_ELEMENTS, 'html', 'head', 'meta', 'body', 'div', 'span', 'main', 'header', 'h1', 'p'];
const GRAPHML_ELEMENTS = ['graphml', 'key', 'default', 'graph', 'node', 'edge', 'data'];

/** DOT: every user string stays inside a quoted string; outside them, nothing a payload wrote. */
function assertInertDot(dot: string, label: string): void {
    const outside = dot.replace(/"(?:[^"\\]|\\[\s\S])*"/g, '""');
    // `=<` would start an HTML-like label; `->` is an edge.
    const at = outside.search(/alert|evil|javascript|=\s*</i);
    assert.equal(at, -1, `${label}: hostile text outside a quoted DOT string: ${JSON.stringify(outside.slice(Math.max(0, at - 300), at + 200))}`);
}

const EXPORTS: Record<string, (output: string, label: string) => void> = {
    svg: (output, label) => assertOnlyElements(withoutOwnScripts(output.replace(/^<\?xml[^>]*\?>/, ''), label, false), SVG_ELEMENTS, label),
    html: (output, label) => assertOnlyElements(withoutOwnScripts(output.replace(/^<!doctype html>/i, ''), label, true), HTML_ELEMENTS, label),
    md: (output, label) => assertInertMarkdown(output, label),
    dot: assertInertDot,
    graphml: (output, label) => assertOnlyElements(output.replace(/^<\?xml[^>]*\?>/, ''), GRAPHML_ELEMENTS, label),
    aif: output => void JSON.parse(output),
    json: output => void JSON.parse(output)
};

describe('fuzzing hostile BibTeX in every field', function () {
    this.timeout(600000);

    before(() => loadBibtexParser());

    it('found by it: C1 controls and DEL in a field, bidi controls in a completion detail', async () => {
        const text = 'x\u009B2J\u0085y\u007F';
        for (const escaped of [markdownText(text), xmlText(text), xmlText(text, 'tooltip'), dotString(text), safeJson({ text })]) {
            assertNoRawControl(escaped, JSON.stringify(escaped));
        }
        assert.equal(JSON.parse(safeJson({ text })).text, text, 'the JSON export stays lossless');
        const bib = { entries: [{ key: 'K0', text: '@book{K0, title = {T\u0085itle \u202Egnp.exe}, author = {Doe\u009B, Jane}, year = 2020}\n' }], uncitable: '@book{U\u202Ex, title = {\u2066T}}\n' };
        const workspace = await workspaceOf({ 'refs.bib': bibText(bib), 'main.warrant': warrantText(bib) });
        try {
            const document = documentOf(workspace, 'main.warrant');
            assertInertMarkdown(hoverText(await workspace.services.lsp.HoverProvider!.getHoverContent(document, params(document, '@K0', 2))), 'hover');
            const items = (await workspace.services.lsp.CompletionProvider!.getCompletion(document, params(document, '@K0', 1)))?.items ?? [];
            assert.deepEqual(items.map(item => item.label).sort(), ['@K0', '@U⟨U+202E⟩x']);
            assert.match(String(items.find(item => item.label === '@K0')!.detail), /⟨U\+202E⟩gnp\.exe/);
            items.forEach(item => assertInertCompletion(item, 'completion'));
        } finally {
            workspace.dispose();
        }
    });

    it('hovers and completion show every field as inert text', async () => {
        const { seed, numRuns } = fuzzSettings(40, 'hostile BibTeX in hovers and completion');
        await fc.assert(fc.asyncProperty(bibliography, async bib => {
            const workspace = await workspaceOf({ 'refs.bib': bibText(bib), 'main.warrant': warrantText(bib) });
            try {
                const document = documentOf(workspace, 'main.warrant');
                for (const { key } of bib.entries) {
                    const hover = hoverText(await workspace.services.lsp.HoverProvider!.getHoverContent(document, params(document, `@${key}`, 2)));
                    assertInertMarkdown(hover, `hover of @${key}`);
                }
                const completion = await workspace.services.lsp.CompletionProvider!.getCompletion(document, params(document, '@K0', 1));
                // An entry broken by an unbalanced brace is not offered: only what is offered is checked.
                for (const item of completion?.items ?? []) {
                    assertInertCompletion(item, 'completion');
                }
            } finally {
                workspace.dispose();
            }
        }), { seed, numRuns, endOnFailure: true });
    });

    it('every export format: inert output, no crash, exit 0 or 1', async () => {
        const { seed, numRuns } = fuzzSettings(3, 'hostile BibTeX through the CLI exports');
        const dir = tempWorkspace({}, 'warrant-fuzz-bibtex-');
        try {
            await fc.assert(fc.asyncProperty(bibliography, async bib => {
                writeFileSync(path.join(dir, 'refs.bib'), bibText(bib));
                writeFileSync(path.join(dir, 'main.warrant'), warrantText(bib));
                // Every format runs to the end before a failure is raised: the folder must outlive the runs.
                const failures = await inPairs(Object.entries(EXPORTS), async ([format, check]) => {
                    const result = await runCli(['export', '.', '--format', format], dir);
                    const label = `export --format ${format}`;
                    try {
                        // Crashes are reported on stderr; stdout is the export (the page's own script names errors too).
                        assertNoCrashOutput({ stdout: '', stderr: result.stderr }, label);
                        assert.ok(result.status === 0 || result.status === 1, `${label}: exit ${result.status}\n${result.stderr.slice(0, 2000)}`);
                        assertNoRawControl(result.stdout + result.stderr, label);
                        check(result.stdout, label);
                        return undefined;
                    } catch (error) {
                        return error;
                    }
                });
                const failure = failures.find(error => error !== undefined);
                if (failure) {
                    throw failure;
                }
            }), { seed, numRuns, endOnFailure: true });
        } finally {
            removeWorkspace(dir);
        }
    });
});
