import { isDatum } from '../generated/ast.js';
import type { ArgumentNode } from './argument-graph.js';

/** What a datum says of how it was collected, whether written by hand or read from a REFI-QDA project. */
export interface DatumFacts {
    method?: string;
    /** Respondent names (a project segment's case). */
    respondents: readonly string[];
    occurrence?: string;
}

export function datumFacts(node: ArgumentNode): DatumFacts | undefined {
    if (node.segment) {
        const { method, occurrence } = node.segment;
        return { method, occurrence, respondents: node.segment.case ? [node.segment.case.name] : [] };
    }
    if (node.element && isDatum(node.element)) {
        return { method: node.element.method, occurrence: node.element.occurrence, respondents: node.element.respondents.map(ref => ref.$refText) };
    }
    return undefined;
}
