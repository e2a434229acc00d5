import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import type { Severity } from '../protocol.js';
import type { WorkspaceAnalysis } from './analysis.js';

/*
 * The check report's records and figures, shared by `warrant check` (cli/check-report.ts) and
 * the editor's *Warrant: Check Workspace* (server/summary-request.ts).
 */

/** One diagnostic, 1-based lines and columns (the `--format json` contract). */
export interface DiagnosticRecord {
    severity: Severity;
    code: string;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}

/** The `--format json` object (a contract, documented in README.md under "Command line": a change is a new version). */
export interface CheckReport {
    version: 1;
    files: Array<{ path: string; diagnostics: DiagnosticRecord[] }>;
    summary: { files: number; errors: number; warnings: number; claims: number; grounded: number };
}

const SEVERITY_NAMES: Record<DiagnosticSeverity, Severity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'information',
    [DiagnosticSeverity.Hint]: 'hint'
};

/** The figures of the summary line: the CLI's, and the editor's *Warrant: Check Workspace*. */
export function summarize(files: Array<{ diagnostics: DiagnosticRecord[] }>, analysis: WorkspaceAnalysis): CheckReport['summary'] {
    const all = files.flatMap(file => file.diagnostics);
    const claims = analysis.elements.claims.map(claim => analysis.nodeOf(claim)).filter(node => node !== undefined);
    return {
        files: files.length,
        errors: all.filter(d => d.severity === 'error').length,
        warnings: all.filter(d => d.severity === 'warning').length,
        claims: analysis.elements.claims.length,
        grounded: claims.filter(node => analysis.grounding.grounded[node.index]).length
    };
}

export function toRecord(diagnostic: Diagnostic): DiagnosticRecord {
    const data = diagnostic.data as { code?: string } | undefined;
    return {
        severity: SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error],
        code: String(diagnostic.code ?? data?.code ?? 'unknown'),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1
    };
}

/** `1 error`, `3 warnings`: a figure of the summary line, as the CLI and *Check Workspace* print it. */
export function countOf(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}
