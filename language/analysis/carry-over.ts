import { AstUtils, isCompositeCstNode, isRootCstNode, isLeafCstNode, type AstNode, type CstNode, type LeafCstNode, type RootCstNode } from 'langium';
import { isProject, type Document, type Source } from '../generated/ast.js';
import type { ArgumentGraph, ArgumentNode } from './argument-graph.js';
import type { Finding } from './finding.js';
import type { NamedElement, WorkspaceElements } from './workspace-elements.js';
import { FREE_TEXT } from './free-text.js';
import { assembleAnalysis, type AnalysisInput, type WorkspaceAnalysis } from './analysis.js';

/**
 * The analysis of the documents `before`, moved onto the current syntax trees when every
 * document that was parsed again kept its structure — every token and comment the same but
 * the words of free text (typing in a claim's text). The graph, grounding and findings are
 * then the same, node for node; only the syntax nodes they point to are new. Undefined when
 * anything the analysis reads may have changed: the caller analyses afresh. The caller checks
 * that the external files (bibliographies, transcripts, projects) read the same.
 */
export function carryOver(previous: WorkspaceAnalysis, before: readonly Document[], input: AnalysisInput): WorkspaceAnalysis | undefined {
    const after = input.documents;
    if (before.length !== after.length) {
        return undefined;
    }
    const manuscripts = new Set<Document>((input.manuscripts ?? []).map(manuscript => manuscript.root));
    const moved = new Map<AstNode, AstNode>();
    const changed: number[] = [];
    for (let i = 0; i < after.length; i++) {
        const old = before[i]!;
        const current = after[i]!;
        if (old === current) {
            continue;
        }
        if (old.$document?.uri.toString() !== current.$document?.uri.toString() || manuscripts.has(current)
            // Segments keep the project declaration they were read for.
            || old.elements.some(isProject)
            || !isRootCstNode(old.$cstNode) || !isRootCstNode(current.$cstNode) || !sameStructure(old.$cstNode, current.$cstNode, moved)) {
            return undefined;
        }
        changed.push(i);
    }
    if (changed.length === 0) {
        return previous;
    }
    // Only the changed documents' findings, and those naming one of their nodes as related, can involve a moved node.
    const related = relatedDocuments.get(previous) ?? relatedAcross(previous, before);
    const affected = new Set(changed.flatMap(i => [i, ...related[i]!]));
    const findings = new Map<Document, Finding[]>();
    after.forEach((root, i) => {
        const previousFindings = previous.findings.get(before[i]!) ?? [];
        findings.set(root, affected.has(i) ? moveFindings(previousFindings, moved) : previousFindings);
    });
    const carried = assembleAnalysis({
        elements: moveElements(previous.elements, moved),
        graph: moveGraph(previous.graph, moved),
        grounding: previous.grounding,
        projects: previous.projects.movedTo(moved),
        findings
    });
    // The documents keep their places in the list, so the index holds for the analysis carried over.
    relatedDocuments.set(carried, related);
    return carried;
}

/** Per document (by its place in the list), the places of the documents whose findings name one of its nodes as related. */
const relatedDocuments = new WeakMap<WorkspaceAnalysis, number[][]>();

function relatedAcross(analysis: WorkspaceAnalysis, documents: readonly Document[]): number[][] {
    const place = new Map<AstNode, number>(documents.map((root, i) => [root, i]));
    const related = documents.map(() => new Set<number>());
    documents.forEach((root, i) => {
        for (const finding of analysis.findings.get(root) ?? []) {
            for (const other of finding.related ?? []) {
                const j = place.get(AstUtils.findRootNode(other.node));
                if (j !== undefined && j !== i) {
                    related[j]!.add(i);
                }
            }
        }
    });
    const index = related.map(set => [...set]);
    relatedDocuments.set(analysis, index);
    return index;
}

/**
 * Walks two concrete syntax trees in step: the same shape, tokens and comments, free text
 * aside. Pairs each syntax node of the old tree with its counterpart on the way.
 */
