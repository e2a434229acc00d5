import assert from 'node:assert/strict';
import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver';
import { applyEdits } from '../../language/lsp/formatter.js';
import { workspaceOf, type TestWorkspace } from '../helpers/workspace.js';

const BIB = '@book{Hakim1993, author = {Hakim, Catherine}, title = {Segregated and integrated occupations}, year = {1993}}\n';

/** Where `needle` starts in `text`, as an LSP position (plus `delta` characters). */
function positionOf(text: string, needle: string, delta = 0) {
    const offset = text.indexOf(needle);
    assert.ok(offset >= 0, `${needle} not in the text`);
    const before = text.slice(0, offset + delta);
    const line = before.split('\n').length - 1;
    return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

function documentOf(workspace: TestWorkspace, file: string): LangiumDocument {
    return workspace.documents.find(document => document.uri.fsPath.endsWith(file))!;
}

function withCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
    return diagnostics.filter(diagnostic => diagnostic.code === code);
}

function hoverText(hover: Hover | undefined): string {
    return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

describe('Warrant fences in Markdown manuscripts', function () {
    this.timeout(30_000);

    it('link with .warrant files both ways, diagnostics at the Markdown file\'s lines and columns', async () => {
        const paper = [
            '# Paper', '', 'Prose that mentions claim x "not code".', '',
            '1. A list item', '', '   ```warrant', '   claim listed "L" supported by fromFile, missingOne', '   ```', '',
            '~~~warrant', 'annex A { datum tilde interview emergent "d" }', '~~~', ''
        ].join('\n');
        const workspace = await workspaceOf({ 'paper.md': paper, 'map.warrant': 'claim fromFile "F" supported by tilde\nclaim uses "U" supported by listed\n' });
        try {
            const unknown = withCode(workspace.diagnostics('paper.md'), 'unknown-reference');
            assert.equal(unknown.length, 1, JSON.stringify(workspace.diagnostics('paper.md')));
            assert.deepEqual(unknown[0].range.start, positionOf(paper, 'missingOne'));
            assert.deepEqual(workspace.codes('map.warrant').filter(code => code === 'unknown-reference'), []);
            assert.deepEqual(withCode(workspace.diagnostics('map.warrant'), 'unsupported-claim'), [], 'fromFile is grounded by the datum of the tilde fence');
        } finally {
            workspace.dispose();
        }
    });

    it('reads CRLF files with the same positions', async () => {
        const paper = ['Intro', '', '```warrant', 'claim a "A" supported by nowhere', '```', ''].join('\r\n');
        const workspace = await workspaceOf({ 'paper.qmd': paper });
        try {
            const [unknown] = withCode(workspace.diagnostics('paper.qmd'), 'unknown-reference');
            assert.deepEqual(unknown.range, { start: { line: 3, character: 25 }, end: { line: 3, character: 32 } });
        } finally {
            workspace.dispose();
        }
    });

    it('keeps checking the other fences when one has a syntax error', async () => {
        const paper = [
            '```warrant', 'claim broken "B" { supported by', '```', '', 'Prose between.', '',
            '```warrant', 'claim second "S" supported by d2', '```', '',
            '```warrant', 'annex A { datum d2 interview emergent "x" }', '```', ''
        ].join('\n');
        const workspace = await workspaceOf({ 'paper.md': paper, 'map.warrant': 'claim top "T" supported by second\n' });
        try {
            const syntax = workspace.diagnostics('paper.md').filter(d => String(d.code).endsWith('-error'));
            assert.ok(syntax.length > 0, 'the broken fence is reported');
            assert.ok(syntax.every(d => d.range.start.line <= 6), `syntax errors stay at the broken fence: ${JSON.stringify(syntax)}`);
            assert.deepEqual(workspace.codes('map.warrant').filter(code => code === 'unknown-reference' || code === 'unsupported-claim'), []);
        } finally {
            workspace.dispose();
        }
    });

    it('renames across a fence, a .warrant file and the claim spans, and highlights the fence only', async () => {
        const paper = ['# On claims', '', 'The claim old "x" in prose stays; [the span]{.claim ref=old} follows.', '', '```warrant', 'claim old "O"', '```', ''].join('\n');
        const workspace = await workspaceOf({ 'paper.md': paper, 'map.warrant': 'claim uses "U" supported by old\n' });
        try {
            const document = documentOf(workspace, 'paper.md');
            const uri = document.uri.toString();
            const edit = await workspace.services.lsp.RenameProvider!.rename(document, { textDocument: { uri }, position: positionOf(paper, 'claim old "O"', 7), newName: 'renamed' });
            const paperEdits = edit!.changes![uri];
            assert.deepEqual(paperEdits.map(e => e.range.start), [positionOf(paper, 'old "O"'), positionOf(paper, 'old}')]);
            assert.equal(Object.keys(edit!.changes!).length, 2, 'the reference in map.warrant too');
            const tokens = await workspace.services.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri } });
            // Relative encoding: the first token's line is absolute; every token is on the fence's line 5.
            assert.ok(tokens.data.length > 0);
            let line = 0;
            for (let i = 0; i < tokens.data.length; i += 5) {
                line += tokens.data[i];
                assert.equal(line, 5);
            }
        } finally {
            workspace.dispose();
        }
    });

    it('reads nothing of a Markdown file without fences (a README)', async () => {
        const workspace = await workspaceOf({ 'README.md': '# Tool\n\nInstall `@types/node` or @types/node and mail me@x.org.\n', 'map.warrant': 'claim a "A"\n' });
        try {
            assert.deepEqual(workspace.diagnostics('README.md'), []);
            assert.ok(!workspace.codes('map.warrant').includes('claim-not-in-manuscript'), 'no claim spans anywhere: no notes');
        } finally {
            workspace.dispose();
        }
    });

    it('formats inside fences at the margin only, never the prose or a fence in a list', async () => {
        const paper = ['Prose   with   spaces.', '', '```warrant', 'claim   a   "A"', '```', '', '- item', '', '  ```warrant', '  claim   b   "B"', '  ```', ''].join('\n');
        const workspace = await workspaceOf({ 'paper.md': paper });
        try {
            const document = documentOf(workspace, 'paper.md');
            const edits = await workspace.services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
            const formatted = applyEdits(document, edits);
            assert.equal(formatted, paper.replace('claim   a   "A"', 'claim a "A"'));
        } finally {
            workspace.dispose();
        }
    });
});

