import type { GraphModel } from '../graph-model.js';
import { layoutGraph } from '../layout.js';
import { normalizeModel } from '../model-utils.js';
import { renderSvg } from '../render-svg.js';
import { exportAif } from './aif.js';
import { exportDot } from './dot.js';
import type { MapFormat } from './formats.js';
import { exportGraphml } from './graphml.js';
import { exportHtml } from './html.js';
import { exportJson } from './json.js';
import { exportMarkdown } from './markdown.js';

export interface ExportContext {
    title: string;
    /** The preview's own script, inlined into HTML pages so they are interactive. */
    viewerScript: () => Promise<string>;
}

type Exporter = (model: GraphModel, context: ExportContext) => string | Promise<string>;

/** Every format goes through the graph model; pictures through the preview's own layout and renderer. */
const EXPORTERS: Record<MapFormat, Exporter> = {
    svg: async (model, { title }) => renderSvg(await layoutGraph(model), { embedStyle: true, title }),
    html: async (model, { title, viewerScript }) => exportHtml(model, { title, viewerScript: await viewerScript() }),
    dot: model => exportDot(model),
    graphml: model => exportGraphml(model),
    aif: model => exportAif(model),
    json: model => exportJson(model),
    md: (model, { title }) => exportMarkdown(model, { title })
};

/**
 * A map in one format, as the CLI and the editor both write it. The analysis yields one edge per
 * mention (a claim that classifies two stats by one scheme links to the scheme twice); a map
 * shows each link once, so every format gets the normalised model and counts the same links.
 */
export function exportMap(model: GraphModel, format: MapFormat, context: ExportContext): Promise<string> {
    return Promise.resolve(EXPORTERS[format](normalizeModel(model), context));
}
