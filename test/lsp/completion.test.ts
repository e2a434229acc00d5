import assert from 'node:assert/strict';
import { clearDocuments, expectCompletion, parseDocument } from 'langium/test';
import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { spaceTriggers } from '../../language/lsp/completion-provider.js';
import { KEYWORD_DOCS } from '../../language/lsp/keyword-docs.js';
import { grammarKeywords } from '../../language/parser/grammar-keywords.js';
import { suiteWorkspace } from './fixtures.js';

describe('completion', function () {
    this.timeout(60000);
    const workspace = suiteWorkspace();
    let complete: ReturnType<typeof expectCompletion>;

    before(async () => {
        // what a snippet-capable client (VS Code, Neovim with a snippet engine) announces
        (workspace.services.lsp.CompletionProvider as unknown as { initialize(p: unknown): void })
            .initialize({ capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } } });
        complete = expectCompletion(workspace.services);
    });

    async function items(text: string): Promise<CompletionItem[]> {
        let result: CompletionItem[] = [];
        await complete({ text, index: 0, assert: (list: CompletionList) => (result = list.items), disposeAfterCheck: true });
        return result;
    }
    const labels = (list: CompletionItem[]) => list.map(item => item.label);
    const names = (list: CompletionItem[]) => labels(list.filter(item => item.kind !== CompletionItemKind.Keyword && item.kind !== CompletionItemKind.Snippet)).sort();

    it('offers the element keywords and snippets at the top level', async () => {
        const list = await items('<|>');
        const keywords = labels(list.filter(item => item.kind === CompletionItemKind.Keyword)).sort();
        assert.deepEqual(keywords, ['annex', 'bibliography', 'claim', 'pattern', 'project', 'respondent', 'scheme', 'source', 'stat', 'subject']);
        const snippets = list.filter(item => item.kind === CompletionItemKind.Snippet);
        assert.deepEqual(labels(snippets).sort(), ['claim', 'pattern', 'scheme']);
        const claim = snippets.find(item => item.label === 'claim')!;
        assert.equal(claim.insertTextFormat, InsertTextFormat.Snippet);
        assert.match(String(claim.textEdit?.newText ?? claim.insertText), /^claim \$\{1:name\} "\$\{2:proposition\}" \{\n {2}supported by \$\{3:evidence\}/);
    });

    it('offers the datum snippet and keyword inside an annex', async () => {
        const list = await items('annex A {\n  <|>\n}');
        assert.ok(list.some(item => item.label === 'datum' && item.kind === CompletionItemKind.Keyword));
        assert.ok(list.some(item => item.label === 'datum' && item.kind === CompletionItemKind.Snippet));
    });

    it('offers the clause keywords after a claim\'s text', async () => {
        const list = await items('claim c "C" <|>');
        for (const keyword of ['supported', 'opposed', 'cites', 'classifies', 'qualifier', 'warrant']) {
            assert.ok(labels(list).includes(keyword), keyword);
        }
    });

    it('offers nothing where a new name is being declared', async () => {
        assert.deepEqual(await items('claim <|>'), []);
        assert.deepEqual(await items('annex A { datum <|> }'), []);
    });

    it('offers the methods after a datum\'s name', async () => {
        const list = await items('annex A { datum d <|> }');
        assert.deepEqual(labels(list).sort(), ['archive', 'document', 'fieldnote', 'focus-group', 'interview', 'observation', 'survey']);
    });

    it('after `supported by`: only claims, data, stats and patterns, never the claim itself', async () => {
        const list = await items('claim mine "M" supported by <|>');
        assert.deepEqual(names(list), ['floating', 'genderHypothesis', 'genderPattern', 'memo', 'policeMaleDominated', 'policeWomen', 'teaRequest']);
        const tea = list.find(item => item.label === 'teaRequest')!;
        assert.equal(tea.kind, CompletionItemKind.Variable);
        assert.match(String(tea.detail), /^interview · emergent — the police officer asked/);
        assert.equal(list.find(item => item.label === 'genderHypothesis')!.kind, CompletionItemKind.Class);
    });

    it('leaves out what the list already names', async () => {
        const list = await items('claim mine "M" supported by teaRequest, <|>');
        assert.ok(!labels(list).includes('teaRequest'));
        assert.ok(labels(list).includes('memo'));
    });

    it('after `classifies`: only stats', async () => {
        assert.deepEqual(names(await items('claim c "C" classifies <|>')), ['policeWomen']);
    });

    it('after `as`: only the bands of the named scheme, the one the value falls in first (sorted, not preselected)', async () => {
        const list = await items('scheme Other { band only 0% to 100% }\nclaim c "C" classifies policeWomen as <|> by Hakim');
        assert.deepEqual(names(list), ['femaleDominated', 'integrated', 'maleDominated']);
        const integrated = list.find(item => item.label === 'integrated')!;
        const sorted = [...list].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
        assert.equal(sorted[0].label, 'integrated');
        // A preselected item is what Tab accepts: in a snippet field it replaced the band typed there.
        assert.ok(list.every(item => !item.preselect), 'no item is preselected');
        assert.match(String(integrated.detail), /25%–55%.*contains the stat's value/);
    });

    it('after `as` with no scheme named yet: every band, completing `by SCHEME`', async () => {
        const list = await items('claim c "C" classifies policeWomen as <|>');
        const integrated = list.find(item => item.label === 'integrated')!;
        assert.equal(integrated.textEdit?.newText, 'integrated by Hakim');
        assert.equal((integrated.labelDetails?.description), 'band of Hakim');
    });

    it('after `observed`: only data; after `strategic`: only claims', async () => {
        assert.deepEqual(names(await items('pattern p "P" { observed <|> }')), ['memo', 'teaRequest']);
        assert.deepEqual(names(await items('pattern p "P" { strategic <|> }')), ['floating', 'genderHypothesis', 'policeMaleDominated']);
    });

    it('after `of`: only respondents', async () => {
        assert.deepEqual(names(await items('annex B { datum d interview of <|> }')), ['SW1']);
    });

    it('@keys from every bibliography and inline source, with author, year and title', async () => {
        const list = await items('claim c "C" cites @<|>');
        assert.deepEqual(labels(list).sort(), ['@Hakim1993', '@Hall2005', '@Merton1948']);
        const hall = list.find(item => item.label === '@Hall2005')!;
        assert.equal(hall.detail, 'Hall (2005) Interprofessional teamwork: professional cultures as barriers');
        assert.match(String(hall.filterText), /^@Hall2005 .*hall.*2005.*interprofessional teamwork/i);
        // the edit replaces the `@` typed so far
        assert.equal(hall.textEdit?.newText, '@Hall2005');
        assert.deepEqual((hall.textEdit as { range: unknown }).range, { start: { line: 0, character: 18 }, end: { line: 0, character: 19 } });
        const merton = list.find(item => item.label === '@Merton1948')!;
        assert.match(String(merton.detail), /Merton, R\.K\. \(1948\) The Bearing of Empirical Research.* · inline/);
    });

    it('matches @keys on author and title words, not only the key', async () => {
        assert.deepEqual(labels(await items('claim c "C" cites @segreg<|>')), ['@Hakim1993']);
        assert.deepEqual(labels(await items('claim c "C" cites @serendip<|>')), ['@Merton1948']);
        assert.deepEqual(labels(await items('claim c "C" cites @Pippa<|>')), []);
        assert.deepEqual(labels(await items('claim c "C" cites @teamwork<|>')), ['@Hall2005']);
        assert.deepEqual(labels(await items('claim c "C" cites @Hall2005, @Ha<|>')).sort(), ['@Hakim1993', '@Hall2005']);
    });

    it('completes @keys in stats and schemes too, replacing the whole key under the cursor', async () => {
        const list = await items('stat s "S" = 5% cites @Ha<|>ll');
        const hall = list.find(item => item.label === '@Hall2005')!;
        assert.deepEqual((hall.textEdit as { range: unknown }).range, { start: { line: 0, character: 22 }, end: { line: 0, character: 27 } });
    });

    it('leaves the snippets out when the client asks (initializationOptions.completionSnippets: false)', async () => {
        const provider = workspace.services.lsp.CompletionProvider as unknown as { initialize(p: unknown): void };
        provider.initialize({ capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } }, initializationOptions: { completionSnippets: false } });
        try {
            assert.ok(!(await items('<|>')).some(item => item.kind === CompletionItemKind.Snippet));
        } finally {
            provider.initialize({ capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } } });
        }
    });

    it('declares `@` and space as trigger characters', () => {
        assert.deepEqual(workspace.services.lsp.CompletionProvider!.completionOptions?.triggerCharacters, ['@', ' ']);
    });

    describe('a Tab that leaves a snippet field never inserts text', () => {
        // In VS Code, Tab accepts the selected completion before it moves to the next field.
        it('directly after a citation key: no locator keyword glued to it, only keys', async () => {
            for (const text of ['claim c "C" cites @Smith2020<|>', 'claim c "C" cites @Hall2005<|>', 'stat s "S" = 5% cites @Hakim1993<|>']) {
                const list = await items(text);
                assert.ok(list.every(item => String(item.label).startsWith('@')), `${text}: ${labels(list).join(', ')}`);
            }
            assert.deepEqual(labels(await items('claim c "C" cites @Smith2020<|>')), [], 'an unknown key matches nothing');
        });

        it('after the key and a space, the locators are offered', async () => {
            const list = await items('claim c "C" cites @Hall2005 <|>');
            for (const unit of ['p.', 'pp.', 'ch.']) {
                assert.ok(labels(list).includes(unit), unit);
            }
        });

        it('directly after a name, a number or a text: no keyword glued to it', async () => {
            for (const text of ['claim c "C" supported by teaRequest<|>', 'stat s2 "S" = 5%<|>', 'claim c "C"<|>', 'annex A { datum d1<|> }']) {
                const list = await items(text);
                assert.ok(!list.some(item => item.kind === CompletionItemKind.Keyword), `${text}: ${labels(list).join(', ')}`);
            }
        });

        it('after a comma, the next name is still offered without a space', async () => {
            assert.ok(labels(await items('claim mine "M" supported by teaRequest,<|>')).includes('memo'));
        });
    });

    describe('a typed space opens completion where a name or key comes next', () => {
        async function afterSpace(text: string): Promise<CompletionItem[]> {
            const offset = text.indexOf('<|>');
            const document = await parseDocument(workspace.services, text.replace('<|>', ''));
            try {
                const result = await workspace.services.lsp.CompletionProvider!.getCompletion(document, {
                    textDocument: { uri: document.uri.toString() },
                    position: document.textDocument.positionAt(offset),
                    context: { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' }
                });
                return result?.items ?? [];
            } finally {
                await clearDocuments(workspace.services, [document]);
            }
        }

        it('after `supported by`, `cites`, `classifies … as`, `observed`', async () => {
            assert.deepEqual(names(await afterSpace('claim mine "M" supported by <|>')), ['floating', 'genderHypothesis', 'genderPattern', 'memo', 'policeMaleDominated', 'policeWomen', 'teaRequest']);
            assert.deepEqual(labels(await afterSpace('claim c "C" cites <|>')).sort(), ['@Hakim1993', '@Hall2005', '@Merton1948']);
            assert.deepEqual(names(await afterSpace('claim c "C" classifies <|>')), ['policeWomen']);
            assert.deepEqual(names(await afterSpace('claim c "C" classifies policeWomen as <|> by Hakim')), ['femaleDominated', 'integrated', 'maleDominated']);
            assert.deepEqual(names(await afterSpace('pattern p "P" { observed <|> }')), ['memo', 'teaRequest']);
        });

        it('nothing elsewhere: in a text, in a comment, after a name or a claim\'s text', async () => {
            for (const text of ['claim c "supported by <|>', 'claim c "C" <|>', 'claim c "C" supported by teaRequest <|>', '// supported by <|>']) {
                assert.deepEqual(await afterSpace(text), [], text);
            }
        });

        it('spaceTriggers reads the line up to the cursor', () => {
            assert.equal(spaceTriggers('  supported by '), true);
            assert.equal(spaceTriggers('claim c "x" cites '), true);
            assert.equal(spaceTriggers('claim c "about the bus stop by " supported by '), true);
            assert.equal(spaceTriggers('claim c "about the bus stop by '), false);
            assert.equal(spaceTriggers('  nearby '), false);
            assert.equal(spaceTriggers('claim c "C" // supported by '), false);
        });
    });

    describe('keywords say what they mean', () => {
        it('every keyword of the grammar has a one-line summary and an example', () => {
            const keywords = [...grammarKeywords(workspace.services.Grammar).reserved].filter(keyword => /\p{L}/u.test(keyword));
            const missing = keywords.filter(keyword => !KEYWORD_DOCS[keyword]);
            assert.deepEqual(missing, []);
            for (const keyword of keywords) {
                const doc = KEYWORD_DOCS[keyword];
                assert.ok(doc.summary.length > 10 && !doc.summary.includes('\n'), keyword);
                assert.match(doc.example, /\S/, keyword);
            }
        });

        it('a keyword item carries its summary as detail and its example as documentation', async () => {
            const list = await items('claim c "C" <|>');
            const supported = list.find(item => item.label === 'supported' && item.kind === CompletionItemKind.Keyword)!;
            assert.equal(supported.detail, KEYWORD_DOCS.supported.summary);
            const documentation = supported.documentation as { kind: string; value: string };
            assert.equal(documentation.kind, 'markdown');
            assert.ok(documentation.value.includes('```warrant\n' + KEYWORD_DOCS.supported.example + '\n```'), documentation.value);
            assert.ok(!list.some(item => item.kind === CompletionItemKind.Keyword && item.detail === 'Keyword'), 'no bare "Keyword"');
        });
    });
});
