import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildGraphModel } from '../language/analysis/graph-model-builder.js';
import { exportMap } from '../language/graph/export/index.js';
import { focusModel, normalizeModel } from '../language/graph/model-utils.js';
import { UsageError, type Command } from './args.js';
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
    const whole = normalizeModel(buildGraphModel(workspace.services.warrant.Analysis.get()));
    const model = command.focus === undefined ? whole : focusModel(whole, command.focus);
    if (!model) {
        throw new UsageError(`--focus: no element is named "${command.focus}" in ${command.paths.join(', ') || 'the current folder'}`);
    }
    const title = `Argument map: ${command.paths.map(p => path.basename(path.resolve(p))).join(', ') || path.basename(process.cwd())}`;
    const output = await exportMap(model, command.format, { title, viewerScript });
    if (command.out === undefined || command.out === '-') {
        process.stdout.write(output);
        return 0;
    }
    try {
        await fs.mkdir(path.dirname(path.resolve(command.out)), { recursive: true });
        await fs.writeFile(command.out, output);
    } catch (error) {
        throw new UsageError(`cannot write ${command.out}: ${(error as Error).message}`);
    }
    report(`wrote ${command.format} map of ${model.nodes.length} elements and ${model.edges.length} links to ${command.out}`);
    return 0;
}
