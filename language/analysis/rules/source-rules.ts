import type { Finding } from '../finding.js';
import { IssueCodes } from '../issue-codes.js';
import { gapsText, sourceGaps } from '../source-identity.js';
import type { WorkspaceElements } from '../workspace-elements.js';

/** incomplete-source: an inline source that does not identify a work grounds nothing. */
export function sourceFindings(elements: WorkspaceElements): Finding[] {
    const findings: Finding[] = [];
    for (const source of elements.sources) {
        const gaps = sourceGaps(source);
        if (gaps.length === 0 || !source.name) {
            continue;
        }
        // On the first field that is there but unusable, else on the name (a field is missing).
        const at = gaps.find(gap => gap.field)?.field;
        findings.push({
            code: IssueCodes.IncompleteSource,
            ...(at ? { node: at, property: 'value' } : { node: source, property: 'name' }),
            message: `Source \`${source.name}\` does not identify a work: it has ${gapsText(gaps)}. It grounds nothing until it names an author or editor, a title and a year.`,
            related: gaps.filter(gap => gap.field && gap.field !== at).map(gap => ({ node: gap.field!, message: gap.problem }))
        });
    }
    return findings;
}
