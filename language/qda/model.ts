/**
 * What Warrant reads from a REFI-QDA project (`.qdpx`): plain data, no behaviour, so that the
 * reader can run in a Web Worker and its result can cross a message channel.
 */

export type QdaSeverity = 'error' | 'warning' | 'info';

/** A plain-language finding about the project; `subject` is the GUID of the element it is about, when there is one. */
export interface QdaProblem {
    readonly severity: QdaSeverity;
    readonly message: string;
    readonly subject?: string;
}

/**
 * How `startPosition`/`endPosition` are counted in one source:
 * - `codepoints`: the REFI-QDA standard — Unicode code points from 0, end exclusive;
 * - `utf16`: UTF-16 code units (characters outside the Basic Multilingual Plane count twice), as NVivo writes them;
 * - `crlf-as-one`: code points with each CR LF line break counted once, as ATLAS.ti writes them.
 */
export type QdaConvention = 'codepoints' | 'utf16' | 'crlf-as-one';

export type QdaValue = string | number | boolean;

export interface QdaUser {
    readonly guid: string;
    readonly name?: string;
}

export interface QdaCode {
    readonly guid: string;
    readonly name: string;
    /** GUID of the enclosing code, for a nested code. */
    readonly parent?: string;
    /** Names from the top-level code down to this one. */
    readonly path: readonly string[];
    readonly isCodable: boolean;
    readonly color?: string;
    readonly description?: string;
}

export interface QdaVariable {
    readonly guid: string;
    readonly name: string;
    readonly type: string;
}

export interface QdaCase {
    readonly guid: string;
    /** The case's name, or a label such as "Case 3" when the file gives none (`named` is then false). */
    readonly name: string;
    readonly named: boolean;
    /** Variable values by variable name. */
    readonly variables: Readonly<Record<string, QdaValue>>;
    /** GUIDs of the sources (`SourceRef`) and selections (`SelectionRef`) that belong to the case. */
    readonly sources: readonly string[];
    readonly selections: readonly string[];
}

/** Where a source's plain text was found. */
export type QdaTextOrigin =
    | { readonly kind: 'archive'; readonly entry: string; readonly attribute: 'plainTextPath' | 'richTextPath' }
    | { readonly kind: 'inline' }
    | { readonly kind: 'external'; readonly path: string }
    | { readonly kind: 'none' };

export interface QdaSource {
    readonly guid: string;
    readonly name: string;
    readonly origin: QdaTextOrigin;
    /**
     * The plain text as valid UTF-8 (BOM removed; invalid bytes already replaced by U+FFFD), or
     * undefined when it could not be read. Kept undecoded: transcripts can be hundreds of
     * megabytes and only excerpts are usually shown (`wholeText` decodes it).
     */
    readonly utf8?: Uint8Array;
    /** Length of the text in code points (0 when unread). */
    readonly chars: number;
    readonly convention: QdaConvention;
    /** Why that convention, in plain words ("positions counted in UTF-16 code units, as NVivo writes them"). */
    readonly conventionNote: string;
    /** Source variables (`VariableValue` on the source), by variable name. */
    readonly variables: Readonly<Record<string, QdaValue>>;
}

export interface QdaSelection {
    readonly guid: string;
    readonly name?: string;
    readonly source: string;
    /** Positions exactly as written in the file. */
    readonly start: number;
    readonly end: number;
    /** GUIDs of the codes applied to the selection (known codes only). */
    readonly codes: readonly string[];
    readonly description?: string;
    /** The excerpt as the source's convention cuts it; undefined when it cannot be cut. */
    readonly text?: string;
    /** The excerpt's place in the source's decoded text, in UTF-16 units (what JavaScript strings and editors use). */
    readonly range?: { readonly start: number; readonly end: number };
}

export interface QdaProject {
    /** False when the file could not be read at all (not a zip, no project.qde, not XML); the problems say why. */
    readonly readable: boolean;
    readonly name: string;
    readonly origin?: string;
    readonly users: readonly QdaUser[];
    readonly codes: readonly QdaCode[];
    readonly variables: readonly QdaVariable[];
    readonly cases: readonly QdaCase[];
    readonly sources: readonly QdaSource[];
    readonly selections: readonly QdaSelection[];
    readonly problems: readonly QdaProblem[];
}

/** Collects problems in reading order. */
export class Problems {
    readonly list: QdaProblem[] = [];

    add(severity: QdaSeverity, message: string, subject?: string): void {
        this.list.push(subject === undefined ? { severity, message } : { severity, message, subject });
    }
    error(message: string, subject?: string): void {
        this.add('error', message, subject);
    }
    warning(message: string, subject?: string): void {
        this.add('warning', message, subject);
    }
    info(message: string, subject?: string): void {
        this.add('info', message, subject);
    }
}
