import assert from 'node:assert/strict';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver';
import type { Document } from '../../language/generated/ast.js';
import { createWarrantServices } from '../../language/warrant-module.js';

/** Syntax errors (lexing and parsing) of a text, in a fresh workspace. */
async function syntaxErrors(text: string): Promise<Diagnostic[]> {
    const document = await parseHelper<Document>(createWarrantServices(EmptyFileSystem).Warrant)(text, { validation: true });
    return (document.diagnostics ?? []).filter(d => d.code === 'lexing-error' || d.code === 'parsing-error');
}

/** Parser jargon no user-facing message may show. */
const JARGON = /offset|token|->|<-|\bID\b|\bSTRING\b|\bNUMBER\b|\bCITEKEY\b|\bEOF\b|Expecting|Redundant input|iteration/;

const at = (d: Diagnostic) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];

describe('syntax errors say what is wrong in the user\'s terms', () => {
    it('a locator glued to a citation key: the `.` is located and the fix shown', async () => {
        const [error] = await syntaxErrors('claim a "A" cites @Smith2020ch. 3\n');
        assert.equal(error.code, 'lexing-error');
        assert.deepEqual(at(error), [0, 30, 0, 31]);
        assert.equal(String(error.message), 'Unexpected `.` after the citation key @Smith2020ch: a locator follows the key after a space, e.g. `@Smith2020 ch. 3`.');
        const [plain] = await syntaxErrors('claim a "A" cites @Hall2005.\n');
        assert.match(String(plain.message), /a locator follows the key after a space, e\.g\. `@Hall2005 p\. 3`/);
    });

    it('a missing name, text or key is named as such, after the keyword it follows', async () => {
        const cases: Array<[string, RegExp, number[]]> = [
            ['claim "A"\n', /^Expected a name after `claim` but found `"A"`\.$/, [0, 6, 0, 9]],
            ['claim a A\n', /^Expected a text in double quotes but found `A`\.$/, [0, 8, 0, 9]],
            ['claim a "A" supported by\n', /^Expected a name after `by` but found the end of the file\.$/, [0, 24, 0, 24]],
            ['claim a "A" cites Smith\n', /^Expected a citation key such as `@Smith2020` after `cites` but found `Smith`\.$/, [0, 18, 0, 23]],
            ['stat s "S" = abc\n', /^Expected a percentage such as `26%` or a count such as `11 of 20` after `=` but found `abc`\.$/, [0, 13, 0, 16]],
            ['annex A { datum d talk "x" }\n', /^Expected `interview`, `observation`, `document`, `survey`, `focus-group`, `fieldnote` or `archive` but found `talk`\.$/, [0, 18, 0, 22]],
            ['scheme H { band b "B" between 3% }\n', /^Expected a range: `below 25%`, `25% to 55%` or `above 55%` but found `between`\.$/, [0, 22, 0, 29]],
            ['annex A {\n  datum d interview "x"\nclaim c "C"\n', /^Expected `\}` but found `claim`\.$/, [2, 0, 2, 5]]
        ];
        for (const [text, message, range] of cases) {
            const [error] = await syntaxErrors(text);
            assert.ok(error, text);
            assert.match(String(error.message), message, text);
            assert.deepEqual(at(error), range, text);
        }
    });

    it('an unknown word where a declaration starts lists the declarations', async () => {
        const [error] = await syntaxErrors('claim a "A"\nargument b "B"\n');
        assert.deepEqual(at(error), [1, 0, 1, 8]);
        assert.equal(String(error.message), 'Unexpected `argument`: a declaration starts with `bibliography`, `project`, `source`, `respondent`, `subject`, `annex`, `stat`, `scheme`, `claim` or `pattern`.');
    });

    it('quotes: an unclosed one, single and curly ones', async () => {
        const [unclosed] = await syntaxErrors('claim b "unterminated\nclaim c "C"\n');
        assert.deepEqual(at(unclosed), [0, 8, 0, 9]);
        assert.match(String(unclosed.message), /^Unclosed quotation mark: a text in double quotes must end with `"` on the same line\.$/);
        for (const text of ['claim a \'A\'\n', 'claim a “A”\n']) {
            const [error] = await syntaxErrors(text);
            assert.match(String(error.message), /texts are written in straight double quotes/, text);
            assert.deepEqual(at(error), [0, 8, 0, 9], text);
        }
    });

    it('stray characters are quoted (invisible ones made visible), long runs shortened', async () => {
        const errors = await syntaxErrors('claim a "A"\n\u0000\u0001 ~~~\nclaim b "B" ' + '#'.repeat(100) + '\n');
        assert.match(String(errors[0].message), /^Unexpected characters `⟨U\+0000⟩⟨U\+0001⟩`: they are not part of Warrant's syntax/);
        assert.match(String(errors[1].message), /^Unexpected characters `~~~`/);
        assert.deepEqual(at(errors[2]), [2, 12, 2, 112], 'the range covers the whole run');
        assert.ok(String(errors[2].message).length < 150, String(errors[2].message));
    });

    it('no message over a corpus of broken inputs shows offsets or parser names', async () => {
        const corpus = [
            'claim', 'claim a', 'claim a "A" {', 'claim a "A" { supported }', 'claim a "A" supported by ,b', 'claim a "A" classifies s as',
            'pattern p "P" { observed }', 'stat s "S" = 5', 'stat s "S" = 5 of', 'scheme H { band }', 'source S { author }',
            'respondent R { gender }', 'annex A { datum }', 'datum d interview "x"', 'claim a "A" cites @K p.', '@', '}', '{ }',
            'bibliography', 'claim a "A" opposed', 'claim a "A" qualifier', 'stat s "S" = -', 'annex A { datum d interview of }',
            'claim a "A" cites @Key,', 'scheme H { band b 10% to }', 'claim a "A" cites @K lines 3', '"', '\u00ff\u00fe', 'claim a "A" ~'
        ];
        for (const text of corpus) {
            for (const error of await syntaxErrors(text)) {
                assert.doesNotMatch(String(error.message), JARGON, `${JSON.stringify(text)}: ${error.message}`);
                assert.ok(!String(error.message).includes('\n'), `${JSON.stringify(text)}: one line`);
            }
        }
    });
});
