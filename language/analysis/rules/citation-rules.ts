import { citationKey, type BibliographyLookup } from '../citations.js';
import type { ArgumentGraph } from '../argument-graph.js';
import type { Finding } from '../finding.js';
import { IssueCodes } from '../issue-codes.js';
import type { WorkspaceElements } from '../workspace-elements.js';
import { KeyMatcher } from '../../bibliography/nearest-keys.js';

/** unknown-citation: an `@key` found neither among inline sources nor in any bibliography. */
export function citationFindings(elements: WorkspaceElements, graph: ArgumentGraph, bibliography: BibliographyLookup): Finding[] {
    // Robustness: a source the parser recovered without its name has `name` undefined (which
    // crashed the matcher and with it the whole validation); and one matcher for all unknown
    // keys, not one per key (quadratic on many unknown citations), which also answers a key
    // cited many times from its memo.
    const inline = new KeyMatcher(elements.sources.map(source => source.name).filter((name): name is string => typeof name === 'string'));
    return graph.unresolvedCitations.map(citation => {
        const key = citationKey(citation.key);
        const suggestions = nearestCitationKeys(key, bibliography, inline);
        const hint = didYouMean(suggestions) ?? ' Add it to the bibliography or declare it with `source`.';
        return {
            code: IssueCodes.UnknownCitation, node: citation, property: 'key',
            message: `Unknown citation @${key}: no inline source or bibliography entry has this key.${hint}`,
            data: { key, suggestions }
        };
    });
}

/** The keys a mistyped `@key` most likely meant: bibliography entries first, then inline sources. */
export function nearestCitationKeys(key: string, bibliography: BibliographyLookup, inline?: KeyMatcher): string[] {
    return [...new Set([...bibliography.suggest(key), ...(inline?.nearest(key) ?? [])])].slice(0, 3);
}

/** ` Did you mean @a, @b?`, or undefined without suggestions. */
export function didYouMean(suggestions: readonly string[]): string | undefined {
    return suggestions.length > 0 ? ` Did you mean ${suggestions.map(s => `@${s}`).join(', ')}?` : undefined;
}
