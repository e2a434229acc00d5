// The Explorer's evidence tree on the case study: the claims with their statuses, the row of the
// element under the cursor selected, a row's command opening the declaration.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WarrantExtensionApi } from '../../../extension/main.js';
import type { EvidenceElement } from '../../../extension/evidence-tree/evidence-tree.js';
import { activateWarrant, closeAllEditors, openFixture, waitFor } from './helpers.js';

const ARGUMENT = 'lscb/argument.warrant';

function positionOf(document: vscode.TextDocument, text: string, delta: number): vscode.Position {
    const offset = document.getText().indexOf(text);
    assert.ok(offset >= 0, `"${text}" not in ${document.uri.path}`);
    return document.positionAt(offset + delta);
}

function selected(tree: WarrantExtensionApi['evidenceTree']): string {
    return tree.view.selection.map(row => `${row.parent ? `${row.parent.id} > ` : ''}${row.id}`).join(', ') || '(nothing)';
}

suite('Evidence tree', () => {
    teardown(closeAllEditors);

    test('shows the case study\'s claims with their statuses, follows the cursor and reveals on click', async function () {
        this.timeout(120_000);
        const { document, editor } = await openFixture(ARGUMENT);
        const tree = ((await activateWarrant()).exports as WarrantExtensionApi).evidenceTree;
        await waitFor(() => tree.model.node('genderHypothesis') && tree.model.node('policeMaleDominated'), 'the workspace model in the evidence tree', 60_000);

        const top = tree.getChildren();
        const item = (id: string): vscode.TreeItem => {
            const row = top.find(r => r.id === id);
            assert.ok(row, `${id} is not a top-level row; have ${top.map(r => r.id).join(', ')}`);
            return tree.getTreeItem(row);
        };
        const colour = (id: string) => (item(id).iconPath as vscode.ThemeIcon).color;
        assert.match(String(item('genderHypothesis').description), /^grounded · \d+ (datum|data)\b.* · \d+ sources?\b/);
        assert.match(String(item('policeMaleDominated').description), /^grounded · contradicted by its own statistic · /);
        assert.match(String(item('genderAbsentFromLiterature').description), /^ungrounded\b/);
        assert.notDeepEqual(colour('genderHypothesis'), colour('genderAbsentFromLiterature'), 'grounded and ungrounded icons differ in colour');
        assert.match(String(item('genderAbsentFromLiterature').accessibilityInformation?.label), /^claim genderAbsentFromLiterature, ungrounded: Gender is not a prominent variable/);
        // Conclusions (claims nothing rests on) come first, so genderHypothesis, which others rest on, is not first.
        assert.ok(top.findIndex(r => r.id === 'genderHypothesis') > 0);
        const tooltip = item('policeMaleDominated').tooltip as vscode.MarkdownString;
        assert.match(tooltip.value, /Grounded through: policeMaleDominated → /);
        assert.equal(tooltip.isTrusted, false);

        // What genderHypothesis rests on, as written in its declaration, one level down, and back up.
        const below = tree.getChildren(top.find(r => r.id === 'genderHypothesis'));
        assert.deepEqual(below.map(r => `${r.via} ${r.id}`), ['supports genderPattern', 'supports genderHiddenVariable', 'supports welfareProfessionsGendered',
            'supports interProfessionalDynamicsCentral', 'cites @Annesley2010', 'cites @Hall2005']);
        assert.match(String(tree.getTreeItem(below[4]).description), /^cites · grounded/);
        assert.ok(below.every(r => tree.getParent(r)?.id === 'genderHypothesis'));

        await vscode.commands.executeCommand('warrant.evidence.focus');
        await waitFor(() => tree.view.visible, 'the evidence view to be visible');
        await vscode.window.showTextDocument(document, { preserveFocus: false });

        // The cursor inside a claim's declaration selects its row.
        const inHypothesis = positionOf(document, 'claim genderHypothesis', 8);
        editor.selection = new vscode.Selection(inHypothesis, inHypothesis);
        await waitFor(() => tree.view.selection[0]?.id === 'genderHypothesis', () => `genderHypothesis selected; selected: ${selected(tree)}`);
        const inPolice = positionOf(document, 'claim policeMaleDominated', 8);
        editor.selection = new vscode.Selection(inPolice, inPolice);
        await waitFor(() => tree.view.selection[0]?.id === 'policeMaleDominated', () => `policeMaleDominated selected; selected: ${selected(tree)}`);

        // A row's command opens the declaration at its start.
        const target = top.find(r => r.id === 'genderAbsentFromLiterature') as EvidenceElement;
        const command = tree.getTreeItem(target).command;
        assert.ok(command);
        await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
        const declaration = positionOf(document, 'claim genderAbsentFromLiterature', 0);
        await waitFor(() => vscode.window.activeTextEditor?.selection.active.isEqual(declaration),
            () => `the cursor at ${declaration.line + 1}:${declaration.character + 1}; it is at ${vscode.window.activeTextEditor?.selection.active.line}`);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString());
        await waitFor(() => tree.view.selection[0]?.id === 'genderAbsentFromLiterature', () => `the revealed claim selected; selected: ${selected(tree)}`);
    });
});
