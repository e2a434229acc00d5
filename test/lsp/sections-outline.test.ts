import assert from 'node:assert/strict';
import { parseHelper } from 'langium/test';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { assertNested } from '../helpers/outline.js';
import { suiteWorkspace } from './fixtures.js';

/** [name, kind, children?] all the way down. */
function outline(list: DocumentSymbol[]): unknown[] {
    return list.map(s => s.children ? [s.name, s.kind, outline(s.children)] : [s.name, s.kind]);
}

const SECTIONED = [
    'claim before "Before"',        // 0
    '',                             // 1
    '// # Findings',                // 2
    'claim a "A"',                  // 3
    '// ## Police',                 // 4
    'claim b "B" {',                // 5
    '  supported by a',             // 6
    '}',                            // 7
    '',                             // 8
    '// ## Social care',            // 9
    'annex X "Interviews" {',       // 10
    '  datum d1 interview "one"',   // 11
    '}',                            // 12
    '// # Discussion',              // 13
    'claim c "C"',                  // 14
    ''
].join('\n');

describe('sections in the outline and in folding', function () {
    this.timeout(60000);
    const workspace = suiteWorkspace();

    async function symbols(text: string): Promise<DocumentSymbol[]> {
        const document = await parseHelper(workspace.services)(text);
        return await workspace.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }) as DocumentSymbol[];
    }

    async function folds(text: string): Promise<Array<[number, number, string | undefined]>> {
        const document = await parseHelper(workspace.services)(text);
        const ranges: FoldingRange[] = await workspace.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        return ranges.map(r => [r.startLine, r.endLine, r.kind] as [number, number, string | undefined]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    }

    it('nests declarations under their sections, ## under #, as namespaces', async () => {
        const list = await symbols(SECTIONED);
        assert.deepEqual(outline(list), [
            ['before', SymbolKind.Class],
            ['Findings', SymbolKind.Namespace, [
                ['a', SymbolKind.Class],
                ['Police', SymbolKind.Namespace, [['b', SymbolKind.Class]]],
                ['Social care', SymbolKind.Namespace, [['X', SymbolKind.Module, [['d1', SymbolKind.Variable]]]]]
            ]],
            ['Discussion', SymbolKind.Namespace, [['c', SymbolKind.Class]]]
        ]);
        assertNested(list);
        const findings = list[1];
        assert.deepEqual([findings.selectionRange.start.line, findings.range.start.line, findings.range.end.line], [2, 2, 12]);
        assert.deepEqual([list[2].range.start.line, list[2].range.end.line], [13, 14]);
    });

    it('keeps a declaration that a heading interrupts whole, in the section it starts in', async () => {
        const list = await symbols('// # A\nannex X "x" {\n  datum d1 interview "one"\n// # B\n  datum d2 interview "two"\n}\nclaim c "C"\n');
        assert.deepEqual(outline(list), [
            ['A', SymbolKind.Namespace, [['X', SymbolKind.Module, [['d1', SymbolKind.Variable], ['d2', SymbolKind.Variable]]]]],
            ['B', SymbolKind.Namespace, [['c', SymbolKind.Class]]]
        ]);
        assertNested(list);
        assert.equal(list[0].range.end.line, 5, 'section A reaches over the end of X');
    });

    it('shows an empty section, and hidden characters of a title as markers', async () => {
        const list = await symbols('// # Empty   \n// # Bidi \u202Eevil\u202C\nclaim c "C"\n');
        assert.deepEqual(outline(list), [
            ['Empty', SymbolKind.Namespace],
            ['Bidi ⟨U+202E⟩evil⟨U+202C⟩', SymbolKind.Namespace, [['c', SymbolKind.Class]]]
        ]);
        assertNested(list); // the empty section's range holds its heading, trailing blanks included
    });

    it('folds each section from its heading to its last non-blank line', async () => {
        const text = [
            '// # Findings',             // 0
            '// the intro, line one',    // 1
            '// and line two',           // 2
            'claim a "A" {',             // 3
            '  supported by b',          // 4
            '}',                         // 5
            '',                          // 6
            '// ## Police',              // 7
            'claim b "B"',               // 8
            '',                          // 9
            '',                          // 10
            '// # Discussion',           // 11
            'claim c "C"',               // 12
            '// # Empty',                // 13
            '// # Last',                 // 14
            '// one comment',            // 15
            ''
        ].join('\n');
        assert.deepEqual(await folds(text), [
            [0, 8, FoldingRangeKind.Region],
            [1, 2, FoldingRangeKind.Comment],
            [3, 4, FoldingRangeKind.Region],
            [7, 8, FoldingRangeKind.Region],
            [11, 12, FoldingRangeKind.Region],
            [14, 15, FoldingRangeKind.Region]
        ]);
    });

    it('changes nothing in a file without headings: near misses are plain comments', async () => {
        const body = (comment: (title: string) => string) => [
            comment('Findings'),
            'claim a "A" {',
            '  supported by b',
            '}',
            comment('Police'),
            comment('more'),
            'claim b "B" ' + comment('after code'),
            '/*',
            comment('in a block comment'),
            '*/',
            ''
        ].join('\n');
        const plain = body(title => `// ${title}`);
        for (const nearMiss of [(title: string) => `//# ${title}`, (title: string) => `// #${title}`, (title: string) => `// ####### ${title}`]) {
            const text = body(nearMiss);
            assert.deepEqual(await symbols(text), await symbols(plain));
            assert.deepEqual(await folds(text), await folds(plain));
        }
        assert.deepEqual(outline(await symbols(plain)), [['a', SymbolKind.Class], ['b', SymbolKind.Class]]);
    });
});