describe('Manuscript prose against the map', function () {
    this.timeout(30_000);
    const paper = [
        '---', 'title: "A paper"', 'bibliography: refs.bib', '---', '',
        'Police work is [male-dominated]{.claim ref=policeClaim} [@Hakim1993, p. 3], as @Hakmi1993 argued.',
        'The hypothesis [holds]{ref="hypothesis" .claim}; see @fig-map and write to a@b.org.',
        'A typo: [x]{.claim ref=polceClaim}.', ''
    ].join('\n');
    const map = 'stat share "Women in the police" = 30% cites @Hakim1993\nclaim policeClaim "Police work is male-dominated" { supported by share classifies share as maleDominated by Hakim }\nclaim hypothesis "H"\nclaim step "S" supported by policeClaim\nclaim unmarked "U" supported by step\nscheme Hakim { band maleDominated below 25% band integrated 25% to 55% band femaleDominated above 55% }\nclaim elsewhere "E" supported by share\n';

    let workspace: TestWorkspace;
    before(async () => {
        workspace = await workspaceOf({ 'paper.qmd': paper, 'refs.bib': BIB, 'map.warrant': map });
    });
    after(() => workspace.dispose());

    it('reports an unknown citation on its key, with the near miss', () => {
        const unknown = withCode(workspace.diagnostics('paper.qmd'), 'unknown-citation');
        assert.equal(unknown.length, 1, JSON.stringify(unknown));
        assert.deepEqual(unknown[0].range, { start: positionOf(paper, '@Hakmi1993'), end: positionOf(paper, '@Hakmi1993', 10) });
        assert.match(String(unknown[0].message), /Did you mean @Hakim1993\?/);
    });

    it('offers the near misses as quick fixes, and no inline source stub for prose', async () => {
        const document = documentOf(workspace, 'paper.qmd');
        const diagnostics = workspace.diagnostics('paper.qmd').filter(d => d.code === 'unknown-citation' || d.code === 'unknown-claim-span');
        const actions = await workspace.services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics } });
        const fixed = applyEdits(document, (actions as CodeAction[]).filter(a => a.isPreferred).flatMap(a => a.edit!.changes![document.uri.toString()]));
        assert.match(fixed, /as @Hakim1993 argued/);
        assert.match(fixed, /\[x\]\{\.claim ref=policeClaim\}/);
        assert.ok(!(actions as CodeAction[]).some(a => a.title.startsWith('Create a source stub')));
    });

    it('reports claim spans naming no claim, on the name, with suggestions', () => {
        const [unknown, ...rest] = withCode(workspace.diagnostics('paper.qmd'), 'unknown-claim-span');
        assert.equal(rest.length, 0);
        assert.deepEqual(unknown.range.start, positionOf(paper, 'polceClaim'));
        assert.match(String(unknown.message), /`policeClaim`/);
    });

    it('reports a marked claim the map does not ground', () => {
        const ungrounded = withCode(workspace.diagnostics('paper.qmd'), 'ungrounded-claim-span');
        assert.deepEqual(ungrounded.map(d => d.range.start), [positionOf(paper, 'hypothesis"')]);
    });

    it('shows the map\'s classification mismatch of a marked claim on its span', () => {
        const [mismatch, ...rest] = withCode(workspace.diagnostics('paper.qmd'), 'classification-mismatch');
        assert.equal(rest.length, 0);
        assert.deepEqual(mismatch.range.start, positionOf(paper, 'policeClaim'));
        assert.match(String(mismatch.message), /`share` is 30%, which falls in `integrated`/);
    });

    it('notes the conclusions the marked claims lead to that no span marks, not the steps to them nor unrelated conclusions', () => {
        const notes = withCode(workspace.diagnostics('map.warrant'), 'claim-not-in-manuscript');
        assert.deepEqual(notes.map(d => d.range.start.line), [4]);
    });

    it('hovers a citation with its entry and a claim span with the claim\'s trace', async () => {
        const document = documentOf(workspace, 'paper.qmd');
        const hover = (needle: string, delta = 1) => workspace.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(paper, needle, delta) });
        assert.match(hoverText(await hover('@Hakim1993')), /Segregated and integrated occupations/);
        const claim = hoverText(await hover('male-dominated]'));
        assert.match(claim, /policeClaim/);
        assert.match(claim, /share/, 'the trace down to the stat');
        assert.match(hoverText(await hover('@fig-map')), /cross-reference/);
        assert.equal(await hover('write to'), undefined);
    });

    it('goes from a citation to the .bib entry and from a claim span to the claim', async () => {
        const document = documentOf(workspace, 'paper.qmd');
        const definition = (needle: string) => workspace.services.lsp.DefinitionProvider!.getDefinition(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(paper, needle, 2) });
        const [entry] = (await definition('@Hakim1993'))!;
        assert.match(entry.targetUri, /refs\.bib$/);
        assert.equal(entry.targetSelectionRange.start.line, 0);
        const [claim] = (await definition('ref=policeClaim'))!;
        assert.match(claim.targetUri, /map\.warrant$/);
        assert.equal(claim.targetSelectionRange.start.line, 1);
    });

    it('completes keys after @ in prose, not after an address\'s @', async () => {
        const document = documentOf(workspace, 'paper.qmd');
        const complete = (needle: string, delta: number) => workspace.services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(paper, needle, delta) });
        const keys = (await complete('@Hakmi1993', 3))!.items.map(item => item.label);
        assert.ok(keys.includes('@Hakim1993'), JSON.stringify(keys));
        assert.deepEqual((await complete('a@b.org', 2))!.items, []);
    });
});

