import type { Severity } from '../protocol.js';
import { RuleTable } from './rule-table.js';

type Rule = typeof RuleTable[number];

/** Diagnostic codes by the name the rules use, from the rule table (see docs/rules.md). */
export const IssueCodes = Object.fromEntries(RuleTable.map(rule => [rule.name, rule.code])) as { readonly [R in Rule as R['name']]: R['code'] };

export type IssueCode = Rule['code'];

/**
 * Codes of notices about the checking itself rather than the argument: always reported, never
 * configurable (like the parse errors' `lexing-error` and `parsing-error`).
 */
export const CheckingCodes = {
    InternalError: 'internal-error',
    TooManySyntaxErrors: 'too-many-syntax-errors',
    TooManyProblems: 'too-many-problems'
} as const;


export const DefaultSeverities = Object.fromEntries(RuleTable.map(rule => [rule.code, rule.severity])) as Record<IssueCode, Severity>;

export const AllIssueCodes = Object.keys(DefaultSeverities) as IssueCode[];

export function isIssueCode(value: string): value is IssueCode {
    return Object.prototype.hasOwnProperty.call(DefaultSeverities, value);
}
