// Runs the bundled language server under headless Neovim's built-in LSP client and prints what
// Neovim received: `node scripts/nvim-check.mjs [FILE.warrant] [LINE] [CHARACTER]` (0-based
// position of the hover; defaults: the case study's argument.warrant, on `genderHypothesis`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Runs the check; resolves with `{ diagnostics, hover, errors, nvim }` or throws when nvim is missing. */
export function nvimCheck({ file, line = 0, character = 0, server = path.join(root, 'out/server.cjs'), timeoutMs = 60000 }) {
    const work = mkdtempSync(path.join(tmpdir(), 'warrant-nvim-'));
    const out = path.join(work, 'result.json');
    try {
        const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(root, 'scripts/nvim-lsp-check.lua')}`], {
            env: {
                ...process.env,
                WARRANT_SERVER: server,
                WARRANT_ROOT: path.dirname(file),
                WARRANT_FILE: file,
                WARRANT_OUT: out,
                WARRANT_HOVER_LINE: String(line),
                WARRANT_HOVER_CHARACTER: String(character),
                WARRANT_TIMEOUT_MS: String(Math.floor(timeoutMs / 2))
            },
            cwd: work,
            timeout: timeoutMs,
            encoding: 'utf8'
        });
        if (run.error) {
            throw run.error;
        }
        return JSON.parse(readFileSync(out, 'utf8'));
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const file = path.resolve(process.argv[2] ?? path.join(root, 'examples/lscb-gender-hypothesis/argument.warrant'));
    let line = Number(process.argv[3] ?? NaN);
    let character = Number(process.argv[4] ?? NaN);
    if (Number.isNaN(line)) {
        const lines = readFileSync(file, 'utf8').split('\n');
        line = Math.max(0, lines.findIndex(l => l.startsWith('claim genderHypothesis')));
        character = 7;
    }
    console.log(JSON.stringify(nvimCheck({ file, line, character }), null, 2));
}
