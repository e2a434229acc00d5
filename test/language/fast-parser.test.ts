import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { EmptyFileSystem } from 'langium';
import { generateArgument } from '../../bench/argument.js';
import { generateWorkspace } from '../../bench/generate.js';
import { SizeLimitedLexer } from '../../language/parser/size-limited-lexer.js';
import { WarrantParser } from '../../language/parser/warrant-parser.js';
import { createWarrantServices } from '../../language/warrant-module.js';
import { parseDifference } from '../helpers/same-parse.js';
import { editMutation, mutate } from '../helpers/text-mutation.js';

const REPOSITORY = path.resolve(import.meta.dirname, '../..');

function newParser(): WarrantParser {
    const parser = createWarrantServices(EmptyFileSystem).Warrant.parser.LangiumParser;
    assert.ok(parser instanceof WarrantParser);
    return parser;
}

const parser = newParser();

/** Every .warrant file under a folder. */
function warrantFiles(folder: string): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter(file => file.endsWith('.warrant'))
        .map(file => readFileSync(path.join(folder, file), 'utf8'));
}

/** The .warrant files of the benchmarks' generated workspaces (every construct, and the Argdown baseline's argument). */
function generatedFiles(): string[] {
    const root = mkdtempSync(path.join(tmpdir(), 'warrant-fast-parser-'));
    try {
        generateWorkspace({ claims: 120, claimsPerFile: 40, seed: 7 }, path.join(root, 'workspace'));
        generateArgument({ claims: 200, claimsPerFile: 100 }, path.join(root, 'argument'));
        return warrantFiles(root);
    } finally {
        rmSync(root, { recursive: true, force: true });
    }
}

/** Holds the fast parser to Chevrotain's: the same result for valid text, a refusal for any other. */
function assertSameAsChevrotain(text: string): 'parsed' | 'refused' {
    const expected = parser.parseWithChevrotain(text);
    const actual = parser.parseWithFastParser(text);
    const errors = expected.lexerErrors.length + expected.parserErrors.length;
    if (errors > 0) {
        assert.equal(actual, undefined, `the fast parser accepted text with ${errors} syntax errors: ${JSON.stringify(text.slice(0, 300))}`);
        return 'refused';
    }
    assert.ok(actual, `the fast parser refused valid text: ${JSON.stringify(text.slice(0, 300))}`);
    assert.equal(parseDifference(expected, actual), undefined, JSON.stringify(text.slice(0, 300)));
    return 'parsed';
}

const DOCUMENTS = [...warrantFiles(path.join(REPOSITORY, 'examples')), ...warrantFiles(path.join(REPOSITORY, 'test')), ...generatedFiles()];

describe('fast parser', () => {
    it('is on for Warrant\'s grammar', () => {
        assert.equal(parser.hasFastPath, true);
    });

    it('builds what Chevrotain builds for every example, test fixture and generated document', () => {
        const outcomes = DOCUMENTS.map(assertSameAsChevrotain);
        assert.ok(DOCUMENTS.length > 20);
        assert.ok(outcomes.filter(outcome => outcome === 'parsed').length >= DOCUMENTS.length - 2, String(outcomes));
    });

    it('lexes like Chevrotain: line ends, comments, keywords inside names, citation keys, escapes', () => {
        const texts = [
            '',
            '\uFEFF',
            '// only a comment',
            '/* a\r\nblock\rcomment\n */',
            'claim a "x"\r\nclaim b "y"\rclaim c "z"\u2028claim d "w"',
            '/* before */ claim a /* inside */ "x" // after\n/* trailing\n comment */',
            'claim datums "x" claim interviewer "y" claim in2 "z" claim _x "w"',
            'annex a { datum d1 focus-group "t" datum d2 interview of r1, r2 emergent "u" in "f.txt" lines 3–4 quote "q" }\nrespondent r1 respondent r2',
            'claim a "x" cites @Hall2005 p. 189, @a:b.c-d/e+f pp. 3-4, @k "why", @é ch. 2',
            'claim a "with \\"escapes\\" and \\\\ and \\n"',
            'claim a "\u2028 inside a string"',
            'stat s "p" = -12.5 % in 2011 cites @x\nstat t "q" = 3 of 40',
            'scheme h "H" cites @Hakim { band low below 25 % band mid 25% to 55% band high above 55% }',
            'claim a "x" supported by code "c" in p, segment quote "q" in p, segment "s" in p, code, segment\nproject p "p.qdpx" { method from variable "m" method interview for source "s" emergent when code "e" occurrence from variable "o" }',
            'pattern p "P" { unanticipated "u" anomalous "a" observed d, code "c" in q strategic c cites @k }',
            'source s "S" { author "A" year 1948 in "J" pages "1-2" }\nrespondent r "R" { gender: female agency: "social care" n: 3 method: interview }',
            'claim a "x" { qualifier "q" warrant "w" classifies s as b by h opposed by c }',
            'claim a "x" @',
            'claim a "unterminated',
            'claim a "x" /* unterminated',
            'claim claim "x"',
            'claim a "x" supported by'
        ];
        for (const text of texts) {
            assertSameAsChevrotain(text);
        }
    });

    it('agrees with Chevrotain on randomly edited documents (property)', () => {
        const snippet = fc.oneof(
            fc.constantFrom('claim', 'datum', 'supported by', '{', '}', ',', '"', '"x"', '@k', '12', '12.5', '%', '-', '–', 'p.', 'of', 'code',
                'segment', 'quote', '/*', '*/', '//', '\n', '\r', '\r\n', ' ', 'é', '\\', 'interview', 'emergent', 'in', 'lines', ':', '='),
            // Whole declarations and comments: edits that often leave the document valid.
            fc.constantFrom('\nclaim z "t"\n', '\nclaim z "t" supported by a\n', ' // note\n', ' /* note\n */ ', '\n\n', '\t'),
            fc.string({ maxLength: 6 })
        );
        fc.assert(fc.property(fc.constantFrom(...DOCUMENTS), fc.array(editMutation(snippet), { minLength: 1, maxLength: 4 }), (base, mutations) => {
            assertSameAsChevrotain(mutate(base, mutations));
        }), { numRuns: 400, seed: 19 });
    });

    it('builds Chevrotain\'s lexer and parser only when a document has a syntax error', () => {
        const services = createWarrantServices(EmptyFileSystem).Warrant;
        const own = services.parser.LangiumParser as WarrantParser;
        const lexer = services.parser.Lexer as SizeLimitedLexer;
        own.parse('claim a "x" supported by b\nclaim b "y"');
        assert.deepEqual([own.builtChevrotain, lexer.builtChevrotain], [false, false]);
        const result = own.parse('claim a "x" supported by');
        assert.deepEqual([own.builtChevrotain, lexer.builtChevrotain], [true, true]);
        assert.equal(result.parserErrors.length, 1);
    });
});
