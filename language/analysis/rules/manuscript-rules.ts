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

/** What the manuscript rules read of the analysed map. */
export interface MapFacts {
    elements: WorkspaceElements;
    graph: ArgumentGraph;
    grounding: Grounding;
    bibliography: BibliographyLookup;
    files: ExternalFiles;
    /** The findings of the map's own rules. */
    findings: readonly Finding[];
}

/**
 * The prose of the manuscripts against the map and the bibliographies: unknown-citation on a
 * Pandoc citation no bibliography has (Quarto cross-references aside), bibliography-not-found
 * on a front matter path, unknown-claim-span, ungrounded-claim-span and the claim's
 * classification-mismatch findings on claim spans, and
 * claim-not-in-manuscript on the map's conclusions the marked claims lead to.
 */
export function manuscriptFindings(manuscripts: readonly ManuscriptInput[], map: MapFacts): Finding[] {
    const { elements, graph, grounding, bibliography, files } = map;
    const findings: Finding[] = [];
    let mismatches: Map<Claim, Finding[]> | undefined;
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
            // On `@key` (a braced key with its braces), as in a .warrant file, so that a quick fix replaces it whole.
            findings.push({
                code: IssueCodes.UnknownCitation, node: root, range: { offset: citation.at, length: citation.end - citation.at },
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
                    message: `${what}${nearest.length > 0 ? ` Did you mean ${nearest.map(name => `\`${name}\``).join(', ')}?` : ''}`,
                    data: { suggestions: nearest }
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
            // The map's own verdict on the claim's classification, where the paper makes the claim.
            mismatches ??= mismatchesByClaim(map.findings);
            for (const mismatch of mismatches.get(element) ?? []) {
                findings.push({ code: IssueCodes.ClassificationMismatch, node: root, range, message: `The manuscript makes the claim \`${span.ref}\`, whose classification the figures contradict: ${mismatch.message}` });
            }
        }
    }
    findings.push(...unmadeConclusions(marked, graph));
    return findings;
}

/** classification-mismatch findings by the claim whose `classifies` clause they are on. */
function mismatchesByClaim(findings: readonly Finding[]): Map<Claim, Finding[]> {
    const byClaim = new Map<Claim, Finding[]>();
    for (const finding of findings) {
        const claim = finding.node.$container;
        if (finding.code === IssueCodes.ClassificationMismatch && claim && isClaim(claim)) {
            byClaim.set(claim, [...(byClaim.get(claim) ?? []), finding]);
        }
    }
    return byClaim;
}

/**
 * claim-not-in-manuscript: the conclusions of the map (claims nothing else rests on) that the
 * marked claims lead to, and that no span marks. The paper stops short of what its own map
 * concludes from what it says; conclusions of parts of the map the manuscripts never touch
 * are not its business.
 */
function unmadeConclusions(marked: ReadonlySet<Claim>, graph: ArgumentGraph): Finding[] {
    const seen = new Set<number>();
    const pending: number[] = [];
    for (const claim of marked) {
        const node = graph.byElement.get(claim);
        if (node && !seen.has(node.index)) {
            seen.add(node.index);
            pending.push(node.index);
        }
    }
    const findings: Finding[] = [];
    while (pending.length > 0) {
        const index = pending.pop()!;
        const dependents = graph.dependents[index];
        const element = graph.nodes[index].element;
        if (dependents.length === 0 && element && isClaim(element) && !marked.has(element) && element.name) {
            findings.push({
                code: IssueCodes.ClaimNotInManuscript, node: element, property: 'name',
                message: `No claim span of the manuscripts marks \`${element.name}\`, a conclusion the map draws from claims they make: the paper never states it.`
            });
        }
        for (const next of dependents) {
            if (!seen.has(next)) {
                seen.add(next);
                pending.push(next);
            }
        }
    }
    return findings;
}
