import type { AstNode } from 'langium';
import type { Citation, Claim, Datum, Pattern, ProjectEvidence, Scheme, Source, Stat } from '../generated/ast.js';
import type { EdgeKind, NodeKind } from './vocabulary.js';
import { citationKey, type BibliographyLookup, type ResolvedSource } from './citations.js';
import type { ProjectEvidenceResolver, ProjectSegment } from './project-evidence.js';
import { gapsText, sourceGaps } from './source-identity.js';
import type { WorkspaceElements } from './workspace-elements.js';

export type ArgumentElement = Claim | Pattern | Datum | Stat | Scheme;

/** A vertex of the argument graph: an element, a resolved source or an unresolved citation key. */
export interface ArgumentNode {
    index: number;
    /** Element name, or `@key` for sources (so ids never collide with names). */
    id: string;
    kind: NodeKind;
    element?: ArgumentElement;
    source?: ResolvedSource;
    /** A cited key that resolves nowhere. */
    unresolvedKey?: string;
    /** A coded segment of a REFI-QDA project: a datum with no declaration of its own. */
    segment?: ProjectSegment;
}

export interface ArgumentEdge {
    from: number;
    to: number;
    kind: EdgeKind;
}

/**
 * The workspace's argument as integer-indexed adjacency lists, built in one pass over the
 * elements. `supporters[n]` are the nodes whose grounding flows into n (supported-by data,
 * claims, stats and patterns, classified stats, cited sources, observed data);
 * `dependents` is its reverse.
 */
export interface ArgumentGraph {
    nodes: ArgumentNode[];
    byElement: Map<AstNode, ArgumentNode>;
    byId: Map<string, ArgumentNode>;
    supporters: number[][];
    dependents: number[][];
    opposers: number[][];
    /** Edges as the graph model shows them (see graph-model.ts for directions). */
    edges: ArgumentEdge[];
    /** Every citation whose key resolves nowhere, for the unknown-citation rule. */
    unresolvedCitations: Citation[];
}

