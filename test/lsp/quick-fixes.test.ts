import assert from 'node:assert/strict';
import { EmptyFileSystem, URI } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { createWarrantServices } from '../../language/warrant-module.js';

describe('quick fix: a source stub for an unknown key', () => {
    it('is offered for keys that can be names (identifiers and keywords Name admits), not for other keywords', async () => {
        const { shared, Warrant } = createWarrantServices(EmptyFileSystem);
        const document = shared.workspace.LangiumDocumentFactory.fromString('claim c "C" cites @Hall2005, @as, @lines, @interview, @emergent\n', URI.parse('file:///fixes/stub.warrant'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const unknown = (document.diagnostics ?? []).filter(d => d.code === 'unknown-citation');
        assert.equal(unknown.length, 5);
        const titles: string[] = [];
        for (const diagnostic of unknown) {
            const actions = await Warrant.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
            titles.push(...(actions ?? []).map(action => (action as CodeAction).title).filter(title => title.startsWith('Create a source stub')));
        }
        assert.deepEqual(titles.sort(), ['@Hall2005', '@emergent', '@interview', '@lines'].map(key => `Create a source stub for ${key}`));
    });
});
