import type { AstNode } from 'langium';
import { isAnomalous, isObserved, isStrategic, isUnanticipated, type Pattern } from '../../generated/ast.js';
import { listNames } from '../describe.js';
import { MAX_RELATED, type Finding } from '../finding.js';
import { IssueCodes } from '../issue-codes.js';
import type { ProjectEvidenceResolver } from '../project-evidence.js';
import type { WorkspaceElements } from '../workspace-elements.js';

/** An observed datum, hand-written or a project segment (then `node` is the reference to it). */
interface ObservedDatum {
    name: string;
    occurrence?: string;
    node: AstNode;
}

/**
 * pattern-incomplete: Merton's serendipity pattern is an unanticipated, anomalous and
 * strategic datum; each part must be stated and at least one datum observed.
 * pattern-not-emergent: a serendipitous finding needs at least one observed datum recorded
 * as `emergent`; data that were prompted, or whose occurrence is not recorded, show nothing
 * stumbled upon.
 */
export function patternFindings(elements: WorkspaceElements, projects: ProjectEvidenceResolver): Finding[] {
    const findings: Finding[] = [];
    for (const pattern of elements.patterns) {
        const missing: string[] = [];
        if (!pattern.parts.some(isUnanticipated)) {
            missing.push('`unanticipated` (what was not expected)');
        }
        if (!pattern.parts.some(isAnomalous)) {
            missing.push('`anomalous` (what contradicted theory or expectation)');
        }
        if (!pattern.parts.some(isStrategic)) {
            missing.push('`strategic` (the claim it occasions)');
        }
        const observed = observedData(pattern, projects);
        if (observed.length === 0) {
            missing.push('`observed` data');
        }
        if (missing.length > 0) {
            findings.push({
                code: IssueCodes.PatternIncomplete, node: pattern, property: 'name',
                message: `Serendipity pattern \`${pattern.name}\` lacks ${missing.join(', ')}. Merton's pattern is an unanticipated, anomalous and strategic datum.`,
                data: { missing: missing.map(m => m.slice(1, m.indexOf('`', 1))) }
            });
        }
        if (observed.length > 0 && !observed.some(datum => datum.occurrence === 'emergent')) {
            const unrecorded = observed.filter(datum => datum.occurrence === undefined);
            const why = unrecorded.length === 0
                ? `Every datum \`${pattern.name}\` observes was prompted by the researcher`
                : `No datum \`${pattern.name}\` observes is recorded as emergent (${listNames(unrecorded.map(datum => datum.name), 5)} ${unrecorded.length === 1 ? 'does' : 'do'} not say whether ${unrecorded.length === 1 ? 'it was' : 'they were'} prompted)`;
            findings.push({
                code: IssueCodes.PatternNotEmergent, node: pattern, property: 'name',
                message: `${why}; a serendipitous finding needs at least one emergent datum. Mark the data that arose unprompted \`emergent\`.`,
                related: observed.slice(0, MAX_RELATED).map(datum => ({ node: datum.node, message: `\`${datum.name}\` is ${datum.occurrence ?? 'not recorded as emergent or prompted'}` }))
            });
        }
    }
    return findings;
}

function observedData(pattern: Pattern, projects: ProjectEvidenceResolver): ObservedDatum[] {
    return pattern.parts.filter(isObserved).flatMap(part => [
        ...part.data.flatMap(ref => ref.ref ? [{ name: ref.ref.name, occurrence: ref.ref.occurrence, node: ref.ref }] : []),
        ...part.evidence.flatMap(reference => {
            const resolved = projects.resolve(reference);
            return resolved.status !== 'ok' ? [] : resolved.segments.map(segment => ({ name: segment.id, occurrence: segment.occurrence, node: reference }));
        })
    ]);
}
