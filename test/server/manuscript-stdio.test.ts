import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client.js';

describe('the bundled language server over stdio: a Quarto manuscript', function () {
    this.timeout(60_000);
    let dir: string;
    let client: LspClient;
    const paper = [
        '---', 'bibliography: refs.bib', '---', '',
        'Police work is [male-dominated]{.claim ref=police} [@Hakim1993], as @Hakmi1993 said.', '',
        '```{warrant}', 'claim police "Police work is male-dominated" supported by share', '```', ''
    ].join('\n');

    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'warrant-lsp-qmd-'));
        writeFileSync(path.join(dir, 'refs.bib'), '@article{Hakim1993, author = {Hakim, Catherine}, title = {Segregated and integrated occupations}, year = {1993}}\n');
        writeFileSync(path.join(dir, 'stats.warrant'), 'stat share "Women in the police" = 26% cites @Hakim1993\n');
        writeFileSync(path.join(dir, 'paper.qmd'), paper);
        client = await LspClient.start(dir);
    });

    after(async () => {
        await client?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it('publishes the prose\'s diagnostics at the manuscript\'s lines and columns, and hovers a claim span with its trace', async () => {
        await client.open('paper.qmd', paper, 'quarto');
        const diagnostics = await client.diagnosticsOf('paper.qmd', d => d.some(x => x.code === 'unknown-citation'));
        const unknown = diagnostics.find(d => d.code === 'unknown-citation')!;
        assert.deepEqual(unknown.range.start, { line: 4, character: paper.split('\n')[4].indexOf('@Hakmi1993') });
        assert.match(String(unknown.message), /Did you mean @Hakim1993\?/);
        assert.ok(!diagnostics.some(d => d.code === 'unknown-reference' || d.code === 'unsupported-claim'), 'the fence links to stats.warrant');
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: client.uri('paper.qmd') }, position: { line: 4, character: 20 } });
        const text = (hover?.contents as MarkupContent).value;
        assert.match(text, /police/);
        assert.match(text, /share/);
    });
});

describe('the bundled language server over stdio: a manuscript outside every workspace folder', function () {
    this.timeout(60_000);
    let home: string;
    let client: LspClient;

    before(async () => {
        home = mkdtempSync(path.join(tmpdir(), 'warrant-home-'));
        mkdirSync(path.join(home, 'project'));
        mkdirSync(path.join(home, 'Zotero'));
        writeFileSync(path.join(home, 'project/main.warrant'), 'claim inside "Inside"\n');
        writeFileSync(path.join(home, 'Zotero/library.bib'), '@book{Secret2020, title = {Private Library}, year = 2020}\n');
        client = await LspClient.start(path.join(home, 'project'));
    });

    after(async () => {
        await client?.stop();
        rmSync(home, { recursive: true, force: true });
    });

    it('reads no front matter bibliography next to it, and says why on its path', async () => {
        await client.open('../paper.qmd', '---\nbibliography: Zotero/library.bib\n---\n\nAs [@Secret2020] shows.\n', 'quarto');
        const diagnostics = await client.diagnosticsOf('../paper.qmd', d => d.some(x => x.code === 'bibliography-not-found'));
        const refusal = diagnostics.find(x => x.code === 'bibliography-not-found')!;
        assert.match(String(refusal.message), /outside the workspace folders/);
        assert.deepEqual(refusal.range.start, { line: 1, character: 14 });
        assert.ok(diagnostics.some(x => x.code === 'unknown-citation'), 'the key of the private library stays unknown');
        assert.ok(!JSON.stringify(diagnostics).includes('Private Library'));
    });
});
