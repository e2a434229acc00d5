import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver';
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver';
import { createWarrantServices } from '../../language/warrant-module.js';
import { LspClient } from '../helpers/lsp-client.js';
import { probeRequests, removeWorkspace, tempWorkspace, within } from './helpers.js';

const EVIDENCE = 'annex Evidence { datum d1 interview emergent "one" }\nclaim base "Base" supported by d1\n';
const ARGUMENT = 'claim top "Top" supported by base, d1\nclaim side "Side" supported by sub1, sub2\n';

const unknownNames = (diagnostics: Diagnostic[]) => diagnostics
    .filter(d => d.code === 'unknown-reference')
    .map(d => /`([^`]+)`/.exec(String(d.message))?.[1])
    .sort();

/**
 * Files changing under the server (file watcher events, as VS Code sends them): a `.warrant`
 * deleted, renamed, recreated, a folder deleted, a document closed without saving, an
 * unreadable file appearing; a bibliography deleted and a transcript swapped for a FIFO. Every
 * dependent claim in the other files follows; the server never stops answering.
 */
describe('files changing on disk under the language server', function () {
    this.timeout(120000);
    let dir: string;
    let client: LspClient;
    const file = (name: string) => path.join(dir, name);

    beforeEach(async () => {
        dir = tempWorkspace({
            'evidence.warrant': EVIDENCE,
            'sub/one.warrant': 'claim sub1 "S1" supported by d1\n',
            'sub/two.warrant': 'claim sub2 "S2" supported by d1\n',
            'argument.warrant': ARGUMENT
        });
        client = await LspClient.start(dir);
        await client.open('argument.warrant', ARGUMENT);
        await client.diagnosticsOf('argument.warrant', d => unknownNames(d).length === 0);
    });

    afterEach(async () => {
        assert.deepEqual(client.logMessages.filter(m => m.type === 1), [], 'the server logged no error');
        await client?.stop();
        removeWorkspace(dir);
    });

    it('a .warrant deleted: its names become unknown in every other file; recreated: they resolve again', async () => {
        unlinkSync(file('evidence.warrant'));
        await client.filesChanged(['evidence.warrant'], FileChangeType.Deleted);
        const after = await client.diagnosticsOf('argument.warrant', d => unknownNames(d).includes('base') && unknownNames(d).includes('d1'));
        assert.ok(after.some(d => d.code === 'unsupported-claim' && String(d.message).includes('`side`')), 'sub1 and sub2 lost their datum too');
        writeFileSync(file('evidence.warrant'), EVIDENCE);
        await client.filesChanged(['evidence.warrant'], FileChangeType.Created);
        await client.diagnosticsOf('argument.warrant', d => unknownNames(d).length === 0 && !d.some(x => x.code === 'unsupported-claim'));
    });

    it('a .warrant renamed (deleted + created): nothing unknown, nothing duplicated', async () => {
        mkdirSync(file('moved'));
        renameSync(file('evidence.warrant'), file('moved/evidence-2.warrant'));
        await client.filesChanged(['evidence.warrant'], FileChangeType.Deleted);
        await client.filesChanged(['moved/evidence-2.warrant'], FileChangeType.Created);
        // The new file is read and indexed: its diagnostics are published under the new name.
        await client.diagnosticsOf('moved/evidence-2.warrant', () => true);
        const diagnostics = await client.diagnosticsOf('argument.warrant', d => unknownNames(d).length === 0);
        assert.deepEqual(diagnostics.filter(d => d.code === 'duplicate-id'), []);
        assert.deepEqual(client.lastDiagnostics('evidence.warrant'), [], 'the old file\'s diagnostics were cleared');
    });

    it('a .warrant and a .bib changed in one batch (a branch switch): dependents follow the new text', async () => {
        writeFileSync(file('refs.bib'), '@book{K, title = {T}}\n');
        writeFileSync(file('evidence.warrant'), EVIDENCE.replace(/d1/g, 'd9'));
        await client.filesChanged(['refs.bib', 'evidence.warrant'], FileChangeType.Changed);
        await client.diagnosticsOf('argument.warrant', d => unknownNames(d).join() === 'd1');
    });

    it('a folder deleted: every document in it leaves the workspace', async () => {
        rmSync(file('sub'), { recursive: true });
        await client.filesChanged(['sub'], FileChangeType.Deleted);
        await client.diagnosticsOf('argument.warrant', d => unknownNames(d).join() === 'sub1,sub2');
    });

    it('a document deleted on disk while open in the editor: the editor\'s text still counts, edits still work', async () => {
        await client.open('evidence.warrant', EVIDENCE);
        unlinkSync(file('evidence.warrant'));
        await client.filesChanged(['evidence.warrant'], FileChangeType.Deleted);
        await client.change('evidence.warrant', EVIDENCE.replace('datum d1', 'datum d1renamed'));
        await client.diagnosticsOf('argument.warrant', d => unknownNames(d).includes('d1'));
        await probeRequests(client, 'evidence.warrant', EVIDENCE);
    });

    it('a document closed without saving goes back to its text on disk', async () => {
        // Unsaved edits in the editor declare `ghost`; the file on disk does not.
        await client.open('evidence.warrant', EVIDENCE + 'annex Ghost { datum ghost interview emergent "unsaved" }\n');
        await client.change('argument.warrant', ARGUMENT + 'claim haunted "H" supported by ghost\n');
        await client.diagnosticsOf('argument.warrant', d => unknownNames(d).length === 0 && !d.some(x => String(x.message).includes('`haunted`') && x.code === 'unsupported-claim'));
        await client.close('evidence.warrant');
        await client.diagnosticsOf('argument.warrant', d => unknownNames(d).join() === 'ghost');
    });

    it('an untitled (never saved) document closed leaves the workspace', async () => {
        await client.open('untitled.warrant', 'annex U { datum ghost interview emergent "unsaved" }\n');
        await client.change('argument.warrant', ARGUMENT + 'claim haunted "H" supported by ghost\n');
        await client.diagnosticsOf('argument.warrant', d => unknownNames(d).length === 0 && d.some(x => String(x.message).includes('`haunted`')) && !d.some(x => String(x.message).includes('`haunted`') && x.code === 'unsupported-claim'));
        await client.close('untitled.warrant');
        await client.diagnosticsOf('argument.warrant', d => unknownNames(d).join() === 'ghost');
    });

    it('a 3 GB .warrant appearing is skipped with a warning; a FIFO or a link to /dev/zero is never opened', async () => {
        writeFileSync(file('huge.warrant'), '');
        truncateSync(file('huge.warrant'), 3 * 1024 * 1024 * 1024);
        execFileSync('mkfifo', [file('fifo.warrant')]);
        execFileSync('ln', ['-s', '/dev/zero', file('zero.warrant')]);
        await client.filesChanged(['huge.warrant', 'fifo.warrant', 'zero.warrant'], FileChangeType.Created);
        await client.change('argument.warrant', ARGUMENT + 'claim after "A" supported by nowhere\n');
        await client.diagnosticsOf('argument.warrant', d => unknownNames(d).join() === 'nowhere');
        await within('hover', client.hover('argument.warrant', { line: 0, character: 7 }));
        assert.ok(client.logMessages.some(m => m.type === 2 && /huge\.warrant` is too large to read/.test(m.message)), JSON.stringify(client.logMessages));
    });

    it('a bibliography deleted and restored; a transcript swapped for a FIFO', async () => {
        writeFileSync(file('refs.bib'), '@book{Merton1948, title = {T}, year = 1948}\n');
        writeFileSync(file('t.txt'), 'the quote is here\n');
        const text = 'bibliography "refs.bib"\nannex T { datum q interview emergent "q" in "t.txt" quote "the quote" }\nclaim c "C" supported by q cites @Merton1948\n';
        await client.open('cites.warrant', text);
        await client.diagnosticsOf('cites.warrant', d => !d.some(x => x.code === 'unknown-citation' || x.code === 'quote-not-found' || x.code === 'bibliography-not-found'));
        unlinkSync(file('refs.bib'));
        await client.filesChanged(['refs.bib'], FileChangeType.Deleted);
        await client.diagnosticsOf('cites.warrant', d => d.some(x => x.code === 'bibliography-not-found' && /does not exist/.test(String(x.message))) && d.some(x => x.code === 'unknown-citation'));
        writeFileSync(file('refs.bib'), '@book{Merton1948, title = {T}, year = 1948}\n');
        await client.filesChanged(['refs.bib'], FileChangeType.Created);
        await client.diagnosticsOf('cites.warrant', d => !d.some(x => x.code === 'unknown-citation' || x.code === 'bibliography-not-found'));
        unlinkSync(file('t.txt'));
        execFileSync('mkfifo', [file('t.txt')]);
        await client.filesChanged(['t.txt'], FileChangeType.Changed);
        await client.diagnosticsOf('cites.warrant', d => d.some(x => x.code === 'quote-not-found' && /not a regular file/.test(String(x.message))));
        await probeRequests(client, 'cites.warrant', text);
    });
});

