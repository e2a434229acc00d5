/** The formats a map exports to, shared by the CLI, the extension and the preview's toolbar (no dependencies). */
export type MapFormat = 'svg' | 'html' | 'dot' | 'graphml' | 'aif' | 'json' | 'md';

/** Each format with its short name, a description and the file extension it is saved with, in menu order. */
export interface FormatEntry<Format> { format: Format; name: string; label: string; extension: string }

export const MAP_FORMATS: readonly FormatEntry<MapFormat>[] = [
    { format: 'svg', name: 'SVG', label: 'SVG image', extension: 'svg' },
    { format: 'html', name: 'HTML', label: 'Interactive HTML page', extension: 'html' },
    { format: 'dot', name: 'DOT', label: 'Graphviz DOT', extension: 'dot' },
    { format: 'graphml', name: 'GraphML', label: 'GraphML', extension: 'graphml' },
    { format: 'aif', name: 'AIF', label: 'AIF (Argument Interchange Format)', extension: 'json' },
    { format: 'json', name: 'JSON', label: 'JSON graph model', extension: 'json' },
    { format: 'md', name: 'Markdown', label: 'Markdown evidence table', extension: 'md' }
];

/**
 * Formats of the annex data rather than the map, written by the CLI only: `qdpx` is a REFI-QDA
 * project of the data that name transcript lines (binary, and built from the transcripts, not
 * from the graph model).
 */
export type AnnexFormat = 'qdpx';

export const ANNEX_FORMATS: readonly FormatEntry<AnnexFormat>[] = [
    { format: 'qdpx', name: 'REFI-QDA', label: 'REFI-QDA project of the annex data', extension: 'qdpx' }
];

export function isMapFormat(value: unknown): value is MapFormat {
    return MAP_FORMATS.some(f => f.format === value);
}

/** What the editor exports: the CLI's formats and PNG, which only the preview can rasterise. */
export type ExportChoice = MapFormat | 'png';

export const EXPORT_CHOICES: readonly FormatEntry<ExportChoice>[] = [
    MAP_FORMATS[0], { format: 'png', name: 'PNG', label: 'PNG image', extension: 'png' }, ...MAP_FORMATS.slice(1)
];

export function isExportChoice(value: unknown): value is ExportChoice {
    return value === 'png' || isMapFormat(value);
}