describe('Manuscript bibliographies', function () {
    this.timeout(30_000);

    it('reads the front matter list and reports a missing file on its path', async () => {
        const paper = ['---', 'bibliography:', '  - refs.bib', '  - "missing.bib"', '---', '', 'Cites [@Hakim1993] and [@Other2000].', ''].join('\n');
        const workspace = await workspaceOf({ 'paper.md': paper, 'refs.bib': BIB });
        try {
            const notFound = withCode(workspace.diagnostics('paper.md'), 'bibliography-not-found');
            assert.deepEqual(notFound.map(d => d.range.start), [positionOf(paper, 'missing.bib')]);
            assert.deepEqual(withCode(workspace.diagnostics('paper.md'), 'unknown-citation').map(d => (d.data as { key: string }).key), ['Other2000']);
        } finally {
            workspace.dispose();
        }
    });

    it('refuses a front matter path outside the workspace, like a bibliography statement', async () => {
        const workspace = await workspaceOf({ 'paper.md': '---\nbibliography: ../../../etc/refs.bib\n---\n\n[@a]\n' });
        try {
            const [notFound] = withCode(workspace.diagnostics('paper.md'), 'bibliography-not-found');
            assert.match(String(notFound.message), /outside the workspace/);
        } finally {
            workspace.dispose();
        }
    });
});
