import assert from 'node:assert/strict';
import { buildGraphModel } from '../../language/analysis/graph-model-builder.js';
import { sectionsOf } from '../../language/analysis/sections.js';
import { exportJson } from '../../language/graph/export/json.js';
import type { GraphNode } from '../../language/graph/graph-model.js';
import { parseOnly } from '../helpers/outline.js';
import { workspaceOf, type TestWorkspace } from '../helpers/workspace.js';
import { caseStudyWorkspace, suiteWorkspace } from '../lsp/fixtures.js';

describe('sections: heading comments', function () {
    this.timeout(60000);
    const { parse } = parseOnly();

    function headings(text: string): Array<[number, string, number]> {
        return sectionsOf(parse(text)).headings.map(h => [h.level, h.text, h.line]);
    }

    const TABLE: Array<[string, string, Array<[number, string, number]>]> = [
        ['one #', '// # Findings', [[1, 'Findings', 0]]],
        ['two #', '// ## Police and social care', [[2, 'Police and social care', 0]]],
        ['six #', '// ###### Deepest', [[6, 'Deepest', 0]]],
        ['seven # is a comment', '// ####### Too deep', []],
        ['spaces around and trailing spaces trimmed', '//    ###   Deep   title   \t', [[3, 'Deep   title', 0]]],
        ['tabs as separators', '//\t#\tTabbed', [[1, 'Tabbed', 0]]],
        ['indented', '  \t// # Indented', [[1, 'Indented', 0]]],
        ['after a byte order mark', '\uFEFF// # Marked', [[1, 'Marked', 0]]],
        ['no space after //', '//# Findings', []],
        ['no space after #', '// #Findings', []],
        ['a # with no title', '// #\n// #   \n// ##', []],
        ['a comment of a comment', '// // # Findings', []],
        ['after code', 'claim c "C" // # After code', []],
        ['after a block comment on the same line', '/* note */ // # After a comment', []],
        ['inside a block comment', '/*\n// # Inside\n*/\nclaim c "C"', []],
        ['in a string', 'claim c "// # not a comment"', []],
        ['CRLF line ends', '// # One\r\nclaim c "C"\r\n// ## Two\r\n', [[1, 'One', 0], [2, 'Two', 2]]],
        ['lone CR line ends', '// # One\rclaim c "C"\r// ## Two', [[1, 'One', 0], [2, 'Two', 2]]],
        ['inside a multi-line element', 'claim c "C" {\n// # Inside\n  qualifier "q"\n}', [[1, 'Inside', 1]]],
        ['several, in order', '// # A\n\n// ## B\nclaim c "C"\n// # C', [[1, 'A', 0], [2, 'B', 2], [1, 'C', 4]]]
    ];
    for (const [name, text, expected] of TABLE) {
        it(`recognises headings: ${name}`, () => {
            assert.deepEqual(headings(text), expected);
            // Again with a heading below, so that the file is not skipped as having none.
            const lines = text.split(/\r\n?|\n/).length;
            assert.deepEqual(headings(`${text}\n// # Last`), [...expected, [1, 'Last', lines]]);
        });
    }

    it('keeps the title as written (hidden characters included) for the renderers to neutralise', () => {
        assert.deepEqual(headings('// # Évaluation \u202Eevil\u202C <b>'), [[1, 'Évaluation \u202Eevil\u202C <b>', 0]]);
    });

    it('ends each section at its last non-blank line before a heading of the same or a higher level', () => {
        const text = [
            '// # A',            // 0
            'claim a "A"',       // 1
            '// ## A1',          // 2
            'claim b "B" {',     // 3
            '  qualifier "q"',   // 4
            '}',                 // 5
            '',                  // 6
            '',                  // 7
            '// # B',            // 8
            '// # C',            // 9
            'claim c "C"   ',    // 10
            '   ',               // 11
            ''
        ].join('\n');
        const ends = sectionsOf(parse(text)).headings.map(h => [h.text, h.sectionRange.start.line, h.sectionRange.end.line, h.sectionRange.end.character]);
        assert.deepEqual(ends, [['A', 0, 5, 1], ['A1', 2, 5, 1], ['B', 8, 8, 6], ['C', 9, 10, 11]]);
    });

    it('finds the innermost section of an offset by the last heading before it', () => {
        const text = 'claim top "T"\n// # A\n// ## A1\nclaim a "A"\n// # B\nclaim b "B"';
        const sections = sectionsOf(parse(text));
        const at = (needle: string) => sections.sectionAt(text.indexOf(needle))?.text;
        assert.equal(at('claim top'), undefined);
        assert.equal(at('claim a'), 'A1');
        assert.equal(at('claim b'), 'B');
        assert.equal(at('// # B'), 'A1', 'a heading itself is not in its own section');
    });

    it('computes sections once per parse', () => {
        const document = parse('// # A\nclaim a "A"');
        assert.equal(sectionsOf(document), sectionsOf(document));
        assert.equal(sectionsOf(parse('claim a "A"')).headings.length, 0);
    });
});

