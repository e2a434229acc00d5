// A build stopped before a document was linked can leave some of its references resolved (a
// linker cancelled half-way through it, or a request reading a reference meanwhile). The next
// build must not keep those links into a document that has changed since: under load, 30
// rapid edits once left a claim resting on the datum of version 28 of the edited file.
import assert from 'node:assert/strict';
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createWarrantServices } from '../../language/warrant-module.js';
import type { Claim, Datum, Document, Support } from '../../language/generated/ast.js';

describe('a build stopped before a document was linked (in process)', () => {
    it('the document is relinked against the changed file, not left with links into its old text', async () => {
        const { shared } = createWarrantServices(EmptyFileSystem);
        const factory = shared.workspace.LangiumDocumentFactory;
        const aUri = URI.parse('file:///cancelled-linking/a.warrant');
        const bUri = URI.parse('file:///cancelled-linking/b.warrant');
        const a = factory.fromString('annex E { datum pivot observation of R1 emergent "v1" }\n', aUri);
        const b = factory.fromString('claim c "C" supported by pivot\n', bUri);
        shared.workspace.LangiumDocuments.addDocument(a);
        shared.workspace.LangiumDocuments.addDocument(b);
        const builder = shared.workspace.DocumentBuilder;
        const pivotRef = () => (((b.parseResult.value as Document).elements[0] as Claim).clauses[0] as Support).supporters[0]!.ref;
        // Stop the first build after scoping, with b's reference already resolved (as a linker
        // cancelled half-way through b leaves it).
        const stop = builder.onBuildPhase(DocumentState.ComputedScopes, () => {
            stop.dispose();
            pivotRef();
            throw new Error('stopped');
        });
        await assert.rejects(builder.build([a, b], { validation: true }));
        const text = TextDocument.create(aUri.toString(), 'warrant', 2, 'annex E { datum pivot observation of R1 emergent "v2" }\n');
        shared.workspace.TextDocuments.set(text);
        await builder.update([aUri], []);
        const target = pivotRef() as Datum;
        assert.equal(target.text, 'v2');
    });
});
