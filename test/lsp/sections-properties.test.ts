import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AstNode, LangiumDocument } from 'langium';
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { sectionOf } from '../../language/analysis/sections.js';
import { isAnnex, isDocument } from '../../language/generated/ast.js';
import { assertNested, parseOnly } from '../helpers/outline.js';
import { fuzzSettings } from '../robustness/arbitraries.js';

/** A line of a generated file; `heading` when it is one (the oracle the code is checked against). */
interface Line {
    text: string;
    heading?: { level: number; title: string };
}

const title = fc.constantFrom('Findings', 'Police and social care', 'Discussion', 'Évaluation', 'A  title  ');
const indent = fc.constantFrom('', '  ', '\t');

const heading: fc.Arbitrary<Line[]> = fc.tuple(indent, fc.integer({ min: 1, max: 6 }), title, fc.constantFrom('', '  '))
    .map(([pad, level, text, trailing]) => [{ text: `${pad}// ${'#'.repeat(level)} ${text}${trailing}`, heading: { level, title: text.trim() } }]);

/** Lines that look like headings and are not. */
const nearMiss: fc.Arbitrary<Line[]> = fc.tuple(fc.constantFrom('//# T', '// #T', '// ####### T', '// #', 'claim NAME "x" // # T'), fc.constant(null))
    .map(([text]) => [{ text }]);

const element: fc.Arbitrary<Line[]> = fc.oneof(
    fc.constant<Line[]>([{ text: 'claim NAME "a claim"' }]),
    fc.constant<Line[]>([{ text: 'claim NAME "a claim" {' }, { text: '  qualifier "q"' }, { text: '}' }]),
    fc.constant<Line[]>([{ text: 'annex NAME "data" {' }, { text: '  datum NAME interview "one"' }, { text: '  datum NAME observation "two"' }, { text: '}' }])
);

/** An element with a heading (or a near miss) in the middle. */
const interrupted: fc.Arbitrary<Line[]> = fc.tuple(fc.oneof(heading, nearMiss), fc.boolean()).map(([inside, annex]) => annex
    ? [{ text: 'annex NAME "data" {' }, { text: '  datum NAME interview "one"' }, ...inside.filter(l => !l.text.includes('claim')), { text: '  datum NAME observation "two"' }, { text: '}' }]
    : [{ text: 'claim NAME "a claim" {' }, ...inside.filter(l => !l.text.includes('claim')), { text: '  qualifier "q"' }, { text: '}' }]);

const blockComment: fc.Arbitrary<Line[]> = heading.map(lines => [{ text: '/*' }, { text: lines[0].text }, { text: '*/' }]);

const piece: fc.Arbitrary<Line[]> = fc.oneof(
    { weight: 3, arbitrary: heading },
    { weight: 2, arbitrary: nearMiss },
    { weight: 4, arbitrary: element },
    { weight: 1, arbitrary: interrupted },
    { weight: 1, arbitrary: blockComment },
    { weight: 2, arbitrary: fc.constant<Line[]>([{ text: '' }]) },
    { weight: 1, arbitrary: fc.constant<Line[]>([{ text: '// a plain comment' }]) }
);

/** Lines with unique names, and the line break to join them with. */
const file = fc.tuple(fc.array(piece, { maxLength: 25 }), fc.constantFrom('\n', '\r\n')).map(([pieces, eol]) => {
    let count = 0;
    const lines = pieces.flat().map(line => ({ ...line, text: line.text.replace(/NAME/g, () => `n${count++}`) }));
    return { lines, eol };
});

/** The outline with the sections taken out: what it was before sections existed. */
function withoutSections(list: DocumentSymbol[]): DocumentSymbol[] {
    return list.flatMap(symbol => symbol.kind === SymbolKind.Namespace ? withoutSections(symbol.children ?? []) : [symbol]);
}

describe('sections on generated files', function () {
    this.timeout(120000);
    const { services, parse } = parseOnly();

    function symbols(document: LangiumDocument): DocumentSymbol[] {
        return services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }) as DocumentSymbol[];
    }

    it('give every declaration the last heading above it, and outline and fold consistently', () => {
        fc.assert(fc.property(file, ({ lines, eol }) => {
            const text = lines.map(l => l.text).join(eol);
            const document = parse(text);
            const root = document.parseResult.value;
            assert.ok(isDocument(root));

            // Each declaration's section is the last heading line above its first line.
            const expected = (line: number) => lines.slice(0, line).reverse().find(l => l.heading)?.heading?.title;
            const declarations = root.elements.flatMap((element): AstNode[] => isAnnex(element) ? [element, ...element.data] : [element]);
            for (const declaration of declarations) {
                const line = declaration.$cstNode!.range.start.line;
                assert.equal(sectionOf(declaration)?.text, expected(line), `line ${line}`);
            }

            // The outline without its sections is the outline of the same file with plain comments.
            const outline = symbols(document);
            const plain = symbols(parse(text.replace(/#/g, 'x')));
            assert.deepEqual(withoutSections(outline), plain);
            assertNested(outline);

            // A section folds to a non-blank line, never past the next heading of its level or above.
            const folds: FoldingRange[] = services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } }) as FoldingRange[];
            for (const fold of folds) {
                assert.ok(fold.startLine < fold.endLine && fold.endLine < lines.length, `${fold.startLine}–${fold.endLine}`);
                const start = lines[fold.startLine].heading;
                if (start) {
                    assert.notEqual(lines[fold.endLine].text.trim(), '');
                    const next = lines.findIndex((l, i) => i > fold.startLine && l.heading && l.heading.level <= start.level);
                    assert.ok(next < 0 || fold.endLine < next);
                }
            }
        }), fuzzSettings(200, 'sections'));
    });
});
