import assert from 'node:assert/strict';
import { strToU8 } from 'fflate';
import { QdaIndex, readQdpx, wholeText, type QdaProject } from '../../language/qda/index.js';
import { buildProject, concat, R01, R02, R03, type FixtureOptions, type FixtureSource } from './fixtures.js';

async function read(options: FixtureOptions): Promise<QdaProject> {
    return readQdpx(buildProject(options).bytes);
}

const sourceNamed = (project: QdaProject, name: string) => project.sources.find(s => s.name === name)!;
const excerptsOf = (project: QdaProject, name: string) => project.selections.filter(s => s.source === sourceNamed(project, name).guid).map(s => s.text);
const expected = (source: FixtureSource) => source.selections.map(s => s.excerpt);
const messages = (project: QdaProject, severity?: string) => project.problems.filter(p => severity === undefined || p.severity === severity).map(p => p.message);

describe('REFI-QDA reader: the format as tools write it', () => {
    it('reads a standard project: names, nested codes, cases with variables, source variables, exact excerpts', async () => {
        const built = buildProject({});
        const project = await readQdpx(built.bytes);
        assert.equal(project.readable, true);
        assert.equal(project.name, 'LSCB interviews');
        assert.deepEqual(messages(project, 'error'), []);
        for (const source of [R01, R02, R03]) {
            assert.deepEqual(excerptsOf(project, source.name), expected(source), source.name);
            assert.equal(sourceNamed(project, source.name).convention, 'codepoints');
            assert.deepEqual(sourceNamed(project, source.name).variables, { method: 'interview' });
        }
        const blame = project.codes.find(c => c.name === 'mother-blaming')!;
        assert.equal(blame.parent, built.codeGuids.get('gendered discourse'));
        assert.deepEqual(blame.path, ['gendered discourse', 'mother-blaming']);
        assert.deepEqual(project.cases.map(c => [c.name, c.variables]), [
            ['R01', { gender: 'female', agency: "children's social care" }],
            ['R02', { gender: 'female', agency: 'police' }],
            ['R03', { gender: 'male', agency: 'health' }]
        ]);
        // R03's text holds two emoji before its first segment: the standard count still cuts it exactly.
        assert.equal(sourceNamed(project, R03.name).chars, [...R03.text].length);
        assert.notEqual(sourceNamed(project, R03.name).chars, R03.text.length);
    });

    it('nested codes: a code covers the segments of the codes inside it; a segment knows its case', async () => {
        const built = buildProject({});
        const project = await readQdpx(built.bytes);
        const index = new QdaIndex(project);
        const gendered = index.codeAtPath(['Gendered discourse'])!;
        assert.deepEqual(index.segmentsOf(gendered.guid, { nested: false }).map(s => s.text), ['asked if I would make him a cup of tea', 'some of it is still about who is expected to look after the room']);
        assert.equal(index.segmentsOf(gendered.guid).length, 2 + 3 + 1);
        assert.deepEqual(index.children(gendered.guid).map(c => c.name), ['mother-blaming', 'masculine culture']);
        const teaRequest = project.selections.find(s => s.name === 'tea request')!;
        assert.equal(index.caseOf(teaRequest)?.name, 'R01');
        assert.equal(index.codeAtPath(['partnership working', 'mother-blaming']), undefined);
        assert.equal(index.code(built.codeGuids.get('mother-blaming')!)?.name, 'mother-blaming');
        assert.deepEqual(index.codesNamed('MOTHER-BLAMING').map(c => c.guid), [built.codeGuids.get('mother-blaming')]);
        assert.equal(index.selection(teaRequest.guid), teaRequest);
        assert.equal(index.source(teaRequest.source)?.name, 'R01 social worker');
        assert.equal(index.code('00000000-0000-4000-8000-000000000000'), undefined);
    });

    it('NVivo: emoji before a segment, positions in UTF-16 units, are detected and cut exactly', async () => {
        const nvivo = { ...R03, counting: 'utf16' as const };
        const project = await read({ sources: [nvivo] });
        const source = sourceNamed(project, R03.name);
        assert.equal(source.convention, 'utf16');
        assert.match(source.conventionNote, /UTF-16 code units, as NVivo writes them/);
        assert.deepEqual(excerptsOf(project, R03.name), expected(R03));
        assert.ok(messages(project, 'info').some(m => /In "R03 health visitor", positions counted in UTF-16/.test(m)));
    });

    it('NVivo as exported: Sources/ with a capital S, CRLF text, a mathematical 𝔘 and emoji, UTF-16 positions', async () => {
        const text = `𝔘nit 3 notes 🙂\r\n${R03.text.replace(/\n/g, '\r\n')}`;
        const nvivo: FixtureSource = { ...R03, text, counting: 'utf16' };
        const project = await read({ sources: [nvivo], folder: 'Sources' });
        const source = sourceNamed(project, R03.name);
        assert.deepEqual(source.origin, { kind: 'archive', entry: `Sources/${source.guid}.txt`, attribute: 'plainTextPath' });
        assert.equal(source.convention, 'utf16');
        assert.deepEqual(excerptsOf(project, R03.name), expected(R03));
    });

    it('UTF-16 positions shown by length alone: a segment at the end fits only when astral characters count twice', async () => {
        const text = 'Field note 🙂🙂🙂: the chair thanked "the ladies" for the biscuits';
        const source: FixtureSource = { name: 'note', text, counting: 'utf16', selections: [{ excerpt: 'for the biscuits', codes: ['gendered discourse'] }] };
        const project = await read({ sources: [source], cases: [] });
        assert.equal(sourceNamed(project, 'note').convention, 'utf16');
        assert.match(sourceNamed(project, 'note').conventionNote, /1 selection goes past the end of the text counted in code points/);
        assert.deepEqual(excerptsOf(project, 'note'), ['for the biscuits']);
    });

    it('ambiguous evidence keeps the standard count and says so: never a silent shift', async () => {
        const text = 'x 🙂 one two three four';
        const source: FixtureSource = { name: 'short', text, counting: 'utf16', selections: [{ excerpt: 'two', codes: [] }] };
        const project = await read({ sources: [source], cases: [] });
        assert.equal(sourceNamed(project, 'short').convention, 'codepoints');
        // The standard count of UTF-16 positions [9, 12): one unit later.
        assert.deepEqual(excerptsOf(project, 'short'), ['wo ']);
        assert.ok(messages(project, 'warning').some(m => /In "short", the positions also fit a count in UTF-16 code units, as NVivo writes them; Warrant kept the standard count, so check the excerpts/.test(m)), messages(project).join('\n'));
    });

    it('astral characters with standard positions are not mistaken for NVivo', async () => {
        const text = `𝔘nit 3 notes 🙂🙂\n${R03.text}`;
        const project = await read({ sources: [{ ...R03, text }] });
        assert.equal(sourceNamed(project, R03.name).convention, 'codepoints');
        assert.deepEqual(excerptsOf(project, R03.name), expected(R03));
        assert.deepEqual(messages(project, 'warning'), []);
    });

    it('ATLAS.ti: CRLF text with each line break counted once is detected and cut exactly', async () => {
        const atlas: FixtureSource = { ...R01, text: R01.text.replace(/\n/g, '\r\n'), counting: 'crlf-as-one' };
        const project = await read({ sources: [atlas] });
        const source = sourceNamed(project, R01.name);
        assert.equal(source.convention, 'crlf-as-one');
        assert.match(source.conventionNote, /CR LF line break as one character, as ATLAS\.ti writes them/);
        assert.deepEqual(excerptsOf(project, R01.name), expected(R01));
    });

    it('ATLAS.ti shown by a boundary that would fall between CR and LF under the standard count', async () => {
        const source: FixtureSource = { name: 'lines', text: 'a\r\nb\r\nc', counting: 'crlf-as-one', selections: [{ excerpt: 'c', codes: [] }] };
        const project = await read({ sources: [source], cases: [] });
        assert.equal(sourceNamed(project, 'lines').convention, 'crlf-as-one');
        assert.match(sourceNamed(project, 'lines').conventionNote, /would cut a character or line break in half when counted in code points/);
        assert.deepEqual(excerptsOf(project, 'lines'), ['c']);
    });

    it('CRLF text with standard positions stays standard', async () => {
        const text = R01.text.replace(/\n/g, '\r\n');
        const project = await read({ sources: [{ ...R01, text }] });
        assert.equal(sourceNamed(project, R01.name).convention, 'codepoints');
        assert.deepEqual(excerptsOf(project, R01.name), expected(R01));
    });

    it('MAXQDA: sources/ in lower case', async () => {
        const project = await read({ sources: [R02], folder: 'sources' });
        const source = sourceNamed(project, R02.name);
        assert.deepEqual(source.origin, { kind: 'archive', entry: `sources/${source.guid}.txt`, attribute: 'plainTextPath' });
        assert.deepEqual(excerptsOf(project, R02.name), expected(R02));
    });

    it('a byte order mark before <?xml is read past', async () => {
        const project = await read({ bom: true });
        assert.equal(project.readable, true);
        assert.deepEqual(messages(project, 'error'), []);
        assert.deepEqual(excerptsOf(project, R01.name), expected(R01));
    });

    it('a text file in UTF-8 with a byte order mark: positions count from the first character after it', async () => {
        const withBom: FixtureSource = { ...R02, bytes: concat(new Uint8Array([0xef, 0xbb, 0xbf]), strToU8(R02.text)) };
        const project = await read({ sources: [withBom] });
        assert.equal(wholeText(sourceNamed(project, R02.name).utf8!), R02.text);
        assert.deepEqual(excerptsOf(project, R02.name), expected(R02));
    });

    it('a plainTextPath without internal:// is found in sources/, with a note', async () => {
        const project = await read({ sources: [{ ...R01, storage: 'bare' }] });
        assert.deepEqual(excerptsOf(project, R01.name), expected(R01));
        assert.ok(messages(project, 'info').some(m => /names its text without the internal:\/\/ prefix; Warrant found it as sources\//.test(m)));
    });

    it('inline PlainTextContent instead of a file', async () => {
        const project = await read({ sources: [{ ...R03, storage: 'inline' }, { ...R02, storage: 'inline' }] });
        assert.deepEqual(sourceNamed(project, R03.name).origin, { kind: 'inline' });
        assert.equal(wholeText(sourceNamed(project, R03.name).utf8!), R03.text);
        assert.deepEqual(excerptsOf(project, R03.name), expected(R03));
        assert.deepEqual(excerptsOf(project, R02.name), expected(R02));
    });

    it('a richTextPath that points at a .txt file is read as the plain text', async () => {
        const project = await read({ sources: [{ ...R01, storage: 'rich-txt' }] });
        assert.equal(sourceNamed(project, R01.name).origin.kind, 'archive');
        assert.deepEqual(excerptsOf(project, R01.name), expected(R01));
        assert.ok(messages(project, 'info').some(m => /has no plainTextPath; Warrant read the \.txt file its richTextPath names/.test(m)));
    });

    it('unnamed cases get a label and a warning', async () => {
        const project = await read({ cases: [{ gender: 'female', agency: 'police', sources: [R02.name] }, { name: 'R03', gender: 'male', agency: 'health', sources: [R03.name] }, { gender: 'female', agency: "children's social care", sources: [R01.name] }] });
        assert.deepEqual(project.cases.map(c => [c.name, c.named]), [['Case 1', false], ['R03', true], ['Case 3', false]]);
        assert.equal(messages(project, 'warning').filter(m => /^Case \d \(.*\) has no name; Warrant calls it "Case \d"\.$/.test(m)).length, 2);
        const index = new QdaIndex(project);
        assert.equal(index.caseOf(project.selections.find(s => s.source === sourceNamed(project, R02.name).guid)!)?.name, 'Case 1');
    });

    it('a selection without Coding is kept with no code, and noted', async () => {
        const project = await read({ sources: [R02] });
        const uncoded = project.selections.filter(s => s.codes.length === 0);
        assert.deepEqual(uncoded.map(s => s.text), ['a lot of my colleagues were not particularly interested']);
        assert.ok(messages(project, 'info').some(m => /has no code; Warrant keeps it as an uncoded segment/.test(m)));
    });

    it('text that is not valid UTF-8 is read with replacement characters and a warning', async () => {
        const bytes = concat(strToU8('Opening line. '), new Uint8Array([0xff, 0xfe]), strToU8(' We share what we know.'));
        const source: FixtureSource = { name: 'damaged', text: 'Opening line. \uFFFD\uFFFD We share what we know.', bytes, selections: [{ excerpt: 'We share what we know', codes: [] }] };
        const project = await read({ sources: [source], cases: [] });
        assert.ok(messages(project, 'warning').some(m => /The text of "damaged" is not valid UTF-8/.test(m)));
        assert.deepEqual(excerptsOf(project, 'damaged'), ['We share what we know']);
    });

    it('a replacement character written as valid UTF-8 is text, not a decoding problem', async () => {
        const source: FixtureSource = { name: 'fffd', text: 'The form said \uFFFD where her name was. We share what we know.', selections: [{ excerpt: 'We share what we know', codes: [] }] };
        const project = await read({ sources: [source], cases: [] });
        assert.deepEqual(messages(project, 'warning'), []);
        assert.deepEqual(excerptsOf(project, 'fffd'), ['We share what we know']);
    });

    it('a prefixed REFI-QDA namespace reads the same; a missing namespace is read with a warning', async () => {
        const prefixed = await read({ sources: [R02], transformXml: xml => xml.replace(/<(\/?)([A-Z][A-Za-z]*)/g, '<$1qda:$2').replace('xmlns="urn:QDA-XML:project:1.0"', "xmlns:qda='urn:QDA-XML:project:1.0'") });
        assert.deepEqual(messages(prefixed, 'warning'), []);
        assert.deepEqual(excerptsOf(prefixed, R02.name), expected(R02));
        const bare = await read({ sources: [R02], transformXml: xml => xml.replace(' xmlns="urn:QDA-XML:project:1.0"', '') });
        assert.deepEqual(messages(bare, 'warning'), ['project.qde does not declare the REFI-QDA namespace urn:QDA-XML:project:1.0; Warrant read it anyway.']);
        assert.deepEqual(excerptsOf(bare, R02.name), expected(R02));
    });
});
