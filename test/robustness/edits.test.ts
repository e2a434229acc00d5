import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { applyEdits, type WarrantFormatter } from '../../language/lsp/formatter.js';
import { createWarrantServices } from '../../language/warrant-module.js';
import { cleanDocument, document, exampleTexts, fuzzSettings } from './arbitraries.js';
import { assertEditsValid } from './in-process.js';

const { shared, Warrant } = createWarrantServices(EmptyFileSystem);
const formatter = Warrant.lsp.Formatter as WarrantFormatter;
let counter = 0;

/** Parses (and, with `build`, links and validates) texts as one fresh workspace; `dispose` removes them. */
async function load(texts: string[], build = true): Promise<{ documents: LangiumDocument[]; dispose: () => Promise<void> }> {
    const id = counter++;
    const documents = texts.map((text, i) => shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///warrant-edits-nonexistent/${id}/f${i}.warrant`)));
    if (build) {
        documents.forEach(d => shared.workspace.LangiumDocuments.addDocument(d));
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    }
    return { documents, dispose: async () => (build ? shared.workspace.DocumentBuilder.update([], documents.map(d => d.uri)) : undefined) };
}

const errorCount = (d: LangiumDocument) => d.parseResult.lexerErrors.length + d.parseResult.parserErrors.length;
const whitespace = /^[ \t\r\n]*$/;

function offsets(d: LangiumDocument, range: Range): [number, number] {
    return [d.textDocument.offsetAt(range.start), d.textDocument.offsetAt(range.end)];
}

/** Examples with every gap between tokens squeezed or stretched: plenty for the formatter to do. */
const respaced = fc.tuple(fc.constantFrom(...exampleTexts()), fc.array(fc.constantFrom(' ', '   ', '\n', '\n\n\n', '\t', ' \n  '), { minLength: 20, maxLength: 20 }))
    .map(([text, gaps]) => {
        let i = 0;
        return text.replace(/[ \t]+|\n+/g, match => (match.includes('\n') ? '\n' + gaps[i++ % gaps.length].replace(/^\n*/, '') : gaps[i++ % gaps.length].replace(/\n/g, ' ')));
    });

/**
 * Formatting and quick fixes edit only what they say. The LSP suite proves it
 * on the case study (test/lsp/formatting.test.ts); these properties range over generated
 * documents and respaced examples, using the formatter's own token lexer (`tokenImages`).
 */
describe('formatting and quick fixes change only what they claim (properties)', function () {
    this.timeout(300000);

    it('formatting rewrites whitespace only, keeps every token and comment, and is idempotent', async () => {
        const { seed, numRuns } = fuzzSettings(300, 'formatting');
        let formatted = 0;
        await fc.assert(fc.asyncProperty(fc.oneof(cleanDocument, respaced), async text => {
            const { documents: [d] } = await load([text], false);
            const options = { tabSize: 4, insertSpaces: true };
            const edits = await formatter.formatDocument(d, { textDocument: { uri: d.uri.toString() }, options });
            if (errorCount(d) > 0) {
                assert.deepEqual(edits, [], 'a document with syntax errors is left alone');
                return;
            }
            assertEditsValid(text, edits, 'formatting');
            for (const edit of edits) {
                const [start, end] = offsets(d, edit.range);
                assert.match(text.slice(start, end), whitespace, 'only whitespace is replaced');
                assert.match(edit.newText, whitespace, 'only whitespace is written');
            }
            formatted += edits.length > 0 ? 1 : 0;
            const once = applyEdits(d, edits);
            assert.deepEqual(formatter.tokenImages(once), formatter.tokenImages(text), 'every token and comment kept, in order');
            const { documents: [again] } = await load([once], false);
            assert.deepEqual(await formatter.formatDocument(again, { textDocument: { uri: again.uri.toString() }, options }), [], 'idempotent');
        }), { seed, numRuns });
        console.log(`      ${formatted} documents reformatted`);
        assert.ok(formatted > numRuns / 4, 'most generated documents had something to format');
    });

    it('range formatting edits only inside the range', async () => {
        const { seed, numRuns } = fuzzSettings(200, 'range formatting');
        const fraction = fc.double({ min: 0, max: 1, noNaN: true });
        await fc.assert(fc.asyncProperty(fc.oneof(cleanDocument, respaced), fraction, fraction, async (text, a, b) => {
            const { documents: [d] } = await load([text], false);
            const [from, to] = [Math.floor(Math.min(a, b) * text.length), Math.floor(Math.max(a, b) * text.length)];
            const range = { start: d.textDocument.positionAt(from), end: d.textDocument.positionAt(to) };
            const edits = await formatter.formatDocumentRange(d, { textDocument: { uri: d.uri.toString() }, options: { tabSize: 2, insertSpaces: true }, range });
            for (const edit of edits) {
                const [start, end] = offsets(d, edit.range);
                assert.ok(start >= from && end <= to, `edit [${start}, ${end}) outside the range [${from}, ${to})`);
                assert.match(text.slice(start, end), whitespace);
            }
        }), { seed, numRuns });
    });

    it('every quick fix makes exactly the edit its title names, and adds no syntax error', async () => {
        const { seed, numRuns } = fuzzSettings(300, 'quick fixes');
        const seen = new Map<string, number>();
        await fc.assert(fc.asyncProperty(fc.array(document, { minLength: 1, maxLength: 2 }), async texts => {
            const { documents, dispose } = await load(texts);
            try {
                for (const d of documents) {
                    for (const diagnostic of (d.diagnostics ?? []).slice(0, 40)) {
                        const actions = (await Warrant.lsp.CodeActionProvider!.getCodeActions(d, { textDocument: { uri: d.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) ?? [];
                        for (const action of actions as CodeAction[]) {
                            const kind = checkFix(d, diagnostic, action);
                            seen.set(kind, (seen.get(kind) ?? 0) + 1);
                        }
                    }
                }
            } finally {
                await dispose();
            }
        }), { seed, numRuns });
        console.log(`      quick fixes checked: ${[...seen].map(([k, n]) => `${k} ${n}`).join(', ')}`);
        for (const kind of ['change', 'stub', 'remove-self', 'add-support', 'pattern-parts']) {
            assert.ok(seen.has(kind), `the generator produced no "${kind}" fix`);
        }
    });
});

/** Checks one action against its title; returns its kind. */
function checkFix(d: LangiumDocument, diagnostic: Diagnostic, action: CodeAction): string {
    if (/^Create .+\.bib$/i.test(action.title)) {
        // Creates the missing file (another document), and edits nothing here.
        assert.equal((action.edit?.documentChanges?.[0] as { kind?: string } | undefined)?.kind, 'create', `"${action.title}" creates the file`);
        return 'create-bibliography';
    }
    const text = d.textDocument.getText();
    const uri = d.uri.toString();
    const changes = action.edit?.changes ?? {};
    assert.deepEqual(Object.keys(changes), [uri], `"${action.title}" edits this document only`);
    const edits: TextEdit[] = changes[uri];
    assert.equal(edits.length, 1, `"${action.title}": one edit`);
    const [edit] = edits;
    const after = assertEditsValid(text, edits, action.title);
    const [start, end] = offsets(d, edit.range);
    const removed = text.slice(start, end);
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    let kind: string;
    let match: RegExpMatchArray | null;
    if ((match = /^Change to `(.+)`$/.exec(action.title)) || (match = /^Change to (@.+)$/.exec(action.title)) || (match = /^Classify as `(.+)`$/.exec(action.title))) {
        kind = 'change';
        assert.deepEqual(edit.range, diagnostic.range, `"${action.title}" replaces exactly the diagnostic's range`);
        assert.equal(edit.newText, match[1]);
    } else if ((match = /^Create a source stub for @(.+)$/.exec(action.title))) {
        kind = 'stub';
        assert.equal(start, text.length, 'inserted at the end');
        assert.match(edit.newText, new RegExp(`^\\n*source ${match[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\{\\n(  \\w+ .*\\n)*\\}\\n$`));
    } else if ((match = /^Declare `(.+)` as a (claim|datum|stat|respondent) here$/.exec(action.title))) {
        kind = 'declare';
        assert.equal(removed, '', 'an insertion');
        assert.ok(edit.newText.includes(`${match[2]} ${match[1]} `), edit.newText);
    } else if (action.title === 'Remove the self-reference') {
        kind = 'remove-self';
        assert.equal(edit.newText, '');
        const name = text.slice(...offsets(d, diagnostic.range));
        // One name with its comma; or the whole clause when it lists nothing but the claim itself (maybe twice).
        const clause = new RegExp(`^supportedby${name}(,${name})*$`);
        assert.ok([`,${name}`, `${name},`].includes(squeeze(removed)) || clause.test(squeeze(removed)), `removes "${removed}" for self-reference ${name}`);
    } else if ((match = /^Add `supported by (.+)`$/.exec(action.title))) {
        kind = 'add-support';
        assert.equal(removed, '', 'an insertion');
        assert.ok([`, ${match[1]}`, ` supported by ${match[1]}`].includes(edit.newText), edit.newText);
    } else if (action.title === 'Add the missing pattern parts') {
        kind = 'pattern-parts';
        assert.equal(removed, '', 'an insertion');
        assert.match(edit.newText, /^\n?(  (unanticipated "[^"]*"|anomalous "[^"]*"|strategic \S+)\n)+$/);
    } else {
        assert.fail(`a quick fix this property does not know: "${action.title}"`);
    }
    // The fix adds no lexing or parsing error.
    const fixed = shared.workspace.LangiumDocumentFactory.fromString(after, URI.parse(`file:///warrant-edits-nonexistent/fixed-${counter++}.warrant`));
    assert.ok(errorCount(fixed) <= errorCount(d), `"${action.title}" added a syntax error:\n${after}`);
    return kind;
}
