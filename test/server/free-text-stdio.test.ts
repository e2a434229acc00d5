import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LspClient, SERVER_BUNDLE } from '../helpers/lsp-client.js';

/**
 * Typing inside a claim's text is applied to the syntax tree in place (language/parser/
 * free-text-edit.ts): every position the server then reports must be what a server that
 * parsed the final text reports. The claim typed into shares its line with a declaration and
 * references, and a multi-line comment and a second declaration follow it.
 */
const A = [
    'annex A { datum d interview "what she said" }',
    'claim a "First claim" claim b "Second" supported by a, d qualifier "maybe" /* a comment',
    'over two lines */ claim c "Third" supported by b',
    'claim lone "Nothing under it"',
    ''
].join('\n');
const B = 'claim e "Elsewhere" supported by c, b\n';

/** The position `delta` characters into the first `needle` of `text`. */
function positionIn(text: string, needle: string, delta = 0): { line: number; character: number } {
    const before = text.slice(0, text.indexOf(needle) + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** What the server says of places (lists from the index sorted: it keeps documents in the order they were first built). */
async function positions(client: LspClient, text: string): Promise<unknown> {
    const at = (needle: string, delta = 0) => positionIn(text, needle, delta);
    return {
        diagnostics: (client.lastDiagnostics('a.warrant') ?? []).map(d => ({ range: d.range, code: d.code, message: d.message, related: d.relatedInformation })),
        references: await Promise.all(['claim a ', 'claim b ', 'datum d '].map(async name => (await client.references('a.warrant', at(name, name.length - 2)))?.map(location => JSON.stringify(location)).sort())),
        definition: await client.definition('b.warrant', positionIn(B, ' c, b', 1)),
        symbols: await client.documentSymbols('a.warrant'),
        workspaceSymbols: (await client.workspaceSymbols(''))?.map(symbol => JSON.stringify(symbol)).sort(),
        highlight: await client.documentHighlight('a.warrant', at('supported by b', 13)),
        folding: await client.foldingRanges('a.warrant'),
        tokens: (await client.semanticTokens('a.warrant'))?.data
    };
}

describe('typing inside a claim\'s text over LSP (stdio): positions equal a fresh server\'s', function () {
    this.timeout(120000);
    let dir: string;

    before(function () {
        if (!existsSync(SERVER_BUNDLE)) {
            this.skip();
        }
        dir = mkdtempSync(path.join(tmpdir(), 'warrant-free-text-stdio-'));
        writeFileSync(path.join(dir, 'a.warrant'), A);
        writeFileSync(path.join(dir, 'b.warrant'), B);
    });

    after(() => dir && rmSync(dir, { recursive: true, force: true }));

    it('after characters typed and deleted one keystroke at a time', async () => {
        const client = await LspClient.start(dir);
        let text = A;
        try {
            await client.open('b.warrant', B);
            await client.open('a.warrant', A);
            await client.diagnosticsOf('a.warrant');
            const line = 1;
            let column = A.split('\n')[1]!.indexOf('First') + 'First'.length;
            for (const ch of ' typed, é😀') {
                await client.changeRanges('a.warrant', [{ range: { start: { line, character: column }, end: { line, character: column } }, text: ch }]);
                const offset = text.split('\n').slice(0, line).join('\n').length + 1 + column;
                text = text.slice(0, offset) + ch + text.slice(offset);
                column += ch.length;
            }
            await client.changeRanges('a.warrant', [{ range: { start: { line, character: column - 3 }, end: { line, character: column } }, text: '' }]);
            const offset = text.split('\n').slice(0, line).join('\n').length + 1 + column;
            text = text.slice(0, offset - 3) + text.slice(offset);
            await client.diagnosticsOf('a.warrant', d => d.length > 0);
            await new Promise(resolve => setTimeout(resolve, 500));
            const mine = await positions(client, text);

            writeFileSync(path.join(dir, 'a.warrant'), text);
            const fresh = await LspClient.start(dir);
            try {
                await fresh.open('b.warrant', B);
                await fresh.open('a.warrant', text);
                await fresh.diagnosticsOf('a.warrant');
                await new Promise(resolve => setTimeout(resolve, 500));
                assert.deepEqual(mine, await positions(fresh, text));
            } finally {
                await fresh.stop();
            }
        } finally {
            await client.stop();
            writeFileSync(path.join(dir, 'a.warrant'), A);
        }
    });
});
