/**
 * Warrant's contract between the language server and its clients, declared once and used by
 * name on both sides: the custom requests and notifications, the commands the server puts in
 * code lenses and quick fixes (with their arguments), the severity names, and the data a
 * diagnostic carries for its quick fixes. Any client that wants the map reads it from here.
 */
import { NotificationType, RequestType, type Command, type Position, type Range } from 'vscode-languageserver-protocol';
import type { CheckReport } from './analysis/check-summary.js';
import type { MapFormat } from './graph/export/formats.js';
import type { GraphModel } from './graph/graph-model.js';

// --- Initialization ---

/** The `initializationOptions` Warrant reads, all optional. */
export interface InitializationOptions {
    /** Whether the user trusts the workspace; `false`: the server reads nothing but the open documents. */
    trusted?: boolean;
    /** `false`: completion offers no snippets (the client has its own). */
    completionSnippets?: boolean;
    /** The client implements InsertSnippetCommand, DeclareInFileCommand and PickBibliographyCommand. */
    editorCommands?: boolean;
    /** The client answers ClientStatRequest, ClientReadFileRequest and ClientReadDirectoryRequest (files outside `file:`). */
    clientFiles?: boolean;
}

/** The options as the server receives them: from outside, so each value is checked before use. */
export type ReceivedInitializationOptions = { [Option in keyof InitializationOptions]?: unknown } | undefined;

// --- Requests and notifications ---

export interface GraphParams {
    /** The document whose elements (and their evidence) to return; the whole workspace when absent. */
    uri?: string;
}

/** `warrant/graph`: the argument graph model (see graph/graph-model.ts). */
export const GraphRequest = new RequestType<GraphParams, GraphModel, void>('warrant/graph');

export interface GraphChangedParams {
    /** The documents validated anew: their maps, and maps that show their elements, may differ. */
    uris: string[];
}

/**
 * `warrant/graphChanged`, server → client: sent after builds that validated documents (an edit,
 * a bibliography, transcript or config changed on disk), coalesced, so a map can ask for its
 * model again without watching files itself.
 */
export const GraphChangedNotification = new NotificationType<GraphChangedParams>('warrant/graphChanged');

/** The figures of `warrant check`'s summary line, for the whole workspace. */
export type WorkspaceSummary = CheckReport['summary'];

export interface WorkspaceSummaryResult {
    summary: WorkspaceSummary;
    /** Problems with `warrant.config.json`, as `warrant check` prints them. */
    configProblems: string[];
}

/** `warrant/summary`: the workspace's summary once every document is validated (*Warrant: Check Workspace*). */
export const WorkspaceSummaryRequest = new RequestType<Record<string, never>, WorkspaceSummaryResult, void>('warrant/summary');

/** The URI scheme of a REFI-QDA project's source text, served read-only by the language server. */
export const QDA_SOURCE_SCHEME = 'warrant-qda';

export interface QdaSourceParams {
    /** A `warrant-qda:` URI, as go to definition gives it for a project's segment. */
    uri: string;
}

/**
 * `warrant/qdaSource`: the plain text of a source of a REFI-QDA project the workspace has read
 * (null when it has not, or no more), shown by the client as a read-only document.
 */
export const QdaSourceRequest = new RequestType<QdaSourceParams, { text: string } | null, void>('warrant/qdaSource');

// --- Commands the server asks the client to run ---

/** A command id, typed by the tuple of its arguments. */
export interface CommandType<Args extends unknown[]> {
    readonly id: string;
    /** Never set: carries the argument types. */
    readonly args?: Args;
}

export type CommandArguments<C> = C extends CommandType<infer Args> ? Args : never;

function commandType<Args extends unknown[]>(id: string): CommandType<Args> {
    return { id };
}

/** An LSP command invoking `type` with `args`, checked against the command's argument types. */
export function commandOf<Args extends unknown[]>(type: CommandType<Args>, title: string, ...args: Args): Command {
    return { title, command: type.id, arguments: args };
}

/** Every code lens: focus the element in the map (the document URI and the element's name). */
export const ShowTraceCommand = commandType<[uri: string, name: string]>('warrant.showTrace');

export interface InsertSnippetArgs {
    uri: string;
    position: Position;
    /** TextMate snippet syntax: `$1`, `${1:default}`, `${1|a,b|}`. */
    snippet: string;
}

