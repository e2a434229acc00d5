import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp-client.js';
import { GraphRequest } from '../../language/protocol.js';
import { removeWorkspace, REQUEST_LIMIT_MS, rssMb, tempWorkspace, within } from './helpers.js';

const CLAIMS_PER_FILE = 500;
const FILES = 4;

/**
 * A 2,000-claim workspace: four files of 500-claim chains. The chain of part1 starts at the
 * datum `pivot`, declared in the small file being typed in, so an edit there changes the
 * grounding of 500 claims in another file.
 */
function largeWorkspace(): Record<string, string> {
    const files: Record<string, string> = {
        'references.bib': Array.from({ length: 50 }, (_, i) => `@article{Key${i}, author = {Author, A${i}}, title = {Title ${i}}, year = ${1950 + i}}`).join('\n') + '\n',
        'annex.warrant': 'bibliography "references.bib"\nrespondent R1\nrespondent R2\nannex Data {\n' + Array.from({ length: FILES }, (_, f) => `  datum root${f} interview of R${1 + (f % 2)} emergent "root ${f}"`).join('\n') + '\n}\n'
    };
    for (let f = 1; f <= FILES; f++) {
        const lines: string[] = [];
        for (let i = 0; i < CLAIMS_PER_FILE; i++) {
            const support = i === 0 ? (f === 1 ? 'pivot' : `root${f - 1}`) : `p${f}_${i - 1}`;
            const extra = i % 7 === 3 ? `, root${f % FILES}` : '';
            const cites = i % 10 === 0 ? ` cites @Key${i % 50} p. ${i}` : '';
            lines.push(`claim p${f}_${i} "Claim ${i} of part ${f}, a proposition of moderate length" supported by ${support}${extra}${cites}`);
        }
        files[`part${f}.warrant`] = lines.join('\n') + '\n';
    }
    return files;
}

/** The file typed in: with or without the datum that grounds part1, plus one unknown name per version. */
function editText(version: number, withPivot: boolean): string {
    return (withPivot ? `annex Edit { datum pivot observation of R1 emergent "the pivot of version ${version}" }\n` : 'annex Edit { }\n')
        + `claim typing "Typing ${version}" supported by root0, missing${version}\n`;
}

