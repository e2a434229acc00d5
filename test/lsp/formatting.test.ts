import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CstUtils, EmptyFileSystem, type LangiumDocument } from 'langium';
import { expectFormatting, parseHelper } from 'langium/test';
import type { FormattingOptions, TextEdit } from 'vscode-languageserver';
import { applyEdits, WarrantFormatter } from '../../language/lsp/formatter.js';
import { createWarrantServices, type WarrantServices } from '../../language/warrant-module.js';
import { caseStudyFiles, hasCaseStudy } from './fixtures.js';

const MESSY = `

   // top comment
bibliography   "references.bib"
source Merton1948 {  author "Merton, R.K."  year 1948
title "The Bearing"}
respondent SW1 "Social worker" { gender : male  agency: "social care" }
annex GenderData "Gender data" { // trailing
    datum teaRequest interview of SW1 , SW2 emergent
          "the police officer asked"   in "t.txt" lines 12 - 18
  /* block
       comment */
}
stat policeWomen "Women" = 26 % cites @HomeOffice2013,@Hakim1993
stat neg "N" = - 5 %
scheme Hakim "Occupational" cites @Hakim1993 {
band maleDominated "male-dominated" below 25%
        band femaleDominated "female-dominated" above 55%
}
claim policeMaleDominated "Police work"
      classifies policeWomen as maleDominated by Hakim
claim x "X" supported by teaRequest   claim y "Y"   // why
    supported by x,
  teaRequest
pattern genderPattern "Gender" {
  observed teaRequest
  strategic genderHypothesis }
claim genderHypothesis "Occupational" { supported by genderPattern cites @Hall2005 p. 189 }
annex Empty {
}


`;

const CANONICAL = `// top comment
bibliography "references.bib"
source Merton1948 {
  author "Merton, R.K."
  year 1948
  title "The Bearing"
}
respondent SW1 "Social worker" {
  gender: male
  agency: "social care"
}
annex GenderData "Gender data" { // trailing
  datum teaRequest interview of SW1, SW2 emergent
    "the police officer asked" in "t.txt" lines 12-18
  /* block
       comment */
}
stat policeWomen "Women" = 26% cites @HomeOffice2013, @Hakim1993
stat neg "N" = -5%
scheme Hakim "Occupational" cites @Hakim1993 {
  band maleDominated "male-dominated" below 25%
  band femaleDominated "female-dominated" above 55%
}
claim policeMaleDominated "Police work"
  classifies policeWomen as maleDominated by Hakim
claim x "X" supported by teaRequest
claim y "Y" // why
  supported by x,
               teaRequest
pattern genderPattern "Gender" {
  observed teaRequest
  strategic genderHypothesis
}
claim genderHypothesis "Occupational" {
  supported by genderPattern
  cites @Hall2005 p. 189
}
annex Empty { }
`;

const OPTIONS: FormattingOptions = { tabSize: 4, insertSpaces: true };

