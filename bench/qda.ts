/**
 * Child process: a generated REFI-QDA project with 5,000 coded segments in 50 transcripts, read
 * the way the language server will read it.
 *
 *   node --import tsx bench/qda.ts [--megabytes 50] [--of file|text] [--segments 5000] [--inflate native|fflate]
 *
 * --of file: the .qdpx file is about that size (its transcripts hold about 3× as much text);
 * --of text: the transcripts hold that much text (the file is about a third of it).
 * --inflate: the engine that unpacks entries (default: native where the platform has it).
 *
 * read: `readQdpx` (unzip, project.qde, every source decoded, conventions chosen, excerpts cut)
 * plus `QdaIndex` (codes, segments per code, cases), wall and main-thread CPU time.
 * block: the longest the event loop was held meanwhile, by monitorEventLoopDelay and by a
 * setInterval(1) probe (what another request to the server would wait at most), and the most
 * main-thread CPU time between two of the reader's yields (the same block without the time
 * the operating system gave other processes: this VM's cores are shared).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { nativeInflateAvailable, QdaIndex, readQdpx, type InflateEngine } from '../language/qda/index.js';
import { attr, fixtureGuid } from '../test/qda/fixtures.js';
import { mulberry32 } from '../test/helpers/random.js';
import { arg, mainThreadTimes, report, round } from './common.js';

const megabytes = Number(arg('megabytes', '50'));
const textBytes = megabytes * 2 ** 20 * (arg('of', 'file') === 'file' ? 3.1 : 1);
const segments = Number(arg('segments', '5000'));
const inflate = arg('inflate', nativeInflateAvailable() ? 'native' : 'fflate') as InflateEngine;

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

function generate(): { bytes: Uint8Array; sources: number } {
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

const generated = generate();

// A probe that should run every millisecond: its longest gap is the longest block.
let lastTick = performance.now();
let longestGap = 0;
const probe = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - lastTick);
    lastTick = now;
}, 1);
const delay = monitorEventLoopDelay({ resolution: 1 });
await new Promise(resolve => setTimeout(resolve, 20));
delay.enable();
longestGap = 0;
lastTick = performance.now();

let sliceCpu = mainThreadTimes().cpuMs;
let maxSliceCpuMs = 0;
const yieldNow = async () => {
    maxSliceCpuMs = Math.max(maxSliceCpuMs, mainThreadTimes().cpuMs - sliceCpu);
    await new Promise(resolve => setTimeout(resolve, 0));
    sliceCpu = mainThreadTimes().cpuMs;
};

const thread = mainThreadTimes();
const start = performance.now();
sliceCpu = thread.cpuMs;
const project = await readQdpx(generated.bytes, { yieldNow, inflate });
maxSliceCpuMs = Math.max(maxSliceCpuMs, mainThreadTimes().cpuMs - sliceCpu);
const index = new QdaIndex(project);
const readMs = performance.now() - start;
const after = mainThreadTimes();
const readCpuMs = after.cpuMs - thread.cpuMs;
delay.disable();
clearInterval(probe);

const excerpts = project.selections.filter(s => s.text !== undefined).length;
report({
    inflate,
    megabytes: round(generated.bytes.length / 2 ** 20, 1),
    textMegabytes: round(project.sources.reduce((n, s) => n + (s.text?.length ?? 0), 0) / 2 ** 20, 1),
    sources: project.sources.length,
    segments: project.selections.length,
    excerpts,
    codedWithFirst: index.segmentsOf(project.codes[0]!.guid).length,
    problems: project.problems.length,
    readMs: round(readMs),
    readCpuMs: round(readCpuMs),
    maxBlockMs: round(delay.max / 1e6, 1),
    probeMaxGapMs: round(longestGap, 1),
    maxSliceCpuMs: round(maxSliceCpuMs, 1),
    waitedMs: round(after.waitMs - thread.waitMs)
});
