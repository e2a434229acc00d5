/**
 * The bad-input corpus: each case is a small workspace on disk (text, bytes, symbolic links,
 * FIFOs, sparse files) and the document an editor would open in it. The server suite opens it
 * over stdio and sends every usual request; the CLI suite runs `warrant check` on the folder.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import type { LspClient } from '../helpers/lsp-client.js';
import { FIXTURES, seededBytes, tempWorkspace, writeFiles } from './helpers.js';

export interface BadInputCase {
    name: string;
    /** Files of the workspace folder (paths relative to it; `../` places a file next to it, outside). */
    files: Record<string, string | Uint8Array>;
    /** Links, FIFOs and sparse files, created in the parent folder (the workspace is `ws/` inside it). */
    prepare?: (workspace: string, parent: string) => void;
    /** The document opened in the editor (its text goes over `didOpen`). */
    open: string;
    /** Throws unless the opened document's diagnostics show what the case is about. */
    expect: (diagnostics: Diagnostic[], text: string) => void;
    /** Exit codes `warrant check --format json` may end with. */
    cli: number[];
    /** First diagnostics must arrive within this (ms). */
    diagnosticsWithinMs?: number;
    /** The opened text, when not the file's content (e.g. what an editor would send). */
    text?: string;
    /** Further checks through the server once the diagnostics are in. */
    check?: (client: LspClient, text: string) => Promise<void>;
}

const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter(d => d.code === code);

function has(diagnostics: Diagnostic[], code: string, line?: number, character?: number): Diagnostic {
    const found = byCode(diagnostics, code).find(d => (line === undefined || d.range.start.line === line) && (character === undefined || d.range.start.character === character));
    assert.ok(found, `expected ${code}${line !== undefined ? ` at ${line}:${character ?? '*'}` : ''}; got ${JSON.stringify(diagnostics.map(d => [d.code, d.range.start.line, d.range.start.character, String(d.message).slice(0, 60)]))}`);
    return found;
}

function noRawControls(diagnostics: Diagnostic[]): void {
    for (const d of diagnostics) {
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(String(d.message), /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/, `raw control, bidi or invisible character in ${JSON.stringify(d.message)}`);
    }
}

/** A claim line, 80 characters of label. */
const CLAIM_LINE = 'claim c "' + 'x'.repeat(80) + '"\n';

/** The text of `n` claims each supported by the next, the last by the first. */
export function cycleOf(n: number, prefix = 'c'): string {
    return Array.from({ length: n }, (_, i) => `claim ${prefix}${i} "Claim ${i}" supported by ${prefix}${(i + 1) % n}`).join('\n') + '\n';
}

/** Every place a label or free text can go, filled with markup and script. */
export const HOSTILE = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(2)>',
    '<svg onload=alert(3)><foreignObject><iframe src=javascript:alert(4)>',
    '</title></text></svg><script>alert(5)</script>',
    ']]><!-- --><![CDATA[',
    '[click](command:workbench.action.terminal.new) [x](javascript:alert(6))',
    '{{constructor.constructor(\'alert(7)\')()}} ${alert(8)} `code`',
    '&lt;&amp;&#x3C;script&#x3E; \\u003cscript\\u003e'
];

function hostileDocument(): string {
    const s = (i: number) => JSON.stringify(HOSTILE[i % HOSTILE.length]);
    return [
        `source Src1 ${s(0)} { author ${s(1)} year 2001 title ${s(2)} in ${s(3)} publisher ${s(4)} note ${s(5)} url ${s(6)} doi ${s(7)} }`,
        `respondent R1 ${s(1)} { gender: ${s(2)} agency: ${s(3)} }`,
        `subject S1 ${s(4)} { role: ${s(5)} }`,
        `annex A1 ${s(6)} {`,
        `  datum d1 interview of R1 emergent ${s(7)}`,
        `  datum d2 observation of S1 prompted ${s(0)} in ${s(1)} quote ${s(2)}`,
        `}`,
        `stat st1 ${s(3)} = 26% cites @Src1 ${s(4)}`,
        `scheme Sc1 ${s(5)} cites @Src1 { band lo ${s(6)} below 25% band mid ${s(7)} 25% to 55% band hi ${s(0)} above 55% }`,
        `claim c1 ${s(1)} { supported by d1, st1 cites @Src1 ${s(2)} qualifier ${s(3)} warrant ${s(4)} classifies st1 as lo by Sc1 }`,
        `pattern p1 ${s(5)} { unanticipated ${s(6)} anomalous ${s(7)} observed d1, d2 strategic c1 }`,
        `claim c2 ${s(0)} supported by p1 opposed by c1`,
        `bibliography "refs.bib" claim c3 ${s(1)} cites @Evil p. 3, @Src1`,
        ''
    ].join('\n');
}