describe('cancellation and load (2,000 claims)', function () {
    this.timeout(300000);
    let dir: string;
    let client: LspClient;
    const report: string[] = [];

    before(async () => {
        dir = tempWorkspace(largeWorkspace());
        client = await LspClient.start(dir);
        await client.open('edit.warrant', editText(0, true));
        await client.diagnosticsOf('edit.warrant', d => d.some(x => String(x.message).includes('`missing0`')), 30000);
    });

    after(async () => {
        await client?.stop();
        removeWorkspace(dir);
        console.log(report.map(line => `      ${line}`).join('\n'));
    });

    it('30 rapid changes: stale builds are cancelled, the final diagnostics are those of the final text, everywhere', async () => {
        const uri = client.uri('edit.warrant');
        const part1 = client.uri('part1.warrant');
        const before = { edit: client.publishCounts.get(uri) ?? 0, part1: client.publishCounts.get(part1) ?? 0 };
        const started = Date.now();
        // As fast as the pipe takes them; odd versions drop the datum part1's chain rests on.
        for (let version = 1; version <= 30; version++) {
            await client.change('edit.warrant', editText(version, version % 2 === 0));
        }
        const final = await client.diagnosticsOf('edit.warrant', d => d.some(x => String(x.message).includes('`missing30`')), 20000);
        const settledMs = Date.now() - started;
        // The final text declares `pivot`: part1's chain is grounded again, nothing stale remains (part1 is
        // published again only if a build in between showed it otherwise: unchanged findings are not re-sent).
        const part1Diagnostics = await client.diagnosticsOf('part1.warrant', d => !d.some(x => x.code === 'unsupported-claim' || x.code === 'unknown-reference'), 10000);
        assert.deepEqual(part1Diagnostics.filter(d => d.severity === 1 || d.severity === 2), []);
        // …and part1 links to the datum of the final text, not to one of a cancelled version.
        const line = `claim p1_0 "Claim 0 of part 1, a proposition of moderate length" supported by pivot`;
        const hover = await within('hover in part1', client.hover('part1.warrant', { line: 0, character: line.indexOf('pivot') + 2 }));
        assert.match(JSON.stringify(hover?.contents), /the pivot of version 30\b/);
        const unknown = final.filter(d => d.code === 'unknown-reference').map(d => String(d.message));
        assert.equal(unknown.length, 1, unknown.join('\n'));
        assert.match(unknown[0], /`missing30`/);
        const published = { edit: (client.publishCounts.get(uri) ?? 0) - before.edit, part1: (client.publishCounts.get(part1) ?? 0) - before.part1 };
        report.push(`30 rapid changes: final diagnostics after ${settledMs} ms; ${published.edit} publications for the edited file and ${published.part1} for the dependent file (30 without cancellation)`);
        assert.ok(settledMs < 15000, `final diagnostics after ${settledMs} ms`);
        assert.ok(published.edit < 30, `stale builds were cancelled (${published.edit} publications for 30 versions)`);
    });

    it('100 concurrent requests all answer', async () => {
        const files = ['edit.warrant', 'part1.warrant', 'part2.warrant', 'part3.warrant', 'part4.warrant', 'annex.warrant'];
        const requests: Array<[string, () => Promise<unknown>]> = [];
        for (let i = 0; i < 100; i++) {
            const file = files[i % files.length];
            const position = { line: (i * 37) % (file === 'edit.warrant' ? 2 : file === 'annex.warrant' ? 8 : CLAIMS_PER_FILE), character: (i * 13) % 60 };
            const kind = i % 10;
            const send: () => Promise<unknown> = [
                () => client.hover(file, position),
                () => client.completion(file, position),
                () => client.definition(file, position),
                () => client.references(file, position),
                () => client.documentSymbols(file),
                () => client.codeLens(file),
                () => client.semanticTokens(file),
                () => client.formatting(file),
                () => client.foldingRanges(file),
                () => client.connection.sendRequest(GraphRequest.method, { uri: client.uri(file) })
            ][kind];
            requests.push([`${['hover', 'completion', 'definition', 'references', 'documentSymbol', 'codeLens', 'semanticTokens', 'formatting', 'foldingRange', 'warrant/graph'][kind]} ${file}`, send]);
        }
        const started = Date.now();
        const times = await Promise.all(requests.map(async ([label, send]) => {
            const t = Date.now();
            await within(label, send(), REQUEST_LIMIT_MS * 3);
            return { label, ms: Date.now() - t };
        }));
        const slowest = times.sort((a, b) => b.ms - a.ms)[0];
        report.push(`100 concurrent requests: all answered in ${Date.now() - started} ms (the last: ${slowest.label}, ${slowest.ms} ms)`);
    });

    it('memory stays flat over 1,000 edit cycles', async () => {
        const pid = client.process.pid!;
        let version = 1000;
        const cycle = async (count: number) => {
            // Bursts of ten edits: nine builds cancelled, the tenth completed and published.
            for (let i = 0; i < count; i += 10) {
                for (let j = 0; j < 10; j++) {
                    version++;
                    await client.change('edit.warrant', editText(version, version % 3 !== 0));
                }
                const expected = `\`missing${version}\``;
                await client.diagnosticsOf('edit.warrant', d => d.some(x => String(x.message).includes(expected)), 20000);
            }
        };
        await cycle(100); // warm-up: caches, JIT, heap sizing
        const before = rssMb(pid);
        const started = Date.now();
        await cycle(1000);
        const after = rssMb(pid);
        report.push(`memory over 1,000 edit cycles (${Date.now() - started} ms): RSS ${before.toFixed(0)} MB → ${after.toFixed(0)} MB (${after - before >= 0 ? '+' : ''}${(after - before).toFixed(0)} MB)`);
        assert.ok(after - before < 150, `RSS grew by ${(after - before).toFixed(0)} MB`);
        assert.equal(client.process.exitCode, null);
        assert.deepEqual(client.logMessages.filter(m => m.type === 1), []);
    });
});
