import type { Bibliography, Document, Origin, Project } from '../generated/ast.js';
import type { QdaIndex } from '../qda/index.js';

/**
 * Why a file was not read. `document-outside-workspace` is about the document itself, not the
 * file it names: a document outside every workspace folder has no boundary to read within.
 */
export type FileProblem = 'not-found' | 'outside-workspace' | 'document-outside-workspace' | 'not-a-file' | 'too-large' | 'unreadable' | 'untrusted';

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

/** A `project` file, read: `index.project.readable` is false when it is no REFI-QDA project (its problems say why). */
export type ProjectFacts =
    | { status: 'ok'; path: string; index: QdaIndex }
    | { status: FileProblem; path: string };

/**
 * What the analysis knows of files outside the .warrant documents, read (asynchronously,
 * with path containment) before the analysis runs so that the analysis itself stays pure.
 */
export interface ExternalFiles {
    bibliography(statement: Bibliography): BibliographyFacts | undefined;
    transcript(origin: Origin): TranscriptFacts | undefined;
    /** A Markdown manuscript's front matter bibliographies, in the order it names them. */
    manuscriptBibliographies(root: Document): BibliographyFacts[] | undefined;
    project(statement: Project): ProjectFacts | undefined;
}

/** The one diagnostic a document outside every workspace folder gets. */
export const DOCUMENT_OUTSIDE_WORKSPACE = 'This file is outside the workspace folders, so Warrant reads no bibliography or transcript for it.';

/** `path` is the file named, or for `document-outside-workspace` the document. */
export function describeFileProblem(problem: FileProblem, path: string): string {
    switch (problem) {
        case 'not-found': return `\`${path}\` does not exist`;
        case 'outside-workspace': return `\`${path}\` lies outside the workspace folder, so it is not read`;
        case 'document-outside-workspace': return `\`${path}\` is outside the workspace folders, so Warrant reads no bibliography or transcript for it`;
        case 'not-a-file': return `\`${path}\` is not a regular file`;
        case 'too-large': return `\`${path}\` is too large to read`;
        case 'unreadable': return `\`${path}\` cannot be read`;
        case 'untrusted': return `\`${path}\` is not read until you trust this workspace`;
    }
}
