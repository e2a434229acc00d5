/**
 * Which reader a bibliography file needs: BibTeX (`.bib`) or CSL-JSON (`.json`). Kept apart
 * from the readers so that the editor's file picker can use it without loading them.
 */
import { skipSpace } from '../config/json-locations.js';

/**
 * Whether a bibliography file is CSL-JSON: by its extension (`.json`, `.bib`), else by its first
 * character (a BibTeX file never starts with `[` or `{`).
 */
export function isCslJson(uri: string, text: string): boolean {
    const path = uri.replace(/[?#].*$/s, '').toLowerCase();
    if (path.endsWith('.json')) {
        return true;
    }
    if (/\.(?:bib|bibtex)$/.test(path)) {
        return false;
    }
    const first = text[skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0)];
    return first === '[' || first === '{';
}

/**
 * Whether the start of a `.json` file looks like a CSL-JSON library (an empty array, or an array
 * of objects with an `id` or a `citation-key`), to offer it among the bibliographies without
 * offering every JSON file of a project (`package.json`, `tsconfig.json`…).
 */
export function looksLikeCslJson(head: string): boolean {
    return /^\uFEFF?\s*\[\s*[{\]]/.test(head) && (/^\uFEFF?\s*\[\s*\]\s*$/.test(head) || /"(?:id|citation-key)"\s*:/.test(head));
}
