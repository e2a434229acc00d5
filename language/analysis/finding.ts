import type { AstNode } from 'langium';
import type { IssueCode } from './issue-codes.js';

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
    related?: RelatedElement[];
    /** Facts a quick fix needs (e.g. the suggested key); JSON only. */
    data?: Record<string, unknown>;
    /** Marks code that is declared but unused (rendered faded by editors). */
    unnecessary?: boolean;
}
