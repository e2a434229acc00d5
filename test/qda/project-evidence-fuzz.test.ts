import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../helpers/random.js';
import { workspaceOf } from '../helpers/workspace.js';
import { buildProject, R01, R02, type FixtureCode } from './fixtures.js';

/** Pieces of names and keys that have broken parsers and escapers before. */
const PIECES = ['gendered', 'discourse', '/', '"', '\\', ' ', '', 'é', '🙂', '\u202E', '&amp;', '<b>', 'code', 'segment', 'in', 'quote', '\t', '{', '}', ','];

function word(next: () => number, pieces = 1 + Math.floor(next() * 4)): string {
    return Array.from({ length: pieces }, () => PIECES[Math.floor(next() * PIECES.length)]!).join('');
}

/** A string literal of the language holding `text` (quotes and backslashes escaped). */
const literal = (text: string) => `"${text.replace(/[\\"]/g, c => `\\${c}`)}"`;

describe('project references with hostile names and keys', function () {
    this.timeout(120000);

    it('never crash the analysis, hover, completion or go to definition', async () => {
        const next = mulberry32(16);
        let unknown = 0;
        let resolved = 0;
        for (let round = 0; round < 12; round++) {
            const codes: FixtureCode[] = Array.from({ length: 3 }, () => ({ name: word(next) || 'x', children: [{ name: word(next) || 'y' }] }));
            const sources = [
                { ...R01, selections: R01.selections.map(s => ({ ...s, codes: [codes[Math.floor(next() * codes.length)]!.name], name: next() < 0.5 ? word(next) : undefined })) },
                { ...R02, selections: R02.selections.map(s => ({ ...s, codes: [codes[0]!.children![0]!.name] })) }
            ];
            const bytes = buildProject({ codes, sources }).bytes;
            const references = Array.from({ length: 6 }, () => {
                const kind = ['code', 'segment', 'segment quote'][Math.floor(next() * 3)]!;
                const key = next() < 0.4 ? codes[Math.floor(next() * codes.length)]!.name : word(next);
                return `${kind} ${literal(key)} in p`;
            });
            const text = `project p "p.qdpx" { ${literal(word(next)).replace(/^/, 'emergent when code ')} }\nclaim c "C" supported by ${references.join(', ')}\npattern q "Q" { observed ${references[0]} }\n`;
            const workspace = await workspaceOf({ 'a.warrant': text }, dir => writeFileSync(path.join(dir, 'p.qdpx'), bytes));
            try {
                assert.deepEqual(workspace.codes('a.warrant').filter(code => code === 'internal-error'), [], text);
                const analysis = workspace.services.warrant.Analysis.get();
                unknown += workspace.codes('a.warrant').filter(code => code === 'unknown-project-evidence').length;
                resolved += analysis.graph.nodes.filter(node => node.segment !== undefined).length;
                const document = workspace.documents[0]!;
                const uri = document.uri.toString();
                for (let offset = text.indexOf('supported'); offset < text.length; offset += 7) {
                    const position = document.textDocument.positionAt(offset);
                    await workspace.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri }, position });
                    await workspace.services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri }, position });
                    await workspace.services.lsp.DefinitionProvider!.getDefinition(document, { textDocument: { uri }, position });
                }
            } finally {
                workspace.dispose();
            }
        }
        // Both ways were taken: keys that name nothing, and names with quotes and slashes that resolve.
        assert.ok(unknown > 0 && resolved > 0, `${unknown} unknown, ${resolved} resolved`);
    });
});
