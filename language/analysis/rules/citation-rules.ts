import { AstUtils } from 'langium';
import { isCitation, type Document } from '../../generated/ast.js';
import { citationKey, type BibliographyLookup } from '../citations.js';
import type { Finding } from '../finding.js';
import { IssueCodes } from '../issue-codes.js';
import type { WorkspaceElements } from '../workspace-elements.js';
import { nearestKeys } from '../../bibliography/nearest-keys.js';

/** unknown-citation: an `@key` found neither among inline sources nor in any bibliography. */
export function citationFindings(elements: WorkspaceElements, bibliography: BibliographyLookup, documents: Iterable<Document>): Finding[] {
    const inline = new Set(elements.sources.map(source => source.name));
    const findings: Finding[] = [];
    for (const document of documents) {
        for (const citation of AstUtils.streamAst(document).filter(isCitation)) {
            if (!citation.key) {
                continue;
            }
            const key = citationKey(citation.key);
            if (inline.has(key) || bibliography.resolve(key)) {
                continue;
            }
            const suggestions = [...new Set([...bibliography.suggest(key), ...nearestKeys(key, inline)])].slice(0, 3);
            const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map(s => `@${s}`).join(', ')}?` : ' Add it to the bibliography or declare it with `source`.';
            findings.push({
                code: IssueCodes.UnknownCitation, node: citation, property: 'key',
                message: `Unknown citation @${key}: no inline source or bibliography entry has this key.${hint}`,
                data: { key, suggestions }
            });
        }
    }
    return findings;
}
