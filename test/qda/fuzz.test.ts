import assert from 'node:assert/strict';
import { inflateEngines, readQdpx, wholeText, type QdaProject } from '../../language/qda/index.js';
import { mulberry32 } from '../helpers/random.js';
import { buildProject, R01, R03 } from './fixtures.js';

const ENGINES = inflateEngines();

/** What must hold for any input: a project or a reason, excerpts that are what their range says. */
function assertCoherent(project: QdaProject, label: string): void {
    if (!project.readable) {
        assert.ok(project.problems.some(p => p.severity === 'error'), `${label}: unreadable without an error`);
        return;
    }
    const sources = new Map(project.sources.map(s => [s.guid, s]));
    for (const selection of project.selections) {
        if (selection.text !== undefined) {
            const source = sources.get(selection.source)!;
            assert.equal(wholeText(source.utf8!).slice(selection.range!.start, selection.range!.end), selection.text, label);
        }
    }
    for (const problem of project.problems) {
        assert.ok(problem.message.length > 0 && ['error', 'warning', 'info'].includes(problem.severity), label);
    }
}

describe('REFI-QDA reader: random damage never crashes it', function () {
    this.timeout(120000);
    const built = buildProject({ sources: [R01, { ...R03, counting: 'utf16' }] });

    it('archives with random bytes changed, cut short or spliced', async () => {
        const next = mulberry32(16);
        for (let i = 0; i < 300; i++) {
            const bytes = built.bytes.slice();
            const kind = i % 3;
            if (kind === 0) {
                for (let k = 0; k < 1 + Math.floor(next() * 8); k++) {
                    bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
                }
            }
            const input = kind === 1 ? bytes.subarray(0, Math.floor(next() * bytes.length)) : kind === 2 ? bytes.subarray(Math.floor(next() * 200)) : bytes;
            assertCoherent(await readQdpx(input, { inflate: ENGINES[i % ENGINES.length] }), `archive mutation ${i}`);
        }
    });

    it('project.qde with random characters, attributes and positions changed', async () => {
        const next = mulberry32(61);
        const pieces = ['<', '>', '"', '&', '&amp;', '&#0;', '&#xD800;', '/>', '</Code>', '<Coding>', '-1', '99999', '{', '}', ']]>', '<![CDATA[', '<!--', '\uFEFF', '\u0000', '🙂'];
        for (let i = 0; i < 300; i++) {
            const project = await readQdpx(buildProject({
                sources: [R01, { ...R03, counting: 'utf16' }],
                transformXml: xml => {
                    let out = xml;
                    for (let k = 0; k < 1 + Math.floor(next() * 4); k++) {
                        const at = Math.floor(next() * out.length);
                        const cut = Math.floor(next() * 6);
                        out = out.slice(0, at) + pieces[Math.floor(next() * pieces.length)]! + out.slice(at + cut);
                    }
                    return out;
                }
            }).bytes);
            assertCoherent(project, `xml mutation ${i}`);
        }
    });
});
