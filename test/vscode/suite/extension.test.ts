// The extension activates on a .warrant file and the language server's diagnostics reach VS Code.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import {
    EXTENSION_ID, activateWarrant, assertInstalledFromVsix, closeAllEditors, codeOf, describeDiagnostics,
    diagnosticsOf, log, openFixture, replaceText, waitFor
} from './helpers.js';

/**
 * How long the extension host took to require the extension's bundle, from the performance marks
 * it sets around that (the marks "Developer: Startup Performance" lists).
 */
function codeLoadingMs(extensionId: string): number {
    const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks?.getMarks() ?? [];
    const at = (name: string) => marks.find(mark => mark.name.toLowerCase() === `code/exthost/${name}/${extensionId}`.toLowerCase())?.startTime;
    const start = at('willLoadExtensionCode');
    const end = at('didLoadExtensionCode');
    assert.ok(start !== undefined && end !== undefined, `the extension host's code-loading marks for ${extensionId}; have ${marks.length} marks`);
    return end - start;
}

/** The server's code for a name that resolves to nothing (Langium's linking error, reworded). */
const UNKNOWN_REFERENCE = 'unknown-reference';

suite('Extension: activation and diagnostics', () => {
    teardown(closeAllEditors);

    test('the extension under test is the one installed from the VSIX', function () {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension, `${EXTENSION_ID} is not installed`);
        if (!process.env.WARRANT_TEST_EXTENSIONS_DIR) {
            log('note: WARRANT_TEST_EXTENSIONS_DIR is not set (not started by run-web.mjs or run-electron.mjs); cannot check the VSIX origin');
            this.skip();
        }
        assertInstalledFromVsix(extension);
    });

    test('opening a .warrant file activates the extension', async () => {
        const { document } = await openFixture('linking.warrant');
        assert.equal(document.languageId, 'warrant');
        const extension = await waitFor(() => {
            const candidate = vscode.extensions.getExtension(EXTENSION_ID);
            return candidate?.isActive ? candidate : undefined;
        }, `${EXTENSION_ID} to activate`);
        assert.equal((await activateWarrant()).id, extension.id);
        const api = extension.exports as { activateCallMs?: number } | undefined;
        assert.equal(typeof api?.activateCallMs, 'number', 'activate() reports its duration');
        const activation = { codeLoadingMs: codeLoadingMs(EXTENSION_ID), activateCallMs: api!.activateCallMs! };
        log(`activation: code loading ${activation.codeLoadingMs} ms + activate call ${activation.activateCallMs.toFixed(1)} ms`);
        // `npm run bench` reads the figures from here (timings are not asserted in tests).
        if (process.env.WARRANT_TEST_METRICS_FILE) {
            fs.writeFileSync(process.env.WARRANT_TEST_METRICS_FILE, JSON.stringify({ activation }));
        }
    });

    test('an unresolved reference is reported, and fixing it clears the error', async () => {
        const { document } = await openFixture('linking.warrant');
        const unresolved = () => diagnosticsOf(document.uri).filter((d) => codeOf(d) === UNKNOWN_REFERENCE);
        const [error] = await waitFor(() => {
            const found = unresolved();
            return found.length > 0 ? found : undefined;
        }, () => `an ${UNKNOWN_REFERENCE} diagnostic; have:\n${describeDiagnostics(diagnosticsOf(document.uri))}`);
        assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
        assert.equal(document.getText(error.range), 'nothing');
        assert.match(error.message, /`nothing`/);

        await replaceText(document, 'supported by nothing', 'supported by b');
        await waitFor(() => unresolved().length === 0,
            () => `the ${UNKNOWN_REFERENCE} error to disappear after the fix; have:\n${describeDiagnostics(diagnosticsOf(document.uri))}`);
    });
});
