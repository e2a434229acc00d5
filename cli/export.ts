import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildGraphModel } from '../language/analysis/graph-model-builder.js';
import { exportMap } from '../language/graph/export/index.js';
import { focusModel, normalizeModel } from '../language/graph/model-utils.js';
import { UsageError, type Command } from './args.js';
import { writeQdpx } from '../language/qda/write-project.js';
import { annexAsQdpx } from './export-qdpx.js';
import { loadWorkspace } from './load-workspace.js';
import { report } from './terminal.js';

/**
 * The preview's own script, inlined into exported HTML pages so they are interactive:
 * beside the bundled CLI in out/, or in out/ when run from source.
 */
async function viewerScript(): Promise<string> {
    for (const candidate of ['webview.js', '../out/webview.js']) {
        try {
            return await fs.readFile(new URL(candidate, import.meta.url), 'utf8');
        } catch {
            // try the next location
        }
    }
    throw new UsageError('out/webview.js is missing: run `npm run build` first');
}

export async function runExport(command: Extract<Command, { command: 'export' }>): Promise<number> {
    const workspace = await loadWorkspace(command.paths, process.cwd(), { root: command.root, command: 'export' });
    const analysis = workspace.services.warrant.Analysis.get();
    const named = command.paths.map(p => path.basename(path.resolve(p))).join(', ') || path.basename(process.cwd());
    // The map, or the part of it --focus names; a qdpx export without --focus needs neither.
    const map = () => {
        const whole = normalizeModel(buildGraphModel(analysis));
        const focused = command.focus === undefined ? whole : focusModel(whole, command.focus);
        if (!focused) {
            throw new UsageError(`--focus: no element is named "${command.focus}" in ${command.paths.join(', ') || 'the current folder'}`);
        }
        return focused;
    };
    if (command.format === 'qdpx') {
        const only = command.focus === undefined ? undefined : new Set(map().nodes.map(node => node.id));
        const files = workspace.services.warrant.Files;
        const { input, left } = annexAsQdpx(analysis, { ...files.external, rootFor: file => files.rootFor(file) }, `Annex: ${named}`, only);
        const selections = input.sources.reduce((n, source) => n + source.selections.length, 0);
        await write(command.out, writeQdpx(input));
        report(`wrote a REFI-QDA project of ${selections} data in ${input.sources.length} transcripts with ${input.codes.length} codes${left > 0 ? ` (${left} data without a transcript line range left out)` : ''}${command.out === undefined || command.out === '-' ? '' : ` to ${command.out}`}`);
        return 0;
    }
    const model = map();
    const output = await exportMap(model, command.format, { title: `Argument map: ${named}`, viewerScript });
    await write(command.out, output);
    if (command.out !== undefined && command.out !== '-') {
        report(`wrote ${command.format} map of ${model.nodes.length} elements and ${model.edges.length} links to ${command.out}`);
    }
    return 0;
}

/** To the file named by --out, or to standard output. */
async function write(out: string | undefined, output: string | Uint8Array): Promise<void> {
    if (out === undefined || out === '-') {
        process.stdout.write(output);
        return;
    }
    try {
        await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
        await fs.writeFile(out, output);
    } catch (error) {
        throw new UsageError(`cannot write ${out}: ${(error as Error).message}`);
    }
}
