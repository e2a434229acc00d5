/** `warrant check`: the report of a loaded workspace and its exit code. */
import type { LoadedWorkspace } from './load-workspace.js';
import { summarize, toRecord, type CheckReport } from '../language/analysis/check-summary.js';

export function buildCheckReport(workspace: LoadedWorkspace): CheckReport {
    const files = workspace.documents.map(document => ({
        path: workspace.displayPath(document),
        diagnostics: (document.diagnostics ?? []).map(toRecord).sort((a, b) => a.line - b.line || a.column - b.column)
    }));
    return { version: 1, files, summary: summarize(files, workspace.services.warrant.Analysis.get()) };
}

/** Exit code per the contract: 1 on errors (or on warnings with --strict), else 0. */
export function exitCodeFor(report: CheckReport, strict: boolean): number {
    return report.summary.errors > 0 || (strict && report.summary.warnings > 0) ? 1 : 0;
}
