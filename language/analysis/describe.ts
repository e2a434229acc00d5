import type { ArgumentGraph, ArgumentNode } from './argument-graph.js';
import type { Grounding } from './grounding.js';

/** `a`, `a` and `b`, `a`, `b` and 3 more: names in messages stay short on huge inputs. */
export function listNames(names: string[], max = 5, total = names.length): string {
    const quoted = names.slice(0, max).map(name => `\`${name}\``);
    if (total > max) {
        return `${quoted.join(', ')} and ${total - max} more`;
    }
    if (quoted.length <= 1) {
        return quoted.join('');
    }
    return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

const KIND_NAMES: Record<ArgumentNode['kind'], string> = {
    claim: 'claim', pattern: 'pattern', datum: 'datum', stat: 'stat', source: 'source', scheme: 'scheme'
};

/** Why a supporter fails to ground what it supports, in a few words. */
export function whyUngrounded(graph: ArgumentGraph, grounding: Grounding, node: ArgumentNode): string {
    if (node.unresolvedKey !== undefined) {
        return 'a citation found in no bibliography';
    }
    if (node.source?.incomplete !== undefined) {
        return `an incomplete source with ${node.source.incomplete}`;
    }
    if (grounding.cycleOf[node.index] >= 0) {
        return `a ${KIND_NAMES[node.kind]} in a circular chain of support`;
    }
    if (node.kind === 'stat') {
        return graph.supporters[node.index].length === 0 ? 'a stat that cites no source' : 'a stat whose sources resolve nowhere';
    }
    if (node.kind === 'pattern') {
        return 'a pattern that observes no datum';
    }
    return `an unsupported ${KIND_NAMES[node.kind]}`;
}