describe('a build cancelled between linking and indexing (in process)', () => {
    it('a document linked but not yet indexed is relinked when a document it links into is deleted', async () => {
        const { shared } = createWarrantServices(EmptyFileSystem);
        const builder = shared.workspace.DocumentBuilder;
        const [a, b] = ['a', 'b'].map(name => URI.parse(`file:///warrant-faults-nonexistent/${name}.warrant`));
        const docA = shared.workspace.LangiumDocumentFactory.fromString('claim top "Top" supported by ghost\n', a);
        const docB = shared.workspace.LangiumDocumentFactory.fromString('annex G { datum ghost interview emergent "g" }\n', b);
        shared.workspace.LangiumDocuments.addDocument(docA);
        shared.workspace.LangiumDocuments.addDocument(docB);
        await builder.build([docA, docB], { validation: true });
        assert.ok(!docA.diagnostics?.some(d => d.code === 'unknown-reference'));
        // A keystroke in a.warrant: its build is cancelled right after linking (b is still there).
        builder.resetToState(docA, DocumentState.IndexedContent);
        const source = new CancellationTokenSource();
        const stop = builder.onDocumentPhase(DocumentState.Linked, async document => {
            if (document === docA) {
                source.cancel();
            }
        });
        await builder.build([docA], { validation: true }, source.token).catch(() => undefined);
        stop.dispose();
        assert.equal(docA.state, DocumentState.Linked);
        // Then b.warrant is deleted (or closed without a file).
        await builder.update([], [b]);
        assert.ok(docA.diagnostics?.some(d => d.code === 'unknown-reference' && String(d.message).includes('`ghost`')), JSON.stringify(docA.diagnostics));
    });
});

describe('a request waiting for the workspace while the bibliographies are read (in process)', () => {
    it('is answered once the build has passed the state it waits for, not at the next edit', async () => {
        const { shared } = createWarrantServices(EmptyFileSystem);
        const builder = shared.workspace.DocumentBuilder;
        const document = shared.workspace.LangiumDocumentFactory.fromString('claim c "C"\n', URI.parse('file:///warrant-faults-nonexistent/wait.warrant'));
        shared.workspace.LangiumDocuments.addDocument(document);
        let waiting: Promise<unknown> | undefined;
        // Like a highlight request arriving while the phase's listeners (the file reads) run.
        const listener = builder.onBuildPhase(DocumentState.IndexedReferences, async () => {
            waiting ??= builder.waitUntil(DocumentState.IndexedReferences);
            await new Promise(resolve => setTimeout(resolve, 20));
        });
        await builder.build([document], { validation: true });
        listener.dispose();
        assert.ok(waiting, 'the listener ran');
        const answer = await Promise.race([waiting.then(() => 'answered'), new Promise(resolve => setTimeout(() => resolve('still waiting'), 2000))]);
        assert.equal(answer, 'answered');
    });
});