/** Quick fixes that insert a declaration with placeholders, in a client with Warrant's editor commands. */
export const InsertSnippetCommand = commandType<[InsertSnippetArgs]>('warrant.insertSnippet');

export type DeclarationKind = 'claim' | 'datum' | 'stat' | 'respondent';

export interface DeclareInFileArgs {
    name: string;
    /** Each kind offered, with the top-level declaration to append (a datum comes in an annex of its own). */
    choices: Array<{ kind: DeclarationKind; snippet: string }>;
}

/** Declare an unknown name in a file the user picks. */
export const DeclareInFileCommand = commandType<[DeclareInFileArgs]>('warrant.declareInFile');

export interface PickBibliographyArgs {
    /** The document and the range of the path string to replace (quotes included). */
    uri: string;
    range: Range;
}

/** Let the user pick a `.bib` or CSL-JSON file of the workspace for a bibliography that is not found. */
export const PickBibliographyCommand = commandType<[PickBibliographyArgs]>('warrant.pickBibliography');

/**
 * The commands of the editor's palette and menus (package.json `contributes.commands`, with
 * ShowTraceCommand); a menu passes the resource's URI, the palette nothing.
 */
export const EditorCommands = {
    openPreviewToSide: 'warrant.openPreviewToSide',
    openPreview: 'warrant.openPreview',
    openWorkspaceMap: 'warrant.openWorkspaceMap',
    exportSvg: 'warrant.exportSvg',
    exportPng: 'warrant.exportPng',
    exportMap: 'warrant.exportMap',
    restartServer: 'warrant.restartServer',
    newFile: 'warrant.newFile',
    checkWorkspace: 'warrant.checkWorkspace'
} as const;

/**
 * Arguments of `warrant.exportMap`: the format (a Quick Pick asks when absent) and the file to
 * write, as a URI (a save dialog asks when absent).
 */
export type ExportMapArguments = [format?: MapFormat | 'png', target?: string];

// --- Diagnostics ---

/** A rule's severity as users write it (`warrant.config.json`, `warrant.rules`) and `warrant check --format json` prints it. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * `Diagnostic.data` of Warrant's diagnostics: what their quick fixes need. Linking errors
 * carry Langium's fields (`containerType`, `property`, `refText`) and the nearest names.
 */
export interface DiagnosticData {
    /** The rule, for diagnostics whose `code` a client may have rewritten. */
    code?: string;
    /** Nearest known names or citation keys, best first (unknown-reference, unknown-citation). */
    suggestions?: string[];
    /** The citation key that was not found (unknown-citation). */
    key?: string;
    /** The band the statistic's value falls into (classification-mismatch). */
    band?: string;
    /** The parts a pattern lacks (pattern-incomplete). */
    missing?: string[];
    /** Why a claim is unsupported (unsupported-claim). */
    reason?: 'none' | 'ungrounded-supporters';
    /** The line a file problem is at (quote-not-found, line-range-invalid). */
    line?: number;
    containerType?: string;
    property?: string;
    refText?: string;
}

/**
 * Files the language server cannot read itself (a virtual workspace: vscode.dev, github.dev, VS
 * Code for the Web, where it runs in a Web Worker without a disk) are read by the client through
 * the editor's file system. The client answers only for URIs inside a workspace folder of a
 * trusted workspace, and reads at most `maxBytes`; it reports why otherwise.
 */
export type ClientFileError = 'not-found' | 'outside-workspace' | 'not-a-file' | 'too-large' | 'unreadable' | 'untrusted';

export interface ClientFileParams {
    uri: string;
}

/** A file's or folder's kind and, for a file, its size in bytes and modification time (ms). */
export type ClientStatResult = { type: 'file' | 'directory'; mtime: number; size: number } | { error: ClientFileError };
export const ClientStatRequest = new RequestType<ClientFileParams, ClientStatResult, void>('warrant/stat');

export interface ClientReadFileParams extends ClientFileParams {
    maxBytes: number;
}
/** The file's bytes, base64-encoded. */
export type ClientReadFileResult = { data: string; mtime: number; size: number } | { error: ClientFileError };
export const ClientReadFileRequest = new RequestType<ClientReadFileParams, ClientReadFileResult, void>('warrant/readFile');

export type ClientReadDirectoryResult = { entries: { uri: string; type: 'file' | 'directory' }[] } | { error: ClientFileError };
export const ClientReadDirectoryRequest = new RequestType<ClientFileParams, ClientReadDirectoryResult, void>('warrant/readDirectory');
