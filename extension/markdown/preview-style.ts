/**
 * The Markdown preview's stylesheet for embedded maps (`markdown.previewStyles`, written to
 * out/markdown-preview.css by the build): the map's own stylesheet, whose colours follow the
 * `vscode-light`/`vscode-dark` class VS Code puts on the preview's body, plus the block around it.
 */
import { GRAPH_STYLESHEET } from '../../language/graph/style.js';

const BLOCK_STYLESHEET = `
.warrant-map-block { margin: 0 0 16px 0; overflow: auto; }
.warrant-map-block svg.warrant-map { display: block; max-width: none; }
.warrant-map-block .warrant-map-message { font-style: italic; color: var(--vscode-descriptionForeground, #717171); }
.warrant-map-block .warrant-map-problem { color: var(--vscode-errorForeground, #a1260d); }
`;

export const MARKDOWN_PREVIEW_CSS = GRAPH_STYLESHEET + BLOCK_STYLESHEET;
