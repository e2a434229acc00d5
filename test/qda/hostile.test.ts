import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { inflateEngines, QdaCancelledError, readQdpx, type QdaProject, type ReadQdpxOptions } from '../../language/qda/index.js';
import { buildProject, centralRecords, R01, R02, type FixtureOptions, type FixtureSource } from './fixtures.js';

const errors = (project: QdaProject) => project.problems.filter(p => p.severity === 'error').map(p => p.message);
const all = (project: QdaProject) => project.problems.map(p => `${p.severity}: ${p.message}`).join('\n');

async function read(options: FixtureOptions, readOptions: ReadQdpxOptions = {}): Promise<QdaProject> {
    return readQdpx(buildProject(options).bytes, readOptions);
}

/** Sets the unpacked size recorded for an entry in both its local header and the central directory. */
function patchSize(zip: Uint8Array, name: string, size: number): Uint8Array {
    const out = zip.slice();
    const view = new DataView(out.buffer);
    const record = centralRecords(out).find(r => r.name === name)!;
    view.setUint32(record.offset + 24, size, true);
    view.setUint32(record.localOffset + 22, size, true);
    return out;
}

/** A source's text file replaced by other bytes (a bomb, a lie), under the name `sources/NAME`. */
function withTextEntry(name: string, entry: Uint8Array | [Uint8Array, { level?: 0 | 1 | 9 }]): Uint8Array {
    const xml = buildProject({ sources: [R02] }).xml.replace(/internal:\/\/[^"]+/, `internal://${name}`);
    return zipSync({ 'project.qde': strToU8(xml), [`sources/${name}`]: entry });
}

describe('REFI-QDA reader: hostile archives', function () {
    this.timeout(60000);

    it('an entry with ".." in its path is skipped with an error; the rest is read', async () => {
        const project = await read({ sources: [R02], extra: { '../outside.txt': strToU8('x'), 'sources/..\\..\\evil.txt': strToU8('x') } });
        assert.equal(project.readable, true);
        assert.equal(errors(project).filter(m => /has "\.\." in its path, which would reach outside the project; Warrant skipped it/.test(m)).length, 2, all(project));
        assert.equal(project.selections.length, R02.selections.length);
    });

    it('entries with absolute names (/…, C:…, \\…) are skipped with an error', async () => {
        const project = await read({ sources: [R02], extra: { '/etc/passwd': strToU8('x'), 'C:/Windows/win.ini': strToU8('x'), '\\server\\share.txt': strToU8('x') } });
        assert.equal(errors(project).filter(m => /has an absolute path; Warrant skipped it/.test(m)).length, 3, all(project));
    });

    it('a symbolic link entry is skipped, and a source that names it has no text', async () => {
        const built = buildProject({ sources: [R02], extra: {} });
        const guid = built.sourceGuids.get(R02.name)!;
        // Replace the source's text file with a symlink of the same name (Unix mode 120777 in the external attributes).
        const project = await read({
            sources: [R02],
            transformXml: xml => xml.replace(`internal://${guid}.txt`, 'internal://link.txt'),
            extra: { 'sources/link.txt': [strToU8('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }] }
        });
        assert.ok(project.problems.some(p => p.severity === 'warning' && /"sources\/link\.txt" is a symbolic link; Warrant skipped it/.test(p.message)), all(project));
        assert.ok(errors(project).some(m => /The text of "R02 police officer" \(internal:\/\/link\.txt\) is not in the archive/.test(m)));
        assert.equal(project.selections.every(s => s.text === undefined), true);
    });

    it('a zip bomb (a few KB of level-9 zeros) is refused for its ratio before anything is unpacked', async () => {
        const bomb = zipSync({ 'sources/bomb.txt': [new Uint8Array(16 * 2 ** 20), { level: 9 }] });
        const bombEntry = centralRecords(bomb)[0]!;
        const compressed = new DataView(bomb.buffer).getUint32(bombEntry.offset + 20, true);
        assert.ok(compressed < 32 * 1024, `the bomb is ${compressed} bytes packed`);
        const project = await readQdpx(withTextEntry('bomb.txt', [new Uint8Array(16 * 2 ** 20), { level: 9 }]));
        assert.ok(errors(project).some(m => /sources\/bomb\.txt in the archive is compressed \d+ times \(more than 200\), as zip bombs are; Warrant did not read it/.test(m)), all(project));
    });

    for (const engine of inflateEngines()) {
        it(`a header that lies about the unpacked size: unpacking stops at the declared size, memory stays bounded (${engine})`, async () => {
            // 64 MB of zeros declared as 100 bytes: the ratio check passes, the running cap must stop it.
            const lying = patchSize(withTextEntry('lie.txt', [new Uint8Array(64 * 2 ** 20), { level: 9 }]), 'sources/lie.txt', 100);
            assert.ok(lying.length < 128 * 1024);
            const before = process.memoryUsage().arrayBuffers;
            let peak = before;
            const project = await readQdpx(lying, {
                inflate: engine,
                sliceMs: 0,
                yieldNow: async () => {
                    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
                }
            });
            peak = Math.max(peak, process.memoryUsage().arrayBuffers);
            assert.ok(errors(project).some(m => /sources\/lie\.txt in the archive unpacks to more than the 100 bytes its header says \(a damaged or crafted archive\); Warrant did not read it/.test(m)), all(project));
            assert.ok(peak - before < 40 * 2 ** 20, `unpacking held ${Math.round((peak - before) / 2 ** 20)} MB`);
        });

        it(`a header that says more than the data holds is reported too (${engine})`, async () => {
            const short = patchSize(withTextEntry('short.txt', strToU8(R02.text)), 'sources/short.txt', R02.text.length + 50);
            const project = await readQdpx(short, { inflate: engine });
            assert.ok(errors(project).some(m => /sources\/short\.txt in the archive unpacks to .*, less than the .* its header says \(a damaged archive\)/.test(m)), all(project));
        });

        it(`damaged compressed data is a problem, not a crash (${engine})`, async () => {
            const zip = withTextEntry('damaged.txt', [strToU8(R02.text.repeat(20)), { level: 9 }]);
            const record = centralRecords(zip).find(r => r.name === 'sources/damaged.txt')!;
            const dataStart = record.localOffset + 30 + 'sources/damaged.txt'.length;
            for (let i = 10; i < 60; i++) {
                zip[dataStart + i] = 0xff;
            }
            const project = await readQdpx(zip, { inflate: engine });
            assert.equal(project.readable, true);
            assert.ok(errors(project).some(m => /sources\/damaged\.txt in the archive (is damaged \(its compressed data cannot be unpacked\)|unpacks to)/.test(m)), all(project));
        });

        it(`reads the same project as the other engine (${engine})`, async () => {
            const bytes = buildProject({ folder: 'Sources' }).bytes;
            const ours = await readQdpx(bytes, { inflate: engine });
            const theirs = await readQdpx(bytes, { inflate: engine === 'fflate' ? inflateEngines()[0] : 'fflate' });
            assert.deepEqual(ours, theirs);
            assert.equal(ours.selections.filter(s => s.text !== undefined).length, 10);
        });
    }

    it('an entry whose header says more than the per-file cap is refused without unpacking (multi-hundred-MB sources)', async () => {
        const huge = patchSize(withTextEntry('huge.txt', [strToU8(R02.text), { level: 0 }]), 'sources/huge.txt', 400 * 2 ** 20);
        const project = await readQdpx(huge);
        assert.equal(project.readable, true);
        assert.ok(errors(project).some(m => /sources\/huge\.txt in the archive would unpack to 400 MB, more than the 256 MB Warrant reads from one file/.test(m)), all(project));
    });

    it('a large source over a lower cap is a problem, not a crash (generated a line at a time)', async () => {
        const lines: string[] = [];
        for (let i = 0; lines.length < 60_000; i++) {
            lines.push(`R02: line ${i} of a long transcript, ${(i * 7919 % 104729).toString(36)} words.`);
        }
        const text = lines.join('\n');
        const source: FixtureSource = { name: 'long', text, selections: [{ excerpt: 'line 59999 of a long transcript', codes: [] }] };
        const limited = await read({ sources: [source], cases: [] }, { limits: { maxEntryBytes: 2 * 2 ** 20 } });
        assert.ok(errors(limited).some(m => /would unpack to [\d.]+ MB, more than the 2 MB Warrant reads from one file/.test(m)), all(limited));
        assert.equal(limited.selections[0]!.text, undefined);
        const unlimited = await read({ sources: [source], cases: [] });
        assert.equal(unlimited.selections[0]!.text, 'line 59999 of a long transcript');
    });

    it('an archive over the total cap stops reading further entries', async () => {
        const built = buildProject({ sources: [R01, R02] });
        const project = await readQdpx(built.bytes, { limits: { maxTotalBytes: built.xml.length + R01.text.length + 10 } });
        assert.deepEqual(errors(project).map(m => m.replace(/\d+(\.\d)? KB/, 'N KB')), [`sources/${built.sourceGuids.get(R02.name)}.txt in the archive would take what Warrant unpacks from one project past N KB; Warrant did not read it.`]);
        assert.equal(project.selections.filter(s => s.text !== undefined).length, R01.selections.length);
    });

    it('an archive with more entries than the cap is not read', async () => {
        const extra = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`notes/${i}.txt`, strToU8('x')]));
        const project = await read({ sources: [R02], extra }, { limits: { maxEntries: 20 } });
        assert.equal(project.readable, false);
        assert.match(errors(project)[0]!, /more than the 20 Warrant reads/);
    });

    it('duplicate entries: the first is used, the repeat reported', async () => {
        const built = buildProject({ sources: [R02] });
        const guid = built.sourceGuids.get(R02.name)!;
        const decoy = R02.text.replace('masculine', 'feminine');
        const zip = zipSync({ 'project.qde': strToU8(built.xml), [`sources/${guid}.txt`]: strToU8(R02.text), [`sources/${guid}.txX`]: strToU8(decoy) });
        // Rename the decoy to the same name in its local header and directory record.
        for (const record of centralRecords(zip).filter(r => r.name.endsWith('.txX'))) {
            const nameAt = (offset: number) => offset + record.name.length - 1;
            zip[nameAt(record.offset + 46)] = 0x74;
            zip[nameAt(record.localOffset + 30)] = 0x74;
        }
        const project = await readQdpx(zip);
        assert.ok(project.problems.some(p => p.severity === 'warning' && p.message === `The archive holds "sources/${guid}.txt" more than once; Warrant used the first.`), all(project));
        assert.match(project.selections[0]!.text!, /masculine/);
    });

    it('a DOCTYPE ("billion laughs") is refused before parsing: nothing is expanded', async () => {
        const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('\n');
        const project = await read({ transformXml: xml => xml.replace('<Project ', `<!DOCTYPE Project [\n${laughs}\n]>\n<Project `).replace('name="LSCB interviews"', 'name="&lol9;"') });
        assert.equal(project.readable, false);
        assert.deepEqual(errors(project), ['project.qde declares a DOCTYPE; REFI-QDA projects have none, and Warrant does not read one (it could expand entities without end) (line 2, column 1).']);
    });

    it('without a DOCTYPE only the predefined entities and character references exist: any other is an error, not expanded', async () => {
        const decoded = await read({ sources: [R02], transformXml: xml => xml.replace('name="LSCB interviews"', 'name="&amp; &lt;&gt; &quot;&apos; &#x1F642;&#233;"') });
        assert.equal(decoded.name, '& <> "\' 🙂é');
        const unknown = await read({ sources: [R02], transformXml: xml => xml.replace('name="LSCB interviews"', 'name="&lol9;"') });
        assert.equal(unknown.readable, false);
        assert.deepEqual(errors(unknown), ['project.qde is not well-formed XML (line 2, column 48: &lol9; is not an entity XML defines (only &amp; &lt; &gt; &quot; &apos; and character references are)).']);
    });

    it('XML that is not well-formed is unreadable, with its line', async () => {
        const project = await read({ sources: [R02], transformXml: xml => xml.replace('</Variables>', '</Variable>') });
        assert.equal(project.readable, false);
        assert.match(errors(project)[0]!, /^project\.qde is not well-formed XML \(line \d+, column \d+: /);
    });

    it('bytes that are not a zip archive are unreadable', async () => {
        for (const bytes of [new Uint8Array(0), strToU8('<?xml version="1.0"?><Project name="x"/>'), new Uint8Array(70_000).fill(0x50)]) {
            const project = await readQdpx(bytes);
            assert.equal(project.readable, false);
            assert.match(errors(project)[0]!, /^The file is not a zip archive Warrant can read \(no zip directory found\); a REFI-QDA project \(\.qdpx\) is a zip archive\.$/);
        }
    });

    it('a zip without project.qde is unreadable, and says where a .qde was found', async () => {
        const project = await readQdpx(zipSync({ 'export/project.qde': strToU8('<Project name="x"/>'), 'sources/a.txt': strToU8('a') }));
        assert.equal(project.readable, false);
        assert.deepEqual(errors(project), ['The archive has no project.qde at its top level (only "export/project.qde"), so it is not a REFI-QDA project.']);
    });

    it('external sources are reported, not read, unless the caller resolves them', async () => {
        const outside: FixtureSource = { ...R02, storage: 'external', externalPath: 'relative://transcripts/R02.txt' };
        const absolute: FixtureSource = { ...R01, storage: 'external', externalPath: 'absolute:///home/researcher/R01.txt' };
        const plain = await read({ sources: [outside, absolute] });
        const warnings = plain.problems.filter(p => p.severity === 'warning').map(p => p.message);
        assert.ok(warnings.includes('The external source "R02 police officer" (relative://transcripts/R02.txt) was not read: it is outside the project archive.'), all(plain));
        assert.ok(warnings.includes('The external source "R01 social worker" (absolute:///home/researcher/R01.txt) was not read: it is outside the project archive.'));
        assert.ok(plain.selections.every(s => s.text === undefined));

        const asked: string[] = [];
        const resolved = await read({ sources: [outside, absolute] }, {
            resolveExternal: async path => {
                asked.push(path);
                if (path.startsWith('absolute:')) {
                    throw new Error('outside the workspace');
                }
                return strToU8(R02.text);
            }
        });
        assert.deepEqual(asked, ['relative://transcripts/R02.txt', 'absolute:///home/researcher/R01.txt']);
        assert.deepEqual(resolved.selections.filter(s => s.text !== undefined).map(s => s.text), R02.selections.map(s => s.excerpt));
        assert.ok(resolved.problems.some(p => p.message === 'The external source "R01 social worker" (absolute:///home/researcher/R01.txt) was not read: outside the workspace'));
    });

    it('structural problems are located by name: unknown code, start after end, beyond the text, bad GUID, missing attributes', async () => {
        const project = await read({
            sources: [R02],
            transformXml: xml => xml
                .replace(/(<CodeRef targetGUID=")[^"]+(")/, '$100000000-0000-4000-8000-00000000dead$2')
                .replace(/startPosition="(\d+)" endPosition="(\d+)"/, 'startPosition="$2" endPosition="$1"')
                .replace(/(startPosition="\d+" endPosition=")(\d+)(")(?![\s\S]*startPosition)/, '$19999$3')
                .replace('<User guid="5a000000-0000-4000-8000-000000000001"', '<User guid="not-a-guid"')
                .replace(' typeOfVariable="Text"', '')
        });
        const messages = all(project);
        assert.match(messages, /error: The selection \d+–\d+ in "R02 police officer" is coded with 00000000-0000-4000-8000-00000000dead, which is not a code in the codebook\./);
        assert.match(messages, /error: The selection \d+–\d+ in "R02 police officer" starts \(\d+\) after it ends \(\d+\); Warrant shows no excerpt for it\./);
        assert.match(messages, /error: The selection \d+–9999 in "R02 police officer" ends at 9999, beyond the text's 608 characters; Warrant shows no excerpt for it\./);
        assert.match(messages, /error: A user has guid "not-a-guid", which is not a GUID/);
        assert.match(messages, /warning: The variable "gender" lacks the required typeOfVariable attribute/);
    });

    it('cancellation stops the read with QdaCancelledError', async () => {
        let calls = 0;
        await assert.rejects(read({}, { sliceMs: 0, isCancelled: () => ++calls > 2 }), QdaCancelledError);
    });

    it('yields to the event loop between slices of work', async () => {
        let yields = 0;
        const project = await read({}, { sliceMs: 0, yieldNow: async () => void yields++ });
        assert.equal(project.readable, true);
        assert.ok(yields >= 3, `${yields} yields`);
    });
});
