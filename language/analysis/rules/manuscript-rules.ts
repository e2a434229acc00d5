import { isClaim, type Claim, type Document } from '../../generated/ast.js';
import { KeyMatcher } from '../../bibliography/nearest-keys.js';
import { isCrossReference } from '../../manuscript/citations.js';
import type { Manuscript } from '../../manuscript/manuscript.js';
import type { ArgumentGraph } from '../argument-graph.js';
import type { BibliographyLookup } from '../citations.js';
import { whyUngrounded } from '../describe.js';
import type { ExternalFiles } from '../external-files.js';
import type { Finding } from '../finding.js';
import type { Grounding } from '../grounding.js';
import { IssueCodes } from '../issue-codes.js';
import type { WorkspaceElements } from '../workspace-elements.js';
import { didYouMean } from './citation-rules.js';
import { notReadMessage } from './file-rules.js';

/** A Markdown manuscript of the workspace: its root (holding its fences' declarations) and its prose. */
export interface ManuscriptInput {
    root: Document;
    manuscript: Manuscript;
}

/**
 * The prose of the manuscripts against the map and the bibliographies: unknown-citation on a
 * Pandoc citation no bibliography has (Quarto cross-references aside), bibliography-not-found
 * on a front matter path, unknown-claim-span and ungrounded-claim-span on claim spans, and
 * claim-not-in-manuscript on the map's unmarked conclusions once some manuscript marks claims.
 */
export function manuscriptFindings(manuscripts: readonly ManuscriptInput[], elements: WorkspaceElements, graph: ArgumentGraph, grounding: Grounding, bibliography: BibliographyLookup, files: ExternalFiles): Finding[] {
    const findings: Finding[] = [];
    const marked = new Set<Claim>();
    let claimNames: KeyMatcher | undefined;
    const suggestions = new Map<string, string[]>();
    for (const { root, manuscript } of manuscripts) {
        if (!manuscript.checked) {
            continue;
        }
        const bibliographies = files.manuscriptBibliographies(root) ?? [];
        manuscript.bibliographies.forEach((named, i) => {
            const facts = bibliographies[i];
            if (facts && facts.status !== 'ok') {
                findings.push({ code: IssueCodes.BibliographyNotFound, node: root, range: named, message: notReadMessage(facts.status, facts.path, 'Bibliography ') });
            }
        });
        for (const citation of manuscript.prose.citations) {
            if (isCrossReference(citation.key) || bibliography.resolve(citation.key)) {
                continue;
            }
            let nearest = suggestions.get(citation.key);
            if (!nearest) {
                nearest = bibliography.suggest(citation.key).slice(0, 3);
                suggestions.set(citation.key, nearest);
            }
            findings.push({
                code: IssueCodes.UnknownCitation, node: root, range: citation,
                message: `Unknown citation @${citation.key}: no bibliography of the workspace or of this manuscript's front matter has this key.${didYouMean(nearest) ?? ' Add it to the bibliography.'}`,
                data: { key: citation.key, suggestions: nearest }
            });
        }
        for (const span of manuscript.prose.claimSpans) {
            const range = { offset: span.refOffset, length: span.refLength };
            const element = span.ref === '' ? undefined : elements.byName.get(span.ref);
            if (!element || !isClaim(element)) {
                claimNames ??= new KeyMatcher(elements.claims.map(claim => claim.name).filter((name): name is string => typeof name === 'string'));
                const nearest = span.ref === '' ? [] : claimNames.nearest(span.ref).slice(0, 3);
                const what = span.ref === '' ? 'This `.claim` span names no claim: add `ref=` and the claim\'s name.'
                    : element ? `\`${span.ref}\` is not a claim of the map.` : `No claim \`${span.ref}\` in the map.`;
                findings.push({
                    code: IssueCodes.UnknownClaimSpan, node: root, range,
                    message: `${what}${nearest.length > 0 ? ` Did you mean ${nearest.map(name => `\`${name}\``).join(', ')}?` : ''}`
                });
                continue;
            }
            marked.add(element);
            const node = graph.byElement.get(element);
            if (node && !grounding.grounded[node.index]) {
                findings.push({
                    code: IssueCodes.UngroundedClaimSpan, node: root, range,
                    message: `The manuscript makes the claim \`${span.ref}\`, which the map does not ground: it is ${whyUngrounded(graph, grounding, node)}.`
                });
            }
        }
    }
    if (marked.size > 0) {
        for (const claim of elements.claims) {
            const node = graph.byElement.get(claim);
            // Only the map's conclusions (claims nothing else rests on): a paper may leave the steps implicit.
            if (!marked.has(claim) && claim.name && node && graph.dependents[node.index].length === 0) {
                findings.push({ code: IssueCodes.ClaimNotInManuscript, node: claim, property: 'name', message: `No claim span of the manuscripts marks \`${claim.name}\`, a conclusion of the map: the paper never makes it.` });
            }
        }
    }
    return findings;
}
