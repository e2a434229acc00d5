import path from 'node:path';
import { AstUtils } from 'langium';
import type { WorkspaceAnalysis } from '../language/analysis/analysis.js';
import type { ExternalFiles } from '../language/analysis/external-files.js';
import type { Datum } from '../language/generated/ast.js';
import type { QdpxCodeInput, QdpxInput, QdpxSelectionInput } from '../language/qda/write-project.js';
import { lineTable, memoised, type LineTable } from '../language/analysis/transcript-lines.js';

/**
 * The annex data that name a transcript and a line range (`datum … in "sw1.txt" lines 3-5`), as
 * a REFI-QDA project: each transcript a source, each datum a segment spanning its lines, coded
 * with the claims and patterns it supports (one code each). Data without lines, or whose
 * transcript was not read, are left out and counted. With `only` (`--focus`: the ids of what an
 * element rests on), only those data, coded with only those claims and patterns.
 */
export function annexAsQdpx(analysis: WorkspaceAnalysis, files: ExternalFiles & { rootFor(file: string): string | undefined }, name: string, only?: ReadonlySet<string>): { input: QdpxInput; left: number } {
    const sources = new Map<string, { name: string; text: string; selections: QdpxSelectionInput[] }>();
    const codes = new Map<string, QdpxCodeInput>();
    // Each transcript's lines are found once, however many data cite it.
    const linesOf = memoised(lineTable);
    let left = 0;
    for (const datum of analysis.elements.data) {
        if (only && !only.has(datum.name)) {
            continue;
        }
        const origin = datum.origin;
        const facts = origin?.file !== undefined && origin.lines ? files.transcript(origin) : undefined;
        const span = facts?.status === 'ok' && origin?.lines ? lineSpan(linesOf(facts.text), origin.lines.from, origin.lines.to ?? origin.lines.from) : undefined;
        if (!facts || facts.status !== 'ok' || !span || !datum.name) {
            left++;
            continue;
        }
        const file = path.resolve(path.dirname(AstUtils.getDocument(datum).uri.fsPath), facts.path);
        let source = sources.get(file);
        if (!source) {
            // The name as written (`sw1.txt`), unless another folder's transcript has it: then its path in
            // the workspace folder (a source's GUID comes from its name, so the name must not depend on where the CLI runs).
            const taken = [...sources.values()].some(other => other.name === facts.path);
            source = { name: taken ? path.relative(files.rootFor(file) ?? path.dirname(file), file).split(path.sep).join('/') : facts.path, text: facts.text, selections: [] };
            sources.set(file, source);
        }
        source.selections.push({ name: datum.name, start: span.start, end: span.end, codes: supported(analysis, datum, codes, only), description: datum.text });
    }
    return { input: { name, origin: 'Warrant (warrant export --format qdpx)', codes: [...codes.values()], sources: [...sources.values()] }, left };
}

/** The claims and patterns a datum supports, each a code (declared once). */
function supported(analysis: WorkspaceAnalysis, datum: Datum, codes: Map<string, QdpxCodeInput>, only: ReadonlySet<string> | undefined): string[] {
    const node = analysis.nodeOf(datum);
    const names: string[] = [];
    for (const index of node ? analysis.graph.dependents[node.index] : []) {
        const dependent = analysis.graph.nodes[index]!;
        const element = dependent.element;
        if ((element?.$type !== 'Claim' && element?.$type !== 'Pattern') || (only && !only.has(dependent.id))) {
            continue;
        }
        if (!codes.has(dependent.id)) {
            codes.set(dependent.id, { name: dependent.id, description: element.$type === 'Claim' ? element.text : element.label });
        }
        if (!names.includes(dependent.id)) {
            names.push(dependent.id);
        }
    }
    return names;
}

/** Lines `from` to `to` (1-based, inclusive) as UTF-16 offsets, without the final line break; undefined when out of range. */
export function lineSpan({ starts, ends }: LineTable, from: number, to: number): { start: number; end: number } | undefined {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from || to > starts.length) {
        return undefined;
    }
    return { start: starts[from - 1]!, end: ends[to - 1]! };
}
