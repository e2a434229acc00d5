import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { lineSpan as spanOf } from '../../cli/export-qdpx.js';
import { lineTable } from '../../language/analysis/transcript-lines.js';

const lineSpan = (text: string, from: number, to: number) => spanOf(lineTable(text), from, to);
import { QdaIndex, readQdpx, wholeText } from '../../language/qda/index.js';
import { CLI, removeWorkspace, tempWorkspace } from '../robustness/helpers.js';

// An astral character and CRLF line breaks before the segments: code points, not UTF-16 units, are counted.
const SW1 = 'I: How was the meeting? 🙂\r\nSW1: The officer asked me\r\nto make him a cup of tea.\r\nI: And then?\r\nSW1: Nobody said a word.\r\n';
const PO1 = 'PO1: We share information quickly now.\n';
const WARRANT = `annex A {
  datum tea interview emergent "the tea request" in "transcripts/sw1.txt" lines 2-3 quote "make him a cup of tea"
  datum silence interview "nobody reacted" in "transcripts/sw1.txt" lines 5
  datum sharing interview "sharing" in "transcripts/po1.txt" lines 1
  datum noLines interview "no lines" in "transcripts/po1.txt"
}
claim gendered "Meetings are gendered" supported by tea, silence
claim partnership "Partnership works" supported by sharing, tea
pattern teaPattern "Tea" { unanticipated "u" anomalous "a" observed tea strategic gendered }
`;

