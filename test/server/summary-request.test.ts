import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCheckReport } from '../../cli/check-report.js';
import { loadWorkspace } from '../../cli/load-workspace.js';
import { isWorkspaceFile } from '../../language/config/file-selection.js';
import { WorkspaceSummaryRequest, type WorkspaceSummaryResult } from '../../language/protocol.js';
import { LspClient } from '../helpers/lsp-client.js';

const TUTORIAL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/tutorial');

describe('warrant/summary (Warrant: Check Workspace)', function () {
    this.timeout(60000);
    let dir: string;
    let client: LspClient;

    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'warrant-summary-'));
        cpSync(TUTORIAL, dir, { recursive: true });
        client = await LspClient.start(dir);
    });

    after(async () => {
        await client?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it('gives the figures `warrant check` prints for the same folder, before any file is opened', async () => {
        const result = await client.connection.sendRequest(WorkspaceSummaryRequest.method, {}) as WorkspaceSummaryResult;
        // The tutorial's README.md is a Markdown file of the workspace too (without Warrant blocks).
        const workspaceFiles = readdirSync(dir).filter(isWorkspaceFile);
        const claims = workspaceFiles.reduce((n, name) => n + (readFileSync(path.join(dir, name), 'utf8').match(/^\s*claim\s/gm)?.length ?? 0), 0);
        assert.equal(result.summary.files, workspaceFiles.length);
        assert.equal(result.summary.claims, claims);
        assert.ok(result.summary.grounded > 0 && result.summary.grounded < claims, JSON.stringify(result.summary));
        const cli = buildCheckReport(await loadWorkspace([dir], dir));
        assert.deepEqual(result.summary, cli.summary);
        assert.deepEqual(result.configProblems, []);
    });

    it('follows unsaved edits: a claim without evidence is one more claim, not grounded, one more warning', async () => {
        const before = (await client.connection.sendRequest(WorkspaceSummaryRequest.method, {}) as WorkspaceSummaryResult).summary;
        await client.open('draft.warrant', 'claim floating "No evidence at all"\n');
        await client.diagnosticsOf('draft.warrant', d => d.some(x => x.code === 'unsupported-claim'));
        const after = (await client.connection.sendRequest(WorkspaceSummaryRequest.method, {}) as WorkspaceSummaryResult).summary;
        assert.deepEqual(after, { ...before, files: before.files + 1, claims: before.claims + 1, warnings: before.warnings + 1 });
    });
});
