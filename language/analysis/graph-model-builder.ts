import { AstUtils, type AstNode } from 'langium';
import { isDatum, isStat, type Datum, type Stat } from '../generated/ast.js';
import type { GraphModel, GraphNode } from '../graph/graph-model.js';
import type { WorkspaceAnalysis } from './analysis.js';
import type { ArgumentNode } from './argument-graph.js';
import type { ProjectSegment } from './project-evidence.js';
import { formatQuantity } from './quantities.js';
import { sectionOf } from './sections.js';

/**
 * The graph model (the preview's and exporters' contract) for the whole workspace, or for
 * one document: its elements plus everything they rest on, cite or are opposed by.
 * Nodes keep declaration order so that layouts stay stable between edits.
 */
export function buildGraphModel(analysis: WorkspaceAnalysis, documentUri?: string): GraphModel {
    const { graph } = analysis;
    let included: boolean[];
    if (documentUri === undefined) {
        included = graph.nodes.map(() => true);
    } else {
        included = graph.nodes.map(() => false);
        const pending: number[] = [];
        for (const node of graph.nodes) {
            if (node.element && AstUtils.getDocument(node.element).uri.toString() === documentUri) {
                included[node.index] = true;
                pending.push(node.index);
            }
        }
        const adjacent = adjacency(analysis);
        while (pending.length > 0) {
            for (const next of adjacent[pending.pop()!]) {
                if (!included[next]) {
                    included[next] = true;
                    pending.push(next);
                }
            }
        }
    }
    return {
        nodes: graph.nodes.filter(node => included[node.index]).map(node => toGraphNode(analysis, node)),
        edges: graph.edges
            .filter(edge => included[edge.from] && included[edge.to])
            .map(edge => ({ from: graph.nodes[edge.from].id, to: graph.nodes[edge.to].id, kind: edge.kind }))
    };
}

/** From each node to what it rests on, cites, observes or is opposed by. */
function adjacency(analysis: WorkspaceAnalysis): number[][] {
    const { graph } = analysis;
    const adjacent: number[][] = graph.nodes.map(() => []);
    for (const edge of graph.edges) {
        const lowerIsFrom = edge.kind === 'supports' || edge.kind === 'opposes' || edge.kind === 'interprets';
        const [upper, lower] = lowerIsFrom ? [edge.to, edge.from] : [edge.from, edge.to];
        adjacent[upper].push(lower);
    }
    return adjacent;
}

function toGraphNode(analysis: WorkspaceAnalysis, node: ArgumentNode): GraphNode {
    const result: GraphNode = { id: node.id, kind: node.kind, label: labelOf(node), status: analysis.status(node) };
    // A project segment is shown at its project's declaration, grouped by its first code.
    const element: AstNode | undefined = node.element ?? node.source?.declaration ?? node.segment?.project;
    if (node.segment && element?.$cstNode) {
        result.uri = AstUtils.getDocument(element).uri.toString();
        result.range = element.$cstNode.range;
        if (node.segment.codes.length > 0) {
            result.section = node.segment.codes[0];
        }
    } else if (element?.$cstNode) {
        result.uri = AstUtils.getDocument(element).uri.toString();
        result.range = element.$cstNode.range;
        const section = sectionOf(element);
        if (section) {
            result.section = section.text;
        }
    } else if (node.source?.entry) {
        result.uri = node.source.entry.uri;
        result.range = { start: { line: node.source.entry.line, character: 0 }, end: { line: node.source.entry.line, character: 0 } };
    }
    const detail = detailOf(node);
    if (detail) {
        result.detail = detail;
    }
    return result;
}

function labelOf(node: ArgumentNode): string {
    if (node.unresolvedKey !== undefined) {
        return `@${node.unresolvedKey} (not found)`;
    }
    if (node.source) {
        return node.source.title;
    }
    if (node.segment) {
        return node.segment.text;
    }
    const element = node.element!;
    if (element.$type === 'Claim' || element.$type === 'Datum') {
        return element.text ?? element.name;
    }
    return element.label ?? element.name;
}

function detailOf(node: ArgumentNode): string | undefined {
    if (node.source) {
        return node.source.detail;
    }
    if (node.segment) {
        return segmentDetail(node.segment);
    }
    if (node.element && isDatum(node.element)) {
        return datumDetail(node.element);
    }
    if (node.element && isStat(node.element)) {
        return statDetail(node.element);
    }
    return undefined;
}

/** "interview · Social worker (male) · emergent" */
export function datumDetail(datum: Datum): string {
    const who = datum.respondents.map(ref => {
        const respondent = ref.ref;
        if (!respondent) {
            return ref.$refText;
        }
        const gender = respondent.attributes.find(a => a.key === 'gender')?.value;
        return withGender(respondent.label ?? respondent.name, gender);
    });
    return [datum.method, who.join(', '), datum.occurrence].filter(part => part).join(' · ');
}

/** The same line for a project segment: its method, its case and the case's gender, its occurrence. */
export function segmentDetail(segment: ProjectSegment): string {
    const theCase = segment.case;
    const gender = theCase ? Object.entries(theCase.variables).find(([key]) => key.toLowerCase() === 'gender')?.[1] : undefined;
    const who = theCase ? withGender(theCase.name, gender === undefined ? undefined : String(gender)) : undefined;
    return [segment.method, who, segment.occurrence].filter(part => part).join(' · ');
}

function withGender(label: string, gender: string | number | undefined): string {
    return gender !== undefined ? `${label} (${gender})` : label;
}

/** "26% (2013)" or "120 of 400 (30%), 2013" */
export function statDetail(stat: Stat): string | undefined {
    const value = formatQuantity(stat.value);
    if (value === undefined || stat.year === undefined) {
        return value;
    }
    return stat.value?.$type === 'Count' ? `${value}, ${stat.year}` : `${value} (${stat.year})`;
}
