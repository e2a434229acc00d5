/**
 * REFI-QDA projects (`.qdpx` bytes) built in memory from the example transcripts, with a switch
 * for each way real tools write them. Positions are computed from each selection's excerpt
 * under the counting convention the fixture imitates, so a test can assert that the reader
 * cuts exactly that excerpt back out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync, type ZipAttributes } from 'fflate';
import type { QdaConvention } from '../../language/qda/index.js';

const TRANSCRIPTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/qda/transcripts');

export const transcript = (file: string): string => readFileSync(path.join(TRANSCRIPTS, file), 'utf8');

export interface FixtureCode {
    readonly name: string;
    readonly children?: readonly FixtureCode[];
}

export interface FixtureSelection {
    readonly excerpt: string;
    /** Which occurrence of the excerpt in the text (default 1). */
    readonly occurrence?: number;
    /** Code names; none = a selection without Coding. */
    readonly codes: readonly string[];
    readonly name?: string;
}

export type Storage = 'internal' | 'bare' | 'inline' | 'rich-txt' | 'external';

export interface FixtureSource {
    readonly name: string;
    readonly text: string;
    readonly selections: readonly FixtureSelection[];
    /** How the text is stored (default `internal`: plainTextPath="internal://GUID.txt"). */
    readonly storage?: Storage;
    /** How positions are counted (default the standard's code points). */
    readonly counting?: QdaConvention;
    /** Bytes of the text file, when they should differ from UTF-8 of `text` (a BOM, invalid bytes). */
    readonly bytes?: Uint8Array;
    /** The external path, for storage `external`. */
    readonly externalPath?: string;
    readonly method?: string;
}

export interface FixtureCase {
    /** Undefined writes a Case without a name. */
    readonly name?: string;
    readonly gender: string;
    readonly agency: string;
    /** Names of the sources that belong to the case. */
    readonly sources: readonly string[];
}

export interface FixtureOptions {
    readonly projectName?: string;
    readonly origin?: string;
    readonly codes?: readonly FixtureCode[];
    readonly sources?: readonly FixtureSource[];
    readonly cases?: readonly FixtureCase[];
    /** Folder of the text files in the archive (NVivo writes `Sources/`). */
    readonly folder?: string;
    /** A byte order mark before `<?xml`. */
    readonly bom?: boolean;
    /** Rewrites project.qde before it is zipped (hostile variants). */
    readonly transformXml?: (xml: string) => string;
    /** Further archive entries. */
    readonly extra?: Record<string, Uint8Array | [Uint8Array, ZipAttributes]>;
}

export interface BuiltProject {
    readonly bytes: Uint8Array;
    readonly xml: string;
    readonly codeGuids: ReadonlyMap<string, string>;
    readonly sourceGuids: ReadonlyMap<string, string>;
    /** Per source name, its selections' GUIDs and positions in fixture order. */
    readonly selections: ReadonlyMap<string, ReadonlyArray<{ guid: string; start: number; end: number; excerpt: string }>>;
}

export const DEFAULT_CODES: readonly FixtureCode[] = [
    { name: 'gendered discourse', children: [{ name: 'mother-blaming' }, { name: 'masculine culture' }] },
    { name: 'partnership working', children: [{ name: 'information sharing' }] }
];

export const R01: FixtureSource = {
    name: 'R01 social worker',
    text: transcript('R01-social-worker.txt'),
    method: 'interview',
    selections: [
        { excerpt: 'asked if I would make him a cup of tea', codes: ['gendered discourse'], name: 'tea request' },
        { excerpt: 'It ended the meeting, really.', codes: ['partnership working'] },
        { excerpt: 'some of it is still about who is expected to look after the room', codes: ['gendered discourse'] },
        { excerpt: 'the question at the table is often what she failed to do, not where the father was', codes: ['mother-blaming'] }
    ]
};

export const R02: FixtureSource = {
    name: 'R02 police officer',
    text: transcript('R02-police-officer.txt'),
    method: 'interview',
    selections: [
        { excerpt: "It's a very masculine culture, and child protection is seen as the soft end of policing", codes: ['masculine culture'] },
        { excerpt: 'a lot of my colleagues were not particularly interested', codes: [] },
        { excerpt: 'We share information quickly now', codes: ['information sharing'] }
    ]
};

