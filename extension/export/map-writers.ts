/**
 * Entry of out/map-export.cjs: what the extension host draws with ELK (exports, maps in the
 * Markdown preview), loaded on first use through the platform (extension/platform.ts); and the Markdown preview's
 * stylesheet, which the build writes to out/markdown-preview.css from this bundle.
 */
export { exportMap } from '../../language/graph/export/index.js';
export { renderFenceMap } from '../markdown/render-fence-map.js';
export { MARKDOWN_PREVIEW_CSS } from '../markdown/preview-style.js';
