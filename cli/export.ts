import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildGraphModel } from '../language/analysis/graph-model-builder.js';
import { exportAif } from '../language/graph/export/aif.js';
import { exportDot } from '../language/graph/export/dot.js';
import { exportGraphml } from '../language/graph/export/graphml.js';
import { exportHtml } from '../language/graph/export/html.js';
import { exportJson } from '../language/graph/export/json.js';
import { exportMarkdown } from '../language/graph/export/markdown.js';
import type { GraphModel } from '../language/graph/graph-model.js';
import { layoutGraph } from '../language/graph/layout.js';
import { normalizeModel } from '../language/graph/model-utils.js';
import { renderSvg } from '../language/graph/render-svg.js';
import { UsageError, type Command, type ExportFormat } from './args.js';
import { loadWorkspace } from './load-workspace.js';
import { report } from './terminal.js';

type Exporter = (model: GraphModel, title: string) => string | Promise<string>;

/** Every format goes through the graph model; pictures through the preview's own layout and renderer. */
const EXPORTERS: Record<ExportFormat, Exporter> = {
    svg: async (model, title) => renderSvg(await layoutGraph(model), { embedStyle: true, title }),
    html: async (model, title) => exportHtml(model, { title, viewerScript: await viewerScript() }),
    dot: model => exportDot(model),
    graphml: model => exportGraphml(model),
    aif: model => exportAif(model),
    json: model => exportJson(model),
    md: (model, title) => exportMarkdown(model, { title })
};

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
    // The model as every format draws it: the analysis yields one edge per mention (a claim that
    // classifies two stats by one scheme links to the scheme twice); a map shows each link once.
    const model = normalizeModel(buildGraphModel(workspace.services.warrant.Analysis.get()));
    const title = `Argument map: ${command.paths.map(p => path.basename(path.resolve(p))).join(', ') || path.basename(process.cwd())}`;
    const output = await EXPORTERS[command.format](model, title);
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
