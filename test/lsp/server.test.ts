import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, DocumentSymbol, Hover, LocationLink, TextEdit } from 'vscode-languageserver';
import type { LspClient } from '../helpers/lsp-client.js';
import { positionIn, useCaseStudySession } from './fixtures.js';

function hoverText(hover: Hover | null): string {
    return (hover?.contents as { value?: string } | undefined)?.value ?? '';
}

function items(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
    return Array.isArray(result) ? result : result?.items ?? [];
}

function apply(text: string, edits: TextEdit[] | null): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'warrant', 1, text), edits ?? []);
}

/**
 * The bundled server (`out/server.cjs --stdio`) driven by a real JSON-RPC client on the case
 * study, as Neovim, Helix or VS Code would drive it.
 */
describe('editor features over LSP (stdio) on the case study', function () {
    this.timeout(120000);
    let dir: string;
    let client: LspClient;
    const { read } = useCaseStudySession(['argument.warrant', 'annex.warrant', 'serendipity.warrant'], session => ({ dir, client } = session));

    it('hover: a claim\'s status, evidence and triangulation; an @key\'s reference', async () => {
        const argument = read('argument.warrant');
        const claim = hoverText(await client.hover('argument.warrant', positionIn(argument, 'claim genderHypothesis', 7)));
        assert.match(claim, /`genderHypothesis` — \*\*grounded\*\*/);
        assert.match(claim, /\*\*Triangulation:\*\* 10 data · 8 respondents · 2 methods \(interview, observation\)/);
        const key = hoverText(await client.hover('argument.warrant', positionIn(argument, '@Hall2005', 3)));
        assert.match(key, /\*\*source\*\* `@Hall2005`[\s\S]*Hall, P\. \(2005\)\. Interprofessional teamwork[\s\S]*references\.bib, line \d+/);
        const stat = hoverText(await client.hover('argument.warrant', positionIn(argument, 'classifies policeWomen', 12)));
        assert.match(stat, /26% falls in `integrated`/);
    });

    it('completion: names of the expected kind and @keys with author, year and title', async () => {
        const argument = read('argument.warrant');
        const supporters = items(await client.completion('argument.warrant', positionIn(argument, 'supported by teaRequest', 13)));
        const labels = supporters.map(item => item.label);
        assert.ok(labels.includes('teaRequest') && labels.includes('genderPattern') && labels.includes('policeWomen'));
        assert.ok(!labels.includes('Hakim') && !labels.includes('intSocialWorker') && !labels.includes('GenderData'));
        const keys = items(await client.completion('argument.warrant', positionIn(argument, '@Hall2005', 3)));
        const hall = keys.find(item => item.label === '@Hall2005');
        assert.ok(hall, keys.map(k => k.label).join(' '));
        assert.match(String(hall.detail), /^Hall \(2005\) Interprofessional teamwork/);
    });

    it('definition: a name in another file, an @key in the .bib', async () => {
        const argument = read('argument.warrant');
        const pattern = await client.definition('argument.warrant', positionIn(argument, 'supported by genderPattern', 14)) as LocationLink[];
        assert.ok(pattern[0].targetUri.endsWith('/serendipity.warrant'));
        const key = await client.definition('argument.warrant', positionIn(argument, '@Hall2005', 3)) as LocationLink[];
        assert.ok(key[0].targetUri.endsWith('/references.bib'));
        const bibLine = read('references.bib').split('\n')[key[0].targetSelectionRange.start.line];
        assert.match(bibLine, /^@\w+\{Hall2005,/);
    });

    it('references: a datum across files; every citation of a key', async () => {
        const annex = read('annex.warrant');
        const tea = await client.references('annex.warrant', positionIn(annex, 'datum teaRequest', 7));
        const files = new Set(tea?.map(l => path.basename(l.uri)));
        assert.deepEqual([...files].sort(), ['annex.warrant', 'argument.warrant', 'serendipity.warrant']);
        const argument = read('argument.warrant');
        const hall = await client.references('argument.warrant', positionIn(argument, '@Hall2005', 3), false);
        const everywhere = readdirSync(dir).filter(f => f.endsWith('.warrant')).map(read).join('\n');
        assert.equal(hall?.length, (everywhere.match(/@Hall2005\b/g) ?? []).length);
    });

    it('rename: a datum everywhere; a .bib key refused with the file named', async () => {
        const annex = read('annex.warrant');
        const edit = await client.rename('annex.warrant', positionIn(annex, 'datum teaRequest', 7), 'teaAsked');
        const changed = Object.keys(edit?.changes ?? {}).map(uri => path.basename(uri)).sort();
        assert.deepEqual(changed, ['annex.warrant', 'argument.warrant', 'serendipity.warrant']);
        assert.match(apply(read('serendipity.warrant'), edit!.changes![client.uri('serendipity.warrant')]), /observed teaAsked, policeTakeAStand/);
        const argument = read('argument.warrant');
        await assert.rejects(client.prepareRename('argument.warrant', positionIn(argument, '@Hall2005', 3)), /belongs to the bibliography file references\.bib/);
    });

    it('document and workspace symbols', async () => {
        const symbols = await client.documentSymbols('annex.warrant') as DocumentSymbol[];
        assert.equal(symbols.length, 1);
        assert.equal(symbols[0].name, 'GenderData');
        assert.equal(symbols[0].children?.length, 8);
        const found = await client.workspaceSymbols('genderHyp');
        assert.deepEqual(found?.map(s => s.name), ['genderHypothesis']);
    });

    it('formatting: the case study is canonical; a messy document is made so, and on-type formatting after `}`', async () => {
        assert.deepEqual(await client.formatting('argument.warrant'), []);
        const messy = 'claim   x "X"   supported by teaRequest ,firmChair\nannex Extra {\ndatum extra interview "e"}\n';
        await client.open('messy.warrant', messy);
        await client.diagnosticsOf('messy.warrant');
        const formatted = apply(messy, await client.formatting('messy.warrant'));
        assert.equal(formatted, 'claim x "X" supported by teaRequest, firmChair\nannex Extra {\n  datum extra interview "e"\n}\n');
        const onType = await client.onTypeFormatting('messy.warrant', positionIn(messy, '"e"}', 4), '}');
        assert.equal(apply(messy, onType), 'claim   x "X"   supported by teaRequest ,firmChair\nannex Extra {\n  datum extra interview "e"\n}\n');
    });

    it('code lens above each claim and pattern, running warrant.showTrace [uri, name]', async () => {
        const lenses = await client.codeLens('argument.warrant');
        assert.ok(lenses && lenses.length >= 30);
        const hypothesis = lenses.find(l => l.command?.arguments?.[1] === 'genderHypothesis')!;
        assert.match(hypothesis.command!.title, /^grounded · 10 data · 2 methods · \d+ stats · \d+ sources$/);
        assert.equal(hypothesis.command!.command, 'warrant.showTrace');
        assert.deepEqual(hypothesis.command!.arguments, [client.uri('argument.warrant'), 'genderHypothesis']);
        assert.ok(lenses.some(l => l.command?.title === 'ungrounded'));
        const pattern = await client.codeLens('serendipity.warrant');
        assert.match(pattern![0].command!.title, /^grounded · 8 data · 2 methods/);
    });

    it('inlay hints, semantic tokens and folding ranges answer', async () => {
        const argument = read('argument.warrant');
        const lines = argument.split('\n').length;
        const hints = await client.inlayHints('argument.warrant', { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } });
        assert.ok(hints?.some(h => h.label === '26% → integrated'));
        const tokens = await client.semanticTokens('argument.warrant');
        assert.ok((tokens?.data.length ?? 0) > 500);
        const folds = await client.foldingRanges('argument.warrant');
        assert.ok(folds?.some(f => f.kind === 'comment'));
    });
});
