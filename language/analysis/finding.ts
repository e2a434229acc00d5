import type { AstNode } from 'langium';
import type { DiagnosticData, Severity } from '../protocol.js';
import type { IssueCode } from './issue-codes.js';

/**
 * At most this many related elements per finding. Robustness: without a cap, 1,200 declarations
 * of one name (or a 1,000-claim cycle) made 1.4 million related entries — seconds of CPU and
 * megabytes of JSON per keystroke, quadratic in the input.
 */
export const MAX_RELATED = 20;

/** The first MAX_RELATED members of a group other than `self`: linear in the group, not quadratic over its members. */
export function firstOthers<T>(group: readonly T[], self: T): T[] {
    return group.slice(0, MAX_RELATED + 1).filter(member => member !== self).slice(0, MAX_RELATED);
}

/** Another element a finding involves, shown as LSP related information. */
export interface RelatedElement {
    node: AstNode;
    message: string;
}

/**
 * A rule violation found by the analysis: pure data pointing into the AST, turned into an
 * LSP diagnostic by the validator and into a CLI record by the checker.
 */
export interface Finding {
    code: IssueCode;
    message: string;
    node: AstNode;
    /** Narrows the range to one property of the node (and one element of a list property). */
    property?: string;
    index?: number;
    /**
     * Narrows the range to a stretch of the document's text instead (offset and length): the
     * prose of a Markdown manuscript has no syntax tree, so its findings sit on the root.
     */
    range?: { offset: number; length: number };
    related?: RelatedElement[];
    /** Facts a quick fix needs (e.g. the suggested key): the diagnostic's `data`. */
    data?: DiagnosticData;
    /** Marks code that is declared but unused (rendered faded by editors). */
    unnecessary?: boolean;
    /**
     * The highest severity this finding is shown at, below its rule's level: a problem a
     * REFI-QDA project reports as a warning stays a warning even though its rule is an error.
     */
    severity?: Severity;
}
