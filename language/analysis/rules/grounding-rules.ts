import type { Claim } from '../../generated/ast.js';
import type { ArgumentGraph, ArgumentNode } from '../argument-graph.js';
import { listNames, whyUngrounded } from '../describe.js';
import { firstOthers, MAX_RELATED, type Finding } from '../finding.js';
import type { Grounding } from '../grounding.js';
import { IssueCodes } from '../issue-codes.js';
import type { WorkspaceElements } from '../workspace-elements.js';

/** unsupported-claim, circular-support, self-support, contested-claim, single-source. */
export function groundingFindings(elements: WorkspaceElements, graph: ArgumentGraph, grounding: Grounding): Finding[] {
    const findings: Finding[] = [];
    // One small function per claim and per kind of finding, not one loop: V8 optimises a loop
    // while it runs and compiles it again each time a later claim takes a branch none before
    // took, and this loop with everything inlined was its most recompiled code.
    for (const claim of elements.claims) {
        const node = graph.byElement.get(claim);
        if (node) { // else a duplicate: reported by duplicate-id
            claimFindings(claim, node, graph, grounding, findings);
        }
    }
    return findings;
}

function claimFindings(claim: Claim, node: ArgumentNode, graph: ArgumentGraph, grounding: Grounding, findings: Finding[]): void {
    selfSupport(claim, findings);
    // Circularity and grounding are reported independently: a cycle member may be
    // grounded through evidence outside the cycle, and an ungrounded one is also unsupported.
    if (grounding.cycleOf[node.index]! >= 0) {
        findings.push(circularSupport(claim, node, graph, grounding));
    }
    if (!grounding.grounded[node.index]) {
        findings.push(unsupported(claim, node, graph, grounding));
        return;
    }
    if (grounding.contested[node.index]) {
        findings.push(contested(claim, node, graph, grounding));
    }
    const single = singleSourceReason(grounding.profiles[node.index]);
    if (single) {
        findings.push({ code: IssueCodes.SingleSource, node: claim, property: 'name', message: `\`${claim.name}\` ${single}. Triangulate with further data, respondents or methods.` });
    }
}

function circularSupport(claim: Claim, node: ArgumentNode, graph: ArgumentGraph, grounding: Grounding): Finding {
    const cycle = grounding.cycleOf[node.index]!;
    const path = grounding.cycles[cycle]!;
    const consequence = grounding.grounded[node.index]
        ? 'The cycle adds no evidence: its claims are grounded only through support from outside it.'
        : 'A chain of claims that support each other grounds none of them.';
    return {
        code: IssueCodes.CircularSupport,
        node: claim, property: 'name',
        message: path.includes(node.index)
            ? `Circular support: ${cyclePath(graph, path)}. ${consequence}`
            : `\`${claim.name}\` is part of a circular support group (${listNames(grounding.components[cycle]!.slice(0, 5).map(i => graph.nodes[i]!.id), 5, grounding.components[cycle]!.length)}). ${consequence}`,
        // Robustness: every member of a 1,000-claim cycle listed the whole cycle (quadratic).
        related: firstOthers(grounding.components[cycle]!, node.index)
            .map(i => ({ node: graph.nodes[i]!.element!, message: `\`${graph.nodes[i]!.id}\` is in the same cycle` }))
    };
}

function unsupported(claim: Claim, node: ArgumentNode, graph: ArgumentGraph, grounding: Grounding): Finding {
    const supporters = graph.supporters[node.index]!.filter(s => s !== node.index).map(s => graph.nodes[s]!);
    if (supporters.length === 0) {
        return {
            code: IssueCodes.UnsupportedClaim, node: claim, property: 'name',
            message: `\`${claim.name}\` has no support: it traces to no datum, stat or source. Add \`supported by\` data or claims, or \`cites\` a source.`,
            data: { reason: 'none' }
        };
    }
    const reasons = supporters.slice(0, 5).map(s => `\`${s.id}\` (${whyUngrounded(graph, grounding, s)})`);
    const more = supporters.length > 5 ? ` and ${supporters.length - 5} more` : '';
    return {
        code: IssueCodes.UnsupportedClaim, node: claim, property: 'name',
        message: `\`${claim.name}\` does not trace to any datum, stat or source: it rests only on ${reasons.join(', ')}${more}.`,
        related: supporters.slice(0, MAX_RELATED).flatMap(s => s.element ? [{ node: s.element, message: `\`${s.id}\` is itself ungrounded` }] : []),
        data: { reason: 'ungrounded-supporters' }
    };
}

function contested(claim: Claim, node: ArgumentNode, graph: ArgumentGraph, grounding: Grounding): Finding {
    const opposers = graph.opposers[node.index]!.filter(o => grounding.grounded[o]).map(o => graph.nodes[o]!);
    return {
        code: IssueCodes.ContestedClaim, node: claim, property: 'name',
        message: `\`${claim.name}\` is contested: grounded evidence opposes it (${listNames(opposers.map(o => o.id))}).`,
        related: opposers.slice(0, MAX_RELATED).flatMap(o => o.element ? [{ node: o.element, message: `\`${o.id}\` opposes \`${claim.name}\`` }] : [])
    };
}

function selfSupport(claim: Claim, findings: Finding[]): void {
    for (const clause of claim.clauses) {
        if (clause.$type === 'Support') {
            for (let index = 0; index < clause.supporters.length; index++) {
                if (clause.supporters[index]!.ref === claim) {
                    findings.push({
                        code: IssueCodes.SelfSupport, node: clause, property: 'supporters', index,
                        message: `\`${claim.name}\` lists itself as support; a claim cannot ground itself.`
                    });
                }
            }
        }
    }
}

function singleSourceReason(profile: Grounding['profiles'][number]): string | undefined {
    if (!profile) {
        return undefined;
    }
    if (profile.pieces.length === 1) {
        const [only] = profile.pieces;
        return profile.stats.includes(only)
            ? `rests on a single piece of evidence (the stat \`${only}\` and the ${profile.sources.length === 1 ? 'source' : 'sources'} it cites)`
            : `rests on a single piece of evidence (\`${only}\`)`;
    }
    if (profile.data.length >= 2 && profile.stats.length + profile.sources.length === 0) {
        if (profile.respondents.length === 1) {
            return `rests on data that all come from one respondent (\`${profile.respondents[0]}\`)`;
        }
        if (profile.methods.length === 1) {
            return `rests on data all collected by one method (${profile.methods[0]})`;
        }
    }
    return undefined;
}

/** Longest cycle written out in full in a message; longer ones show their two ends. */
const MAX_CYCLE_NAMES = 12;

/**
 * The closed path as `a` → `b` → `c` → `a`, the whole of it up to MAX_CYCLE_NAMES claims;
 * a longer cycle (e.g. 1,000 claims, each with its own message) shows its first and last
 * claims and how many lie between, so the messages stay linear in the input.
 */
function cyclePath(graph: ArgumentGraph, path: number[]): string {
    const name = (i: number) => `\`${graph.nodes[i].id}\``;
    if (path.length <= MAX_CYCLE_NAMES + 1) {
        return path.map(name).join(' → ');
    }
    const head = path.slice(0, MAX_CYCLE_NAMES / 2).map(name);
    const tail = path.slice(path.length - MAX_CYCLE_NAMES / 2).map(name);
    return `${head.join(' → ')} → … ${path.length - MAX_CYCLE_NAMES} more … → ${tail.join(' → ')} (a cycle of ${path.length - 1} claims)`;
}
