// The case study in VS Code for the Web, on the vscode-test-web: file system: the language server
// runs in a Web Worker, and the bibliography is read through the client.
import * as vscode from 'vscode';
import type { WarrantExtensionApi } from '../../../extension/activate.js';
import * as assert from './assert.js';
import { codeOf, describeDiagnostics, fileOf, waitFor } from './helpers.js';

const ARGUMENT = 'argument.warrant';

async function open(relativePath: string): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument(fileOf(relativePath));
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
}

function codes(uri: vscode.Uri): string[] {
    return vscode.languages.getDiagnostics(uri).map(d => codeOf(d) ?? '');
}

function positionOf(document: vscode.TextDocument, text: string, delta: number): vscode.Position {
    const offset = document.getText().indexOf(text);
    assert.ok(offset >= 0, `"${text}" not in ${document.uri.path}`);
    return document.positionAt(offset + delta);
}

suite('Case study in VS Code for the Web', () => {
    teardown(async () => {
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('the extension runs its browser entry, with the workspace as a virtual file system', async () => {
        const document = await open(ARGUMENT);
        assert.equal(document.uri.scheme, 'vscode-test-web');
        const extension = vscode.extensions.getExtension('warrant-tools.warrant');
        assert.ok(extension, 'the Warrant extension is not loaded');
        await extension.activate();
        assert.equal(extension.isActive, true, 'the Warrant extension did not activate');
        // The packaged extension (the runner unpacks the VSIX): its browser bundles, and no sources.
        // The extension's files come over HTTP: a file that is not there cannot be read.
        const exists = (relative: string) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, relative))).then(bytes => bytes.length > 0, () => false);
        assert.equal(await exists('out/web/server.js'), true, 'out/web/server.js is not in the extension');
        assert.equal(await exists('extension/web-main.ts'), false, 'the extension runs from the sources, not from the VSIX');
    });

    test('the Problems panel has the case study\'s diagnostics: unknown citations (the .bib was read) and the police classification mismatch', async () => {
        const document = await open(ARGUMENT);
        await waitFor(() => ['unknown-citation', 'classification-mismatch', 'unsupported-claim', 'single-source'].every(code => codes(document.uri).includes(code)),
            () => `the case study's findings; have:\n${describeDiagnostics(vscode.languages.getDiagnostics(document.uri))}`, 60_000);
        const mismatch = vscode.languages.getDiagnostics(document.uri).find(d => codeOf(d) === 'classification-mismatch' && d.message.startsWith('`policeWomen`'));
        assert.ok(mismatch, describeDiagnostics(vscode.languages.getDiagnostics(document.uri)));
        assert.equal(mismatch.severity, vscode.DiagnosticSeverity.Warning);
        assert.ok(/falls in `integrated`/.test(mismatch.message), mismatch.message);
        // The paper's slip "Henricksson et al., 2006", with the suggestion only the bibliography can make.
        const slip = vscode.languages.getDiagnostics(document.uri).find(d => codeOf(d) === 'unknown-citation' && d.message.startsWith('Unknown citation @Henricksson2006:'));
        assert.ok(slip, describeDiagnostics(vscode.languages.getDiagnostics(document.uri)));
        assert.ok(/Did you mean @Henriksson2006\b/.test(slip.message), slip.message);
        // Other files of the folder are indexed: names declared there resolve.
        assert.ok(!codes(document.uri).includes('unknown-reference'), describeDiagnostics(vscode.languages.getDiagnostics(document.uri)));
    });

    test('hover on a claim shows its trace', async () => {
        const document = await open(ARGUMENT);
        await waitFor(() => codes(document.uri).length > 0, 'diagnostics, i.e. a built workspace', 60_000);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'claim teaAnecdoteRevealing', 8));
        const text = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
        assert.ok(/grounded/i.test(text), text);
        assert.ok(/teaRequest/.test(text), text);
    });

    test('a quick fix applies: the police classification becomes `integrated`', async () => {
        const document = await open(ARGUMENT);
        const mismatch = await waitFor(() => vscode.languages.getDiagnostics(document.uri).find(d => codeOf(d) === 'classification-mismatch' && d.message.startsWith('`policeWomen`')),
            'the police classification mismatch', 60_000);
        const before = document.getText();
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, mismatch.range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find(action => action.title === 'Classify as `integrated`');
        assert.ok(fix?.edit, actions.map(a => a.title).join(', '));
        assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix was not applied');
        const offset = document.offsetAt(mismatch.range.start);
        assert.equal(document.getText(), before.slice(0, offset) + 'integrated' + before.slice(offset + 'maleDominated'.length));
        await waitFor(() => !vscode.languages.getDiagnostics(document.uri).some(d => codeOf(d) === 'classification-mismatch' && d.range.start.line === mismatch.range.start.line),
            'the mismatch to go', 30_000);
    });

    test('code lenses over the claims', async () => {
        const document = await open(ARGUMENT);
        await waitFor(() => codes(document.uri).length > 0, 'diagnostics, i.e. a built workspace', 60_000);
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
        const claimLine = document.positionAt(document.getText().indexOf('claim teaAnecdoteRevealing')).line;
        assert.ok(lenses.some(lens => lens.range.start.line === claimLine && lens.command?.title), `no lens on line ${claimLine + 1}: ${lenses.map(l => `${l.range.start.line + 1} ${l.command?.title}`).join(', ')}`);
    });

    test('a large bibliography written to the virtual disk is read and scanned in the worker', async function () {
        this.timeout(120_000);
        const entries = Array.from({ length: 5000 }, (_, i) => `@book{Key${i}, author = {Author, A${i}}, title = {Title ${i}}, year = {2000}}`).join('\n');
        await vscode.workspace.fs.writeFile(fileOf('large/library.bib'), new TextEncoder().encode(entries));
        await vscode.workspace.fs.writeFile(fileOf('large/cites.warrant'), new TextEncoder().encode('bibliography "library.bib"\n\nclaim lateKey "Rests on the last entry"\n  cites @Key4999\n\nclaim missingKey "Rests on no entry"\n  cites @Key5000\n'));
        const document = await open('large/cites.warrant');
        await waitFor(() => codes(document.uri).includes('unknown-citation'), () => `the unknown citation; have:\n${describeDiagnostics(vscode.languages.getDiagnostics(document.uri))}`, 60_000);
        const unknown = vscode.languages.getDiagnostics(document.uri).filter(d => codeOf(d) === 'unknown-citation');
        assert.equal(unknown.length, 1, describeDiagnostics(unknown));
        assert.ok(unknown[0].message.includes('@Key5000'), unknown[0].message);
        assert.ok(!codes(document.uri).includes('bibliography-not-found'), describeDiagnostics(vscode.languages.getDiagnostics(document.uri)));
    });

    test('the Evidence view lists the case study\'s claims with their statuses', async function () {
        this.timeout(90_000);
        await open(ARGUMENT);
        const extension = vscode.extensions.getExtension<WarrantExtensionApi>('warrant-tools.warrant');
        assert.ok(extension, 'the Warrant extension is not loaded');
        const tree = (await extension.activate()).evidenceTree;
        await waitFor(() => tree.model.node('genderHypothesis') && tree.model.node('genderAbsentFromLiterature'), 'the workspace model in the evidence tree', 60_000);
        const description = (id: string) => {
            const row = tree.getChildren().find(r => r.id === id);
            assert.ok(row, `${id} is not a top-level row`);
            return String(tree.getTreeItem(row).description);
        };
        assert.ok(/^grounded · \d+ (datum|data)\b.* · \d+ sources?\b/.test(description('genderHypothesis')), description('genderHypothesis'));
        assert.ok(/^ungrounded\b/.test(description('genderAbsentFromLiterature')), description('genderAbsentFromLiterature'));
    });

    test('a bibliography changed on the virtual disk revalidates the documents citing it', async function () {
        this.timeout(90_000);
        const document = await open(ARGUMENT);
        const slip = () => vscode.languages.getDiagnostics(document.uri).some(d => codeOf(d) === 'unknown-citation' && d.message.startsWith('Unknown citation @Henricksson2006:'));
        await waitFor(slip, 'the unknown citation @Henricksson2006', 60_000);
        const bib = fileOf('references.bib');
        const before = await vscode.workspace.fs.readFile(bib);
        try {
            const added = '\n@book{Henricksson2006, author = {Henricksson, A.}, title = {Old professionalism}, year = {2006}}\n';
            await vscode.workspace.fs.writeFile(bib, new Uint8Array([...before, ...new TextEncoder().encode(added)]));
            await waitFor(() => !slip() && codes(document.uri).length > 0, () => `the citation to resolve; have:\n${describeDiagnostics(vscode.languages.getDiagnostics(document.uri))}`, 30_000);
        } finally {
            await vscode.workspace.fs.writeFile(bib, before);
        }
        await waitFor(slip, 'the unknown citation back once the entry is gone', 30_000);
    });
});
