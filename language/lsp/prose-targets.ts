import type { LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { WorkspaceAnalysis } from '../analysis/analysis.js';
import { isClaim, type Claim } from '../generated/ast.js';
import type { ProseCitation } from '../manuscript/citations.js';
import type { ClaimSpan } from '../manuscript/claim-spans.js';
import { manuscriptOf } from '../manuscript/manuscript-documents.js';
import { inFence } from '../manuscript/manuscript.js';

/** What the cursor is on in a manuscript's prose: a citation, or a claim span (its text or its `ref`). */
export type ProseTarget =
    | { kind: 'citation'; citation: ProseCitation; range: Range }
    | { kind: 'claim'; span: ClaimSpan; claim: Claim | undefined; range: Range };

/**
 * The prose target at `offset` of a manuscript, or undefined (a `.warrant` document, a position
 * inside a `warrant` fence, or prose that is neither). Hover, definition and completion branch
 * here for manuscripts before Langium's syntax-tree features.
 */
export function proseTargetAt(document: LangiumDocument, offset: number, analysis: WorkspaceAnalysis | undefined): ProseTarget | undefined {
    const manuscript = manuscriptOf(document);
    if (!manuscript?.checked || inFence(manuscript.fences, offset)) {
        return undefined;
    }
    const range = (start: number, end: number) => ({ start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) });
    const citation = lastAtOrBefore(manuscript.prose.citations, offset, c => c.at);
    if (citation && offset <= citation.offset + citation.length) {
        return { kind: 'citation', citation, range: range(citation.at, citation.offset + citation.length) };
    }
    // Spans nest rarely; the innermost (latest opened) containing the cursor wins.
    let found: ClaimSpan | undefined;
    for (const span of manuscript.prose.claimSpans) {
        const end = Math.max(span.textEnd, span.refOffset + span.refLength);
        if (span.textStart - 1 <= offset && offset <= end && (!found || span.textStart > found.textStart)) {
            found = span;
        }
    }
    if (!found) {
        return undefined;
    }
    const element = found.ref === '' ? undefined : analysis?.elements.byName.get(found.ref);
    return { kind: 'claim', span: found, claim: element && isClaim(element) ? element : undefined, range: range(found.textStart - 1, found.textEnd + 1) };
}

/** The last item whose position is at or before `offset`, in items sorted by position. */
function lastAtOrBefore<T>(items: readonly T[], offset: number, position: (item: T) => number): T | undefined {
    let low = 0;
    let high = items.length - 1;
    let found: T | undefined;
    while (low <= high) {
        const mid = (low + high) >> 1;
        if (position(items[mid]) <= offset) {
            found = items[mid];
            low = mid + 1;
        } else {
            high = mid - 1;
        }
    }
    return found;
}