export const R03: FixtureSource = {
    name: 'R03 health visitor',
    text: transcript('R03-health-visitor.txt'),
    method: 'interview',
    selections: [
        { excerpt: 'the referral form only had a box for her', codes: ['mother-blaming'] },
        { excerpt: 'the notes still say "mother failed to engage"', codes: ['mother-blaming'] },
        { excerpt: 'We share what we know', codes: ['information sharing'] }
    ]
};

export const DEFAULT_CASES: readonly FixtureCase[] = [
    { name: 'R01', gender: 'female', agency: "children's social care", sources: [R01.name] },
    { name: 'R02', gender: 'female', agency: 'police', sources: [R02.name] },
    { name: 'R03', gender: 'male', agency: 'health', sources: [R03.name] }
];

/** Deterministic GUIDs: one family per kind of element. */
export function fixtureGuid(kind: number, n: number): string {
    return `${(0x5a000000 + kind).toString(16)}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Where an excerpt starts and ends, counted the way a convention counts. */
export function positionsOf(text: string, excerpt: string, counting: QdaConvention = 'codepoints', occurrence = 1): { start: number; end: number } {
    let at = -1;
    for (let i = 0; i < occurrence; i++) {
        at = text.indexOf(excerpt, at + 1);
        if (at < 0) {
            throw new Error(`fixture: "${excerpt}" is not in the text`);
        }
    }
    const count = (units: number) => {
        const before = text.slice(0, units);
        const codePoints = [...before].length;
        return counting === 'utf16' ? units : counting === 'codepoints' ? codePoints : codePoints - (before.match(/\r\n/g)?.length ?? 0);
    };
    return { start: count(at), end: count(at + excerpt.length) };
}

export const attr = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
const text = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

const MTIME = new Date('2024-05-01T12:00:00Z');

export function buildProject(options: FixtureOptions = {}): BuiltProject {
    const codes = options.codes ?? DEFAULT_CODES;
    const sources = options.sources ?? [R01, R02, R03];
    const cases = options.cases ?? DEFAULT_CASES.filter(c => c.sources.every(name => sources.some(s => s.name === name)));
    const folder = options.folder ?? 'sources';
    const user = fixtureGuid(0, 1);
    const codeGuids = new Map<string, string>();
    const sourceGuids = new Map<string, string>();
    const selectionsOut = new Map<string, Array<{ guid: string; start: number; end: number; excerpt: string }>>();
    const files: Record<string, Uint8Array | [Uint8Array, ZipAttributes]> = {};
    let next = 1;

    const codeXml = (code: FixtureCode, indent: string): string => {
        const guid = fixtureGuid(1, next++);
        codeGuids.set(code.name, guid);
        const inner = (code.children ?? []).map(child => codeXml(child, indent + '  ')).join('');
        return inner === ''
            ? `${indent}<Code guid="${guid}" name="${attr(code.name)}" isCodable="true"/>\n`
            : `${indent}<Code guid="${guid}" name="${attr(code.name)}" isCodable="true">\n${inner}${indent}</Code>\n`;
    };
    const codeBook = codes.map(code => codeXml(code, '      ')).join('');

    const variables = { gender: fixtureGuid(2, 1), agency: fixtureGuid(2, 2), method: fixtureGuid(2, 3) };
    const textValue = (variable: string, value: string) => `<VariableValue><VariableRef targetGUID="${variable}"/><TextValue>${text(value)}</TextValue></VariableValue>`;

    const sourceXml = sources.map((source, index) => {
        const guid = fixtureGuid(3, index + 1);
        sourceGuids.set(source.name, guid);
        const storage = source.storage ?? 'internal';
        const bytes = source.bytes ?? strToU8(source.text);
        const file = `${guid}.txt`;
        let location = '';
        if (storage === 'internal') {
            location = ` plainTextPath="internal://${file}"`;
        } else if (storage === 'bare') {
            location = ` plainTextPath="${file}"`;
        } else if (storage === 'rich-txt') {
            location = ` richTextPath="internal://${file}"`;
        } else if (storage === 'external') {
            location = ` plainTextPath="${attr(source.externalPath ?? `relative://${file}`)}"`;
        }
        if (storage !== 'inline' && storage !== 'external') {
            files[`${folder}/${file}`] = [bytes, { mtime: MTIME }];
        }
        const selections = source.selections.map((selection, i) => {
            const { start, end } = positionsOf(source.text, selection.excerpt, source.counting, selection.occurrence);
            const selectionGuid = fixtureGuid(4, (index + 1) * 1000 + i);
            const list = selectionsOut.get(source.name) ?? [];
            list.push({ guid: selectionGuid, start, end, excerpt: selection.excerpt });
            selectionsOut.set(source.name, list);
            const codings = selection.codes.map((name, k) => {
                const code = codeGuids.get(name) ?? name;
                return `\n        <Coding guid="${fixtureGuid(5, (index + 1) * 100000 + i * 100 + k)}" creatingUser="${user}"><CodeRef targetGUID="${code}"/></Coding>`;
            }).join('');
            const name = selection.name !== undefined ? ` name="${attr(selection.name)}"` : '';
            return `\n      <PlainTextSelection guid="${selectionGuid}"${name} startPosition="${start}" endPosition="${end}" creatingUser="${user}" creationDateTime="2024-05-01T12:00:00Z">${codings}${codings ? '\n      ' : ''}</PlainTextSelection>`;
        }).join('');
        const inline = storage === 'inline' ? `\n      <PlainTextContent>${text(source.text)}</PlainTextContent>` : '';
        const method = source.method !== undefined ? `\n      ${textValue(variables.method, source.method)}` : '';
        return `    <TextSource guid="${guid}" name="${attr(source.name)}"${location} creatingUser="${user}">${inline}${selections}${method}\n    </TextSource>\n`;
    }).join('');

    const caseXml = cases.map((c, index) => {
        const name = c.name !== undefined ? ` name="${attr(c.name)}"` : '';
        const refs = c.sources.map(s => `<SourceRef targetGUID="${sourceGuids.get(s) ?? s}"/>`).join('');
        return `    <Case guid="${fixtureGuid(6, index + 1)}"${name}>${textValue(variables.gender, c.gender)}${textValue(variables.agency, c.agency)}${refs}</Case>\n`;
    }).join('');

    let xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="${attr(options.projectName ?? 'LSCB interviews')}" origin="${attr(options.origin ?? 'Warrant test fixtures')}" creatingUserGUID="${user}" creationDateTime="2024-05-01T12:00:00Z">
  <Users>
    <User guid="${user}" name="Researcher"/>
  </Users>
  <CodeBook>
    <Codes>
${codeBook}    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="${variables.gender}" name="gender" typeOfVariable="Text"/>
    <Variable guid="${variables.agency}" name="agency" typeOfVariable="Text"/>
    <Variable guid="${variables.method}" name="method" typeOfVariable="Text"/>
  </Variables>
${cases.length > 0 ? `  <Cases>\n${caseXml}  </Cases>\n` : ''}${sources.length > 0 ? `  <Sources>\n${sourceXml}  </Sources>\n` : ''}</Project>
`;
    xml = options.transformXml ? options.transformXml(xml) : xml;
    const xmlBytes = strToU8(xml);
    files['project.qde'] = [options.bom ? concat(new Uint8Array([0xef, 0xbb, 0xbf]), xmlBytes) : xmlBytes, { mtime: MTIME }];
    Object.assign(files, options.extra ?? {});
    return { bytes: zipSync(files, { level: 6, mtime: MTIME }), xml, codeGuids, sourceGuids, selections: selectionsOut };
}

export function concat(...parts: Uint8Array[]): Uint8Array {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
        out.set(part, at);
        at += part.length;
    }
    return out;
}

/** Central-directory records of a zip, to patch for hostile variants: offset of each record and its name. */
export function centralRecords(zip: Uint8Array): Array<{ offset: number; name: string; localOffset: number }> {
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const out: Array<{ offset: number; name: string; localOffset: number }> = [];
    for (let at = 0; at + 46 <= zip.length; at++) {
        if (view.getUint32(at, true) === 0x02014b50) {
            const length = view.getUint16(at + 28, true);
            out.push({ offset: at, name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + length)), localOffset: view.getUint32(at + 42, true) });
            at += 45 + length;
        }
    }
    return out;
}

/** The project committed as examples/qda/lscb-interviews.qdpx: the three interviews, standard positions. */
export function exampleProject(): BuiltProject {
    return buildProject({ projectName: 'LSCB interviews (example)', origin: 'Warrant example (scripts/make-example-qdpx.ts)' });
}
