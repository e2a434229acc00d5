import type { WorkspaceAnalysis } from '../analysis/analysis.js';
import type { ExternalFiles } from '../analysis/external-files.js';
import { segmentDetail } from '../analysis/graph-model-builder.js';
import type { ProjectSegment } from '../analysis/project-evidence.js';
import type { Project, ProjectEvidence } from '../generated/ast.js';
import type { QdaCase } from '../qda/index.js';
import { code, excerpt, md, mdWithCode } from './describe.js';

/** Excerpts a code's hover quotes before counting the rest. */
const EXCERPTS_SHOWN = 3;

/** One segment as a trace step or a list item: its excerpt, where it is from, how it was collected. */
export function segmentLine(segment: ProjectSegment): string {
    const detail = segmentDetail(segment);
    return `segment ${code(segment.id)}: “${md(excerpt(segment.text, 160))}”${detail ? ` — ${md(detail)}` : ''}`;
}

/** The hover of `code "…" in interviews` or `segment "…" in interviews`: the excerpt(s), the case, the codes. */
export function projectEvidenceHover(reference: ProjectEvidence, analysis: WorkspaceAnalysis): string | undefined {
    const resolved = analysis.projects.resolve(reference);
    const project = code(reference.project?.$refText);
    if (resolved.status === 'unread') {
        return `**${reference.kind}** ${md(JSON.stringify(reference.key ?? ''))} of ${project}\n\n*The project was not read (see its declaration).*`;
    }
    if (resolved.status === 'unknown') {
        return `**${reference.kind}** ${md(JSON.stringify(reference.key ?? ''))} of ${project} — **not found**\n\n${mdWithCode(resolved.message)}`;
    }
    if (resolved.code) {
        const segments = resolved.segments;
        const cases = [...new Set(segments.flatMap(s => s.case?.name ?? []))];
        const lines = [
            `**code** ${md(JSON.stringify(resolved.code.path.join('/')))} of ${project} — ${segments.length} ${segments.length === 1 ? 'segment' : 'segments'}${cases.length > 0 ? ` from ${cases.length === 1 ? 'case' : 'cases'} ${cases.slice(0, 8).map(md).join(', ')}${cases.length > 8 ? ` and ${cases.length - 8} more` : ''}` : ''} (nested codes included)`
        ];
        if (resolved.code.description) {
            lines.push(`*${md(excerpt(resolved.code.description, 200))}*`);
        }
        lines.push(segments.slice(0, EXCERPTS_SHOWN).map(s => `- ${segmentLine(s)}`).join('\n') + (segments.length > EXCERPTS_SHOWN ? `\n- *and ${segments.length - EXCERPTS_SHOWN} more*` : ''));
        return lines.join('\n\n');
    }
    const segment = resolved.segments[0]!;
    const lines = [`**segment** ${code(segment.id)}${segment.source ? ` · ${md(segment.source.name)}` : ''}`, `> ${md(segment.text)}`];
    const detail = segmentDetail(segment);
    if (detail) {
        lines.push(md(detail));
    }
    if (segment.case) {
        lines.push(`*Case* ${caseSummary(segment.case)}`);
    }
    if (segment.codes.length > 0) {
        lines.push(`*Coded* ${segment.codes.map(name => md(JSON.stringify(name))).join(', ')}`);
    }
    return lines.join('\n\n');
}

/** The hover of a `project` declaration: what Warrant read from the file. */
export function projectHover(statement: Project, files: ExternalFiles): string {
    const head = `**project** ${code(statement.name)} — ${md(statement.path ?? '')}`;
    const facts = files.project(statement);
    if (!facts || facts.status !== 'ok' || !facts.index.project.readable) {
        return `${head}\n\n*Not read (see the diagnostics on its path).*`;
    }
    const project = facts.index.project;
    const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const lines = [
        head,
        md(`${project.name ? `“${project.name}”: ` : ''}${counted(project.sources.length, 'source', 'sources')}, ${counted(project.codes.length, 'code', 'codes')}, ${counted(project.selections.length, 'segment', 'segments')}, ${counted(project.cases.length, 'case', 'cases')}`)
    ];
    const conventions = [...new Set(project.sources.map(s => s.conventionNote))];
    if (conventions.length > 0) {
        lines.push(`*Positions:* ${conventions.slice(0, 3).map(md).join('; ')}`);
    }
    return lines.join('\n\n');
}

function caseSummary(theCase: QdaCase): string {
    const variables = Object.entries(theCase.variables).map(([key, value]) => `${key}: ${value}`);
    return `${md(theCase.name)}${variables.length > 0 ? ` (${md(variables.join(', '))})` : ''}`;
}
