import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CompletionItem } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildGraphModel } from '../../language/analysis/graph-model-builder.js';
import { inProjectKey } from '../../language/lsp/project-completion.js';
import type { WorkspaceAnalysis } from '../../language/analysis/analysis.js';
import { workspaceOf, type TestWorkspace } from '../helpers/workspace.js';
import { buildProject, DEFAULT_CODES, fixtureGuid, positionsOf, R01, R02, R03, type FixtureOptions } from '../qda/fixtures.js';

/** A workspace of one `.warrant` file and `interviews.qdpx` built from the fixtures. */
async function withProject(text: string, project: FixtureOptions | Uint8Array = {}): Promise<TestWorkspace> {
    const bytes = project instanceof Uint8Array ? project : buildProject(project).bytes;
    return workspaceOf({ 'a.warrant': text }, dir => writeFileSync(path.join(dir, 'interviews.qdpx'), bytes));
}

async function using<T>(workspace: TestWorkspace, run: (workspace: TestWorkspace, analysis: WorkspaceAnalysis) => T | Promise<T>): Promise<T> {
    try {
        return await run(workspace, workspace.services.warrant.Analysis.get());
    } finally {
        workspace.dispose();
    }
}

const PROJECT = 'project interviews "interviews.qdpx" { method from variable "method" }\n';
const byCode = (workspace: TestWorkspace, code: string) => workspace.diagnostics('a.warrant').filter(d => d.code === code);
const claimNode = (analysis: WorkspaceAnalysis, name: string) => analysis.graph.byId.get(name)!;

