/**
 * A generated REFI-QDA project for the benchmarks: 50 transcripts of words with a few astral
 * characters, and coded segments spread evenly through them.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { attr, fixtureGuid } from '../test/qda/fixtures.js';
import { mulberry32 } from '../test/helpers/random.js';

const WORDS = ('partnership board meeting conference police officer social worker health visitor chair safeguarding children family ' +
    'mother father referral assessment strategy discussion information sharing culture department colleague gender masculine ' +
    'professional agency threshold plan review case conference minutes action agreed concern neglect school nurse').split(' ');
const EXTRAS = ['🙂', 'é', '𝔘', '—', '“quoted”'];

/** One transcript of about `bytes` UTF-8 bytes and its segments' code-point positions. */
function transcript(next: () => number, bytes: number, count: number): { text: string; spans: Array<[number, number]> } {
    const parts: string[] = [];
    let size = 0;
    let codePoints = 0;
    const spans: Array<[number, number]> = [];
    const every = Math.floor(bytes / (count + 1));
    let open = -1;
    while (size < bytes) {
        const r = next();
        let word = r < 0.004 ? EXTRAS[Math.floor(r * 1250) % EXTRAS.length]! : WORDS[Math.floor(r * WORDS.length)]!;
        // Words made unique enough that the archive does not compress far beyond real transcripts.
        if (r > 0.5) {
            word += Math.floor(next() * 1e6).toString(36);
        }
        const piece = (parts.length % 14 === 13 ? '.\n' : ' ') + word;
        if (open < 0 && spans.length < count && size > every * (spans.length + 1)) {
            open = codePoints + 1;
        } else if (open >= 0 && codePoints - open > 80) {
            spans.push([open, codePoints]);
            open = -1;
        }
        parts.push(piece);
        size += strToU8(piece).length;
        codePoints += [...piece].length;
    }
    return { text: parts.join(''), spans };
}

/** A project of `segments` coded segments (20 codes, some nested) in 50 transcripts holding about `textBytes` of text. */
export function generateProject(textBytes: number, segments: number): { bytes: Uint8Array; sources: number } {
    const next = mulberry32(20240501);
    const sourceCount = 50;
    const perSource = Math.ceil(segments / sourceCount);
    const codes = Array.from({ length: 20 }, (_, i) => ({ guid: fixtureGuid(1, i + 1), name: `code ${i + 1}` }));
    const files: Zippable = {};
    const sourceXml: string[] = [];
    let written = 0;
    for (let s = 0; s < sourceCount; s++) {
        const guid = fixtureGuid(3, s + 1);
        const { text, spans } = transcript(next, Math.round(textBytes / sourceCount), Math.min(perSource, segments - written));
        written += spans.length;
        files[`sources/${guid}.txt`] = strToU8(text);
        const selections = spans.map(([start, end], i) => {
            const code = codes[(s * 7 + i) % codes.length]!;
            return `<PlainTextSelection guid="${fixtureGuid(4, s * 10_000 + i)}" startPosition="${start}" endPosition="${end}"><Coding guid="${fixtureGuid(5, s * 10_000 + i)}"><CodeRef targetGUID="${code.guid}"/></Coding></PlainTextSelection>`;
        });
        sourceXml.push(`<TextSource guid="${guid}" name="${attr(`Interview ${s + 1}`)}" plainTextPath="internal://${guid}.txt">\n${selections.join('\n')}\n</TextSource>`);
    }
    const codeXml = codes.map((c, i) => i % 4 === 0 ? `<Code guid="${c.guid}" name="${c.name}" isCodable="true">` : `<Code guid="${c.guid}" name="${c.name}" isCodable="true"/>${i % 4 === 3 ? '</Code>' : ''}`).join('\n');
    const xml = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="bench">\n<CodeBook><Codes>\n${codeXml}\n</Codes></CodeBook>\n<Sources>\n${sourceXml.join('\n')}\n</Sources>\n</Project>\n`;
    files['project.qde'] = strToU8(xml);
    return { bytes: zipSync(files, { level: 6 }), sources: sourceCount };
}

