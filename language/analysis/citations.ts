import type { Source } from '../generated/ast.js';

/** A cited work, from an inline `source` declaration or a BibTeX entry. */
export interface ResolvedSource {
    key: string;
    /** Title (or the key when the entry has none): the node label in the map. */
    title: string;
    /** "Merton, R. K. (1948)": authors and year for hovers and the map. */
    detail?: string;
    /** Set for inline sources. */
    declaration?: Source;
    /** Set for an inline source that does not identify a work (see source-identity.ts): what it lacks. It grounds nothing. */
    incomplete?: string;
    /** Set for BibTeX entries: the file and 0-based line of the entry. */
    entry?: { uri: string; line: number };
}

/** What the analysis needs from the bibliographies: resolution and suggestions, nothing more. */
export interface BibliographyLookup {
    resolve(key: string): ResolvedSource | undefined;
    suggest(key: string): string[];
}

/** `@Hall2005` → `Hall2005`. */
export function citationKey(text: string): string {
    return text.startsWith('@') ? text.slice(1) : text;
}
