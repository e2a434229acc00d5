import assert from 'node:assert/strict';
import { expectFoldings, expectSymbols, expectWorkspaceSymbols, parseHelper } from 'langium/test';
import { EmptyFileSystem, inject } from 'langium';
import { createDefaultSharedModule } from 'langium/lsp';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import { WarrantGeneratedSharedModule } from '../../language/generated/module.js';
import { WarrantSharedLspModule } from '../../language/lsp/lsp-module.js';
import { WarrantNodeKindProvider } from '../../language/lsp/symbols.js';
import { suiteWorkspace } from './fixtures.js';

const OUTLINE = `bibliography "references.bib"
respondent R1 "Nurse" { gender: female }
annex A "Interviews" {
  datum d1 interview of R1 emergent "one"
  datum d2 observation "two"
}
stat s1 "Share" = 26%
scheme H "Bands" {
  band low "low" below 25%
  band high "high" 25% to 100%
}
claim c1 "First claim" supported by d1
pattern p1 "Pattern" { observed d1 }
source S2020 { author "Someone" year 2020 }
`;

function contains(outer: Range, inner: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

describe('document and workspace symbols', function () {
    this.timeout(60000);
    const workspace = suiteWorkspace();

    it('outlines annexes with their data, schemes with their bands, and every other element, in order', async () => {
        await expectSymbols(workspace.services)({
            text: OUTLINE,
            disposeAfterCheck: true,
            assert: symbols => {
                const outline = (list: DocumentSymbol[]): unknown[] => list.map(s => s.children ? [s.name, s.kind, outline(s.children)] : [s.name, s.kind]);
                assert.deepEqual(outline(symbols), [
                    ['references.bib', SymbolKind.File],
                    ['R1', SymbolKind.Object],
                    ['A', SymbolKind.Module, [['d1', SymbolKind.Variable], ['d2', SymbolKind.Variable]]],
                    ['s1', SymbolKind.Number],
                    ['H', SymbolKind.Enum, [['low', SymbolKind.EnumMember], ['high', SymbolKind.EnumMember]]],
                    ['c1', SymbolKind.Class],
                    ['p1', SymbolKind.Function],
                    ['S2020', SymbolKind.Key]
                ]);
                const details = Object.fromEntries(symbols.map(s => [s.name, s.detail]));
                assert.equal(details.c1, 'First claim');
                assert.equal(details.s1, '26% — Share');
                assert.equal(details.A, '2 data');
                assert.equal(details.S2020, 'Someone (2020)');
                assert.equal(symbols[2].children![0].detail, 'interview · emergent');
                assert.equal(symbols[4].children![0].detail, 'below 25%');
            }
        });
    });

    it('nests ranges so that breadcrumbs follow the cursor', async () => {
        await expectSymbols(workspace.services)({
            text: OUTLINE,
            disposeAfterCheck: true,
            assert: symbols => {
                const check = (list: DocumentSymbol[], parent?: DocumentSymbol) => {
                    for (const symbol of list) {
                        assert.ok(contains(symbol.range, symbol.selectionRange), symbol.name);
                        if (parent) {
                            assert.ok(contains(parent.range, symbol.range), `${parent.name} ⊇ ${symbol.name}`);
                        }
                        check(symbol.children ?? [], symbol);
                    }
                };
                check(symbols);
            }
        });
    });

    it('survives partial documents (nameless elements are left out, their contents kept)', async () => {
        await expectSymbols(workspace.services)({
            text: 'claim "no name"\nannex { datum d interview "x" }\nclaim ok "fine" supported by',
            disposeAfterCheck: true,
            assert: symbols => assert.ok(symbols.some(s => s.name === 'ok'))
        });
    });

    it('workspace symbols find every declaration by name, with kinds by element type', async () => {
        // the shared module the server injects (see WarrantSharedLspModule)
        const shared = inject(createDefaultSharedModule(EmptyFileSystem), WarrantGeneratedSharedModule, WarrantSharedLspModule);
        assert.ok(shared.lsp.NodeKindProvider instanceof WarrantNodeKindProvider);
        const kinds = new WarrantNodeKindProvider();
        const description = (type: string) => ({ type, name: 'x', documentUri: undefined as never, path: '' });
        assert.equal(kinds.getSymbolKind(description('Claim')), SymbolKind.Class);
        assert.equal(kinds.getSymbolKind(description('Datum')), SymbolKind.Variable);
        await expectWorkspaceSymbols(workspace.services.shared)({
            query: 'gender',
            assert: symbols => assert.deepEqual(symbols.map(s => s.name).sort(), ['GenderData', 'genderHypothesis', 'genderPattern'])
        });
        await expectWorkspaceSymbols(workspace.services.shared)({
            query: 'tea',
            assert: symbols => {
                assert.deepEqual(symbols.map(s => s.name), ['teaRequest']);
                assert.ok((symbols[0].location as { uri: string }).uri.endsWith('/evidence.warrant'));
            }
        });
    });
});

describe('folding ranges', function () {
    this.timeout(60000);
    const workspace = suiteWorkspace();

    it('folds blocks (keeping the closing brace), multi-line items and comment runs', async () => {
        const text = [
            '// first comment line',       // 0
            '// second comment line',      // 1
            'annex A {',                   // 2
            '  datum d interview',         // 3
            '    "long text"',             // 4
            '  datum e interview "short"', // 5
            '}',                           // 6
            'claim c "C"',                 // 7
            '  supported by d',            // 8
            '/* a block',                  // 9
            '   comment */',               // 10
            'claim e "E" // trailing',     // 11
            '// single',                   // 12
            ''
        ].join('\n');
        const document = await parseHelper(workspace.services)(text);
        const ranges = await workspace.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        const summary = ranges.map(r => [r.startLine, r.endLine, r.kind]).sort((a, b) => Number(a[0]) - Number(b[0]));
        assert.deepEqual(summary, [
            [0, 1, FoldingRangeKind.Comment],
            [2, 5, FoldingRangeKind.Region],
            [3, 4, FoldingRangeKind.Region],
            [7, 8, FoldingRangeKind.Region],
            [9, 10, FoldingRangeKind.Comment]
        ]);
    });

    it('works through langium/test on a braced claim', async () => {
        await expectFoldings(workspace.services)({
            text: '<|claim c "C" {\n  supported by teaRequest\n  cites @Hall2005|>\n}\n',
            disposeAfterCheck: true
        });
    });
});
