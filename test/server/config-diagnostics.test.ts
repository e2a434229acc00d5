import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client.js';

const CONFIG = 'warrant.config.json';

/** The text a diagnostic's range covers (single-line ranges). */
function covered(text: string, diagnostic: Diagnostic): string {
    const { start, end } = diagnostic.range;
    assert.equal(start.line, end.line, 'a one-line range');
    return text.split('\n')[start.line].slice(start.character, end.character);
}

describe('warrant.config.json problems as diagnostics on the config file, over stdio', function () {
    this.timeout(60000);
    let dir: string;
    let client: LspClient;

    function writeConfig(text: string): Promise<void> {
        writeFileSync(path.join(dir, CONFIG), text);
        return client.filesChanged([CONFIG]);
    }

    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'warrant-config-'));
        writeFileSync(path.join(dir, 'a.warrant'), 'claim c "C"\n');
        writeFileSync(path.join(dir, CONFIG), '{ "rules": { "unsupported-claim": "off" } }\n');
        client = await LspClient.start(dir);
        await client.open('a.warrant', 'claim c "C"\n');
        await client.diagnosticsOf('a.warrant');
    });
    after(async () => {
        await client?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it('an unknown rule code and a bad level are located on the key and the value, and logged', async () => {
        const text = '{\n  "rules": {\n    "single-source": "loud",\n    "no-such-rule": "off"\n  }\n}\n';
        await writeConfig(text);
        const diagnostics = await client.diagnosticsOf(CONFIG, d => d.length === 2);
        const unknown = diagnostics.find(d => /unknown rule code "no-such-rule"/.test(String(d.message)));
        const level = diagnostics.find(d => /rule "single-source": level must be one of/.test(String(d.message)));
        assert.ok(unknown && level, JSON.stringify(diagnostics));
        assert.equal(covered(text, unknown), '"no-such-rule"');
        assert.equal(unknown.range.start.line, 3);
        assert.equal(covered(text, level), '"loud"');
        assert.equal(level.range.start.line, 2);
        assert.ok(client.logMessages.some(m => /warrant\.config\.json: unknown rule code "no-such-rule"/.test(m.message)), 'also in the server log');
    });

    it('a JSON syntax error is placed where the parser stopped', async () => {
        const text = '{\n  "rules": {\n    "single-source": off\n  }\n}\n';
        await writeConfig(text);
        const [syntax] = await client.diagnosticsOf(CONFIG, d => d.length === 1 && /not valid JSON/.test(String(d[0].message)));
        assert.deepEqual(syntax.range.start, { line: 2, character: text.split('\n')[2].indexOf('off') });
    });

    it('the diagnostics are cleared once the file is fixed, and again when it is deleted', async () => {
        await writeConfig('{ "rules": { "nope": "off" } }');
        await client.diagnosticsOf(CONFIG, d => d.length === 1 && /"nope"/.test(String(d[0].message)));
        await writeConfig('{ "rules": { "single-source": "off" } }');
        await client.diagnosticsOf(CONFIG, d => d.length === 0);
        await writeConfig('{ "bibliography": 3 }');
        const [bad] = await client.diagnosticsOf(CONFIG, d => d.length === 1);
        assert.match(String(bad.message), /"bibliography" must be a path/);
        unlinkSync(path.join(dir, CONFIG));
        await client.filesChanged([CONFIG]);
        await client.diagnosticsOf(CONFIG, d => d.length === 0);
    });
});
