import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LspClient } from '../helpers/lsp-client.js';
import { CLI, REPOSITORY } from '../robustness/helpers.js';

const EXAMPLE = path.join(REPOSITORY, 'examples/qda');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPOSITORY, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the CLI on examples/qda (a REFI-QDA project as annex data)', function () {
    this.timeout(60000);

    it('warrant check reports exactly what the language server publishes for the same file', async () => {
        const checked = cli('check', 'examples/qda', '--format', 'json');
        assert.equal(checked.status, 0, checked.stderr);
        const report = JSON.parse(checked.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string; message: string; line: number; column: number }> }>; summary: { claims: number; grounded: number } };
        const file = report.files.find(f => f.path === 'examples/qda/interviews.warrant')!;
        assert.ok(file.diagnostics.some(d => d.code === 'project-problem'), 'the project was read');
        assert.equal(report.summary.grounded, report.summary.claims);
        assert.ok(report.summary.claims >= 3);

        const client = await LspClient.start(EXAMPLE);
        try {
            await client.open('interviews.warrant', readFileSync(path.join(EXAMPLE, 'interviews.warrant'), 'utf8'));
            const published = await client.diagnosticsOf('interviews.warrant', d => d.some(x => x.code === 'project-problem'));
            const fromServer = published.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`).sort();
            const fromCli = file.diagnostics.map(d => `${d.line}:${d.column} ${d.code} ${d.message}`).sort();
            assert.deepEqual(fromCli, fromServer);
        } finally {
            await client.stop();
        }
    });

    it('warrant export --format json has the segments as data nodes, grouped by code, with their case', () => {
        const exported = cli('export', 'examples/qda', '--format', 'json');
        assert.equal(exported.status, 0, exported.stderr);
        const model = JSON.parse(exported.stdout) as { nodes: Array<{ id: string; kind: string; label: string; detail?: string; section?: string; status: string }>; edges: Array<{ from: string; to: string; kind: string }> };
        const tea = model.nodes.find(node => node.id === 'interviews:tea request')!;
        assert.deepEqual({ kind: tea.kind, label: tea.label, detail: tea.detail, section: tea.section, status: tea.status },
            { kind: 'datum', label: 'asked if I would make him a cup of tea', detail: 'interview · R01 (female) · emergent', section: 'gendered discourse', status: 'grounded' });
        assert.ok(model.edges.some(edge => edge.from === tea.id && edge.to === 'askedToMakeTea' && edge.kind === 'supports'));
        assert.ok(model.edges.some(edge => edge.from === 'teaPattern' && edge.to === tea.id && edge.kind === 'observes'));
        const referral = model.nodes.find(node => node.label === 'the referral form only had a box for her')!;
        assert.equal(referral.kind, 'datum');
        assert.equal(referral.section, 'mother-blaming');
    });
});
