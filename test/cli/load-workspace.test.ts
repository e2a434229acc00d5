import assert from 'node:assert/strict';
import { EmptyFileSystem, URI } from 'langium';
import { createWarrantServices } from '../../language/warrant-module.js';
import { workspaceOf } from '../helpers/workspace.js';

const FILES = {
    'a.warrant': 'claim a "A" supported by d\nclaim b "B" supported by a, missing',
    'data.warrant': 'annex x { datum d interview "said so" }'
};

describe('the CLI\'s workspace (built once, never edited)', () => {
    it('has no index of references, and still links and reports them', async () => {
        const workspace = await workspaceOf(FILES, undefined, {});
        try {
            const index = workspace.services.shared.workspace.IndexManager;
            const data = workspace.documents.find(document => document.uri.path.endsWith('data.warrant'))!;
            const datum = data.parseResult.value;
            assert.equal(index.findAllReferences(datum, '/elements@0/data@0').toArray().length, 0);
            assert.ok(workspace.codes('a.warrant').includes('unknown-reference'));
            assert.ok(!workspace.codes('a.warrant').includes('unsupported-claim'), 'a rests on the datum in the other file');
        } finally {
            workspace.dispose();
        }
    });

    it('the editor\'s services index them', async () => {
        const { shared } = createWarrantServices(EmptyFileSystem);
        const documents = Object.entries(FILES).map(([file, text]) => {
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/workspace/${file}`));
            shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await shared.workspace.DocumentBuilder.build(documents, {});
        const datum = documents[1]!.parseResult.value;
        assert.equal(shared.workspace.IndexManager.findAllReferences(datum, '/elements@0/data@0').toArray().length, 1);
    });
});
