import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { URI } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { FIXTURES } from './helpers.js';
import { assertEditsValid, InProcessHarness } from './in-process.js';

const REGRESSIONS = path.join(FIXTURES, 'regressions');

/** What each fixture must show once fixed (beyond passing the fuzz harness). */
const EXPECTED: Record<string, (codes: string[]) => void> = {
    'source-without-name.warrant': codes => assert.ok(codes.includes('unknown-citation'), codes.join()),
    'braced-claim-add-support.warrant': codes => assert.ok(codes.includes('unsupported-claim'), codes.join()),
    'empty-transcript-path.warrant': codes => assert.ok(codes.includes('quote-not-found'), codes.join()),
    'stub-for-keyword-key.warrant': codes => assert.equal(codes.filter(c => c === 'unknown-citation').length, 5, codes.join())
};

/**
 * Every input fuzzing or the corpus found a bug with, minimised and kept as a fixture
 * (fixtures/regressions/, each file says what broke and where it was fixed): it passes the
 * fuzz harness, shows its diagnostic, and every quick fix on it applies without adding a
 * syntax error.
 */
describe('regressions found by fuzzing and the corpus', () => {
    const harness = new InProcessHarness();

    for (const file of readdirSync(REGRESSIONS).filter(f => f.endsWith('.warrant')).sort()) {
        it(file, async () => {
            const text = readFileSync(path.join(REGRESSIONS, file), 'utf8');
            await harness.run([text], [0, 0.5, 1]);
            const shared = harness.shared;
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///warrant-regression-nonexistent/${file}`));
            shared.workspace.LangiumDocuments.addDocument(document);
            try {
                await shared.workspace.DocumentBuilder.build([document], { validation: true });
                const diagnostics = document.diagnostics ?? [];
                EXPECTED[file]?.(diagnostics.map(d => String(d.code)));
                const errors = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
                for (const diagnostic of diagnostics) {
                    const actions = (await harness.services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) ?? [];
                    for (const action of actions as CodeAction[]) {
                        const fixed = assertEditsValid(text, action.edit?.changes?.[document.uri.toString()] ?? [], action.title);
                        const reparsed = shared.workspace.LangiumDocumentFactory.fromString(fixed, URI.parse(`file:///warrant-regression-nonexistent/fixed-${file}`));
                        assert.ok(reparsed.parseResult.lexerErrors.length + reparsed.parseResult.parserErrors.length <= errors, `"${action.title}" added a syntax error:\n${fixed}`);
                    }
                }
            } finally {
                await shared.workspace.DocumentBuilder.update([], [document.uri]);
            }
        });
    }
});
