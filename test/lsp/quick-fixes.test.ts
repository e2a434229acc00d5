import assert from 'node:assert/strict';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { DeclareInFileCommand, InsertSnippetCommand, PickBibliographyCommand, type InsertSnippetArgs } from '../../language/protocol.js';
import { declarationSnippet } from '../../language/quickfix/declare-name.js';
import { escapeSnippet, snippetText } from '../../language/quickfix/snippet-action.js';
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

/** Builds the texts as one workspace and returns the fixes offered for each diagnostic with `code`. */
async function fixesFor(files: Record<string, string>, code: string, options: { editorCommands?: boolean; file?: string } = {}) {
    const { shared, Warrant } = createWarrantServices(EmptyFileSystem);
    const provider = Warrant.lsp.CodeActionProvider as unknown as { initialize(p: unknown): void };
    provider.initialize({ capabilities: {}, initializationOptions: { editorCommands: options.editorCommands === true } });
    const documents = Object.entries(files).map(([name, text]) => shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///fixes/${name}`)));
    documents.forEach(document => shared.workspace.LangiumDocuments.addDocument(document));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const document = documents.find(d => d.uri.path.endsWith(options.file ?? Object.keys(files)[0]))!;
    const diagnostic = (document.diagnostics ?? []).find(d => d.code === code);
    assert.ok(diagnostic, `a ${code} diagnostic in ${JSON.stringify(document.diagnostics)}`);
    const actions = (await Warrant.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    return { actions, document, shared, documents };
}

/** The text after applying one action's plain edit to its document. */
function applied(action: CodeAction, document: LangiumDocument): string {
    const edits = action.edit?.changes?.[document.uri.toString()] ?? [];
    assert.equal(edits.length, 1, action.title);
    const text = document.textDocument.getText();
    const [start, end] = [document.textDocument.offsetAt(edits[0].range.start), document.textDocument.offsetAt(edits[0].range.end)];
    return text.slice(0, start) + edits[0].newText + text.slice(end);
}

/** Diagnostic codes of `text` built alone. */
async function codesOf(text: string): Promise<string[]> {
    const { shared } = createWarrantServices(EmptyFileSystem);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///fixes/after.warrant'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return (document.diagnostics ?? []).map(d => String(d.code));
}

describe('quick fix: the source stub is a snippet whose fields stay empty until filled', () => {
    it('as plain text for clients without Warrant\'s editor commands: empty author and title, year 0', async () => {
        const { actions, document } = await fixesFor({ 'a.warrant': 'claim c "C" cites @Smith2099\n' }, 'unknown-citation');
        const stub = actions.find(a => a.title === 'Create a source stub for @Smith2099')!;
        assert.equal(stub.command, undefined);
        assert.equal(applied(stub, document), 'claim c "C" cites @Smith2099\n\nsource Smith2099 {\n  author ""\n  year 0\n  title ""\n}\n');
    });

    it('as the warrant.insertSnippet command in VS Code, with tab stops in the fields', async () => {
        const { actions, document } = await fixesFor({ 'a.warrant': 'claim c "C" cites @Smith2099' }, 'unknown-citation', { editorCommands: true });
        const stub = actions.find(a => a.title === 'Create a source stub for @Smith2099')!;
        assert.equal(stub.edit, undefined);
        assert.equal(stub.command?.command, InsertSnippetCommand.id);
        const args = stub.command!.arguments![0] as InsertSnippetArgs;
        assert.equal(args.uri, document.uri.toString());
        assert.deepEqual(args.position, { line: 0, character: 28 });
        assert.equal(args.snippet, '\n\nsource Smith2099 {\n  author "$1"\n  year ${2:0}\n  title "$3"\n}\n');
        assert.equal(snippetText(args.snippet), '\n\nsource Smith2099 {\n  author ""\n  year 0\n  title ""\n}\n');
    });
});

describe('snippetText: what a snippet inserts when nothing is filled in', () => {
    it('keeps defaults and the first choice, drops bare tab stops, unescapes', () => {
        assert.equal(snippetText('a "$1" ${2:0} ${3|interview,observation|} ${4} \\$5 \\} x$0'), 'a "" 0 interview  $5 } x');
        assert.equal(snippetText(`b ${escapeSnippet('$x}')}`), 'b $x}');
    });
});

describe('quick fix: declare an unknown name', () => {
    it('after `supported by`: as a claim, a datum or a stat, at the end of the file; the name then resolves', async () => {
        const text = 'claim c "C" supported by tea\n';
        const { actions, document } = await fixesFor({ 'a.warrant': text }, 'unknown-reference');
        const titles = actions.map(a => a.title);
        for (const kind of ['claim', 'datum', 'stat']) {
            assert.ok(titles.includes(`Declare \`tea\` as a ${kind} here`), titles.join(' | '));
        }
        assert.ok(!titles.some(t => t.includes('another file')), 'no file picker without editor commands');
        for (const kind of ['claim', 'datum']) {
            const after = applied(actions.find(a => a.title === `Declare \`tea\` as a ${kind} here`)!, document);
            assert.ok(after.startsWith(text), 'appended');
            const codes = await codesOf(after);
            assert.ok(!codes.includes('unknown-reference') && !codes.includes('parsing-error'), `${kind}: ${codes.join(', ')}\n${after}`);
        }
        const stat = applied(actions.find(a => a.title === 'Declare `tea` as a stat here')!, document);
        assert.match(stat, /\nstat tea "label" = 50% in 2020 cites @key\n$/);
        // the unfilled citation stays an error until a real key is given
        assert.ok((await codesOf(stat)).includes('unknown-citation'));
    });

    it('a datum goes into the file\'s last annex when there is one', async () => {
        const text = 'annex A "A" {\n  datum d1 interview "x"\n}\n\npattern p "P" { observed tea }\n';
        const { actions, document } = await fixesFor({ 'a.warrant': text }, 'unknown-reference');
        assert.deepEqual(actions.map(a => a.title), ['Declare `tea` as a datum here'], 'after `observed`, only a datum');
        const after = applied(actions[0], document);
        assert.equal(after, 'annex A "A" {\n  datum d1 interview "x"\n  datum tea interview "text"\n}\n\npattern p "P" { observed tea }\n');
    });

    it('after `strategic`, only a claim; in VS Code, also in another file the user picks', async () => {
        const { actions } = await fixesFor({ 'a.warrant': 'pattern p "P" { strategic hyp }\n' }, 'unknown-reference', { editorCommands: true });
        assert.deepEqual(actions.map(a => a.title), ['Declare `hyp` as a claim here', 'Declare `hyp` in another file…']);
        assert.equal(actions[0].command?.command, InsertSnippetCommand.id);
        assert.equal((actions[0].command!.arguments![0] as InsertSnippetArgs).snippet, '\nclaim hyp "${1:proposition}"\n');
        const other = actions[1].command!;
        assert.equal(other.command, DeclareInFileCommand.id);
        assert.deepEqual(other.arguments![0], { name: 'hyp', choices: [{ kind: 'claim', snippet: 'claim hyp "${1:proposition}"\n' }] });
    });

    it('every declaration snippet, unfilled, parses', async () => {
        for (const kind of ['claim', 'datum', 'stat', 'respondent'] as const) {
            const codes = await codesOf(snippetText(declarationSnippet(kind, 'x')));
            assert.ok(!codes.includes('parsing-error') && !codes.includes('lexing-error'), `${kind}: ${codes.join(', ')}`);
        }
    });
});

describe('quick fix: a missing bibliography', () => {
    it('creates the file next to the document, or (in VS Code) lets the user pick a .bib file', async () => {
        const { actions } = await fixesFor({ 'notes/a.warrant': 'bibliography "refs/library.bib"\n' }, 'bibliography-not-found', { editorCommands: true });
        assert.deepEqual(actions.map(a => a.title), ['Create refs/library.bib', 'Choose a bibliography file of the workspace…']);
        const [create, edit] = actions[0].edit!.documentChanges! as Array<{ kind?: string; uri?: string; textDocument?: { uri: string }; edits?: Array<{ newText: string }> }>;
        assert.equal(create.kind, 'create');
        assert.equal(create.uri, 'file:///fixes/notes/refs/library.bib');
        assert.equal(edit.textDocument?.uri, create.uri);
        assert.match(edit.edits![0].newText, /^%/, 'a BibTeX comment line');
        assert.equal(actions[1].command?.command, PickBibliographyCommand.id);
    });

    it('never creates a file outside the document\'s folder', async () => {
        const { actions } = await fixesFor({ 'a.warrant': 'bibliography "../elsewhere.bib"\n' }, 'bibliography-not-found');
        assert.deepEqual(actions, []);
    });
});
