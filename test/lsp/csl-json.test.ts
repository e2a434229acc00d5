import assert from 'node:assert/strict';
import { writeFileSync, truncateSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction, CompletionItem, Hover, LocationLink } from 'vscode-languageserver';
import { formatReference } from '../../language/bibliography/format.js';
import { fixture } from '../bibliography/helpers.js';
import { documentOf, params, suiteWorkspace } from './fixtures.js';
import { workspaceOf } from '../helpers/workspace.js';

const CSL = fixture('better-csl.json');

const FILES: Record<string, string> = {
    'library.json': CSL,
    'broken.json': '[\n  {"id": "Ok2020", "title": "fine"},\n  {"id": "Bad", "title": }\n]\n',
    'argument.warrant': [
        'bibliography "library.json"',
        'bibliography "broken.json"',
        '',
        'claim segregation "Occupations are segregated by gender"',
        '  cites @Hakim1993 p. 290, @vanMaanen1988',
        '',
        'claim serendipity "Serendipity patterns exist"',
        '  cites @Merton1949',
        ''
    ].join('\n'),
    'missing.warrant': 'bibliography "new-library.json"\n',
};

describe('a CSL-JSON bibliography in the editor', function () {
    this.timeout(60000);
    const workspace = suiteWorkspace(() => workspaceOf(FILES, dir => {
        // Larger than the cap: reported, never read (a sparse file costs no disk).
        writeFileSync(path.join(dir, 'huge.json'), '');
        truncateSync(path.join(dir, 'huge.json'), 60 * 1024 * 1024);
        writeFileSync(path.join(dir, 'capped.warrant'), 'bibliography "huge.json"\nbibliography "../outside-the-workspace.json"\n');
    }));

    const hoverAt = async (needle: string, delta: number): Promise<string> => {
        const document = documentOf(workspace, 'argument.warrant');
        const hover: Hover | undefined = await workspace.services.lsp.HoverProvider!.getHoverContent(document, params(document, needle, delta));
        return (hover?.contents as { value?: string } | undefined)?.value ?? '';
    };

    it('resolves the keys: no unknown citation but the misspelt one, with the near key suggested', () => {
        const diagnostics = workspace.diagnostics('argument.warrant');
        const unknown = diagnostics.filter(d => d.code === 'unknown-citation');
        assert.deepEqual(unknown.map(d => d.range.start.line), [7]);
        assert.match(String(unknown[0]!.message), /Did you mean @Merton1948/);
    });

    it('reports a broken item on its bibliography statement, with the file\'s line', () => {
        const syntax = workspace.diagnostics('argument.warrant').filter(d => d.code === 'bibliography-syntax');
        assert.equal(syntax.length, 1);
        assert.equal(syntax[0]!.range.start.line, 1);
        assert.match(String(syntax[0]!.message), /^broken\.json:3: Item 2: Unexpected token/);
        assert.equal(workspace.services.warrant.Files.store.has('Ok2020'), true, 'the good items of the broken file are loaded');
    });

    it('completes @keys with author, year and title', async () => {
        const document = documentOf(workspace, 'argument.warrant');
        const list = await workspace.services.lsp.CompletionProvider!.getCompletion(document, params(document, '@Hakim1993', 1));
        const items: CompletionItem[] = list?.items ?? [];
        const hakim = items.find(item => item.label === '@Hakim1993');
        assert.ok(hakim, JSON.stringify(items.map(i => i.label)));
        assert.equal(hakim.detail, 'Hakim (1993) Segregated and integrated occupations: a new approach to analysing social change');
        const vanMaanen = items.find(item => item.label === '@vanMaanen1988');
        assert.match(String(vanMaanen?.detail), /^van Maanen \(1988\) Tales of the field/);
    });

    it('hovers an @key with the formatted reference and where it is', async () => {
        const value = await hoverAt('@Hakim1993', 2);
        assert.match(value, /\*\*source\*\* `@Hakim1993` · article/);
        const store = workspace.services.warrant.Files.store;
        assert.ok(value.includes(formatReference(store.entry('Hakim1993')!, { markdown: true })), value);
        assert.match(value, /Hakim, C\. \(1993\)\. Segregated and integrated occupations/);
        assert.match(value, /library\.json, line \d+ · cited 1 time in the workspace/);
    });

    it('goes to the item\'s citation-key in the JSON file', async () => {
        const document = documentOf(workspace, 'argument.warrant');
        const links = await workspace.services.lsp.DefinitionProvider!.getDefinition(document, params(document, '@vanMaanen1988', 3)) as LocationLink[];
        assert.equal(links.length, 1);
        assert.ok(links[0]!.targetUri.endsWith('/library.json'));
        const lines = CSL.split('\n');
        const { start, end } = links[0]!.targetSelectionRange;
        assert.equal(lines[start.line]!.slice(start.character, end.character), 'vanMaanen1988');
        assert.match(lines[start.line]!, /"citation-key": "vanMaanen1988"/);
        assert.match(lines[links[0]!.targetRange.start.line]!, /^ {2}\{$/, 'the whole item is the target range');
    });

    it('applies the size cap and the containment of .bib files', () => {
        const notFound = workspace.diagnostics('capped.warrant').filter(d => d.code === 'bibliography-not-found').map(d => String(d.message));
        assert.equal(notFound.length, 2, JSON.stringify(notFound));
        assert.match(notFound[0]!, /huge\.json.*too large/);
        assert.match(notFound[1]!, /outside the workspace/);
    });

    it('offers to create a missing .json bibliography as an empty CSL-JSON array', async () => {
        const document = documentOf(workspace, 'missing.warrant');
        const diagnostic = (document.diagnostics ?? []).find(d => d.code === 'bibliography-not-found');
        assert.ok(diagnostic);
        const actions = await workspace.services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
        const create = actions.find(a => a.title === 'Create new-library.json');
        assert.ok(create, JSON.stringify(actions.map(a => a.title)));
        const [, edit] = create.edit!.documentChanges! as Array<{ edits?: Array<{ newText: string }> }>;
        assert.deepEqual(JSON.parse(edit!.edits![0]!.newText), []);
    });
});
