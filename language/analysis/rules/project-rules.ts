import type { ProjectEvidence } from '../../generated/ast.js';
import type { Severity } from '../../protocol.js';
import type { QdaSeverity } from '../../qda/index.js';
import type { ExternalFiles } from '../external-files.js';
import type { Finding } from '../finding.js';
import { IssueCodes } from '../issue-codes.js';
import type { ProjectEvidenceResolver } from '../project-evidence.js';
import type { WorkspaceElements } from '../workspace-elements.js';
import { notReadMessage } from './file-rules.js';

/** Problems of one project shown on its declaration before the rest are summarised. */
export const SHOWN_PROJECT_PROBLEMS = 5;

const SEVERITY: Record<QdaSeverity, Severity> = { error: 'error', warning: 'warning', info: 'information' };
const RANK: Record<QdaSeverity, number> = { info: 0, warning: 1, error: 2 };

/**
 * project-not-found: a `project` file not read, or no REFI-QDA project.
 * project-problem: what the reader found wrong in the project, at the problem's own severity at most.
 * unknown-project-evidence: a code or segment the project does not have, or a quote that does not pick one segment.
 */
/** `evidence`: the workspace's `projectReferences`, which the analysis lists once. */
export function projectFindings(elements: WorkspaceElements, files: ExternalFiles, projects: ProjectEvidenceResolver, evidence: readonly ProjectEvidence[]): Finding[] {
    const findings: Finding[] = [];
    for (const statement of elements.projects) {
        const facts = files.project(statement);
        if (!facts) {
            continue;
        }
        if (facts.status !== 'ok') {
            findings.push({ code: IssueCodes.ProjectNotFound, node: statement, property: 'path', message: notReadMessage(facts.status, facts.path, 'Project ') });
            continue;
        }
        const { project } = facts.index;
        if (!project.readable) {
            const why = project.problems.find(p => p.severity === 'error')?.message ?? 'it is not a REFI-QDA project';
            findings.push({ code: IssueCodes.ProjectNotFound, node: statement, property: 'path', message: `Project \`${facts.path}\` cannot be read: ${why}` });
            continue;
        }
        // Most serious first, so the few shown are the ones that matter.
        const problems = [...project.problems].sort((a, b) => RANK[b.severity] - RANK[a.severity]);
        for (const problem of problems.slice(0, SHOWN_PROJECT_PROBLEMS)) {
            findings.push({ code: IssueCodes.ProjectProblem, node: statement, property: 'path', severity: SEVERITY[problem.severity], message: `${facts.path}: ${problem.message}` });
        }
        const rest = problems.slice(SHOWN_PROJECT_PROBLEMS);
        if (rest.length > 0) {
            findings.push({
                code: IssueCodes.ProjectProblem, node: statement, property: 'path', severity: SEVERITY[rest[0]!.severity],
                message: `${facts.path}: ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'} (\`warrant qda ${facts.path}\` lists them all).`
            });
        }
    }
    for (const reference of evidence) {
        const resolved = projects.resolve(reference);
        if (resolved.status === 'unknown') {
            findings.push({ code: IssueCodes.UnknownProjectEvidence, node: reference, property: 'key', message: resolved.message });
        }
    }
    return findings;
}

/** Every `code "…" in project` / `segment "…" in project` reference of claims and patterns. */
export function projectReferences(elements: WorkspaceElements): ProjectEvidence[] {
    // Loops into a list, not a generator: this visits every clause of the workspace, and V8
    // compiles a generator with yield* into several times the code.
    const references: ProjectEvidence[] = [];
    for (const claim of elements.claims) {
        for (const clause of claim.clauses) {
            if (clause.$type === 'Support' || clause.$type === 'Opposition') {
                add(references, clause.evidence);
            }
        }
    }
    for (const pattern of elements.patterns) {
        for (const part of pattern.parts) {
            if (part.$type === 'Observed') {
                add(references, part.evidence);
            }
        }
    }
    return references;
}

function add(references: ProjectEvidence[], evidence: readonly ProjectEvidence[]): void {
    for (const reference of evidence) {
        references.push(reference);
    }
}
