import { showHiddenCharacters } from '../language/safety/characters.js';
import { countOf, type CheckReport } from '../language/analysis/check-summary.js';

/** `path:line:column: severity message [code]`, compiler-style so editors and CI link to the place. */
export function formatText(report: CheckReport, color: boolean): string {
    const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
    const colours = { error: '31', warning: '33', information: '36', hint: '90' } as const;
    const lines: string[] = [];
    for (const file of report.files) {
        // A file name from a hostile repository may hold escape sequences: never write them raw to a
        // terminal (messages are escaped when validated; escaping again changes nothing).
        const where = showHiddenCharacters(file.path);
        for (const d of file.diagnostics) {
            lines.push(`${where}:${d.line}:${d.column}: ${paint(colours[d.severity], d.severity)} ${showHiddenCharacters(d.message)} ${paint('90', `[${d.code}]`)}`);
        }
    }
    const { files, errors, warnings, claims, grounded } = report.summary;
    const others = report.files.reduce((n, f) => n + f.diagnostics.filter(d => d.severity === 'information' || d.severity === 'hint').length, 0);
    lines.push('');
    lines.push(`${files} file${files === 1 ? '' : 's'} checked: ${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}, ${others} note${others === 1 ? '' : 's'}.`);
    lines.push(`${grounded} of ${claims} claims trace to data or a cited source.`);
    return lines.join('\n') + '\n';
}

