import type { Severity } from '../protocol.js';

/** Diagnostic codes: a contract with users, configs and CI (see docs/rules.md). Never rename one. */
export const IssueCodes = {
    UnsupportedClaim: 'unsupported-claim',
    CircularSupport: 'circular-support',
    SelfSupport: 'self-support',
    UnknownReference: 'unknown-reference',
    UnknownCitation: 'unknown-citation',
    DuplicateId: 'duplicate-id',
    BibliographyNotFound: 'bibliography-not-found',
    BibliographySyntax: 'bibliography-syntax',
    PatternIncomplete: 'pattern-incomplete',
    PatternNotEmergent: 'pattern-not-emergent',
    SchemeInvalid: 'scheme-invalid',
    ValueOutOfRange: 'value-out-of-range',
    ClassificationMismatch: 'classification-mismatch',
    SingleSource: 'single-source',
    ContestedClaim: 'contested-claim',
    QuoteNotFound: 'quote-not-found',
    LineRangeInvalid: 'line-range-invalid',
    IncompleteSource: 'incomplete-source',
    UnusedSource: 'unused-source',
    UnusedDatum: 'unused-datum'
} as const;

export type IssueCode = typeof IssueCodes[keyof typeof IssueCodes];


export const DefaultSeverities: Record<IssueCode, Severity> = {
    'unsupported-claim': 'warning',
    'circular-support': 'error',
    'self-support': 'error',
    'unknown-reference': 'error',
    'unknown-citation': 'error',
    'duplicate-id': 'error',
    'bibliography-not-found': 'error',
    'bibliography-syntax': 'warning',
    'pattern-incomplete': 'error',
    'pattern-not-emergent': 'warning',
    'scheme-invalid': 'error',
    'value-out-of-range': 'error',
    'classification-mismatch': 'warning',
    'single-source': 'information',
    'contested-claim': 'information',
    'quote-not-found': 'warning',
    'line-range-invalid': 'warning',
    'incomplete-source': 'error',
    'unused-source': 'hint',
    'unused-datum': 'hint'
};

export const AllIssueCodes = Object.keys(DefaultSeverities) as IssueCode[];

export function isIssueCode(value: string): value is IssueCode {
    return Object.prototype.hasOwnProperty.call(DefaultSeverities, value);
}