describe('a REFI-QDA project as annex data', function () {
    this.timeout(30000);

    it('grounds a claim through a code (nested codes included) and through one segment, as data', async () => {
        const text = PROJECT
            + 'claim gendered "G" supported by code "gendered discourse" in interviews\n'
            + 'claim tea "T" supported by segment "tea request" in interviews\n'
            + 'claim loose "L"\n';
        await using(await withProject(text), (workspace, analysis) => {
            assert.equal(analysis.status(claimNode(analysis, 'gendered')), 'grounded');
            assert.equal(analysis.status(claimNode(analysis, 'tea')), 'grounded');
            assert.equal(analysis.status(claimNode(analysis, 'loose')), 'ungrounded');
            // 2 segments coded "gendered discourse" itself, 3 "mother-blaming", 1 "masculine culture".
            const supporters = analysis.graph.supporters[claimNode(analysis, 'gendered').index].map(i => analysis.graph.nodes[i]);
            assert.equal(supporters.length, 6);
            assert.ok(supporters.every(node => node.kind === 'datum' && node.segment !== undefined));
            const teaSupporter = analysis.graph.nodes[analysis.graph.supporters[claimNode(analysis, 'tea').index][0]!]!;
            assert.equal(teaSupporter.id, 'interviews:tea request');
            // The tea segment is also coded "gendered discourse": one node, shared.
            assert.ok(supporters.includes(teaSupporter));
            assert.deepEqual(byCode(workspace, 'unsupported-claim').map(d => String(d.message).split(' ')[0]), ['`loose`']);
        });
    });

    it('cases are respondents and the mapping gives methods: triangulation profiles count them', async () => {
        const text = 'project interviews "interviews.qdpx" {\n  method from variable "method"\n  method observation for source "R02 police officer"\n}\n'
            + 'claim gendered "G" supported by code "gendered discourse" in interviews\n'
            + 'claim blame "B" supported by code "mother-blaming" in interviews\n';
        await using(await withProject(text), (_workspace, analysis) => {
            const gendered = analysis.profile(claimNode(analysis, 'gendered'))!;
            assert.deepEqual([...gendered.respondents].sort(), ['R01', 'R02', 'R03']);
            assert.deepEqual([...gendered.methods].sort(), ['interview', 'observation']);
            assert.equal(gendered.data.length, 6);
            const blame = analysis.profile(claimNode(analysis, 'blame'))!;
            assert.deepEqual([...blame.respondents].sort(), ['R01', 'R03']);
            assert.deepEqual(blame.methods, ['interview']);
        });
    });

    it('without a method for a source, its segments have none; a variable value that is no method is not taken', async () => {
        const sources = [{ ...R01, method: 'chat' }, { ...R03, method: undefined }];
        const text = PROJECT + 'claim blame "B" supported by code "mother-blaming" in interviews\n';
        await using(await withProject(text, { sources }), (_workspace, analysis) => {
            const profile = analysis.profile(claimNode(analysis, 'blame'))!;
            assert.deepEqual(profile.methods, []);
            assert.deepEqual([...profile.respondents].sort(), ['R01', 'R03']);
        });
    });

    it('the map shows segments as data with the detail of hand-written data, grouped by their code', async () => {
        const text = PROJECT + 'claim blame "B" supported by code "mother-blaming" in interviews\n';
        await using(await withProject(text), (_workspace, analysis) => {
            const model = buildGraphModel(analysis);
            const data = model.nodes.filter(node => node.kind === 'datum');
            assert.equal(data.length, 3);
            const referral = data.find(node => node.label === 'the referral form only had a box for her')!;
            assert.equal(referral.detail, 'interview · R03 (male)');
            // An unnamed segment is known by its source and positions.
            const { start, end } = positionsOf(R03.text, referral.label);
            assert.equal(referral.id, `interviews:R03 health visitor ${start}–${end}`);
            assert.equal(referral.section, 'mother-blaming');
            assert.equal(referral.status, 'grounded');
            assert.ok(model.edges.some(edge => edge.from === referral.id && edge.to === 'blame' && edge.kind === 'supports'));
        });
    });

    it('the emergent marker comes from a code or from a variable, for serendipity patterns', async () => {
        const pattern = 'claim tea "T" supported by segment "tea request" in interviews\n'
            + 'pattern p "P" { unanticipated "u" anomalous "a" observed code "mother-blaming" in interviews, segment "tea request" in interviews strategic tea }\n';
        const marked = 'project interviews "interviews.qdpx" { emergent when code "gendered discourse" }\n' + pattern;
        await using(await withProject(marked), (workspace, analysis) => {
            assert.deepEqual(byCode(workspace, 'pattern-not-emergent'), []);
            assert.equal(analysis.graph.nodes.find(node => node.id === 'interviews:tea request')!.segment!.occurrence, 'emergent');
        });
        await using(await withProject(PROJECT + pattern), workspace => {
            const [finding] = byCode(workspace, 'pattern-not-emergent');
            assert.match(String(finding?.message), /`interviews:tea request`/);
        });
        const sources = [{ ...R01, method: 'emergent' }, R02, R03];
        const byVariable = 'project interviews "interviews.qdpx" { occurrence from variable "method" }\n' + pattern;
        await using(await withProject(byVariable, { sources }), workspace => {
            assert.deepEqual(byCode(workspace, 'pattern-not-emergent'), []);
        });
    });

    it('a code, segment or quote the project does not have is reported on the reference', async () => {
        const text = PROJECT
            + 'claim a "A" supported by code "gender" in interviews\n'
            + 'claim b "B" supported by segment "no such segment" in interviews\n'
            + 'claim c "C" supported by segment quote "We share" in interviews\n'
            + 'claim d "D" supported by segment quote "cup of tea" in interviews\n'
            + `claim e "E" supported by segment "${fixtureGuid(4, 3002)}" in interviews\n`;
        await using(await withProject(text), (workspace, analysis) => {
            const unknown = byCode(workspace, 'unknown-project-evidence');
            assert.deepEqual(unknown.map(d => String(d.message)), [
                'The project `interviews` has no code named "gender".',
                'The project `interviews` has no segment named "no such segment" (by name or GUID).',
                '2 segments of `interviews` contain "We share" (in R02 police officer, R03 health visitor): quote more words, or name the segment.'
            ]);
            const lines = text.split('\n');
            assert.deepEqual(unknown.map(d => [d.range.start.line, d.range.start.character]), [[1, lines[1]!.indexOf('"gender"')], [2, lines[2]!.indexOf('"no such')], [3, lines[3]!.indexOf('"We share"')]]);
            assert.equal(analysis.status(claimNode(analysis, 'd')), 'grounded');
            // A GUID names the segment too: the third selection of R03.
            assert.equal(analysis.profile(claimNode(analysis, 'e'))!.respondents[0], 'R03');
        });
    });

    it('a name shared by nested codes asks for the path, and the path finds it', async () => {
        const codes = [...DEFAULT_CODES, { name: 'policing', children: [{ name: 'mother-blaming' }] }];
        const sources = [R01, R02, R03];
        const text = PROJECT
            + 'claim a "A" supported by code "mother-blaming" in interviews\n'
            + 'claim b "B" supported by code "policing/mother-blaming" in interviews\n'
            + 'claim c "C" supported by code "gendered discourse/mother-blaming" in interviews\n';
        await using(await withProject(text, { codes, sources }), (workspace, analysis) => {
            const unknown = byCode(workspace, 'unknown-project-evidence');
            assert.equal(unknown.length, 1);
            assert.match(String(unknown[0]!.message), /^2 codes of `interviews` are named "mother-blaming" \("gendered discourse\/mother-blaming", "policing\/mother-blaming"\): write the code's path\.$/);
            // The fixture codes the segments with the last code of that name.
            assert.equal(analysis.status(claimNode(analysis, 'b')), 'grounded');
            assert.equal(analysis.status(claimNode(analysis, 'c')), 'ungrounded');
        });
    });

    it('problems of the project are diagnostics on its path, at their own severity, the rest summarised', async () => {
        // Ten selections whose positions run past the end of their text: errors of the reader.
        const broken = buildProject({ transformXml: xml => xml.replace(/startPosition="\d+" endPosition="\d+"/g, 'startPosition="90000" endPosition="90010"') }).bytes;
        const text = PROJECT + 'claim a "A" supported by code "gendered discourse" in interviews\n';
        await using(await withProject(text, broken), workspace => {
            const problems = byCode(workspace, 'project-problem');
            assert.equal(problems.length, 6, problems.map(p => p.message).join('\n'));
            const pathRange = { line: 0, character: PROJECT.indexOf('"interviews.qdpx"') };
            assert.ok(problems.every(p => p.range.start.line === pathRange.line && p.range.start.character === pathRange.character));
            assert.ok(problems.slice(0, 5).every(p => p.severity === 1 && /^interviews\.qdpx: .* ends at 90010, beyond the text's/.test(String(p.message))));
            assert.match(String(problems[5]!.message), /^interviews\.qdpx: \d+ more problems? \(`warrant qda interviews\.qdpx` lists them all\)\.$/);
        });
        await using(await withProject(text), workspace => {
            // The example's one note (an uncoded segment) is information, not an error.
            const [note] = byCode(workspace, 'project-problem');
            assert.equal(note?.severity, 3);
            assert.match(String(note?.message), /has no code/);
        });
    });

    it('project-not-found for a missing file and for a file that is no REFI-QDA project; claims on it are ungrounded', async () => {
        const text = 'project interviews "missing.qdpx"\nclaim a "A" supported by code "gendered discourse" in interviews\n';
        await using(await withProject(text), workspace => {
            const [missing] = byCode(workspace, 'project-not-found');
            assert.match(String(missing?.message), /^Project `missing\.qdpx` does not exist\.$/);
            assert.equal(byCode(workspace, 'unknown-project-evidence').length, 0);
            assert.equal(byCode(workspace, 'unsupported-claim').length, 1);
        });
        await using(await withProject(PROJECT, new TextEncoder().encode('not a zip at all')), workspace => {
            const [notProject] = byCode(workspace, 'project-not-found');
            assert.match(String(notProject?.message), /^Project `interviews\.qdpx` cannot be read: /);
        });
    });

    it('old files stay valid: the new keywords still serve as names', async () => {
        const text = 'respondent method { code: segment }\nannex A { datum code interview of method "x" }\nclaim project "P" supported by code\n';
        await using(await workspaceOf({ 'a.warrant': text }), (workspace, analysis) => {
            assert.deepEqual(workspace.codes('a.warrant').filter(code => /error|unknown/.test(code)), []);
            assert.equal(analysis.status(claimNode(analysis, 'project')), 'grounded');
        });
    });

    it('completion offers the code names and the segments of the project', async () => {
        const complete = async (workspace: TestWorkspace, line: string, column: number): Promise<CompletionItem[]> => {
            const document = workspace.documents[0]!;
            const text = document.textDocument.getText();
            const offset = text.indexOf(line) + column;
            const list = await workspace.services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
            return list?.items ?? [];
        };
        const text = PROJECT + 'claim a "A" supported by code "" in interviews\nclaim b "B" supported by segment "t" in interviews\n';
        await using(await withProject(text), async workspace => {
            const codes = await complete(workspace, 'code "" in', 'code "'.length);
            assert.deepEqual(codes.map(item => item.label).sort(), ['gendered discourse', 'information sharing', 'masculine culture', 'mother-blaming', 'partnership working']);
            const gendered = codes.find(item => item.label === 'gendered discourse')!;
            assert.equal(gendered.detail, 'code · 6 segments');
            assert.equal((gendered.textEdit as { newText: string }).newText, '"gendered discourse"');
            const segments = await complete(workspace, 'segment "t" in', 'segment "t'.length);
            assert.ok(segments.some(item => item.label === 'tea request' && /asked if I would make him a cup of tea/.test(String(item.detail))));
            assert.ok(segments.some(item => item.label === 'We share what we know' && (item.textEdit as { newText: string }).newText === `"${fixtureGuid(4, 3002)}"`));
        });
    });
});

describe('completion in a project reference', () => {
    it('only inside the opened string after code / segment, never in a claim\'s text', () => {
        const at = (text: string) => inProjectKey(TextDocument.create('file:///a.warrant', 'warrant', 1, text), text.length);
        assert.equal(at('claim a "A" supported by code "gen'), true);
        assert.equal(at('claim a "A" supported by segment quote "'), true);
        assert.equal(at('claim a "A" supported by d, segment "'), true);
        assert.equal(at('claim c "supported by code "'), false);
        assert.equal(at('claim c "the code "'), false);
        assert.equal(at('claim a "A" supported by code '), false);
        assert.equal(at('// supported by code "'), false);
    });
});

describe('a project file is read only inside the workspace', function () {
    this.timeout(30000);

    it('a path out of the folder, an absolute path and a link out are project-not-found, not read', async () => {
        const text = 'project a "../outside.qdpx"\nproject b "/etc/hostname"\nproject c "link.qdpx"\n';
        await using(await workspaceOf({ 'a.warrant': text }, dir => symlinkSync('/etc/hostname', path.join(dir, 'link.qdpx'))), workspace => {
            const messages = workspace.diagnostics('a.warrant').filter(d => d.code === 'project-not-found').map(d => String(d.message));
            assert.equal(messages.length, 3, messages.join('\n'));
            assert.ok(messages.every(message => /outside the workspace/.test(message)), messages.join('\n'));
        });
    });

    it('a source kept outside the archive is read relative to the project, and never outside the workspace', async () => {
        const inside = { ...R01, storage: 'external' as const, externalPath: 'relative://transcripts/r01.txt' };
        const escaping = { ...R03, storage: 'external' as const, externalPath: 'relative://../../../../etc/hostname' };
        const text = PROJECT + 'claim a "A" supported by segment "tea request" in interviews\nclaim b "B" supported by segment quote "referral form" in interviews\n';
        const bytes = buildProject({ sources: [inside, escaping] }).bytes;
        await using(await workspaceOf({ 'a.warrant': text, 'transcripts/r01.txt': R01.text }, dir => writeFileSync(path.join(dir, 'interviews.qdpx'), bytes)), (workspace, analysis) => {
            assert.equal(analysis.status(claimNode(analysis, 'a')), 'grounded');
            const problems = workspace.diagnostics('a.warrant').filter(d => d.code === 'project-problem').map(d => String(d.message));
            assert.ok(problems.some(message => /external source "R03 health visitor" .* was not read: .*outside the workspace/.test(message)), problems.join('\n'));
            assert.match(String(workspace.diagnostics('a.warrant').find(d => d.code === 'unknown-project-evidence')?.message), /no segment whose excerpt contains "referral form"/);
        });
    });
});

describe('find references on a project reference', function () {
    this.timeout(30000);

    it('lists every reference to the same segment (by name, GUID or quote) or the same code', async () => {
        const text = PROJECT
            + 'claim a "A" supported by segment "tea request" in interviews, code "mother-blaming" in interviews\n'
            + 'claim b "B" supported by segment quote "cup of tea" in interviews\n'
            + `claim c "C" supported by segment "${fixtureGuid(4, 1000)}" in interviews, code "Mother-Blaming" in interviews\n`
            + 'claim d "D" supported by segment quote "We share what we know" in interviews\n';
        await using(await withProject(text), async workspace => {
            const document = workspace.documents[0]!;
            const references = async (needle: string) => {
                const offset = text.indexOf(needle) + 2;
                const found = await workspace.services.lsp.ReferencesProvider!.findReferences(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset), context: { includeDeclaration: true } });
                return found.map(location => document.textDocument.getText(location.range));
            };
            assert.deepEqual(await references('"tea request"'), ['"tea request"', '"cup of tea"', `"${fixtureGuid(4, 1000)}"`]);
            assert.deepEqual(await references('"mother-blaming"'), ['"mother-blaming"', '"Mother-Blaming"']);
        });
    });
});

describe('formatting a project declaration', () => {
    it('puts each setting on its own line inside the block, like an annex\'s data', async () => {
        const text = 'project interviews "interviews.qdpx" { method from variable "method" emergent when code "emergent" }\nclaim a "A" supported by code "x" in interviews\n';
        await using(await workspaceOf({ 'a.warrant': text }), async workspace => {
            const document = workspace.documents[0]!;
            const uri = document.uri.toString();
            const edits = await workspace.services.lsp.Formatter!.formatDocument(document, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
            const formatted = TextDocument.applyEdits(document.textDocument, edits);
            assert.match(formatted, /^project interviews "interviews\.qdpx" \{\n {2}method from variable "method"\n {2}emergent when code "emergent"\n\}\n/);
        });
    });
});
