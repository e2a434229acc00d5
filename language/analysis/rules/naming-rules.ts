import { firstOthers, type Finding } from '../finding.js';
import { IssueCodes } from '../issue-codes.js';
import type { WorkspaceElements } from '../workspace-elements.js';

/** duplicate-id: reported on every declaration of a name, each pointing at the others. */
export function namingFindings(elements: WorkspaceElements): Finding[] {
    const findings: Finding[] = [];
    for (const [name, declarations] of elements.duplicates) {
        for (const declaration of declarations) {
            const others = firstOthers(declarations, declaration);
            findings.push({
                code: IssueCodes.DuplicateId, node: declaration, property: 'name',
                message: `\`${name}\` is declared ${declarations.length} times in the workspace; names must be unique across all files.`,
                related: others.map(other => ({ node: other, message: `\`${name}\` is also declared here` }))
            });
        }
    }
    return findings;
}