describe('warrant export --format qdpx', function () {
    this.timeout(60000);
    let dir: string | undefined;
    afterEach(() => removeWorkspace(dir));

    it('two folders\' transcripts of the same name are two sources, each with its own text', async () => {
        dir = tempWorkspace({
            'a/study.warrant': 'annex A {\n  datum ta interview "a" in "sw1.txt" lines 1\n}\nclaim ca "A" supported by ta\n', 'a/sw1.txt': 'First folder\n',
            'b/study.warrant': 'annex B {\n  datum tb interview "b" in "sw1.txt" lines 1\n}\nclaim cb "B" supported by tb\n', 'b/sw1.txt': 'Second folder\n'
        }, 'warrant-qdpx-');
        const out = path.join(dir, 'annex.qdpx');
        const result = spawnSync(process.execPath, [CLI, 'export', dir, '--format', 'qdpx', '--out', out], { encoding: 'utf8', cwd: dir });
        assert.equal(result.status, 0, result.stderr);
        const project = await readQdpx(new Uint8Array(readFileSync(out)));
        assert.deepEqual(project.problems, []);
        assert.equal(new Set(project.sources.map(source => source.guid)).size, 2);
        assert.deepEqual(project.selections.map(s => `${s.name}: ${s.text}`).sort(), ['ta: First folder', 'tb: Second folder']);
        assert.deepEqual(project.sources.map(s => s.name).sort(), ['b/sw1.txt', 'sw1.txt']);
        // The same project wherever the CLI runs.
        const elsewhere = spawnSync(process.execPath, [CLI, 'export', dir, '--format', 'qdpx'], { encoding: 'buffer', cwd: path.dirname(dir) });
        assert.deepEqual(new Uint8Array(elsewhere.stdout), new Uint8Array(readFileSync(out)));
    });

    it('--focus exports only the data of the element\'s part of the map (as the map exports focus it), coded with only its claims and patterns', async () => {
        dir = tempWorkspace({ 'study.warrant': WARRANT, 'transcripts/sw1.txt': SW1, 'transcripts/po1.txt': PO1 }, 'warrant-qdpx-');
        const out = path.join(dir, 'gendered.qdpx');
        const result = spawnSync(process.execPath, [CLI, 'export', dir, '--format', 'qdpx', '--focus', 'gendered', '--out', out], { encoding: 'utf8' });
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stderr, /wrote a REFI-QDA project of 2 data in 1 transcripts with 2 codes/);
        const project = await readQdpx(new Uint8Array(readFileSync(out)));
        assert.deepEqual(project.problems, []);
        assert.deepEqual(project.selections.map(s => s.name).sort(), ['silence', 'tea']);
        // `partnership` also rests on tea, but is not part of gendered's map; the pattern that interprets gendered is.
        assert.deepEqual(project.codes.map(c => c.name).sort(), ['gendered', 'teaPattern']);
        const unknown = spawnSync(process.execPath, [CLI, 'export', dir, '--format', 'qdpx', '--focus', 'nowhere', '--out', out], { encoding: 'utf8' });
        assert.equal(unknown.status, 2);
        assert.match(unknown.stderr, /--focus: no element is named "nowhere"/);
    });

    it('writes the data with line ranges as a REFI-QDA project that reads back to the same excerpts', async () => {
        dir = tempWorkspace({ 'study.warrant': WARRANT, 'transcripts/sw1.txt': SW1, 'transcripts/po1.txt': PO1 }, 'warrant-qdpx-');
        const out = path.join(dir, 'out/annex.qdpx');
        const result = spawnSync(process.execPath, [CLI, 'export', dir, '--format', 'qdpx', '--out', out], { encoding: 'utf8' });
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stderr, /wrote a REFI-QDA project of 3 data in 2 transcripts with 3 codes \(1 data without a transcript line range left out\)/);
        const bytes = new Uint8Array(readFileSync(out));

        const project = await readQdpx(bytes);
        assert.deepEqual(project.problems, []);
        const index = new QdaIndex(project);
        const excerpt = (name: string) => project.selections.find(s => s.name === name)?.text;
        assert.equal(excerpt('tea'), 'SW1: The officer asked me\r\nto make him a cup of tea.');
        assert.equal(excerpt('silence'), 'SW1: Nobody said a word.');
        assert.equal(excerpt('sharing'), 'PO1: We share information quickly now.');
        assert.ok(project.sources.every(source => source.convention === 'codepoints'));
        assert.deepEqual(project.sources.map(s => s.name).sort(), ['transcripts/po1.txt', 'transcripts/sw1.txt']);
        // One code per claim or pattern the data support.
        const coded = (code: string) => index.segmentsOf(index.codesNamed(code)[0]!.guid).map(s => s.name).sort();
        assert.deepEqual(coded('gendered'), ['silence', 'tea']);
        assert.deepEqual(coded('partnership'), ['sharing', 'tea']);
        assert.deepEqual(coded('teaPattern'), ['tea']);
        assert.equal(project.codes.find(c => c.name === 'gendered')?.description, 'Meetings are gendered');

        // Positions as the standard counts them: the emoji before the segment is one code point.
        const sw1 = project.sources.find(s => s.name === 'transcripts/sw1.txt')!;
        const tea = project.selections.find(s => s.name === 'tea')!;
        assert.equal(tea.start, [...SW1.slice(0, SW1.indexOf('SW1: The officer'))].length);
        assert.equal(tea.start, SW1.indexOf('SW1: The officer') - 1);
        assert.equal(wholeText(sw1.utf8!), SW1);

        // The structure the REFI-QDA schema prescribes.
        const files = unzipSync(bytes);
        const xml = strFromU8(files['project.qde']!);
        assert.deepEqual(Object.keys(files).sort(), ['project.qde', ...project.sources.map(s => `sources/${s.guid}.txt`)].sort());
        assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<Project xmlns="urn:QDA-XML:project:1\.0" name="[^"]+" /);
        const order = [...xml.matchAll(/<(Users|CodeBook|Variables|Cases|Sources)>/g)].map(m => m[1]);
        assert.deepEqual(order, ['Users', 'CodeBook', 'Sources']);
        for (const match of xml.matchAll(/\b(?:guid|targetGUID|creatingUser|creatingUserGUID)="([^"]*)"/g)) {
            assert.match(match[1]!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        }
        for (const code of xml.matchAll(/<Code [^>]*>/g)) {
            assert.match(code[0], /guid="[^"]+" name="[^"]+" isCodable="true"/);
        }
        for (const selection of xml.matchAll(/<PlainTextSelection [^>]*>/g)) {
            assert.match(selection[0], /guid="[^"]+" name="[^"]+" startPosition="\d+" endPosition="\d+"/);
        }
        // Description before Coding inside a selection, as the schema's sequence says.
        assert.match(xml, /<PlainTextSelection [^>]*>\s*<Description>the tea request<\/Description>\s*<Coding /);
        // The same annex gives the same bytes.
        const again = spawnSync(process.execPath, [CLI, 'export', dir, '--format', 'qdpx'], { encoding: 'buffer' });
        assert.deepEqual(new Uint8Array(again.stdout), bytes);
    });
});

describe('the lines of a datum as offsets', () => {
    it('spans whole lines without the last break, for every kind of line break, and refuses ranges past the end', () => {
        const text = 'one\r\ntwo\nthree\rfour';
        assert.deepEqual(lineSpan(text, 1, 1), { start: 0, end: 3 });
        assert.equal(text.slice(lineSpan(text, 2, 3)!.start, lineSpan(text, 2, 3)!.end), 'two\nthree');
        assert.equal(text.slice(lineSpan(text, 4, 4)!.start, lineSpan(text, 4, 4)!.end), 'four');
        assert.equal(lineSpan(text, 4, 5), undefined);
        assert.equal(lineSpan('a\nb\n', 3, 3), undefined);
        assert.deepEqual(lineSpan('a\nb\n', 2, 2), { start: 2, end: 3 });
        assert.equal(lineSpan(text, 3, 2), undefined);
        assert.equal(lineSpan(text, 0, 1), undefined);
    });
});
