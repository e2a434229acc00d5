import type { Severity } from '../protocol.js';

/**
 * Every rule once: the constant the code uses, the code users see, its default severity and the
 * line that describes it. The `warrant.rules` setting in package.json, the `rules` of
 * schemas/warrant.config.schema.json and the rule tables of docs/rules.md and README.md are
 * generated from this table (`npm run generate`, also run by the build); each rule's full text is
 * the `## <code>` section of docs/rules.md, so the code is its documentation anchor.
 * A code is a contract with users, configs and CI: never rename one.
 */
export const RuleTable = [
    { name: 'UnsupportedClaim', code: 'unsupported-claim', severity: 'warning', summary: 'a claim traces to no datum, stat or resolved source, in a cycle or not (the message says why)' },
    { name: 'CircularSupport', code: 'circular-support', severity: 'error', summary: 'claims support each other in a cycle (the message shows it)' },
    { name: 'SelfSupport', code: 'self-support', severity: 'error', summary: 'a claim lists itself as support' },
    { name: 'UnknownReference', code: 'unknown-reference', severity: 'error', summary: 'a name declared nowhere (the nearest names are suggested)' },
    { name: 'UnknownCitation', code: 'unknown-citation', severity: 'error', summary: 'an `@key` found in no bibliography and no inline source (the nearest entries are suggested)' },
    { name: 'IncompleteSource', code: 'incomplete-source', severity: 'error', summary: 'an inline source without an author or editor, a title and a year: it grounds nothing' },
    { name: 'DuplicateId', code: 'duplicate-id', severity: 'error', summary: 'two elements share a name' },
    { name: 'BibliographyNotFound', code: 'bibliography-not-found', severity: 'error', summary: 'a `bibliography` file is missing, not a file, too large or outside the workspace' },
    { name: 'BibliographySyntax', code: 'bibliography-syntax', severity: 'warning', summary: 'a malformed BibTeX entry or CSL-JSON item, with its line' },
    { name: 'PatternIncomplete', code: 'pattern-incomplete', severity: 'error', summary: 'a serendipity pattern lacks `unanticipated`, `anomalous` or `strategic`, or observes no datum' },
    { name: 'PatternNotEmergent', code: 'pattern-not-emergent', severity: 'warning', summary: 'no datum a pattern observes is recorded as `emergent`' },
    { name: 'SchemeInvalid', code: 'scheme-invalid', severity: 'error', summary: "a scheme's bands overlap or leave gaps" },
    { name: 'ValueOutOfRange', code: 'value-out-of-range', severity: 'error', summary: 'a percentage outside 0–100%, a count above its total' },
    { name: 'ClassificationMismatch', code: 'classification-mismatch', severity: 'warning', summary: 'a stat is classified into a band its value is not in (the right band is named)' },
    { name: 'SingleSource', code: 'single-source', severity: 'information', summary: 'a grounded claim rests on one piece of evidence, one respondent or one method only' },
    { name: 'ContestedClaim', code: 'contested-claim', severity: 'information', summary: 'grounded evidence opposes a claim' },
    { name: 'QuoteNotFound', code: 'quote-not-found', severity: 'warning', summary: "a datum's quote is not in the file (and line range) it names" },
    { name: 'LineRangeInvalid', code: 'line-range-invalid', severity: 'warning', summary: "a datum's `lines` range is reversed or runs past the end of its file" },
    { name: 'UnusedSource', code: 'unused-source', severity: 'hint', summary: 'an inline source nobody cites' },
    { name: 'UnusedDatum', code: 'unused-datum', severity: 'hint', summary: 'a datum nothing uses' },
    { name: 'UnknownClaimSpan', code: 'unknown-claim-span', severity: 'error', summary: 'a manuscript\'s `[…]{.claim ref=…}` span names no claim of the map (the nearest claims are suggested)' },
    { name: 'UngroundedClaimSpan', code: 'ungrounded-claim-span', severity: 'warning', summary: 'a manuscript marks a sentence as a claim the map does not ground' },
    { name: 'ClaimNotInManuscript', code: 'claim-not-in-manuscript', severity: 'hint', summary: 'a conclusion of the map (a claim nothing rests on) that the claims a manuscript marks lead to, but that no claim span marks' },
    { name: 'ProjectNotFound', code: 'project-not-found', severity: 'error', summary: 'a `project` file is missing, not a file, too large, outside the workspace or no REFI-QDA project' },
    { name: 'ProjectProblem', code: 'project-problem', severity: 'error', summary: 'a problem inside a REFI-QDA project (a segment that cannot be cut, a missing source text…), at most at its own severity' },
    { name: 'UnknownProjectEvidence', code: 'unknown-project-evidence', severity: 'error', summary: 'a code or segment the project does not have, or a quote that more than one segment contains' }
] as const satisfies readonly { name: string; code: string; severity: Severity; summary: string }[];

/** What `warrant.config.json` and the `warrant.rules` setting accept per code. */
export const RuleLevels = ['off', 'hint', 'information', 'warning', 'error'] as const;

/** A rule's summary as a plain sentence, for JSON schemas and SARIF, which show no Markdown. */
export function ruleSentence(rule: { summary: string }): string {
    const text = rule.summary.replaceAll('`', '');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export const RulesDocumentUrl = 'https://github.com/warrant-tools/warrant/blob/main/docs/rules.md';
