import type { ArgumentGraph } from '../argument-graph.js';
import type { Finding } from '../finding.js';
import { IssueCodes } from '../issue-codes.js';
import type { WorkspaceElements } from '../workspace-elements.js';

/** unused-source, unused-datum: declared but never cited, supporting, opposing or observed. */
export function usageFindings(elements: WorkspaceElements, graph: ArgumentGraph): Finding[] {
    const used = new Set<number>();
    for (const edge of graph.edges) {
        used.add(edge.from);
        used.add(edge.to);
    }
    const findings: Finding[] = [];
    for (const source of elements.sources) {
        const node = graph.byId.get('@' + source.name);
        if (node && node.source?.declaration === source && !used.has(node.index)) {
            findings.push({ code: IssueCodes.UnusedSource, node: source, property: 'name', message: `Source \`${source.name}\` is never cited.`, unnecessary: true });
        }
    }
    for (const datum of elements.data) {
        const node = graph.byElement.get(datum);
        if (node && !used.has(node.index)) {
            findings.push({ code: IssueCodes.UnusedDatum, node: datum, property: 'name', message: `Datum \`${datum.name}\` supports no claim and no pattern observes it.`, unnecessary: true });
        }
    }
    return findings;
}
