import assert from 'node:assert/strict';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import type { Document } from '../../language/generated/ast.js';
import { applyFreeTextEdit, findFreeTextEdit } from '../../language/parser/free-text-edit.js';
import { createWarrantServices } from '../../language/warrant-module.js';
import { syntaxSummary, withIncrementalWorkspace } from '../helpers/incremental.js';

const services = createWarrantServices(EmptyFileSystem).Warrant;
const parse = parseHelper<Document>(services);

const TEXT = [
    'annex A "The annex" { datum d interview "what she said" }',
    'claim a "First \\"quoted\\" claim" claim b "Second" supported by a, d',
    '  qualifier "probably" warrant "because" // a comment after it',
    'pattern p "label" { unanticipated "surprise" observed d }',
    ''
].join('\n');

/** Applies the edit in place when it can be; returns whether it was. */
async function editInPlace(document: LangiumDocument, text: string): Promise<boolean> {
    const edit = findFreeTextEdit(document, text);
    if (edit) {
        applyFreeTextEdit(edit, services.parser.ValueConverter);
    }
    return edit !== undefined;
}

function insert(text: string, after: string, what: string): string {
    const at = text.indexOf(after) + after.length;
    return text.slice(0, at) + what + text.slice(at);
}

describe('an edit inside free text, applied to the syntax tree in place', () => {
    const accepted: Array<[string, string]> = [
        ['a word typed in a claim\'s text, before tokens on the same line', insert(TEXT, 'claim a "First', ' new')],
        ['a character deleted from a datum\'s text', TEXT.replace('what she said', 'what se said')],
        ['a text emptied', TEXT.replace('"Second"', '""')],
        ['an escaped quote typed whole (a paste)', insert(TEXT, 'claim b "Sec', '\\"')],
        ['text of a qualifier, a warrant and an unanticipated', insert(TEXT, '"surp', 'rising ')],
        ['an astral character', insert(TEXT, '"becau', '😀')]
    ];
    for (const [what, edited] of accepted) {
        it(`${what}: the same tree as a fresh parse`, async () => {
            const document = await parse(TEXT);
            const root = document.parseResult.value;
            assert.ok(await editInPlace(document, edited), 'applied in place');
            assert.equal(document.parseResult.value, root);
            assert.equal(root.$cstNode?.root.fullText, edited);
            assert.deepEqual(syntaxSummary(document), syntaxSummary(await parse(edited)));
        });
    }

    const refused: Array<[string, string]> = [
        ['a quote typed (the string ends early)', insert(TEXT, 'claim b "Sec', '"')],
        ['a backslash typed at the end (it escapes the closing quote)', insert(TEXT, 'claim b "Second', '\\')],
        ['a line break typed', insert(TEXT, 'claim b "Sec', '\n')],
        ['two texts at once', insert(insert(TEXT, 'claim b "Sec', 'x'), 'claim a "Fir', 'y')],
        ['a label (labels are read by the analysis)', insert(TEXT, 'annex A "The', ' big')],
        ['a name', TEXT.replace('claim b ', 'claim bb ')],
        ['a comment', insert(TEXT, '// a comment', ' more')],
        ['the closing quote deleted', TEXT.replace('"Second"', '"Second')]
    ];
    for (const [what, edited] of refused) {
        it(`${what}: refused, the tree untouched`, async () => {
            const document = await parse(TEXT);
            const before = syntaxSummary(document);
            assert.equal(await editInPlace(document, edited), false);
            assert.deepEqual(syntaxSummary(document), before);
        });
    }

    it('never in a document with syntax errors (their positions would go stale)', async () => {
        const broken = TEXT + 'claim "no name"\n';
        const document = await parse(broken);
        assert.ok(document.parseResult.parserErrors.length > 0);
        assert.equal(await editInPlace(document, insert(broken, 'claim a "First', ' new')), false);
    });

    it('in a workspace: the index, references and diagnostics equal a fresh build after edits before declarations on the same line', () => withIncrementalWorkspace({
        'a.warrant': TEXT,
        'b.warrant': 'claim c "Third" supported by b, a\n'
    }, async workspace => {
        const root = workspace.document('a.warrant').parseResult.value;
        for (const [i, edit] of ['x', 'yy', '', 'zzz'].entries()) {
            const text = workspace.text('a.warrant');
            await workspace.edit({ 'a.warrant': edit === '' ? text.replace('claim a "First yy', 'claim a "First') : insert(text, 'claim a "First', ` ${edit}`) });
            assert.equal(workspace.document('a.warrant').parseResult.value, root, `edit ${i} in place`);
            assert.deepEqual([...workspace.lastUpdate.linked], []);
            await workspace.assertEqualsFreshBuild(`edit ${i}`);
        }
    }));
});
