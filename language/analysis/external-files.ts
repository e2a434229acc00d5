import type { Bibliography, Origin } from '../generated/ast.js';

export type FileProblem = 'not-found' | 'outside-workspace' | 'not-a-file' | 'too-large' | 'unreadable' | 'untrusted';

/** A malformed entry of a bibliography, 0-based line. */
export interface BibliographyProblem {
    line: number;
    message: string;
}

export type BibliographyFacts =
    | { status: 'ok'; path: string; entries: number; problems: BibliographyProblem[] }
    | { status: FileProblem; path: string };

export type TranscriptFacts =
    | { status: 'ok'; path: string; text: string }
    | { status: FileProblem; path: string };

/**
 * What the analysis knows of files outside the .warrant documents, read (asynchronously,
 * with path containment) before the analysis runs so that the analysis itself stays pure.
 */
export interface ExternalFiles {
    bibliography(statement: Bibliography): BibliographyFacts | undefined;
    transcript(origin: Origin): TranscriptFacts | undefined;
}

export function describeFileProblem(problem: FileProblem, path: string): string {
    switch (problem) {
        case 'not-found': return `\`${path}\` does not exist`;
        case 'outside-workspace': return `\`${path}\` lies outside the workspace folder, so it is not read`;
        case 'not-a-file': return `\`${path}\` is not a regular file`;
        case 'too-large': return `\`${path}\` is too large to read`;
        case 'unreadable': return `\`${path}\` cannot be read`;
        case 'untrusted': return `\`${path}\` is not read until you trust this workspace`;
    }
}
