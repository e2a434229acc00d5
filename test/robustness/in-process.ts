import assert from 'node:assert/strict';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildGraphModel } from '../../language/analysis/graph-model-builder.js';
import { createWarrantServices, type WarrantServices } from '../../language/warrant-module.js';
import type { LangiumSharedServices } from 'langium/lsp';
import { assertLocatedAndBounded } from './helpers.js';

/** Longest a single in-process case (build + every provider) may take. */
export const CASE_LIMIT_MS = Number(process.env.ROBUSTNESS_CASE_LIMIT_MS ?? 4000);

/**
 * The language services in this process (what the server and the CLI run), fed one small
 * workspace at a time: build with validation, then every provider at a few positions, quick
 * fixes for every diagnostic, and the preview's graph model. Any exception, logged error,
 * "An error occurred" diagnostic, unlocated or unbounded diagnostic, invalid edit or slow
 * case fails.
 */
export class InProcessHarness {
    readonly services: WarrantServices;
    readonly shared: LangiumSharedServices;
    private counter = 0;
    slowestMs = 0;
    cases = 0;

    constructor() {
        const { shared, Warrant } = createWarrantServices(EmptyFileSystem);
        this.services = Warrant;
        this.shared = shared;
    }

    /** Runs `texts` as one workspace; `probes` are relative positions (0–1) for position requests. */
    async run(texts: string[], probes: number[]): Promise<void> {
        const started = Date.now();
        const caseId = this.counter++;
        const uris = texts.map((_, i) => URI.parse(`file:///warrant-fuzz-nonexistent/case-${caseId}/f${i}.warrant`));
        const documents = texts.map((text, i) => this.shared.workspace.LangiumDocumentFactory.fromString(text, uris[i]));
        const logged: unknown[][] = [];
        const original = { error: console.error, warn: console.warn };
        console.error = (...args: unknown[]) => logged.push(args);
        console.warn = (...args: unknown[]) => logged.push(args);
        try {
            documents.forEach(document => this.shared.workspace.LangiumDocuments.addDocument(document));
            await this.shared.workspace.DocumentBuilder.build(documents, { validation: true });
            assert.deepEqual(logged.map(describeLogged), [], 'nothing logged while building');
            for (const document of documents) {
                await this.exercise(document, probes);
            }
            buildGraphModel(this.services.warrant.Analysis.get());
        } finally {
            console.error = original.error;
            console.warn = original.warn;
            await this.shared.workspace.DocumentBuilder.update([], uris);
        }
        assert.deepEqual(logged.map(describeLogged), [], 'nothing logged');
        const ms = Date.now() - started;
        this.slowestMs = Math.max(this.slowestMs, ms);
        this.cases++;
        assert.ok(ms < CASE_LIMIT_MS, `one case took ${ms} ms`);
    }

    private async exercise(document: LangiumDocument, probes: number[]): Promise<void> {
        const text = document.textDocument.getText();
        const diagnostics = document.diagnostics ?? [];
        assertLocatedAndBounded(diagnostics, text, 'in-process');
        for (const d of diagnostics) {
            assert.doesNotMatch(String(d.message), /An error occurred/, 'a check threw');
        }
        const lsp = this.services.lsp;
        const textDocument = { uri: document.uri.toString() };
        const end = document.textDocument.positionAt(text.length);
        await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
        await lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument });
        await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
        await lsp.CodeLensProvider!.provideCodeLens(document, { textDocument });
        await lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range: { start: { line: 0, character: 0 }, end } });
        const edits = await lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } });
        assertEditsValid(text, edits, 'formatting');
        for (const fraction of probes) {
            const position: Position = document.textDocument.positionAt(Math.floor(fraction * (text.length + 1)));
            const at = { textDocument, position };
            await lsp.HoverProvider!.getHoverContent(document, at);
            await lsp.CompletionProvider!.getCompletion(document, at);
            await lsp.DefinitionProvider!.getDefinition(document, at);
            await lsp.ReferencesProvider!.findReferences(document, { ...at, context: { includeDeclaration: true } });
            await lsp.DocumentHighlightProvider!.getDocumentHighlight(document, at);
            await lsp.Formatter!.formatDocumentOnType(document, { ...at, ch: '}', options: { tabSize: 2, insertSpaces: true } });
            try {
                await lsp.RenameProvider!.prepareRename(document, at);
            } catch (error) {
                // A refusal is a ResponseError with a message for the user; anything else is a crash.
                assert.equal((error as Error).constructor.name, 'ResponseError', (error as Error).stack);
            }
        }
        await this.quickFixes(document, diagnostics);
    }

    /** Every quick fix's edits are well-formed and apply to this document only. */
    private async quickFixes(document: LangiumDocument, diagnostics: Diagnostic[]): Promise<void> {
        const text = document.textDocument.getText();
        const textDocument = { uri: document.uri.toString() };
        for (const diagnostic of diagnostics.slice(0, 50)) {
            const actions = (await this.services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) ?? [];
            for (const action of actions as CodeAction[]) {
                const changes = action.edit?.changes ?? {};
                assert.deepEqual(Object.keys(changes).filter(uri => uri !== textDocument.uri), [], `"${action.title}" edits another file`);
                assertEditsValid(text, changes[textDocument.uri] ?? [], action.title);
            }
        }
    }
}

/** Edits lie inside the text, do not overlap, and apply. */
export function assertEditsValid(text: string, edits: Array<{ range: { start: Position; end: Position }; newText: string }>, label: string): string {
    const document = TextDocument.create('file:///check', 'warrant', 1, text);
    const located = edits.map(edit => {
        const start = document.offsetAt(edit.range.start);
        const end = document.offsetAt(edit.range.end);
        // offsetAt clamps: a position outside the text would not round-trip.
        assert.deepEqual(document.positionAt(start), edit.range.start, `${label}: start outside the text`);
        assert.deepEqual(document.positionAt(end), edit.range.end, `${label}: end outside the text`);
        assert.ok(start <= end, `${label}: reversed range`);
        return { start, end };
    }).sort((a, b) => a.start - b.start);
    for (let i = 1; i < located.length; i++) {
        assert.ok(located[i - 1].end <= located[i].start, `${label}: overlapping edits`);
    }
    return TextDocument.applyEdits(document, edits);
}

function describeLogged(args: unknown[]): string {
    return args.map(arg => (arg instanceof Error ? arg.stack ?? String(arg) : String(arg))).join(' ').slice(0, 1500);
}
