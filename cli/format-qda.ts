import { countOf } from '../language/analysis/check-summary.js';
import { QdaIndex, type QdaCode, type QdaProject } from '../language/qda/index.js';
import { showHiddenCharacters } from '../language/safety/characters.js';

/** The `--format json` contract of `warrant qda` (version 1). */
export function qdaJson(project: QdaProject): unknown {
    return {
        version: 1,
        project: { name: project.name },
        sources: project.sources.map(s => ({ guid: s.guid, name: s.name, chars: s.chars, convention: s.convention })),
        codes: project.codes.map(c => ({ guid: c.guid, name: c.name, parent: c.parent ?? null })),
        cases: project.cases.map(c => ({ guid: c.guid, name: c.name, variables: c.variables })),
        selections: project.selections.map(s => ({ guid: s.guid, source: s.source, start: s.start, end: s.end, codes: s.codes, text: s.text ?? null })),
        problems: project.problems.map(p => ({ severity: p.severity, message: p.message }))
    };
}

/** A readable summary: sources, the code tree with segment counts, cases, problems. */
export function formatQdaText(project: QdaProject, color: boolean): string {
    const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
    const show = showHiddenCharacters;
    const lines: string[] = [];
    if (project.readable) {
        const index = new QdaIndex(project);
        lines.push(`${paint('1', show(project.name || '(unnamed project)'))}${project.origin ? paint('90', ` (written by ${show(project.origin)})`) : ''}`);
        lines.push('', `Sources (${project.sources.length}):`);
        for (const source of project.sources) {
            const selections = project.selections.filter(s => s.source === source.guid).length;
            lines.push(`  ${show(source.name)}: ${countOf(source.chars, 'character')}, ${countOf(selections, 'selection')}; ${source.conventionNote}`);
        }
        lines.push('', `Codes (${project.codes.length}), with the segments coded (and with nested codes):`);
        const tree = (code: QdaCode, depth: number) => {
            const own = index.segmentsOf(code.guid, { nested: false }).length;
            const all = index.segmentsOf(code.guid).length;
            lines.push(`${'  '.repeat(depth + 1)}${show(code.name)}: ${own}${all !== own ? ` (${all})` : ''}`);
            index.children(code.guid).forEach(child => tree(child, depth + 1));
        };
        project.codes.filter(code => code.parent === undefined).forEach(code => tree(code, 0));
        lines.push('', `Cases (${project.cases.length}):`);
        for (const c of project.cases) {
            const values = Object.entries(c.variables).map(([name, value]) => `${show(name)}: ${show(String(value))}`).join(', ');
            lines.push(`  ${show(c.name)}${values ? `: ${values}` : ''}`);
        }
        const uncoded = project.selections.filter(s => s.codes.length === 0).length;
        lines.push('', `${countOf(project.selections.length, 'selection')}${uncoded ? `, ${uncoded} without a code` : ''}.`);
    }
    const colours = { error: '31', warning: '33', info: '36' } as const;
    if (project.problems.length > 0) {
        lines.push('', 'Problems:');
        for (const problem of project.problems) {
            lines.push(`  ${paint(colours[problem.severity], problem.severity)} ${show(problem.message)}`);
        }
    }
    const errors = project.problems.filter(p => p.severity === 'error').length;
    const warnings = project.problems.filter(p => p.severity === 'warning').length;
    lines.push('', project.readable ? `${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}.` : 'The file cannot be read as a REFI-QDA project.');
    return lines.join('\n') + '\n';
}
