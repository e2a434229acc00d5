import { AstUtils, DocumentState, type LangiumDocument } from 'langium';
import type { Finding, RelatedElement } from '../analysis/finding.js';
import { isDocument, type Document } from '../generated/ast.js';
import type { WorkspaceAnalysisProvider } from './analysis-provider.js';

/**
 * Grounding, duplicates and usage are properties of the whole workspace: an edit in one file
 * can change the findings of a file that does not reference it (or references it only
 * transitively), which Langium would not rebuild. This remembers what each document was
 * last validated with, so the builder can revalidate exactly the documents whose findings
 * changed — a comparison linear in the number of findings, no relinking.
 */
export class FindingsStaleness {
    /** The findings each document was validated with, and their fingerprint once it was needed. */
    private readonly validatedWith = new WeakMap<Document, { findings: Finding[]; fingerprint?: string }>();

    constructor(private readonly analysis: WorkspaceAnalysisProvider) {}

    recordValidated(document: Document, findings: Finding[]): void {
        // Fingerprinted later, only if the next analysis hands out another list: a carried-over
        // analysis (see carryOver) keeps the lists nothing moved in, and then nothing is compared.
        // The syntax trees do not change once parsed, so a later fingerprint reads the same places.
        this.validatedWith.set(document, { findings });
    }

    staleDocuments(candidates: Iterable<LangiumDocument>): LangiumDocument[] {
        const analysis = this.analysis.get();
        const stale: LangiumDocument[] = [];
        for (const document of candidates) {
            const root = document.parseResult.value;
            if (document.state !== DocumentState.Validated || !isDocument(root)) {
                continue;
            }
            const recorded = this.validatedWith.get(root);
            const findings = analysis.findings.get(root) ?? [];
            if (recorded === undefined || recorded.findings === findings) {
                continue;
            }
            recorded.fingerprint ??= fingerprint(recorded.findings);
            const current = fingerprint(findings);
            if (recorded.fingerprint !== current) {
                stale.push(document);
            } else {
                this.validatedWith.set(root, { findings, fingerprint: current });
            }
        }
        return stale;
    }
}

/**
 * Everything of a finding its diagnostic shows. Related elements are often in other documents,
 * which an edit may have moved: their places count as well as their messages.
 */
function fingerprint(findings: Finding[]): string {
    return findings
        .map(f => `${f.code}\u0000${f.message}\u0000${f.node.$cstNode?.offset}\u0000${f.range?.offset ?? ''}\u0000${f.property ?? ''}\u0000${f.index ?? ''}\u0000${f.severity ?? ''}\u0000${f.unnecessary ?? ''}\u0000${f.data ? JSON.stringify(f.data) : ''}\u0000${f.related?.map(relatedPlace).join('\u0001') ?? ''}`)
        .join('\n');
}

function relatedPlace(related: RelatedElement): string {
    const range = related.node.$cstNode?.range;
    return `${related.message}\u0002${AstUtils.findRootNode(related.node).$document?.uri.toString()}\u0002${range ? `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}` : ''}`;
}
