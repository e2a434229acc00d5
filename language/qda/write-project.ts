/**
 * `writeQdpx`: annex data as a REFI-QDA project (`.qdpx`) that QualCoder, NVivo, ATLAS.ti or
 * MAXQDA can open. The XML follows the order and required attributes of the REFI-QDA schema
 * (Project-mrt2019.xsd): Users, CodeBook, Sources; each source's text is stored as UTF-8 in
 * `sources/` and named `internal://GUID.txt`; positions are Unicode code points from 0, end
 * exclusive, as the standard counts them. GUIDs are derived from the names, so exporting the
 * same annex twice writes the same project.
 */
import { strToU8, zipSync } from 'fflate';
import { escapeXmlChars } from '../graph/escape.js';
import { countBelow } from './sorted.js';

export interface QdpxCodeInput {
    readonly name: string;
    readonly description?: string;
}

export interface QdpxSelectionInput {
    readonly name: string;
    /** The excerpt's place in the source's text, in UTF-16 units (JavaScript string offsets). */
    readonly start: number;
    readonly end: number;
    /** Names of codes of the project's code book. */
    readonly codes: readonly string[];
    readonly description?: string;
}

export interface QdpxSourceInput {
    readonly name: string;
    readonly text: string;
    readonly selections: readonly QdpxSelectionInput[];
}

export interface QdpxInput {
    readonly name: string;
    readonly origin: string;
    readonly codes: readonly QdpxCodeInput[];
    readonly sources: readonly QdpxSourceInput[];
}

/** A fixed date, so that the same annex always gives the same bytes. */
const WRITTEN = new Date('2000-01-01T00:00:00Z');

export function writeQdpx(input: QdpxInput): Uint8Array {
    const user = guid('user', 'Warrant');
    const codeGuid = new Map(input.codes.map(code => [code.name, guid('code', code.name)]));
    const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
    const sources = input.sources.map(source => {
        const sourceGuid = guid('source', source.name);
        files[`sources/${sourceGuid}.txt`] = [strToU8(source.text), { mtime: WRITTEN }];
        const codePoints = codePointCounter(source.text);
        const selections = source.selections.map(selection => {
            const selectionGuid = guid('selection', `${source.name}\u0000${selection.name}\u0000${selection.start}`);
            const codings = selection.codes.flatMap(name => {
                const target = codeGuid.get(name);
                return target ? [`        <Coding guid="${guid('coding', `${selectionGuid}\u0000${name}`)}" creatingUser="${user}"><CodeRef targetGUID="${target}"/></Coding>\n`] : [];
            }).join('');
            const description = selection.description !== undefined ? `        <Description>${escapeXmlChars(selection.description)}</Description>\n` : '';
            return `      <PlainTextSelection guid="${selectionGuid}" name="${escapeXmlChars(selection.name)}" startPosition="${codePoints(selection.start)}" endPosition="${codePoints(selection.end)}" creatingUser="${user}">\n${description}${codings}      </PlainTextSelection>\n`;
        }).join('');
        return `    <TextSource guid="${sourceGuid}" name="${escapeXmlChars(source.name)}" plainTextPath="internal://${sourceGuid}.txt" creatingUser="${user}">\n${selections}    </TextSource>\n`;
    }).join('');
    const codes = input.codes.map(code => {
        const description = code.description !== undefined ? `\n        <Description>${escapeXmlChars(code.description)}</Description>\n      ` : '';
        return `      <Code guid="${codeGuid.get(code.name)}" name="${escapeXmlChars(code.name)}" isCodable="true">${description}</Code>\n`;
    }).join('');
    // The schema wants at least one Code in a CodeBook and one source in Sources: an empty part is left out.
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="${escapeXmlChars(input.name)}" origin="${escapeXmlChars(input.origin)}" creatingUserGUID="${user}">
  <Users>
    <User guid="${user}" name="Warrant"/>
  </Users>
${codes ? `  <CodeBook>\n    <Codes>\n${codes}    </Codes>\n  </CodeBook>\n` : ''}${sources ? `  <Sources>\n${sources}  </Sources>\n` : ''}</Project>
`;
    files['project.qde'] = [strToU8(xml), { mtime: WRITTEN }];
    return zipSync(files, { level: 6, mtime: WRITTEN });
}

/** Code points before a UTF-16 offset: a surrogate pair counts once. */
/** UTF-16 offsets in a text to code-point positions: the offset less the second halves of surrogate pairs before it. */
function codePointCounter(text: string): (offset: number) => number {
    const lows: number[] = [];
    for (const match of text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)) {
        lows.push(match.index + 1);
    }
    return offset => Math.min(offset, text.length) - countBelow(lows, offset);
}

/** A GUID (version 4 layout) from a kind and a name: FNV-1a over four seeds. */
function guid(kind: string, name: string): string {
    const input = `${kind}\u0000${name}`;
    const words = [0x811c9dc5, 0x01000193, 0x2545f491, 0x9e3779b9].map(seed => {
        let hash = seed >>> 0;
        for (let i = 0; i < input.length; i++) {
            hash = Math.imul(hash ^ input.charCodeAt(i), 0x01000193) >>> 0;
        }
        return hash.toString(16).padStart(8, '0');
    }).join('');
    return `${words.slice(0, 8)}-${words.slice(8, 12)}-4${words.slice(13, 16)}-${(8 + (parseInt(words[16]!, 16) & 3)).toString(16)}${words.slice(17, 20)}-${words.slice(20, 32)}`;
}