export function buildArgumentGraph(elements: WorkspaceElements, bibliography: BibliographyLookup, projects: ProjectEvidenceResolver): ArgumentGraph {
    const graph: ArgumentGraph = { nodes: [], byElement: new Map(), byId: new Map(), supporters: [], dependents: [], opposers: [], edges: [], unresolvedCitations: [] };

    // Every node has the same shape (absent fields undefined): a spread of varying shapes was
    // a third of this function's time on 40,000 nodes.
    const addNode = (id: string, kind: NodeKind, element?: ArgumentElement, source?: ResolvedSource, unresolvedKey?: string, segment?: ProjectSegment): ArgumentNode => {
        const created: ArgumentNode = { index: graph.nodes.length, id, kind, element, source, unresolvedKey, segment };
        graph.nodes.push(created);
        graph.supporters.push(NO_EDGES);
        graph.dependents.push(NO_EDGES);
        graph.opposers.push(NO_EDGES);
        graph.byId.set(id, created);
        if (element) {
            graph.byElement.set(element, created);
        }
        return created;
    };
    const addElement = (element: ArgumentElement, kind: NodeKind) => {
        // Duplicates keep their first declaration: the duplicate-id rule reports the others.
        if (element.name && !graph.byId.has(element.name)) {
            addNode(element.name, kind, element);
        }
    };
    elements.claims.forEach(claim => addElement(claim, 'claim'));
    elements.patterns.forEach(pattern => addElement(pattern, 'pattern'));
    elements.data.forEach(datum => addElement(datum, 'datum'));
    elements.stats.forEach(stat => addElement(stat, 'stat'));
    elements.schemes.forEach(scheme => addElement(scheme, 'scheme'));
    for (const source of elements.sources) {
        if (source.name && !graph.byId.has('@' + source.name)) {
            addNode('@' + source.name, 'source', undefined, inlineSource(source.name, source));
        }
    }

    const sourceNode = (citation: Citation): ArgumentNode => {
        const key = citationKey(citation.key);
        // Every inline source already has its node (the first declaration of its name), so a
        // key without one resolves through the bibliographies or nowhere.
        const existing = graph.byId.get('@' + key);
        if (existing) {
            return existing;
        }
        const resolved = bibliography.resolve(key);
        return addNode('@' + key, 'source', undefined, resolved, resolved ? undefined : key);
    };
    const support = (supporter: ArgumentNode, supported: ArgumentNode) => {
        append(graph.supporters, supported.index, supporter.index);
        append(graph.dependents, supporter.index, supported.index);
    };
    const edge = (from: ArgumentNode, to: ArgumentNode, kind: EdgeKind) => graph.edges.push({ from: from.index, to: to.index, kind });
    // Only the segments something rests on become nodes: a project of 5,000 segments adds none until used.
    const segmentNodes = new Map<ProjectSegment, ArgumentNode>();
    const projectEvidence = (references: ProjectEvidence[]): ArgumentNode[] => references.flatMap(reference => {
        const resolved = projects.resolve(reference);
        return resolved.status !== 'ok' ? [] : resolved.segments.map(segment => {
            let node = segmentNodes.get(segment);
            if (!node) {
                node = addNode(segment.id, 'datum', undefined, undefined, undefined, segment);
                segmentNodes.set(segment, node);
            }
            return node;
        });
    });
    const nodeOf = (element: AstNode | undefined) => element ? graph.byElement.get(element) : undefined;
    /** The nodes a list of named references and a list of project evidence stand for, in that order. */
    const evidenceNodes = (references: ReadonlyArray<{ ref?: AstNode }>, evidence: ProjectEvidence[]): ArgumentNode[] => {
        const nodes = references.flatMap(reference => nodeOf(reference.ref) ?? []);
        return evidence.length === 0 ? nodes : nodes.concat(projectEvidence(evidence));
    };
    const cite = (node: ArgumentNode, citations: Citation[]) => {
        for (const citation of citations) {
            if (!citation.key) {
                continue;
            }
            const source = sourceNode(citation);
            if (source.unresolvedKey !== undefined) {
                graph.unresolvedCitations.push(citation);
            }
            support(source, node);
            edge(node, source, 'cites');
        }
    };

    for (const claim of elements.claims) {
        const node = graph.byElement.get(claim);
        if (!node) {
            continue;
        }
        // A switch on the type, not type guards (see collectElements).
        for (const clause of claim.clauses) {
            switch (clause.$type) {
                case 'Support':
                    for (const supporter of evidenceNodes(clause.supporters, clause.evidence)) {
                        support(supporter, node);
                        edge(supporter, node, 'supports');
                    }
                    break;
                case 'Opposition':
                    for (const opposer of evidenceNodes(clause.opponents, clause.evidence)) {
                        append(graph.opposers, node.index, opposer.index);
                        edge(opposer, node, 'opposes');
                    }
                    break;
                case 'Citing':
                    cite(node, clause.citations);
                    break;
                case 'Classification': {
                    const stat = nodeOf(clause.stat?.ref);
                    if (stat) {
                        support(stat, node);
                        edge(node, stat, 'classifies');
                    }
                    const scheme = nodeOf(clause.scheme?.ref);
                    if (scheme) {
                        edge(node, scheme, 'classifies');
                    }
                }
            }
        }
    }
    for (const pattern of elements.patterns) {
        const node = graph.byElement.get(pattern);
        if (!node) {
            continue;
        }
        for (const part of pattern.parts) {
            switch (part.$type) {
                case 'Observed':
                    for (const datum of evidenceNodes(part.data, part.evidence)) {
                        support(datum, node);
                        edge(node, datum, 'observes');
                    }
                    break;
                case 'Citing':
                    cite(node, part.citations);
                    break;
                case 'Strategic': {
                    const claim = nodeOf(part.claim?.ref);
                    if (claim) {
                        edge(node, claim, 'interprets');
                    }
                }
            }
        }
    }
    for (const stat of elements.stats) {
        const node = graph.byElement.get(stat);
        if (node) {
            cite(node, stat.citations);
        }
    }
    for (const scheme of elements.schemes) {
        const node = graph.byElement.get(scheme);
        if (node) {
            cite(node, scheme.citations);
        }
    }
    // The graph lives as long as the analysis: a list pushed to holds 17 slots for the one or
    // two items most have (8 MB of a 40,000-claim check's heap). Copies are of exact length.
    for (const lists of [graph.supporters, graph.dependents, graph.opposers]) {
        for (let i = 0; i < lists.length; i++) {
            if (lists[i]!.length > 1) {
                lists[i] = lists[i]!.slice();
            }
        }
    }
    return graph;
}

/** The adjacency list of a node without edges (most nodes lack one kind or another): one shared, never changed. */
const NO_EDGES: number[] = Object.freeze([]) as unknown as number[];

/** Adds to a node's adjacency list; its first item makes a list of exactly one slot. */
function append(lists: number[][], at: number, value: number): void {
    const list = lists[at]!;
    if (list === NO_EDGES) {
        lists[at] = [value];
    } else {
        list.push(value);
    }
}

function inlineSource(key: string, source: Source): ResolvedSource {
    // Blank fields (an unfilled stub) fall through, so the map never shows an empty label.
    const field = (name: string) => source.fields.find(f => f.key === name && String(f.value ?? '').trim() !== '')?.value;
    const title = field('title') ?? source.label ?? key;
    const author = field('author');
    const year = field('year');
    const detail = [author, year !== undefined ? `(${year})` : undefined].filter(Boolean).join(' ') || undefined;
    const gaps = sourceGaps(source);
    return { key, title: String(title), detail, declaration: source, incomplete: gaps.length > 0 ? gapsText(gaps) : undefined };
}
