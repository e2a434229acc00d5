/**
 * The picture of a ` ```warrant-map ` fence: the model (or a focus's support tree) laid out and
 * drawn by the preview's own layout and renderer, without an embedded stylesheet (the page that
 * shows it ships GRAPH_STYLESHEET, so the map follows the editor's theme). Pure: the extension
 * host runs it for the Markdown preview, tests run it directly.
 */
import type { GraphModel } from '../../language/graph/graph-model.js';
import { layoutGraph } from '../../language/graph/layout.js';
import { focusModel, normalizeModel } from '../../language/graph/model-utils.js';
import { renderSvg } from '../../language/graph/render-svg.js';

export interface FenceMapRequest {
    focus?: string;
    /** Keeps the markers of several maps on one page apart. */
    idPrefix: string;
}

export type FenceMap = { svg: string } | { problem: string };

export async function renderFenceMap(model: GraphModel, request: FenceMapRequest): Promise<FenceMap> {
    const whole = normalizeModel(model);
    const shown = request.focus === undefined ? whole : focusModel(whole, request.focus);
    if (!shown) {
        return { problem: `No element is named "${request.focus}" in the argument map.` };
    }
    if (shown.nodes.length === 0) {
        return { problem: 'The argument map is empty: no Warrant element was found.' };
    }
    const title = request.focus === undefined ? undefined : `Argument map: the support of ${request.focus}, ${shown.nodes.length} elements`;
    return { svg: renderSvg(await layoutGraph(shown), { idPrefix: request.idPrefix, title }) };
}
