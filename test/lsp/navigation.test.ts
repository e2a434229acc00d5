import assert from 'node:assert/strict';
import { expectFindReferences, expectGoToDefinition, expectHighlight } from 'langium/test';
import { DocumentHighlightKind, type Location, type LocationLink } from 'vscode-languageserver';
import { documentOf, params, suiteWorkspace } from './fixtures.js';

describe('navigation', function () {
    this.timeout(60000);
    const workspace = suiteWorkspace();


    const definition = async (file: string, needle: string, delta = 1) => {
        const document = documentOf(workspace, file);
        return (await workspace.services.lsp.DefinitionProvider!.getDefinition(document, params(document, needle, delta))) as LocationLink[] | undefined;
    };
    const references = async (file: string, needle: string, delta = 1, includeDeclaration = true) => {
        const document = documentOf(workspace, file);
        return (await workspace.services.lsp.ReferencesProvider!.findReferences(document, { ...params(document, needle, delta), context: { includeDeclaration } })) as Location[];
    };
    const short = (locations: Array<{ uri: string; range: { start: { line: number; character: number } } }>) =>
        locations.map(l => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}:${l.range.start.character}`).sort();

    it('goes to a declaration in the same document', async () => {
        await expectGoToDefinition(workspace.services)({
            text: 'annex Z { datum <|zz|> interview "z" }\nclaim c "C" supported by <|>zz',
            index: 0, rangeIndex: 0, disposeAfterCheck: true
        });
    });

    it('goes to a declaration in another file', async () => {
        const links = await definition('argument.warrant', 'observed teaRequest', 10);
        assert.equal(links?.length, 1);
        assert.ok(links![0].targetUri.endsWith('/evidence.warrant'));
        assert.deepEqual(links![0].targetSelectionRange, { start: { line: 6, character: 8 }, end: { line: 6, character: 18 } });
    });

    it('goes from an @key to its entry\'s line in the .bib file', async () => {
        const links = await definition('argument.warrant', '@Hall2005', 3);
        assert.equal(links?.length, 1);
        assert.ok(links![0].targetUri.endsWith('/references.bib'));
        assert.deepEqual(links![0].targetSelectionRange, { start: { line: 0, character: 9 }, end: { line: 0, character: 17 } });
        assert.equal(links![0].targetRange.start.line, 0);
        assert.equal(links![0].targetRange.end.line, 8);
        // the whole @key is the origin
        assert.deepEqual(links![0].originSelectionRange, { start: { line: 12, character: 8 }, end: { line: 12, character: 17 } });
    });

    it('goes from an @key to an inline source', async () => {
        const links = await definition('argument.warrant', '@Merton1948', 4);
        assert.ok(links![0].targetUri.endsWith('/sources.warrant'));
        assert.deepEqual(links![0].targetSelectionRange, { start: { line: 2, character: 7 }, end: { line: 2, character: 17 } });
    });

    it('goes from a `bibliography` path to the file', async () => {
        const links = await definition('sources.warrant', '"references.bib"', 3);
        assert.ok(links![0].targetUri.endsWith('/references.bib'));
    });

    it('has no definition for an unknown key (and does not throw)', async () => {
        await expectGoToDefinition(workspace.services)({ text: 'claim c "C" cites @No<|>where', index: 0, rangeIndex: [], disposeAfterCheck: true });
    });

    it('finds all references of a datum across files', async () => {
        assert.deepEqual(short(await references('evidence.warrant', 'datum teaRequest', 7)), ['argument.warrant:6:11', 'evidence.warrant:6:8']);
        assert.deepEqual(short(await references('evidence.warrant', 'datum teaRequest', 7, false)), ['argument.warrant:6:11']);
    });

    it('finds all references within a document (langium/test)', async () => {
        await expectFindReferences(workspace.services)({
            text: 'annex Y { datum <|yy|> interview "y" }\nclaim c "C" supported by <|y<|>y|>\nclaim d "D" supported by <|yy|>',
            includeDeclaration: true, disposeAfterCheck: true
        });
    });

    it('finds every citation of a key, from a citation or from the declaration', async () => {
        assert.deepEqual(short(await references('argument.warrant', '@Hall2005', 3)), ['argument.warrant:12:8', 'evidence.warrant:11:67', 'references.bib:0:9']);
        assert.deepEqual(short(await references('argument.warrant', '@Merton1948', 3, false)), ['argument.warrant:12:26']);
        assert.deepEqual(short(await references('sources.warrant', 'source Merton1948', 8)), ['argument.warrant:12:26', 'sources.warrant:2:7']);
    });

    it('highlights a name in the document: the declaration writes, references read', async () => {
        await expectHighlight(workspace.services)({
            text: 'annex X { datum <|xx|> interview "x" }\nclaim c "C" supported by <|x<|>x|>',
            index: 0, rangeIndex: [0, 1], disposeAfterCheck: true
        });
        const document = documentOf(workspace, 'argument.warrant');
        const highlights = await workspace.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(document, params(document, 'claim genderHypothesis', 8));
        assert.deepEqual(highlights?.map(h => [h.range.start.line, h.kind]).sort((a, b) => a[0]! - b[0]!), [[7, DocumentHighlightKind.Read], [10, DocumentHighlightKind.Write]]);
    });

    it('highlights the citations of a key in the document', async () => {
        const document = documentOf(workspace, 'argument.warrant');
        const highlights = await workspace.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(document, params(document, '@Hall2005', 2));
        assert.deepEqual(highlights?.map(h => [h.range.start.line, h.range.start.character, h.kind]), [[12, 8, DocumentHighlightKind.Read]]);
    });
});
