import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, FoldingRange, Range } from 'vscode-languageserver';
import { createWarrantServices } from '../../language/warrant-module.js';
import { LspClient } from '../helpers/lsp-client.js';
import { document, element, exampleTexts, fuzzSettings, mutatedExample } from './arbitraries.js';
import { assertLocatedAndBounded, probeRequests, removeWorkspace, REQUEST_LIMIT_MS, tempWorkspace, within } from './helpers.js';

const FILE = 'fuzzed.warrant';

/**
 * Fuzzing the bundled server over stdio: random documents and mutated examples replace an
 * open document (full sync), random incremental edits change it (ranges in UTF-16 units
 * across CRLF, CR and surrogate pairs). After each input the server must publish diagnostics
 * for exactly that text (a marker line proves which version was checked) within the limit,
 * answer every usual request within the per-request limit, and — for incremental edits — hold
 * exactly the text the client holds (its outline and folding equal those computed here from
 * the client's copy: no edit silently lost).
 */
describe('fuzzing the language server (stdio)', function () {
    this.timeout(300000);
    let dir: string;
    let client: LspClient;
    let marker = 0;
    const examples = exampleTexts();

    before(async () => {
        dir = tempWorkspace({
            'references.bib': '@book{Merton1948, title = {Social Theory}, author = {Merton, R.}, year = 1948}\n',
            't.txt': 'line one\nline two\n',
            'other.warrant': 'annex Other { datum d1 interview emergent "one" datum d2 observation prompted "two" }\nclaim a "A" supported by d1\n'
        });
        client = await LspClient.start(dir);
        await client.open(FILE, '');
    });

    after(async () => {
        await client?.stop();
        removeWorkspace(dir);
    });

    /** A first line that names this version: its unknown reference is in the diagnostics of exactly this text. */
    function markerLine(): { line: string; name: string } {
        marker++;
        return { line: `claim zzMarker${marker} "m" supported by zzMissing${marker}\n`, name: `\`zzMissing${marker}\`` };
    }

    async function checked(name: string, text: string): Promise<void> {
        const diagnostics = await client.diagnosticsOf(FILE, d => d.some(x => String(x.message).includes(name)), REQUEST_LIMIT_MS * 2);
        assertLocatedAndBounded(diagnostics, text, 'stdio fuzz');
        assert.equal(client.process.exitCode, null, 'the server is alive');
    }

    it('random documents and mutated examples: diagnostics and every request answer in time', async () => {
        const { seed, numRuns } = fuzzSettings(300, 'stdio full-text');
        const input = fc.oneof(document, mutatedExample(examples));
        await fc.assert(fc.asyncProperty(input, async generated => {
            const { line, name } = markerLine();
            const text = line + generated;
            await client.change(FILE, text);
            await checked(name, text);
            await probeRequests(client, FILE, text);
        }), { seed, numRuns });
        assert.deepEqual(client.logMessages.filter(m => m.type === 1), [], 'the server logged no error');
        assert.equal(client.stderr, '');
    });

    it('incremental edits are never lost: the server holds exactly the client\'s text', async () => {
        const { seed, numRuns } = fuzzSettings(120, 'stdio incremental');
        const services = createWarrantServices(EmptyFileSystem).Warrant;
        const outline = (text: string): { symbols: DocumentSymbol[]; folds: FoldingRange[] } => {
            const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///mirror/fuzzed.warrant'));
            const textDocument = { uri: document.uri.toString() };
            return {
                symbols: services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument }) as DocumentSymbol[],
                folds: services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument }) as FoldingRange[]
            };
        };
        const insertion = fc.oneof(element, fc.constantFrom('\r\n', '\r', '\n', '😀', '\ud83d', '\ude00', '"', '{', '}', ' ', ''), fc.string({ unit: 'binary', maxLength: 5 }));
        const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 0, max: 40 }), text: insertion });
        const step = fc.record({ edits: fc.array(edit, { minLength: 1, maxLength: 6 }), notifications: fc.integer({ min: 1, max: 3 }) });
        const { line } = markerLine();
        let mirror = TextDocument.create(client.uri(FILE), 'warrant', 0, line + examples[0]);
        await client.change(FILE, mirror.getText());

        await fc.assert(fc.asyncProperty(step, async ({ edits, notifications }) => {
            const changes: Array<{ range: Range; text: string }> = [];
            let text = mirror.getText();
            for (const e of edits) {
                // Never inside the marker line, which the last change replaces.
                const markerEnd = text.indexOf('\n') + 1;
                const start = markerEnd + Math.floor(e.at * (text.length - markerEnd + 1));
                const end = Math.min(text.length, start + e.length);
                const scratch = TextDocument.create('file:///s', 'warrant', 0, text);
                changes.push({ range: { start: scratch.positionAt(start), end: scratch.positionAt(end) }, text: e.text });
                text = text.slice(0, start) + e.text + text.slice(end);
            }
            const { line, name } = markerLine();
            changes.push({ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: line });
            mirror = TextDocument.update(mirror, changes, mirror.version + 1);
            // The same changes, split over one to three notifications.
            const size = Math.ceil(changes.length / notifications);
            for (let i = 0; i < changes.length; i += size) {
                await client.changeRanges(FILE, changes.slice(i, i + size));
            }
            const expected = mirror.getText();
            await checked(name, expected);
            const [symbols, folds] = await Promise.all([
                within('documentSymbol', client.documentSymbols(FILE)),
                within('foldingRange', client.foldingRanges(FILE))
            ]);
            const local = outline(expected);
            assert.deepEqual(symbols, JSON.parse(JSON.stringify(local.symbols)), 'the server\'s outline is the outline of the client\'s text');
            assert.deepEqual(folds, JSON.parse(JSON.stringify(local.folds)), 'the server\'s folding is the folding of the client\'s text');
        }), { seed, numRuns });
        assert.deepEqual(client.logMessages.filter(m => m.type === 1), [], 'the server logged no error');
    });
});
