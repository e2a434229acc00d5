import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EmptyFileSystem, URI } from 'langium';
import { MAX_DOCUMENT_CHARACTERS } from '../../language/parser/size-limited-lexer.js';
import { createWarrantServices } from '../../language/warrant-module.js';
import { mulberry32 } from '../helpers/random.js';
import { fuzzSettings } from './arbitraries.js';
import { assertLocatedAndBounded } from './helpers.js';

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const word = (random: Random) => Math.floor(random() * 1e6).toString(36);
const EOLS = ['\n', '\r\n', '\r'] as const;

/** One hidden token or a run of them: comments of every form, whitespace of every kind, a comment opener alone. */
const HIDDEN: ReadonlyArray<(random: Random) => string> = [
    random => `//${random() < 0.5 ? '' : ' ' + word(random)}${pick(random, EOLS)}`,
    random => `/*${random() < 0.3 ? pick(random, EOLS) : ''}${word(random)}*/`,
    () => '/*',
    random => ' \t\uFEFF'.repeat(1 + Math.floor(random() * 3)),
    random => pick(random, EOLS)
];

/** Lines of a long flat file: valid declarations and comments… */
const VALID_LINES: ReadonlyArray<(random: Random, i: number) => string> = [
    (_, i) => `claim c${i} "claim ${i}"`,
    (random, i) => `claim c${i} "claim ${i}" supported by c${Math.floor(random() * i)}`,
    (_, i) => `respondent r${i}`,
    (_, i) => `annex a${i} { datum d${i} interview emergent "datum ${i}" }`,
    random => `// ${word(random)}`,
    () => ''
];

/** …and broken ones, stray characters among them. */
const BROKEN_LINES: ReadonlyArray<(random: Random, i: number) => string> = [
    ...VALID_LINES,
    (_, i) => `claim c${i} "x" supported by ,`,
    (_, i) => `claim c${i} "unterminated`,
    random => '§'.repeat(1 + Math.floor(random() * 4))
];

/** Up to `units` hidden tokens, with a declaration every `every` units (never when 0). */
function hiddenFlood(seed: number, units: number, every: number): string {
    const random = mulberry32(seed);
    const parts: string[] = [];
    for (let i = 0; i < units; i++) {
        parts.push(every > 0 && i % every === every - 1 ? `\nclaim h${i} "between comments"\n` : pick(random, HIDDEN)(random));
    }
    return parts.join('');
}

/** Random lines until the text reaches `characters`. */
function flatFile(seed: number, characters: number, broken: boolean): string {
    const random = mulberry32(seed);
    const lines = broken ? BROKEN_LINES : VALID_LINES;
    const parts: string[] = [];
    for (let i = 0, length = 0; length < characters; i++) {
        parts.push(pick(random, lines)(random, i) + pick(random, EOLS));
        length += parts[i].length;
    }
    return parts.join('');
}

/**
 * Fuzzing the shapes that once broke the checker, at their sizes: floods of hidden tokens
 * (hundreds of thousands of comments and whitespace runs, a few declarations among them) and
 * flat files near the 4 M-character cap (valid, broken and foreign lines mixed). Each is
 * built and validated in this process, then asked for symbols, folding ranges, semantic
 * tokens, hover and completion: nothing may throw or log, no `internal-error` may appear,
 * and the diagnostics stay located and within the cap. Few cases: each is megabytes.
 */
describe('fuzzing floods and near-cap files (in process)', function () {
    this.timeout(600000);
    const { shared, Warrant } = createWarrantServices(EmptyFileSystem);
    let counter = 0;

    async function check(text: string, at: number): Promise<void> {
        const uri = URI.parse(`file:///warrant-fuzz-floods/case-${counter++}.warrant`);
        const logged: unknown[][] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => logged.push(args);
        try {
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
            const diagnostics = document.diagnostics ?? [];
            assertLocatedAndBounded(diagnostics, text, 'flood');
            assert.deepEqual(diagnostics.filter(d => d.code === 'internal-error').map(d => d.message), []);
            const lsp = Warrant.lsp;
            const textDocument = { uri: uri.toString() };
            const position = document.textDocument.positionAt(Math.floor(at * text.length));
            await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
            await lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument });
            await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
            await lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
            await lsp.CompletionProvider!.getCompletion(document, { textDocument, position });
            assert.deepEqual(logged.map(args => args.map(String).join(' ').slice(0, 500)), [], 'nothing logged');
        } finally {
            console.error = original;
            await shared.workspace.DocumentBuilder.update([], [uri]);
        }
    }

    it('floods of comments and whitespace, a few declarations among them', async () => {
        const { seed, numRuns } = fuzzSettings(3, 'hidden-token floods');
        const flood = fc.record({
            seed: fc.integer(),
            units: fc.integer({ min: 100_000, max: 250_000 }),
            every: fc.constantFrom(0, 997, 40_000)
        });
        await fc.assert(fc.asyncProperty(flood, fc.double({ min: 0, max: 1, noNaN: true }), (f, at) => check(hiddenFlood(f.seed, f.units, f.every), at)), { seed, numRuns });
    });

    it('flat files near the size cap (valid, or with broken lines), some just over it', async () => {
        const { seed, numRuns } = fuzzSettings(3, 'near-cap flat files');
        const file = fc.record({
            seed: fc.integer(),
            characters: fc.integer({ min: MAX_DOCUMENT_CHARACTERS - 600_000, max: MAX_DOCUMENT_CHARACTERS + 1_000 }),
            broken: fc.boolean()
        });
        await fc.assert(fc.asyncProperty(file, fc.double({ min: 0, max: 1, noNaN: true }), (f, at) => check(flatFile(f.seed, f.characters, f.broken), at)), { seed, numRuns });
    });
});
