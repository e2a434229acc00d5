import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
// @ts-expect-error: a plain .mjs script (scripts/ is not type-checked)
import { nvimCheck } from '../../scripts/nvim-check.mjs';
import { SERVER_BUNDLE } from '../helpers/lsp-client.js';
import { copyCaseStudy, hasCaseStudy, positionIn } from '../lsp/fixtures.js';

interface NvimResult {
    nvim: string;
    errors: string[];
    diagnostics: Array<{ line: number; column: number; severity: number; message: string; code: string | null }>;
    hover: { contents: { kind: string; value: string } } | null;
}

/**
 * The bundled server under Neovim's built-in LSP client (headless `nvim -u NONE`, a Lua
 * script): Neovim must receive the diagnostics and answer a hover. CI installs Neovim; the
 * suite skips only when `nvim` is not installed.
 */
describe('Neovim\'s built-in LSP client', function () {
    this.timeout(120000);
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    const installed = !nvim.error && nvim.status === 0;
    let dir: string | undefined;

    after(() => {
        if (dir) {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('receives the diagnostics and a hover from the server on the case study', function () {
        if (!installed) {
            console.log('      skipped: `nvim` is not installed (apt-get install -y neovim)');
            this.skip();
        }
        assert.ok(existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run node scripts/build.mjs`);
        assert.ok(hasCaseStudy(), 'the case study example is missing');
        dir = copyCaseStudy();
        const file = path.join(dir, 'argument.warrant');
        const position = positionIn(readFileSync(file, 'utf8'), 'claim genderHypothesis', 7);
        const result = nvimCheck({ file, line: position.line, character: position.character, server: SERVER_BUNDLE }) as NvimResult;
        assert.deepEqual(result.errors, [], JSON.stringify(result.errors));
        const codes = result.diagnostics.map(d => d.code);
        assert.ok(codes.includes('unsupported-claim'), JSON.stringify(result.diagnostics));
        assert.ok(codes.includes('classification-mismatch'), JSON.stringify(codes));
        const unsupported = result.diagnostics.find(d => d.code === 'unsupported-claim' && /genderAbsentFromLiterature/.test(d.message));
        assert.ok(unsupported, 'the ungrounded claim is reported');
        assert.equal(result.hover?.contents.kind, 'markdown');
        assert.match(result.hover!.contents.value, /`genderHypothesis` — \*\*grounded\*\*/);
        assert.match(result.hover!.contents.value, /\*\*Triangulation:\*\*/);
    });
});
