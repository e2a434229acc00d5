import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expectSemanticToken, highlightHelper, parseHelper } from 'langium/test';
import { SemanticTokenModifiers, SemanticTokenTypes, type InlayHint } from 'vscode-languageserver';
import { COMPLETION_SNIPPETS } from '../../language/lsp/snippets.js';
import { ShowTraceCommand } from '../../language/protocol.js';
import { caseStudyWorkspace, documentOf, smallWorkspace, suiteWorkspace } from './fixtures.js';

describe('semantic tokens', function () {
    this.timeout(60000);
    const workspace = suiteWorkspace();

    it('give claims, data, stats, sources and patterns distinct standard types, on declarations and references', async () => {
        const tokens = await highlightHelper(workspace.services)(
            'claim <|mine|> "M" { supported by <|teaRequest|>, <|genderPattern|>, <|genderHypothesis|>\n'
            + '  classifies <|policeWomen|> as <|integrated|> by <|Hakim|>\n  cites <|@Hall2005|> p. 3 }'
        );
        const expect = (rangeIndex: number, tokenType: SemanticTokenTypes) => expectSemanticToken(tokens, { rangeIndex, tokenType });
        expect(0, SemanticTokenTypes.class);
        expect(1, SemanticTokenTypes.variable);
        expect(2, SemanticTokenTypes.function);
        expect(3, SemanticTokenTypes.class);
        expect(4, SemanticTokenTypes.number);
        expect(5, SemanticTokenTypes.property);
        expect(6, SemanticTokenTypes.type);
        expect(7, SemanticTokenTypes.enumMember);
        const declarationBit = workspace.services.lsp.SemanticTokenProvider!.tokenModifiers[SemanticTokenModifiers.declaration];
        const modifiers = (text: string) => Number(tokens.tokens.find(t => t.text === text)!.tokenModifiers);
        assert.equal(modifiers('mine'), declarationBit);
        assert.equal(modifiers('teaRequest'), 0);
    });

    it('leave unresolved names to the TextMate grammar and survive broken input', async () => {
        const tokens = await highlightHelper(workspace.services)('claim c "C" supported by nowhere, <|teaRequest|>\nclaim "broken" cites');
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.variable });
        assert.ok(!tokens.tokens.some(t => t.text === 'nowhere'));
    });
});

describe('code lenses', function () {
    this.timeout(60000);
    const workspace = suiteWorkspace(() => smallWorkspace({
        'more.warrant': 'claim loopA "A" supported by loopB\nclaim loopB "B" supported by loopA\n'
            + 'claim disputed "D" { supported by policeMaleDominated opposed by memo }\n'
    }));

    async function lenses(file: string) {
        const document = documentOf(workspace, file);
        return (await workspace.services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }))!;
    }

    it('sit above each claim and pattern with its grounding at a glance', async () => {
        const list = await lenses('argument.warrant');
        assert.deepEqual(list.map(l => [l.range.start.line, l.command?.title]), [
            [0, 'grounded · contradicted by its own statistic · 1 stat · 1 source'],
            [3, 'grounded · 1 datum · 1 method'],
            [10, 'grounded · 1 datum · 1 method · 1 stat · 2 sources'],
            [15, 'ungrounded']
        ]);
    });

    it('say circular and contested', async () => {
        assert.deepEqual((await lenses('more.warrant')).map(l => l.command?.title), ['circular', 'circular', 'contested · 1 stat · 1 source']);
    });

    it('run warrant.showTrace with [uri, name]', async () => {
        const [lens] = await lenses('argument.warrant');
        assert.equal(lens.command?.command, ShowTraceCommand.id);
        assert.equal(ShowTraceCommand.id, 'warrant.showTrace');
        assert.deepEqual(lens.command?.arguments, [documentOf(workspace, 'argument.warrant').uri.toString(), 'policeMaleDominated']);
    });
});

describe('inlay hints', function () {
    this.timeout(60000);
    const workspace = suiteWorkspace();

    async function hints(text: string): Promise<InlayHint[]> {
        const document = await parseHelper(workspace.services)(text);
        return (await workspace.services.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } }
        })) ?? [];
    }

    it('show the value and its band after a classifies clause', async () => {
        const list = await hints('claim c "C"\n  classifies policeWomen as maleDominated by Hakim\n');
        assert.equal(list.length, 1);
        assert.equal(list[0].label, '26% → integrated');
        assert.deepEqual(list[0].position, { line: 1, character: 50 });
        assert.equal(list[0].paddingLeft, true);
        assert.match(String(list[0].tooltip), /falls in integrated \(25%–55%\) of Hakim, not in maleDominated \(below 25%\)/);
    });

    it('show a count as a percentage, and nothing for unresolved stats', async () => {
        assert.deepEqual((await hints('stat n "N" = 120 of 400\n')).map(h => h.label), ['= 30%']);
        assert.deepEqual(await hints('claim c "C" classifies nowhere as x by Hakim\n'), []);
    });

    it('on the case study: the police figure falls in the integrated band', async () => {
        const caseStudy = await caseStudyWorkspace();
        try {
            const document = documentOf(caseStudy, 'argument.warrant');
            const list = (await caseStudy.services.lsp.InlayHintProvider!.getInlayHints(document, {
                textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } }
            }))!;
            const labels = list.map(h => h.label);
            assert.ok(labels.includes('26% → integrated'));
            assert.ok(labels.includes('47% → integrated'));
            assert.ok(labels.includes('96% → femaleDominated'));
        } finally {
            caseStudy.dispose();
        }
    });
});

describe('snippets', () => {
    it('snippets/warrant.json holds the completion snippets, unchanged', () => {
        const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../snippets/warrant.json');
        const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { prefix: string; body: string[]; description: string }>;
        for (const snippet of COMPLETION_SNIPPETS) {
            const entry = Object.values(snippets).find(s => s.prefix === snippet.keyword);
            assert.ok(entry, snippet.keyword);
            assert.deepEqual(entry.body, snippet.body);
        }
        for (const [name, entry] of Object.entries(snippets)) {
            assert.ok(entry.prefix && entry.description && Array.isArray(entry.body), name);
        }
    });
});
