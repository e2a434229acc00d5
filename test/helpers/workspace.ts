import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { loadWorkspace, type LoadedWorkspace, type LoadOptions } from '../../cli/load-workspace.js';

export interface TestWorkspace extends LoadedWorkspace {
    dir: string;
    /** Diagnostics of one file, by its path relative to the workspace. */
    diagnostics(file: string): Diagnostic[];
    /** `code` of every diagnostic of one file (or of all files). */
    codes(file?: string): string[];
    dispose(): void;
}

/**
 * Writes the files to a fresh temporary folder and builds it as the CLI does (real files, so
 * bibliographies, transcripts and path containment are exercised too), by default with the
 * index of references the editor's features read.
 */
export async function workspaceOf(files: Record<string, string>, prepare?: (dir: string) => void, options: LoadOptions = { referenceIndex: true }): Promise<TestWorkspace> {
    const dir = mkdtempSync(path.join(tmpdir(), 'warrant-test-'));
    for (const [name, text] of Object.entries(files)) {
        const file = path.join(dir, name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
    }
    prepare?.(dir);
    const loaded = await loadWorkspace([dir], dir, options);
    const byFile = (file: string) => loaded.documents.find(d => d.uri.fsPath === path.join(dir, file));
    return {
        ...loaded,
        dir,
        diagnostics: file => byFile(file)?.diagnostics ?? [],
        codes: file => (file ? byFile(file)?.diagnostics ?? [] : loaded.documents.flatMap(d => d.diagnostics ?? [])).map(d => String(d.code)),
        dispose: () => rmSync(dir, { recursive: true, force: true })
    };
}

/** Builds a single-file workspace and returns its diagnostics' codes and messages. */
export async function check(text: string, extra: Record<string, string> = {}): Promise<{ codes: string[]; messages: string[]; diagnostics: Diagnostic[] }> {
    const workspace = await workspaceOf({ 'main.warrant': text, ...extra });
    try {
        const diagnostics = workspace.diagnostics('main.warrant');
        return { codes: diagnostics.map(d => String(d.code)), messages: diagnostics.map(d => String(d.message)), diagnostics };
    } finally {
        workspace.dispose();
    }
}
