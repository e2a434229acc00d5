import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import { workspaceOf, type TestWorkspace } from '../helpers/workspace.js';
import { documentOf, params, SMALL_FILES, suiteWorkspace } from './fixtures.js';

/** The files after applying a workspace edit (file name → text). */
function applyWorkspaceEdit(workspace: TestWorkspace, files: Record<string, string>, edit: WorkspaceEdit | undefined): Record<string, string> {
    const result = { ...files };
    for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
        const file = path.relative(workspace.dir, fileURLToPath(uri));
        const document = TextDocument.create(uri, 'warrant', 1, result[file]);
        result[file] = TextDocument.applyEdits(document, edits);
    }
    return result;
}

describe('rename', function () {
    this.timeout(60000);
    const workspace = suiteWorkspace();


    async function rename(file: string, needle: string, delta: number, newName: string): Promise<WorkspaceEdit | undefined> {
        const document = documentOf(workspace, file);
        return workspace.services.lsp.RenameProvider!.rename(document, { ...params(document, needle, delta), newName });
    }

    /** Renames, rebuilds the edited files and checks every name still resolves and grounding is unchanged. */
    async function renameAndRebuild(file: string, needle: string, delta: number, newName: string): Promise<Record<string, string>> {
        const edited = applyWorkspaceEdit(workspace, SMALL_FILES, await rename(file, needle, delta, newName));
        const rebuilt = await workspaceOf(edited);
        try {
            const codes = rebuilt.codes();
            assert.ok(!codes.includes('unknown-reference') && !codes.includes('unknown-citation'), JSON.stringify(codes));
            assert.deepEqual(codes.sort(), workspace.codes().sort());
        } finally {
            rebuilt.dispose();
        }
        return edited;
    }

    const cases: Array<[kind: string, file: string, needle: string, delta: number, newName: string, expectedInArgument: RegExp]> = [
        ['datum', 'evidence.warrant', 'datum teaRequest', 7, 'teaAsked', /observed teaAsked/],
        ['claim', 'argument.warrant', 'claim genderHypothesis', 7, 'genderThesis', /strategic genderThesis/],
        ['stat', 'evidence.warrant', 'stat policeWomen', 6, 'womenInPolice', /classifies womenInPolice as/],
        ['pattern', 'argument.warrant', 'pattern genderPattern', 9, 'serendipity', /supported by serendipity, policeMaleDominated/],
        ['scheme', 'evidence.warrant', 'scheme Hakim', 8, 'Hakim1993Bands', /by Hakim1993Bands/],
        ['band', 'argument.warrant', 'as maleDominated', 4, 'menAbove75', /as menAbove75 by Hakim/],
        ['respondent', 'evidence.warrant', 'of SW1', 4, 'socialWorker', /^/],
        ['annex', 'evidence.warrant', 'annex GenderData', 7, 'Annex1', /^/]
    ];
    for (const [kind, file, needle, delta, newName, expected] of cases) {
        it(`renames a ${kind} across files`, async () => {
            const edited = await renameAndRebuild(file, needle, delta, newName);
            assert.match(edited['argument.warrant'], expected);
            assert.ok(Object.values(edited).some(text => new RegExp(`\\b${newName}\\b`).test(text)));
        });
    }

    it('renames an inline source and its @key citations (keeping the @ and the locator)', async () => {
        const edited = await renameAndRebuild('argument.warrant', '@Merton1948', 3, 'Merton1949');
        assert.match(edited['sources.warrant'], /source Merton1949 "Merton on serendipity"/);
        assert.match(edited['argument.warrant'], /cites @Hall2005 p\. 189, @Merton1949\n/);
        // from the declaration, and with a leading @ typed by the user
        const fromDeclaration = applyWorkspaceEdit(workspace, SMALL_FILES, await rename('sources.warrant', 'source Merton1948', 9, '@MertonSerendipity'));
        assert.match(fromDeclaration['argument.warrant'], /@MertonSerendipity\n/);
        assert.match(fromDeclaration['sources.warrant'], /source MertonSerendipity /);
    });

    it('prepareRename gives the key without its @ for an inline source', async () => {
        const document = documentOf(workspace, 'argument.warrant');
        const range = await workspace.services.lsp.RenameProvider!.prepareRename(document, params(document, '@Merton1948', 3));
        assert.equal(document.textDocument.getText(range!), 'Merton1948');
    });

    it('refuses to rename a key owned by a .bib file, naming the file', async () => {
        const document = documentOf(workspace, 'argument.warrant');
        await assert.rejects(
            async () => workspace.services.lsp.RenameProvider!.prepareRename(document, params(document, '@Hall2005', 3)),
            (error: unknown) => error instanceof ResponseError && /`@Hall2005` belongs to the bibliography file references\.bib \(line 1\)/.test(error.message)
        );
        await assert.rejects(async () => rename('argument.warrant', '@Hall2005', 3, 'Hall2006'), /belongs to the bibliography file references\.bib/);
    });

    it('refuses unknown keys and undeclared names with a message', async () => {
        const document = await (await import('langium/test')).parseHelper(workspace.services)('claim c "C" supported by nowhere cites @Nowhere2000');
        await assert.rejects(async () => workspace.services.lsp.RenameProvider!.prepareRename(document, { textDocument: { uri: document.uri.toString() }, position: { line: 0, character: 40 } }), /declared in no bibliography/);
        await assert.rejects(async () => workspace.services.lsp.RenameProvider!.prepareRename(document, { textDocument: { uri: document.uri.toString() }, position: { line: 0, character: 27 } }), /`nowhere` is not declared anywhere/);
    });

    it('refuses names that are taken, invalid or keywords', async () => {
        await assert.rejects(async () => rename('evidence.warrant', 'datum teaRequest', 7, 'memo'), /`memo` is already declared \(datum in evidence\.warrant\)/);
        await assert.rejects(async () => rename('evidence.warrant', 'datum teaRequest', 7, 'tea request'), /not a valid name/);
        await assert.rejects(async () => rename('evidence.warrant', 'datum teaRequest', 7, 'claim'), /is a keyword/);
        await assert.rejects(async () => rename('argument.warrant', 'as maleDominated', 4, 'integrated'), /already has a band `integrated`/);
        await assert.rejects(async () => rename('argument.warrant', '@Merton1948', 3, 'Hall2005'), /already a key of references\.bib/);
        // a keyword the grammar accepts as a name is fine
        const edit = await rename('evidence.warrant', 'datum memo', 7, 'survey');
        assert.ok(edit?.changes);
    });
});
