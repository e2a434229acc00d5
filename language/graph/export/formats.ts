/** The formats a map exports to, shared by the CLI, the extension and the preview's toolbar (no dependencies). */
export type MapFormat = 'svg' | 'html' | 'dot' | 'graphml' | 'aif' | 'json' | 'md';

/** Each format with the label users see and the file extension it is saved with, in menu order. */
export const MAP_FORMATS: readonly { format: MapFormat; label: string; extension: string }[] = [
    { format: 'svg', label: 'SVG image', extension: 'svg' },
    { format: 'html', label: 'Interactive HTML page', extension: 'html' },
    { format: 'dot', label: 'Graphviz DOT', extension: 'dot' },
    { format: 'graphml', label: 'GraphML', extension: 'graphml' },
    { format: 'aif', label: 'AIF (Argument Interchange Format)', extension: 'json' },
    { format: 'json', label: 'JSON graph model', extension: 'json' },
    { format: 'md', label: 'Markdown outline', extension: 'md' }
];

export function isMapFormat(value: unknown): value is MapFormat {
    return MAP_FORMATS.some(f => f.format === value);
}

/** What the editor exports: the CLI's formats and PNG, which only the preview can rasterise. */
export type ExportChoice = MapFormat | 'png';

export const EXPORT_CHOICES: readonly { format: ExportChoice; label: string; extension: string }[] = [
    MAP_FORMATS[0], { format: 'png', label: 'PNG image', extension: 'png' }, ...MAP_FORMATS.slice(1)
];

export function isExportChoice(value: unknown): value is ExportChoice {
    return value === 'png' || isMapFormat(value);
}