describe('formatting', function () {
    this.timeout(120000);
    let services: WarrantServices;
    let parse: ReturnType<typeof parseHelper>;
    let formatter: WarrantFormatter;

    before(() => {
        services = createWarrantServices(EmptyFileSystem).Warrant;
        parse = parseHelper(services);
        formatter = services.lsp.Formatter as WarrantFormatter;
    });

    async function format(text: string): Promise<{ document: LangiumDocument; edits: TextEdit[]; result: string }> {
        const document = await parse(text);
        const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: OPTIONS });
        return { document, edits, result: applyEdits(document, edits) };
    }

    /** Every token and comment of a text, in order (whitespace is all formatting may change). */
    function tokens(text: string): string[] {
        return formatter.tokenImages(text);
    }

    async function expectIdempotentAndTokenPreserving(text: string): Promise<string> {
        const once = (await format(text)).result;
        assert.deepEqual(tokens(once), tokens(text), 'formatting changed a token');
        const twice = await format(once);
        assert.deepEqual(twice.edits, [], 'formatting is not idempotent');
        return once;
    }

    it('lays a messy document out canonically (langium/test expectFormatting)', async () => {
        await expectFormatting(services)({ before: MESSY, after: CANONICAL, disposeAfterCheck: true });
    });

    it('uses two spaces whatever the editor\'s tab settings', async () => {
        await expectFormatting(services)({ before: 'annex A {\ndatum d interview "x"\n}\n', after: 'annex A {\n  datum d interview "x"\n}\n', options: { tabSize: 8, insertSpaces: false }, disposeAfterCheck: true });
    });

    it('is idempotent and preserves tokens and comments on the messy document', async () => {
        const result = await expectIdempotentAndTokenPreserving(MESSY);
        for (const comment of ['// top comment', '// trailing', '/* block\n       comment */', '// why']) {
            assert.ok(result.includes(comment), comment);
        }
    });

    it('keeps at most one blank line, and the ones the author left between elements', async () => {
        const { result } = await format('claim a "A"\n\n\n\nclaim b "B"\n\nclaim c "C"\nclaim d "D"\n');
        assert.equal(result, 'claim a "A"\n\nclaim b "B"\n\nclaim c "C"\nclaim d "D"\n');
    });

    it('keeps CRLF line ends', async () => {
        const { result } = await format('annex A {\r\ndatum d interview "x"\r\n}\r\n');
        assert.equal(result, 'annex A {\r\n  datum d interview "x"\r\n}\r\n');
    });

    it('does not format a document with syntax errors', async () => {
        const { edits } = await format('annex A {\n datum d interview\n}\nclaim   x   "x"');
        assert.deepEqual(edits, []);
    });

    it('formats only inside a range', async () => {
        const document = await parse('claim   a "A"\nclaim   b "B"\nclaim   c "C"\n');
        const edits = await formatter.formatDocumentRange(document, {
            textDocument: { uri: document.uri.toString() }, options: OPTIONS, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 13 } }
        });
        assert.equal(applyEdits(document, edits), 'claim   a "A"\nclaim b "B"\nclaim   c "C"\n');
    });

    it('formats the element a typed `}` closes (format on type)', async () => {
        assert.deepEqual(formatter.formatOnTypeOptions, { firstTriggerCharacter: '}' });
        const text = 'claim   keep "K"\nannex A {\ndatum d interview "x"\n    datum e interview "y"}';
        const document = await parse(text);
        const end = document.textDocument.positionAt(text.length);
        const edits = formatter.formatDocumentOnType(document, { textDocument: { uri: document.uri.toString() }, options: OPTIONS, position: end, ch: '}' });
        assert.equal(applyEdits(document, edits), 'claim   keep "K"\nannex A {\n  datum d interview "x"\n  datum e interview "y"\n}');
        // typing `}` in an unfinished document below still formats the closed element
        const broken = 'annex A {\ndatum d interview "x"}\nclaim';
        const brokenDocument = await parse(broken);
        const position = brokenDocument.textDocument.positionAt(broken.indexOf('}') + 1);
        const brokenEdits = formatter.formatDocumentOnType(brokenDocument, { textDocument: { uri: brokenDocument.uri.toString() }, options: OPTIONS, position, ch: '}' });
        assert.equal(applyEdits(brokenDocument, brokenEdits), 'annex A {\n  datum d interview "x"\n}\nclaim');
    });

    it('is idempotent and token-preserving on the case study, which is already canonical', async function () {
        if (!hasCaseStudy()) {
            this.skip();
        }
        const files = Object.entries(caseStudyFiles()).filter(([name]) => name.endsWith('.warrant'));
        assert.ok(files.length >= 5);
        for (const [name, text] of files) {
            const result = await expectIdempotentAndTokenPreserving(text);
            assert.equal(result, text, `${name} is not in canonical layout`);
        }
    });

    it('reaches the same layout from any whitespace between the case study\'s tokens (property)', async function () {
        if (!hasCaseStudy()) {
            this.skip();
        }
        const files = caseStudyFiles();
        const texts = ['argument.warrant', 'annex.warrant', 'statistics.warrant', 'serendipity.warrant', 'respondents.warrant'].map(name => files[name]).filter(Boolean);
        const gaps = [' ', '  ', '\t', '\n', '\n\n', '\n    ', '\n\n\n\t ', ' \n '];
        await fc.assert(fc.asyncProperty(
            fc.constantFrom(...texts),
            fc.array(fc.constantFrom(...gaps), { minLength: 50, maxLength: 50 }),
            async (text, choices) => {
                const document = await parse(text);
                const leaves = CstUtils.flattenCst(document.parseResult.value.$cstNode!).toArray();
                // rewrite every gap between tokens (a line comment keeps a line break after it)
                let shuffled = '';
                let previousEnd = 0;
                leaves.forEach((leaf, i) => {
                    let gap = i === 0 ? '' : choices[i % choices.length];
                    if (i > 0 && leaves[i - 1].tokenType.name === 'SL_COMMENT') {
                        // a line comment runs to the line end: spaces before the break would join it
                        gap = '\n' + gap.replace(/^[ \t]*\n?/, '');
                    }
                    shuffled += (i === 0 ? '' : gap) + leaf.text;
                    previousEnd = leaf.end;
                });
                void previousEnd;
                const once = await expectIdempotentAndTokenPreserving(shuffled);
                assert.deepEqual(tokens(once), tokens(text));
            }
        ), { numRuns: 25 });
    });
});