function sameStructure(old: RootCstNode, current: RootCstNode, moved: Map<AstNode, AstNode>): boolean {
    const oldText = old.fullText;
    const currentText = current.fullText;
    const same = (a: CstNode, b: CstNode): boolean => {
        if (a.astNode.$type !== b.astNode.$type) {
            return false;
        }
        if (a.astNode !== a.container?.astNode) {
            moved.set(a.astNode, b.astNode);
        }
        if (isLeafCstNode(a)) {
            return isLeafCstNode(b) && a.tokenType === b.tokenType
                && ((a.tokenType.name === 'STRING' && FREE_TEXT.has(a.astNode.$type)) || sameText(oldText, a, currentText, b));
        }
        if (!isCompositeCstNode(a) || !isCompositeCstNode(b) || a.content.length !== b.content.length) {
            return false;
        }
        for (let i = 0; i < a.content.length; i++) {
            if (!same(a.content[i]!, b.content[i]!)) {
                return false;
            }
        }
        return true;
    };
    return same(old, current);
}

/** Whether two tokens read the same, without cutting them out of their texts. */
function sameText(oldText: string, a: LeafCstNode, currentText: string, b: LeafCstNode): boolean {
    const length = a.length;
    if (length !== b.length) {
        return false;
    }
    for (let i = 0; i < length; i++) {
        if (oldText.charCodeAt(a.offset + i) !== currentText.charCodeAt(b.offset + i)) {
            return false;
        }
    }
    return true;
}

/**
 * Moves the elements in place: the previous analysis is replaced by the one carried over and
 * nobody reads it any more, and copying every list would cost as much as collecting them again.
 */
function moveElements(elements: WorkspaceElements, moved: ReadonlyMap<AstNode, AstNode>): WorkspaceElements {
    const move = <T extends AstNode>(list: T[]) => {
        for (let i = 0; i < list.length; i++) {
            const current = moved.get(list[i]!);
            if (current) {
                list[i] = current as T;
            }
        }
    };
    for (const [old, current] of moved) {
        const name = (old as Partial<NamedElement>).name;
        if (typeof name === 'string' && elements.byName.get(name) === old) {
            elements.byName.set(name, current as NamedElement);
        }
    }
    elements.duplicates.forEach(move);
    [elements.claims, elements.patterns, elements.data, elements.stats, elements.schemes, elements.sources,
        elements.respondents, elements.bibliographies, elements.projects].forEach(list => move<AstNode>(list));
    return elements;
}

/** The graph, in place (see moveElements), with the moved elements' nodes replaced; its edges, by index, stay as they are. */
function moveGraph(graph: ArgumentGraph, moved: ReadonlyMap<AstNode, AstNode>): ArgumentGraph {
    const replace = (node: ArgumentNode, replacement: ArgumentNode) => {
        graph.nodes[node.index] = replacement;
        if (graph.byId.get(node.id) === node) {
            graph.byId.set(node.id, replacement);
        }
    };
    for (const [old, current] of moved) {
        const node = graph.byElement.get(old);
        if (node) {
            const replacement = { ...node, element: current as ArgumentNode['element'] };
            replace(node, replacement);
            graph.byElement.delete(old);
            graph.byElement.set(current, replacement);
        } else if (old.$type === 'Source') {
            const source = graph.byId.get('@' + (old as Source).name);
            if (source?.source?.declaration === old) {
                replace(source, { ...source, source: { ...source.source, declaration: current as Source } });
            }
        }
    }
    const citations = graph.unresolvedCitations;
    for (let i = 0; i < citations.length; i++) {
        citations[i] = (moved.get(citations[i]!) ?? citations[i]) as typeof citations[number];
    }
    return graph;
}

/** The findings on the moved nodes; the same list when none of its findings involves one. */
function moveFindings(findings: Finding[], moved: ReadonlyMap<AstNode, AstNode>): Finding[] {
    let result: Finding[] | undefined;
    findings.forEach((finding, i) => {
        const node = moved.get(finding.node);
        const related = finding.related?.some(other => moved.has(other.node))
            ? finding.related.map(other => ({ ...other, node: moved.get(other.node) ?? other.node }))
            : finding.related;
        if (node || related !== finding.related) {
            result ??= findings.slice();
            result[i] = { ...finding, node: node ?? finding.node, related };
        }
    });
    return result ?? findings;
}
