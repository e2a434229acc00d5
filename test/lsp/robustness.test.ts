import assert from 'node:assert/strict';
import { OperationCancelled, type LangiumDocument } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver';
import { parseHelper } from 'langium/test';
import type { Position } from 'vscode-languageserver';
import { SMALL_FILES, suiteWorkspace } from './fixtures.js';

/** Documents a user has half typed: names missing, references unresolved, blocks unclosed. */
const BROKEN = [
    '',
    'claim',
    'claim "no name" supported by',
    'claim c "C" supported by , , cites @',
    'claim c "C" classifies as by',
    'claim c "C" classifies policeWomen as',
    'annex { datum',
    'annex A { datum d interview of , emergent',
    'pattern p "P" { observed strategic }',
    'scheme S { band b below % band c 10% to }',
    'stat s "S" = of 3 cites @, @Hall2005 p.',
    'source { author year 1948',
    'respondent R { gender: }',
    '@@@ }}} {{{ "unterminated',
    'claim c "C" { supported by teaRequest cites @Hall2005 p. 189 // comment',
    '/* unterminated comment',
    SMALL_FILES['argument.warrant'].slice(0, 200),
    SMALL_FILES['evidence.warrant'].slice(0, 333)
];

describe('providers on broken documents', function () {
    this.timeout(120000);
    const workspace = suiteWorkspace();

    it('never throw (nor log a caught error), at any position, for every provider', async () => {
        const logged: unknown[][] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => logged.push(args);
        try {
            await everyProviderEverywhere();
        } finally {
            console.error = original;
        }
        assert.deepEqual(logged.map(args => String(args[1] ?? args[0]).split('\n')[0]), []);
    });

    async function everyProviderEverywhere(): Promise<void> {
        const lsp = workspace.services.lsp;
        const parse = parseHelper(workspace.services);
        for (const text of BROKEN) {
            const document: LangiumDocument = await parse(text);
            const uri = document.uri.toString();
            const textDocument = { uri };
            const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
            const calls: Array<[string, () => unknown]> = [
                ['symbols', () => lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument })],
                ['folding', () => lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument })],
                ['tokens', () => lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument })],
                ['lenses', () => lsp.CodeLensProvider!.provideCodeLens(document, { textDocument })],
                ['hints', () => lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range: whole })],
                ['format', () => lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } })]
            ];
            for (let offset = 0; offset <= text.length; offset++) {
                const position: Position = document.textDocument.positionAt(offset);
                const at = { textDocument, position };
                calls.push(
                    ['hover', () => lsp.HoverProvider!.getHoverContent(document, at)],
                    ['completion', () => lsp.CompletionProvider!.getCompletion(document, at)],
                    ['definition', () => lsp.DefinitionProvider!.getDefinition(document, at)],
                    ['references', () => lsp.ReferencesProvider!.findReferences(document, { ...at, context: { includeDeclaration: true } })],
                    ['highlight', () => lsp.DocumentHighlightProvider!.getDocumentHighlight(document, at)],
                    ['onType', () => lsp.Formatter!.formatDocumentOnType(document, { ...at, ch: '}', options: { tabSize: 2, insertSpaces: true } })]
                );
            }
            for (const [name, call] of calls) {
                try {
                    await call();
                } catch (error) {
                    assert.fail(`${name} threw on ${JSON.stringify(text)}: ${(error as Error).stack}`);
                }
            }
            // Rename may refuse (a ResponseError with a message), never crash otherwise.
            for (let offset = 0; offset <= text.length; offset += 3) {
                const at = { textDocument, position: document.textDocument.positionAt(offset) };
                for (const call of [() => lsp.RenameProvider!.prepareRename(document, at), () => lsp.RenameProvider!.rename(document, { ...at, newName: 'fresh' })]) {
                    try {
                        await call();
                    } catch (error) {
                        assert.equal((error as Error).constructor.name, 'ResponseError', `rename threw on ${JSON.stringify(text)}: ${(error as Error).stack}`);
                    }
                }
            }
        }
    }

    it('honour cancellation', async () => {
        const document = await parseHelper(workspace.services)(SMALL_FILES['argument.warrant']);
        const source = new CancellationTokenSource();
        source.cancel();
        const textDocument = { uri: document.uri.toString() };
        const position = { line: 10, character: 8 };
        const lsp = workspace.services.lsp;
        for (const call of [
            () => lsp.HoverProvider!.getHoverContent(document, { textDocument, position }, source.token),
            () => lsp.CodeLensProvider!.provideCodeLens(document, { textDocument }, source.token),
            () => lsp.CompletionProvider!.getCompletion(document, { textDocument, position }, source.token),
            () => lsp.ReferencesProvider!.findReferences(document, { textDocument, position, context: { includeDeclaration: true } }, source.token),
            () => lsp.RenameProvider!.rename(document, { textDocument, position, newName: 'x2' }, source.token)
        ]) {
            await assert.rejects(async () => call(), (error: unknown) => error === OperationCancelled);
        }
    });
});
