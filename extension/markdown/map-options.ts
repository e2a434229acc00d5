/**
 * The options of a ` ```warrant-map ` fence, one `key: value` per line, as the Markdown preview
 * reads them (the Pandoc filter, filters/warrant.lua, reads the same lines). Never throws: a bad
 * line becomes a problem shown beside the map, in the user's terms.
 */
import { fenceLanguage as manuscriptFenceLanguage } from '../../language/manuscript/fences.js';

export type MapScope = 'workspace' | 'document';

export interface MapFenceOptions {
    /** The element whose support tree is drawn; the whole scope when absent. */
    focus?: string;
    /** `workspace` (default): every Warrant file; `document`: the Markdown document's own fences. */
    scope: MapScope;
    /** Tallest the map may be shown, in pixels (it scrolls beyond). */
    height?: number;
    problems: string[];
}

/** The info strings of the two fences (also written `{warrant}` or `{.warrant}`, as Pandoc allows). */
export { MAP_FENCE, SOURCE_FENCE } from '../../language/manuscript/fences.js';

/** Options the Pandoc filter reads and the preview has no use for (it always shows the open workspace). */
const FILTER_ONLY = new Set(['paths']);
const KNOWN = ['focus', 'scope', 'height', ...FILTER_ONLY];
const MAX_HEIGHT = 20000;
const MAX_PROBLEMS = 5;

/** The fence's language as the language server reads it (language/manuscript/fences.ts), in any letter case. */
export function fenceLanguage(info: string): string {
    return manuscriptFenceLanguage(info.trim()).toLowerCase();
}

/** `firstLine`: the document's line number (1-based) of the body's first line, for the problems. */
export function parseMapOptions(body: string, firstLine = 1): MapFenceOptions {
    const options: MapFenceOptions = { scope: 'workspace', problems: [] };
    const problem = (text: string) => {
        if (options.problems.length < MAX_PROBLEMS) options.problems.push(text);
    };
    body.split(/\r\n?|\n/).forEach((raw, offset) => {
        const number = firstLine + offset;
        const line = raw.trim();
        if (line === '' || line.startsWith('#')) return;
        const colon = line.indexOf(':');
        if (colon < 0) {
            problem(`line ${number}: write options as "key: value" (${KNOWN.join(', ')})`);
            return;
        }
        const key = line.slice(0, colon).trim().toLowerCase();
        const value = unquote(line.slice(colon + 1).trim());
        if (key === 'focus') {
            if (value) options.focus = value;
            else problem(`line ${number}: focus needs the name of a claim`);
        } else if (key === 'scope') {
            if (value === 'workspace' || value === 'document') options.scope = value;
            else problem(`line ${number}: scope is "workspace" or "document", not "${value}"`);
        } else if (key === 'height') {
            const height = /^\d+(px)?$/.test(value) ? parseInt(value, 10) : NaN;
            if (height > 0 && height <= MAX_HEIGHT) options.height = height;
            else problem(`line ${number}: height is a number of pixels between 1 and ${MAX_HEIGHT}, not "${value}"`);
        } else if (!FILTER_ONLY.has(key)) {
            problem(`line ${number}: unknown option "${key}" (known: ${KNOWN.join(', ')})`);
        }
    });
    return options;
}

function unquote(value: string): string {
    return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0] ? value.slice(1, -1) : value;
}