/** Markup that would be live in Markdown (hovers, completion documentation): raw tags, links to commands or scripts. */
const LIVE_MARKUP = /(?<!\\)<\/?(?:script|img|svg|iframe|foreignObject|title|text)\b|(?<!\\)\]\((?:command|javascript):|(?<!\\)<!\[CDATA\[/i;

function markdownOf(value: unknown): string {
    if (!value) {
        return '';
    }
    if (typeof value === 'string') {
        return value;
    }
    const v = value as { value?: string; contents?: unknown; documentation?: unknown };
    return Array.isArray(value) ? value.map(markdownOf).join('\n') : v.value ?? markdownOf(v.contents) + markdownOf(v.documentation);
}

/** Hovers everywhere and completion documentation show the labels as text, never as markup. */
async function checkHostileLabels(client: LspClient, text: string): Promise<void> {
    const lines = text.split('\n');
    let hovers = 0;
    for (let line = 0; line < lines.length; line++) {
        for (let character = 0; character < lines[line].length; character += 3) {
            const hover = await client.hover('a.warrant', { line, character });
            const shown = markdownOf(hover?.contents);
            hovers += shown ? 1 : 0;
            assert.doesNotMatch(shown, LIVE_MARKUP, `hover at ${line}:${character}: ${shown.slice(0, 300)}`);
        }
    }
    assert.ok(hovers > 20, `hovers answered with content: ${hovers}`);
    const completion = await client.completion('a.warrant', { line: 11, character: 'claim c2 '.length + JSON.stringify(HOSTILE[0]).length + ' supported by '.length });
    const items = Array.isArray(completion) ? completion : completion?.items ?? [];
    assert.ok(items.length > 0);
    for (const item of items) {
        // Plain-text documentation and details are shown as text; Markdown must be escaped.
        const documentation = item.documentation as { kind?: string; value?: string } | string | undefined;
        if (typeof documentation === 'object' && documentation.kind === 'markdown') {
            assert.doesNotMatch(documentation.value ?? '', LIVE_MARKUP, `completion ${item.label}`);
        }
    }
    for (const lens of (await client.codeLens('a.warrant')) ?? []) {
        assert.doesNotMatch(lens.command?.title ?? '', LIVE_MARKUP);
    }
}

/** The same short document with an error on its third line, for line-end variants. */
const LINE_ENDS = ['claim a "A"', 'claim b "B"', '  supported by missing', ''];

function expectMissingAt(line: number, character: number) {
    return (diagnostics: Diagnostic[]) => {
        const d = has(diagnostics, 'unknown-reference', line, character);
        assert.deepEqual(d.range.end, { line, character: character + 'missing'.length }, 'the range covers exactly the name');
    };
}

function mkfifo(file: string): void {
    execFileSync('mkfifo', [file]);
}

function sparse(file: string, bytes: number): void {
    writeFileSync(file, '');
    truncateSync(file, bytes);
}

/** Every kind of path that must not be read: each line of the document names one. */
const HOSTILE_PATHS: Array<[string, RegExp]> = [
    ['../outside.txt', /outside the workspace/],
    ['/etc/passwd', /outside the workspace/],
    ['link-out.txt', /outside the workspace/],
    ['dir-link/outside.txt', /outside the workspace/],
    ['link-zero.txt', /outside the workspace/],
    ['/dev/zero', /outside the workspace/],
    ['/dev/urandom', /outside the workspace/],
    ['/proc/self/environ', /outside the workspace/],
    ['folder', /not a regular file/],
    ['', /not a regular file/],
    ['.', /not a regular file/],
    ['fifo.txt', /not a regular file/],
    ['huge.txt', /too large/],
    ['missing.txt', /does not exist/],
    ['loop.txt', /does not exist/],
    ['~/.ssh/id_rsa', /does not exist/],
    ['file:///etc/passwd', /does not exist/],
    ['%2e%2e/outside.txt', /does not exist/],
    ['..\\\\outside.txt', /does not exist/]
];

function prepareHostilePaths(workspace: string, parent: string): void {
    writeFileSync(path.join(parent, 'outside.txt'), '@misc{Secret, title = {secret}}\nsecret transcript\n');
    mkdirSync(path.join(workspace, 'folder'), { recursive: true });
    symlinkSync(path.join(parent, 'outside.txt'), path.join(workspace, 'link-out.txt'));
    symlinkSync(parent, path.join(workspace, 'dir-link'));
    symlinkSync('/dev/zero', path.join(workspace, 'link-zero.txt'));
    symlinkSync(path.join(workspace, 'loop-b.txt'), path.join(workspace, 'loop.txt'));
    symlinkSync(path.join(workspace, 'loop.txt'), path.join(workspace, 'loop-b.txt'));
    mkfifo(path.join(workspace, 'fifo.txt'));
    sparse(path.join(workspace, 'huge.txt'), 100 * 1024 * 1024);
}

function pathLiteral(p: string): string {
    return `"${p}"`;
}

function expectEachPath(code: string) {
    return (diagnostics: Diagnostic[]) => {
        HOSTILE_PATHS.forEach(([, reason], line) => {
            const found = byCode(diagnostics, code).find(d => d.range.start.line === line);
            assert.ok(found, `line ${line} (${JSON.stringify(HOSTILE_PATHS[line][0])}): no ${code}; got ${JSON.stringify(diagnostics.map(d => [d.code, d.range.start.line, d.message]))}`);
            assert.match(String(found.message), reason, `line ${line}`);
        });
        // Nothing of the file outside leaked into a message.
        assert.ok(diagnostics.every(d => !String(d.message).includes('secret transcript')));
    };
}

export const CORPUS: BadInputCase[] = [
    {
        name: 'unterminated string',
        files: { 'a.warrant': 'claim a "A"\nclaim b "unterminated\nclaim c "C" supported by a\n' },
        open: 'a.warrant',
        expect: d => has(d, 'lexing-error', 1),
        cli: [1]
    },
    {
        name: 'unterminated block',
        files: { 'a.warrant': 'annex A {\n  datum d interview emergent "x"\n\nclaim c "C" supported by d\n' },
        open: 'a.warrant',
        expect: d => assert.ok(byCode(d, 'parsing-error').length > 0, JSON.stringify(d)),
        cli: [1]
    },
    {
        name: 'unterminated block comment',
        files: { 'a.warrant': 'claim a "A"\n/* never closed\nclaim b "B"\n' },
        open: 'a.warrant',
        expect: d => has(d, 'lexing-error', 1),
        cli: [1]
    },
    {
        name: '2,000 levels of braces around a claim',
        files: { 'a.warrant': '{'.repeat(2000) + '\nclaim c "C"\n' + '}'.repeat(2000) + '\n' },
        open: 'a.warrant',
        expect: d => has(d, 'parsing-error', 0, 0),
        cli: [1],
        diagnosticsWithinMs: 5000
    },
    {
        name: '1,500 levels of braces inside a claim block',
        files: { 'a.warrant': 'claim c "C" {' + '{'.repeat(1500) + ' supported by c ' + '}'.repeat(1500) + '}\n' },
        open: 'a.warrant',
        expect: d => has(d, 'parsing-error', 0),
        cli: [1],
        diagnosticsWithinMs: 5000
    },
    {
        name: 'token soup (every keyword and punctuation, 2,000 times)',
        files: { 'a.warrant': 'claim { } supported by , @ % 12 of "s" annex datum -- '.repeat(2000) + '\n' },
        open: 'a.warrant',
        expect: d => assert.ok(byCode(d, 'parsing-error').length + byCode(d, 'lexing-error').length > 0),
        cli: [1],
        diagnosticsWithinMs: 10000
    },
    {
        name: 'a 10 MB file',
        files: { 'big.warrant': CLAIM_LINE.repeat(Math.ceil((10 * 1024 * 1024) / CLAIM_LINE.length)) },
        open: 'big.warrant',
        expect: d => {
            assert.equal(d.length, 1, JSON.stringify(d.map(x => x.message)));
            has(d, 'lexing-error', 0, 0);
            assert.match(String(d[0].message), /too large to check/);
        },
        cli: [1],
        diagnosticsWithinMs: 5000
    },
    {
        name: 'binary bytes (64 KB of random bytes, NULs included)',
        files: { 'binary.warrant': seededBytes(20240611, 64 * 1024) },
        open: 'binary.warrant',
        expect: d => {
            assert.ok(byCode(d, 'lexing-error').length > 0);
            noRawControls(d);
        },
        cli: [1]
    },
    {
        name: 'NUL and control characters in and between tokens',
        files: { 'a.warrant': 'claim a "A\u0000\u0007\u001b[2J"\n\u0000\u0001\u001b]0;title\u0007 claim b "B"\nclaim\u000bc "C" supported by a\u0000\n' },
        open: 'a.warrant',
        expect: d => {
            has(d, 'lexing-error', 1);
            noRawControls(d);
        },
        cli: [1]
    },
    {
        name: 'a BOM at the start (columns of line 1 do not count it)',
        files: { 'a.warrant': '\uFEFFclaim b "B" supported by missing\n' },
        // What VS Code sends: the BOM is not part of the editor's text.
        text: 'claim b "B" supported by missing\n',
        open: 'a.warrant',
        expect: expectMissingAt(0, 25),
        cli: [1]
    },
    {
        name: 'CRLF line ends',
        files: { 'a.warrant': LINE_ENDS.join('\r\n') },
        open: 'a.warrant',
        expect: expectMissingAt(2, 15),
        cli: [1]
    },
    {
        name: 'CR-only line ends',
        files: { 'a.warrant': LINE_ENDS.join('\r') },
        open: 'a.warrant',
        expect: expectMissingAt(2, 15),
        cli: [1]
    },
    {
        name: 'mixed line ends (LF, CRLF, CR) and form feeds',
        files: { 'a.warrant': 'claim a "A"\nclaim z "Z"\r\n\f\rclaim b "B"\r\n  supported by missing\n' },
        open: 'a.warrant',
        expect: expectMissingAt(4, 15),
        cli: [1]
    },
    {
        name: 'lone surrogates in strings, names and comments',
        files: { 'a.warrant': 'claim a "\ud800 text \udfff"\nclaim \ud800b "B"\n// \udc00 comment\nclaim c "C" supported by missing\n' },
        open: 'a.warrant',
        expect: d => {
            has(d, 'lexing-error', 1);
            has(d, 'unknown-reference', 3, 25);
            noRawControls(d);
        },
        cli: [1]
    },
    {
        name: 'bidi control characters in labels, comments and between tokens',
        files: { 'a.warrant': 'claim a "\u202Eevil\u202C label" supported by missing\n\u202Eclaim b "B"\n// \u2066 isolate \u2069\nclaim \u200Fc "C"\nclaim \u200Bd "D"\n' },
        open: 'a.warrant',
        expect: (d, text) => {
            has(d, 'unknown-reference', 0, text.indexOf('missing'));
            has(d, 'lexing-error', 1, 0);
            assert.match(String(has(d, 'lexing-error', 4, 6).message), /⟨U\+200B⟩/);
            noRawControls(d);
        },
        cli: [1]
    },
    {
        name: 'HTML, script and SVG in every label',
        files: {
            'a.warrant': hostileDocument(),
            'refs.bib': `@misc{Evil, title = {${HOSTILE[1]}}, author = {${HOSTILE[2]} and ${HOSTILE[5]}}, journal = {${HOSTILE[3]}}, note = {${HOSTILE[6]}}, year = 2024}\n`
        },
        open: 'a.warrant',
        expect: d => {
            assert.deepEqual([...byCode(d, 'lexing-error'), ...byCode(d, 'parsing-error')], [], 'the document is valid');
        },
        check: checkHostileLabels,
        cli: [0, 1]
    },
    {
        name: 'duplicate ids across files',
        files: {
            'a.warrant': 'annex A { datum d interview emergent "a" }\nclaim x "X" supported by d\n',
            'b.warrant': 'annex A { datum d interview emergent "b" }\nclaim x "X again" supported by d\n'
        },
        open: 'a.warrant',
        expect: d => {
            has(d, 'duplicate-id', 0);
            has(d, 'duplicate-id', 1);
        },
        cli: [1]
    },
    {
        name: '1,200 claims with one name',
        files: { 'a.warrant': Array.from({ length: 1200 }, (_, i) => `claim dup "Claim ${i}"`).join('\n') + '\n' },
        open: 'a.warrant',
        expect: d => {
            assert.ok(byCode(d, 'duplicate-id').length > 100);
            has(d, 'too-many-problems');
        },
        cli: [1]
    },
    {
        name: 'self-support (a cycle of length 1)',
        files: { 'a.warrant': 'claim a "A" supported by a\n' },
        open: 'a.warrant',
        expect: d => has(d, 'self-support', 0),
        cli: [1]
    },
    {
        name: 'a cycle of length 2 across files',
        files: { 'a.warrant': 'claim a "A" supported by b\n', 'b.warrant': 'claim b "B" supported by a\n' },
        open: 'a.warrant',
        expect: d => has(d, 'circular-support', 0),
        cli: [1]
    },
    {
        name: 'a cycle of length 1,000',
        files: { 'a.warrant': cycleOf(1000) },
        open: 'a.warrant',
        expect: d => {
            const circular = byCode(d, 'circular-support');
            assert.ok(circular.length > 0);
            assert.ok(circular.every(x => String(x.message).length < 20000), 'messages stay readable');
        },
        cli: [1],
        diagnosticsWithinMs: 10000
    },
    {
        name: 'cycles of every length from 1 to 45 side by side',
        files: { 'a.warrant': Array.from({ length: 45 }, (_, i) => cycleOf(i + 1, `k${i}_`)).join('') },
        open: 'a.warrant',
        expect: d => {
            has(d, 'self-support', 0);
            assert.ok(byCode(d, 'circular-support').length > 0);
        },
        cli: [1]
    },
    {
        name: '5,000 unknown references (the diagnostics cap)',
        files: { 'a.warrant': Array.from({ length: 5000 }, (_, i) => `claim c${i} "C" supported by missing${i}`).join('\n') },
        open: 'a.warrant',
        expect: d => {
            assert.equal(d.length, 500);
            has(d, 'too-many-problems');
        },
        cli: [1],
        diagnosticsWithinMs: 15000
    },
    {
        name: 'a .bib with every malformation',
        files: {
            'refs.bib': readFileSync(path.join(FIXTURES, 'malformations.bib')),
            'a.warrant': 'bibliography "refs.bib"\nclaim c "C" cites @Ok01, @Ok02, @Ok05, @Ok06, @Ok08, @Ok10, @Ok12, @OkLast, @DeepBraces, @Ctrl, @CutOff, @OpenQuote, @Concat\n'
        },
        open: 'a.warrant',
        expect: d => {
            const syntax = byCode(d, 'bibliography-syntax');
            assert.ok(syntax.length >= 2 && syntax.length <= 6, `problems shown, then summarised: ${syntax.length}`);
            assert.ok(syntax.every(x => x.range.start.line === 0));
            assert.match(String(syntax[0].message), /^refs\.bib:\d+: /);
            assert.deepEqual(byCode(d, 'unknown-citation').map(x => x.message), [], 'every good entry stays citable');
            noRawControls(d);
        },
        cli: [0, 1]
    },
    {
        name: 'a .bib of random bytes',
        files: { 'refs.bib': seededBytes(7, 200 * 1024), 'a.warrant': 'bibliography "refs.bib"\nclaim c "C" cites @Anything\n' },
        open: 'a.warrant',
        expect: d => has(d, 'unknown-citation', 1),
        cli: [1]
    },
    {
        name: 'a .bib with CR-only and CRLF line ends',
        files: {
            'cr.bib': '@misc{A, title = {A}}\r\r@misc{B, title = {B}\r\r@misc{C, title = {C}}\r',
            'crlf.bib': '@misc{D, title = {D}}\r\n\r\n@misc{E, title = {E}\r\n\r\n@misc{F, title = {F}}\r\n',
            'a.warrant': 'bibliography "cr.bib"\nbibliography "crlf.bib"\nclaim c "C" cites @A, @C, @D, @F\n'
        },
        open: 'a.warrant',
        expect: d => {
            assert.match(String(has(d, 'bibliography-syntax', 0).message), /^cr\.bib:3: /);
            assert.match(String(has(d, 'bibliography-syntax', 1).message), /^crlf\.bib:3: /);
            assert.deepEqual(byCode(d, 'unknown-citation'), []);
        },
        cli: [0, 1]
    },
    {
        name: 'bibliography paths that escape the workspace or are no regular file',
        files: { 'a.warrant': HOSTILE_PATHS.map(([p]) => `bibliography ${pathLiteral(p)}`).join('\n') + '\nclaim c "C" cites @Secret\n' },
        prepare: prepareHostilePaths,
        open: 'a.warrant',
        expect: d => {
            expectEachPath('bibliography-not-found')(d);
            has(d, 'unknown-citation', HOSTILE_PATHS.length);
        },
        cli: [1],
        diagnosticsWithinMs: 10000
    },
    {
        name: 'transcript paths that escape the workspace or are no regular file',
        files: { 'a.warrant': HOSTILE_PATHS.map(([p], i) => `annex A${i} { datum d${i} interview emergent "t" in ${pathLiteral(p)} quote "secret" }`).join('\n') + '\n' },
        prepare: prepareHostilePaths,
        open: 'a.warrant',
        expect: expectEachPath('quote-not-found'),
        cli: [0, 1],
        diagnosticsWithinMs: 10000
    },
    {
        name: 'warrant.config.json is a FIFO',
        files: { 'a.warrant': 'claim c "C"\n' },
        prepare: workspace => mkfifo(path.join(workspace, 'warrant.config.json')),
        open: 'a.warrant',
        expect: d => has(d, 'unsupported-claim', 0),
        cli: [0]
    },
    {
        name: 'warrant.config.json lists hostile bibliographies and bad rules',
        files: {
            'warrant.config.json': JSON.stringify({ bibliography: ['/dev/zero', '../outside.txt', 'fifo.txt', 'folder', 'huge.txt', 'link-zero.txt'], rules: { 'no-such-rule': 'error', 'unsupported-claim': 'loud', 'duplicate-id': 42 } }),
            'a.warrant': 'claim c "C" cites @Secret\n'
        },
        prepare: prepareHostilePaths,
        open: 'a.warrant',
        expect: d => {
            has(d, 'unknown-citation', 0);
            has(d, 'unsupported-claim', 0);
        },
        cli: [1]
    },
    {
        name: 'warrant.config.json is not JSON (binary)',
        files: { 'warrant.config.json': seededBytes(3, 4096), 'a.warrant': 'claim c "C"\n' },
        open: 'a.warrant',
        expect: d => has(d, 'unsupported-claim', 0),
        cli: [0]
    },
    {
        name: '.warrant files that are FIFOs, links to devices or outside, directories, or 3 GB',
        files: {
            'a.warrant': 'claim c "C" supported by outsideDatum, hugeDatum\n',
            '../outside.warrant': 'annex O { datum outsideDatum interview emergent "secret" }\n'
        },
        prepare: (workspace, parent) => {
            mkfifo(path.join(workspace, 'fifo.warrant'));
            symlinkSync('/dev/zero', path.join(workspace, 'zero.warrant'));
            symlinkSync('/dev/urandom', path.join(workspace, 'random.warrant'));
            symlinkSync(path.join(parent, 'outside.warrant'), path.join(workspace, 'out.warrant'));
            mkdirSync(path.join(workspace, 'dir.warrant'));
            sparse(path.join(workspace, 'huge.warrant'), 3 * 1024 * 1024 * 1024);
        },
        open: 'a.warrant',
        expect: d => {
            assert.ok(byCode(d, 'unknown-reference').some(x => String(x.message).includes('`outsideDatum`')), 'the linked file outside is not read');
            assert.ok(byCode(d, 'unknown-reference').some(x => String(x.message).includes('`hugeDatum`')));
        },
        // The CLI refuses the 3 GB file as unreadable input.
        cli: [2]
    }
];

/** Builds the case's folder: `parent/ws` is the workspace, `parent` holds what lies outside it. */
export function materialise(testCase: BadInputCase): { parent: string; workspace: string } {
    const parent = tempWorkspace();
    const workspace = path.join(parent, 'ws');
    mkdirSync(workspace);
    writeFiles(workspace, testCase.files);
    testCase.prepare?.(workspace, parent);
    return { parent, workspace };
}

/** The text an editor sends for the case's opened file. */
export function openedText(testCase: BadInputCase, workspace: string): string {
    const raw = testCase.files[testCase.open];
    return testCase.text ?? (typeof raw === 'string' ? raw : Buffer.from(raw ?? readFileSync(path.join(workspace, testCase.open))).toString('utf8'));
}
