// Helpers without Node built-ins, shared by the desktop suite (helpers.ts) and the web suite
// (test/web/suite, which runs in a Web Worker).
import * as vscode from 'vscode';

/**
 * Polls `predicate` until it returns a truthy value (returned) or `timeoutMs` passes (an error;
 * `description` may be a function, evaluated then, to report the state at the time of failure).
 */
export async function waitFor<T>(
    predicate: () => T | undefined | false | Promise<T | undefined | false>,
    description: string | (() => string),
    timeoutMs = 30_000
): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
        try {
            const value = await predicate();
            if (value) return value;
        } catch (error) {
            last = error;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof description === 'function' ? description() : description}${last ? ` (last error: ${String(last)})` : ''}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

/** A diagnostic's code as a string (VS Code gives `{ value, target }` when the server sends a codeDescription). */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return code === undefined ? undefined : String(code);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
    return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} [${codeOf(d) ?? '-'}] ${d.message}`).join('\n') || '(none)';
}