describe('sections in the graph model', function () {
    this.timeout(60000);
    const workspace = suiteWorkspace(() => workspaceOf({
        'main.warrant': [
            'claim top "Before any heading" supported by d1',
            '// # Findings',
            'claim a "A" {',
            '  supported by d1',
            '// ## Inside',
            '}',
            'claim b "B" supported by d1',
            'annex X "Interviews" {',
            '  datum d1 interview "one"',
            '// # Later',
            '  datum d2 interview "two"',
            '}',
            'source S2020 { author "Someone" year 2020 title "A title" }',
            'claim cited "Cited" cites @S2020',
            ''
        ].join('\n'),
        'plain.warrant': '// Findings\n//# not a heading\nclaim plain "Plain" supported by d2 // # nor this\n'
    }));

    function nodes(ws: TestWorkspace): Map<string, GraphNode> {
        return new Map(buildGraphModel(ws.services.warrant.Analysis.get()).nodes.map(node => [node.id, node]));
    }

    it('gives each element the innermost section its declaration starts in', () => {
        const byId = nodes(workspace);
        const sections = Object.fromEntries([...byId.values()].filter(n => n.uri?.endsWith('main.warrant')).map(n => [n.id, n.section]));
        assert.deepEqual(sections, {
            top: undefined, a: 'Findings', b: 'Inside', d1: 'Inside', d2: 'Later', '@S2020': 'Later', cited: 'Later'
        });
    });

    it('leaves the key out where there is no section, so models of files without headings are unchanged', () => {
        const byId = nodes(workspace);
        assert.ok(!('section' in byId.get('top')!));
        assert.ok(!('section' in byId.get('plain')!));
        const exported = JSON.parse(exportJson(buildGraphModel(workspace.services.warrant.Analysis.get(), workspace.documents.find(d => d.uri.path.endsWith('plain.warrant'))!.uri.toString())));
        const plain = exported.nodes.find((n: GraphNode) => n.id === 'plain');
        assert.deepEqual(Object.keys(plain), ['id', 'kind', 'label', 'status', 'uri', 'range']);
    });

    it('exports the section last among a node\'s keys', () => {
        const exported = JSON.parse(exportJson(buildGraphModel(workspace.services.warrant.Analysis.get())));
        const b = exported.nodes.find((n: GraphNode) => n.id === 'b');
        assert.deepEqual(Object.keys(b), ['id', 'kind', 'label', 'status', 'uri', 'range', 'section']);
        assert.equal(b.section, 'Inside');
    });
});

describe('sections of the case study', function () {
    this.timeout(60000);
    const workspace = suiteWorkspace(caseStudyWorkspace);

    it('follow the paper\'s structure', () => {
        const model = buildGraphModel(workspace.services.warrant.Analysis.get());
        const section = (id: string) => model.nodes.find(n => n.id === id)?.section;
        assert.equal(section('teaAnecdoteRevealing'), 'The finding: gender as a serendipity pattern');
        assert.equal(section('policeMaleDominated'), 'Profession by profession');
        assert.equal(section('genderHypothesis'), 'Discussion: the gender hypothesis');
        assert.equal(section('balanceGenderComposition'), 'Conclusions and policy');
        assert.equal(section('partnershipInVogue'), 'Introduction: partnership working and its failures');
        assert.equal(section('Hakim'), 'Hakim\'s thresholds');
        assert.equal(section('policeWomen'), 'Workforce statistics');
        assert.equal(section('teaRequest'), undefined, 'the annex has no headings');
        const files = new Map<string, Set<string>>();
        for (const node of model.nodes.filter(n => n.section)) {
            const file = node.uri!.slice(node.uri!.lastIndexOf('/') + 1);
            files.set(file, (files.get(file) ?? new Set()).add(node.section!));
        }
        assert.deepEqual([...files.keys()].sort(), ['argument.warrant', 'background.warrant', 'statistics.warrant']);
        assert.equal(files.get('argument.warrant')!.size, 5);
        assert.equal(files.get('background.warrant')!.size, 3);
        assert.equal(files.get('statistics.warrant')!.size, 2);
    });
});
