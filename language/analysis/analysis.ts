import { AstUtils, type AstNode } from 'langium';
import type { Document } from '../generated/ast.js';
import { buildArgumentGraph, type ArgumentGraph, type ArgumentNode } from './argument-graph.js';
import type { BibliographyLookup } from './citations.js';
import type { ExternalFiles } from './external-files.js';
import type { Finding } from './finding.js';
import { groundingStages, profileOf, statusOf, traceOf, type Grounding, type Triangulation } from './grounding.js';
import { citationFindings } from './rules/citation-rules.js';
import { fileFindings } from './rules/file-rules.js';
import { groundingFindings } from './rules/grounding-rules.js';
import { manuscriptFindings, type ManuscriptInput } from './rules/manuscript-rules.js';
import { namingFindings } from './rules/naming-rules.js';
import { patternFindings } from './rules/pattern-rules.js';
import { projectFindings, projectReferences } from './rules/project-rules.js';
import { ProjectEvidenceResolver } from './project-evidence.js';
import { quantityFindings } from './rules/quantity-rules.js';
import { sourceFindings } from './rules/source-rules.js';
import { usageFindings } from './rules/usage-rules.js';
import { finishStages, type Stages } from './stages.js';
import { collectElements, type WorkspaceElements } from './workspace-elements.js';
import type { NodeStatus } from './vocabulary.js';

/** Everything the rules, hovers, code lenses and the map need, computed once per build. */
export interface WorkspaceAnalysis {
    elements: WorkspaceElements;
    graph: ArgumentGraph;
    grounding: Grounding;
    /** What each `code "…" in project` / `segment "…" in project` reference stands for. */
    projects: ProjectEvidenceResolver;
    /** Findings of every rule, grouped by the document root they are located in. */
    findings: Map<Document, Finding[]>;
    nodeOf(element: AstNode): ArgumentNode | undefined;
    status(node: ArgumentNode): NodeStatus;
    /** The node's chain down to its evidence (node first), empty when ungrounded. */
    trace(node: ArgumentNode): ArgumentNode[];
    /**
     * The distinct evidence a grounded node rests on, for display (lists capped at
     * DISPLAY_PROFILE_CAP, so show "32+" at the cap); computed on demand and memoised per build.
     * `grounding.profiles` holds the rules' cheaper profiles, capped at two.
     */
    profile(node: ArgumentNode): Triangulation | undefined;
}

export interface AnalysisInput {
    /** Document roots in a stable order (by URI). */
    documents: Document[];
    bibliography: BibliographyLookup;
    files: ExternalFiles;
    /** The Markdown manuscripts among the documents, with their prose. */
    manuscripts?: readonly ManuscriptInput[];
}

/** One linear pass over the linked workspace. Pure: no I/O, no LSP. */
export function analyzeWorkspace(input: AnalysisInput): WorkspaceAnalysis {
    return finishStages(analysisStages(input));
}

/** Segments of REFI-QDA projects resolved between two yields: a few milliseconds' work. */
const PROJECT_SEGMENTS_PER_STAGE = 1_000;

/**
 * The same pass, cut where each stage is a few tens of milliseconds on a large workspace
 * (5,000 REFI-QDA segments as data, 40,000 claims): the server yields between stages so that
 * no build holds its event loop for the whole analysis.
 */
export function* analysisStages(input: AnalysisInput): Stages<WorkspaceAnalysis> {
    const elements = collectElements(input.documents);
    const projects = new ProjectEvidenceResolver(input.files);
    yield;
    // Each coded segment a reference stands for becomes a datum: thousands for a large project.
    let segments = 0;
    const evidence = projectReferences(elements);
    for (const reference of evidence) {
        const resolved = projects.resolve(reference);
        segments += resolved.status === 'ok' ? resolved.segments.length : 0;
        if (segments >= PROJECT_SEGMENTS_PER_STAGE) {
            segments = 0;
            yield;
        }
    }
    yield;
    const graph = buildArgumentGraph(elements, input.bibliography, projects);
    yield;
    const grounding = yield* groundingStages(graph);
    yield;
    const rules: Array<() => Finding[]> = [
        () => namingFindings(elements),
        () => groundingFindings(elements, graph, grounding),
        () => citationFindings(elements, graph, input.bibliography),
        () => patternFindings(elements, projects),
        () => quantityFindings(elements),
        () => sourceFindings(elements),
        () => usageFindings(elements, graph),
        () => fileFindings(elements, input.files),
        () => projectFindings(elements, input.files, projects, evidence)
    ];
    const map: Finding[] = [];
    for (const rule of rules) {
        // Not push(...): a list of 130,000 findings as arguments overflows the stack.
        for (const finding of rule()) {
            map.push(finding);
        }
        yield;
    }
    const all = [...map, ...manuscriptFindings(input.manuscripts ?? [], { elements, graph, grounding, bibliography: input.bibliography, files: input.files, findings: map })];
    const findings = new Map<Document, Finding[]>(input.documents.map(document => [document, []]));
    for (const finding of all) {
        findings.get(AstUtils.findRootNode(finding.node) as Document)?.push(finding);
    }
    return assembleAnalysis({ elements, graph, grounding, projects, findings });
}

/** The analysis's results with the lookups over them (see carryOver, which reuses the results). */
export function assembleAnalysis(parts: Pick<WorkspaceAnalysis, 'elements' | 'graph' | 'grounding' | 'projects' | 'findings'>): WorkspaceAnalysis {
    const { graph, grounding } = parts;
    const profiles = new Map<number, Triangulation>();
    return {
        ...parts,
        profile: node => profileOf(graph, grounding, node, profiles),
        nodeOf: element => graph.byElement.get(element),
        status: node => statusOf(grounding, node),
        trace: node => traceOf(grounding, node).map(index => graph.nodes[index])
    };
}
