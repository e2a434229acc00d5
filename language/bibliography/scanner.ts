/**
 * A fast, error-tolerant key index for BibTeX files.
 *
 * One linear pass over the text finds every entry (`@type{key, …}` or `@type(key, …)`), its
 * key, type and extent, the raw text of a few fields used for completion (author, editor,
 * title, year, date), the `@string` macros, and the structural problems it can detect cheaply:
 * a missing key, an unterminated braced or quoted value, an entry never closed, a missing `=`
 * or `,`, BibTeX-like text between entries, and duplicate keys. It never throws and always
 * advances: after a problem it resumes at the next line that starts a new entry
 * (`@type{` / `@type(` at the start of a line).
 *
 * Full field details are parsed lazily, one entry at a time (see `details.ts`).
 */
import { LineIndex } from './line-index.js';
import { hasHiddenCharacters } from '../safety/characters.js';
import type { BibEntryDetails } from './details.js';
import { yieldToEventLoop } from '../workspace/yield-to-event-loop.js';

export type BibProblemCode = 'bibliography-syntax' | 'duplicate-key';

export interface BibProblem {
    readonly code: BibProblemCode;
    readonly message: string;
    /** Offsets into the text (end exclusive). */
    readonly start: number;
    readonly end: number;
    /** 0-based, UTF-16 columns (LSP conventions). */
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    /** Key of the entry concerned, when known. */
    readonly key?: string;
}

/** Raw (unparsed TeX) values of the fields used for cheap completion labels and search. */
export interface RawFields {
    author?: string;
    editor?: string;
    title?: string;
    year?: string;
    date?: string;
}

export interface BibIndexEntry {
    /** The citation key; '' when the entry has none. */
    readonly key: string;
    /** Entry type, lower case (`article`, `book`, …). */
    readonly type: string;
    /** Offset of the `@`. */
    readonly start: number;
    /** Offset just past the closing delimiter (or past the last text of an unclosed entry). */
    readonly end: number;
    readonly keyStart: number;
    readonly keyEnd: number;
    /** 0-based line of the `@`, of the key and of the end. */
    readonly line: number;
    readonly keyLine: number;
    readonly keyColumn: number;
    readonly endLine: number;
    /** Whether the closing delimiter was found. */
    readonly closed: boolean;
    /** Whether the scanner reported a syntax problem inside this entry. */
    readonly malformed: boolean;
    /** Text that, appended to the entry's slice, closes what was left open ('' when closed). */
    readonly repair: string;
    readonly raw: Readonly<RawFields>;
}

export interface BibIndex {
    readonly text: string;
    /** Every entry in file order, including keyless ones (`@comment`, `@string`, `@preamble` excluded). */
    readonly entries: readonly BibIndexEntry[];
    /** First definition of each exact key. */
    readonly byKey: ReadonlyMap<string, BibIndexEntry>;
    /** `@string` macros (upper-cased names → raw TeX value), for parsing entries one by one. */
    readonly strings: Readonly<Record<string, string>>;
    /** Problems in file order (computed on first access, with the duplicate keys). */
    readonly problems: readonly BibProblem[];
    readonly lines: LineIndex;
    /**
     * Full details of an entry, when the format gives them without the BibTeX parser (CSL-JSON:
     * see `csl-json.ts`); BibTeX indexes leave it out and go through `details.ts`.
     */
    readonly details?: (entry: BibIndexEntry) => BibEntryDetails;
}

const RAW_FIELD_NAMES: readonly (keyof RawFields)[] = ['author', 'editor', 'title', 'year', 'date'];
const MAX_QUOTED_PROBLEM = 60;
const BRACED_SIGNIFICANT = /[{}\\\r\n]/g;
const QUOTED_SIGNIFICANT = /[{}\\\r\n"]/g;

const AT = 64;
const LBRACE = 123;
const RBRACE = 125;
const LPAREN = 40;
const RPAREN = 41;
const QUOTE = 34;
const COMMA = 44;
const EQUALS = 61;
const HASH = 35;
const PERCENT = 37;
const BACKSLASH = 92;
const LF = 10;
const CR = 13;

function isHorizontalSpace(c: number): boolean {
    return c === 32 || c === 9;
}

function isSpace(c: number): boolean {
    return c === 32 || c === 9 || c === LF || c === CR || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}

function isIdentChar(c: number): boolean {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 58 || c === 46;
}

function isLetter(c: number): boolean {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Characters that end a key, field name or bare value. */
function isNameChar(c: number): boolean {
    return !(isSpace(c) || c === COMMA || c === EQUALS || c === LBRACE || c === RBRACE || c === LPAREN || c === RPAREN
        || c === QUOTE || c === HASH || c === PERCENT || c === AT || Number.isNaN(c));
}

function describeChar(text: string, pos: number): string {
    if (pos >= text.length) {
        return 'the end of the file';
    }
    const c = text.charCodeAt(pos);
    if (c === LF || c === CR) {
        return 'a line break';
    }
    return `'${text.slice(pos, pos + 1)}'`;
}

function quoted(s: string): string {
    const clean = s.replace(/\s+/g, ' ').trim();
    return clean.length > MAX_QUOTED_PROBLEM ? `'${clean.slice(0, MAX_QUOTED_PROBLEM - 1)}…'` : `'${clean}'`;
}

/** For a key that would look like another one: its invisible characters escaped. */
export function hiddenKeyMessage(key: string): string {
    return `Key ${quoted(JSON.stringify(key).slice(1, -1))} contains an invisible or bidirectional control character.`;
}

/** The line index, built on first use: answering `has(key)` never needs lines. */
class LazyLines {
    constructor(private readonly text: string, private built: LineIndex | undefined) {}

    get(): LineIndex {
        this.built ??= new LineIndex(this.text);
        return this.built;
    }
}

class IndexedEntry implements BibIndexEntry {
    readonly #lines: LazyLines;
    readonly key: string;
    readonly type: string;
    readonly start: number;
    readonly end: number;
    readonly keyStart: number;
    readonly keyEnd: number;
    readonly closed: boolean;
    readonly malformed: boolean;
    readonly repair: string;
    readonly raw: Readonly<RawFields>;

    constructor(lines: LazyLines, e: EntryState) {
        this.#lines = lines;
        this.key = e.key;
        this.type = e.type;
        this.start = e.start;
        this.end = e.end;
        this.keyStart = e.keyStart;
        this.keyEnd = e.keyEnd;
        this.closed = e.closed;
        this.malformed = e.malformed;
        this.repair = e.repair;
        this.raw = e.raw;
    }

    get line(): number {
        return this.#lines.get().lineAt(this.start);
    }

    get keyLine(): number {
        return this.#lines.get().lineAt(this.keyStart);
    }

    get keyColumn(): number {
        return this.#lines.get().position(this.keyStart).column;
    }

    get endLine(): number {
        return this.#lines.get().lineAt(Math.max(this.start, this.end - 1));
    }
}

class ScannedIndex implements BibIndex {
    readonly #lines: LazyLines;
    #problems: readonly BibProblem[] | (() => BibProblem[]);

    constructor(
        readonly text: string,
        readonly entries: readonly BibIndexEntry[],
        readonly byKey: ReadonlyMap<string, BibIndexEntry>,
        readonly strings: Readonly<Record<string, string>>,
        problems: () => BibProblem[],
        lines: LazyLines
    ) {
        this.#lines = lines;
        this.#problems = problems;
    }

    get lines(): LineIndex {
        return this.#lines.get();
    }

    get problems(): readonly BibProblem[] {
        if (typeof this.#problems === 'function') {
            this.#problems = this.#problems();
        }
        return this.#problems;
    }
}

interface Head {
    readonly type: string;
    readonly typeEnd: number;
    /** Offset of the opening delimiter, -1 for `@comment` without one. */
    readonly open: number;
    readonly close: number;
}

interface EntryState {
    key: string;
    type: string;
    start: number;
    open: number;
    close: number;
    keyStart: number;
    keyEnd: number;
    end: number;
    closed: boolean;
    malformed: boolean;
    repair: string;
    raw: RawFields;
    /**
     * The last value, when it was braced, spanned lines and was closed by a `}` alone at the start
     * of a line: if the entry then turns out unclosed, that value probably took the entry's `}`.
     */
    suspect?: { field: string; open: number } | undefined;
}

/** Where a field's value lies in the scanned text (from just after `=` to the end of its last part). */
export interface FieldSpan {
    /** Field name, lower case. */
    readonly name: string;
    readonly valueStart: number;
    readonly valueEnd: number;
    /** Text of the value without its outer delimiters (parts joined; macros resolved when known). */
    readonly raw: string;
}

/** A problem located by offsets only (see `locateProblems`). */
export interface RawProblem {
    code: BibProblemCode;
    message: string;
    start: number;
    end: number;
    key?: string;
}

/** The value just parsed, when captured. */
interface Captured {
    text: string;
}

class Scanner {
    private readonly len: number;
    private pos = 0;
    private readonly entries: EntryState[] = [];
    private readonly problems: RawProblem[] = [];
    private readonly strings: Record<string, string> = Object.create(null) as Record<string, string>;
    /** Set once an unclosed `@comment{` ran to the end of the file (bounds the work of later ones). */
    private commentReachedEof = false;
    private lineIndex: LineIndex | undefined;
    /** Field spans of the first entry, when asked for (see `scanEntryFields`). */
    readonly fields: FieldSpan[] | undefined;
    private valueEnd = 0;

    constructor(private readonly text: string, recordFields = false) {
        this.len = text.length;
        this.fields = recordFields ? [] : undefined;
    }

    private runPos = -1;
    private gapStart = 0;

    /**
     * Scans until the end of the text, or until `deadline` (a `performance.now()` time) has
     * passed between two entries. Returns whether the scan is complete; call again to resume.
     */
    run(deadline = Infinity): boolean {
        if (this.runPos < 0) {
            this.runPos = this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
            this.gapStart = this.runPos;
        }
        let pos = this.runPos;
        let steps = 0;
        while (pos < this.len) {
            if (deadline !== Infinity && (++steps & 63) === 0 && performance.now() > deadline) {
                this.runPos = pos;
                return false;
            }
            const at = this.findAt(pos, this.gapStart);
            if (at < 0) {
                break;
            }
            const head = this.readHead(at);
            if (!head) {
                pos = at + 1;
                continue;
            }
            this.checkGap(this.gapStart, at);
            const end = this.block(at, head);
            pos = Math.max(end, at + 1);
            this.gapStart = pos;
        }
        this.checkGap(this.gapStart, this.len);
        this.runPos = this.len;
        this.gapStart = this.len;
        return true;
    }

    result(): BibIndex {
        const lines = new LazyLines(this.text, this.lineIndex);
        const byKey = new Map<string, BibIndexEntry>();
        const entries: BibIndexEntry[] = [];
        for (const e of this.entries) {
            const entry = new IndexedEntry(lines, e);
            entries.push(entry);
            if (e.key && !byKey.has(e.key)) {
                byKey.set(e.key, entry);
            }
        }
        // Duplicate keys and positions are only computed when the problems are asked for.
        return new ScannedIndex(this.text, entries, byKey, this.strings, () => this.problemsOf(entries, lines), lines);
    }

    private problemsOf(entries: readonly BibIndexEntry[], lines: LazyLines): BibProblem[] {
        return locateProblems([...this.problems, ...duplicateKeyProblems(entries, 'BibTeX', true)], lines.get());
    }

    // ---- top level -------------------------------------------------------------------------

    /** Next `@` at or after `from` that is not inside a `%` comment line between entries. */
    private findAt(from: number, gapStart: number): number {
        const text = this.text;
        let at = text.indexOf('@', from);
        while (at >= 0) {
            let p = at - 1;
            let commented = false;
            while (p >= gapStart) {
                const c = text.charCodeAt(p);
                if (c === LF || c === CR) {
                    break;
                }
                if (c === PERCENT) {
                    commented = true;
                    break;
                }
                p--;
            }
            if (!commented) {
                return at;
            }
            const eol = this.endOfLine(at);
            at = text.indexOf('@', eol);
        }
        return -1;
    }

    private endOfLine(from: number): number {
        const text = this.text;
        let p = from;
        while (p < this.len) {
            const c = text.charCodeAt(p);
            if (c === LF || c === CR) {
                return p;
            }
            p++;
        }
        return this.len;
    }

    private readHead(at: number): Head | undefined {
        const text = this.text;
        let p = at + 1;
        while (p < this.len && isHorizontalSpace(text.charCodeAt(p))) {
            p++;
        }
        const typeStart = p;
        if (!isLetter(text.charCodeAt(p))) {
            return undefined;
        }
        while (p < this.len && isIdentChar(text.charCodeAt(p))) {
            p++;
        }
        const type = text.slice(typeStart, p).toLowerCase();
        let q = p;
        while (q < this.len && isSpace(text.charCodeAt(q))) {
            q++;
        }
        const c = text.charCodeAt(q);
        if (c === LBRACE || c === LPAREN) {
            return { type, typeEnd: p, open: q, close: c === LBRACE ? RBRACE : RPAREN };
        }
        if (type === 'comment') {
            return { type, typeEnd: p, open: -1, close: RBRACE };
        }
        return undefined;
    }

    /**
     * If the line starting at `lineStart` begins a new entry (`@type{` or `@type(` after optional
     * blanks), the offset of its `@`, else -1.
     */
    private entryLineAt(lineStart: number): number {
        const text = this.text;
        let p = lineStart;
        while (p < this.len && isHorizontalSpace(text.charCodeAt(p))) {
            p++;
        }
        if (text.charCodeAt(p) !== AT) {
            return -1;
        }
        const at = p;
        p++;
        while (p < this.len && isHorizontalSpace(text.charCodeAt(p))) {
            p++;
        }
        if (!isLetter(text.charCodeAt(p))) {
            return -1;
        }
        while (p < this.len && isIdentChar(text.charCodeAt(p))) {
            p++;
        }
        while (p < this.len && isHorizontalSpace(text.charCodeAt(p))) {
            p++;
        }
        const c = text.charCodeAt(p);
        return c === LBRACE || c === LPAREN ? at : -1;
    }

    /** The `@` of the next line at or after `from` that begins a new entry, or the end of the text. */
    private nextEntryLine(from: number): number {
        const text = this.text;
        let at = text.indexOf('@', from);
        while (at >= 0) {
            let p = at - 1;
            while (p >= 0 && isHorizontalSpace(text.charCodeAt(p))) {
                p--;
            }
            const before = p < 0 ? LF : text.charCodeAt(p);
            const atLineStart = before === LF || before === CR || (p === 0 && before === 0xfeff);
            if (atLineStart && this.entryLineAt(p + 1) === at) {
                return at;
            }
            at = text.indexOf('@', at + 1);
        }
        return this.len;
    }

    /**
     * Text between entries is a comment for BibTeX, but text that looks like BibTeX (braces, a
     * `field = value` line, `@type` without a delimiter) is almost always a broken entry.
     */
    private checkGap(from: number, to: number): void {
        if (to <= from) {
            return;
        }
        const text = this.text;
        let p = from;
        let runStart = -1;
        let runEnd = -1;
        const flush = (): void => {
            if (runStart >= 0) {
                this.problems.push({
                    code: 'bibliography-syntax',
                    message: `Text outside an entry is ignored by BibTeX: ${quoted(text.slice(runStart, runEnd))}`,
                    start: runStart,
                    end: runEnd,
                });
                runStart = -1;
            }
        };
        while (p < to) {
            let eol = p;
            while (eol < to) {
                const c = text.charCodeAt(eol);
                if (c === LF || c === CR) {
                    break;
                }
                eol++;
            }
            let first = p;
            while (first < eol && isSpace(text.charCodeAt(first))) {
                first++;
            }
            let last = eol;
            while (last > first && isSpace(text.charCodeAt(last - 1))) {
                last--;
            }
            if (first < last) {
                const c = text.charCodeAt(first);
                if (c === PERCENT) {
                    flush();
                } else if (c === AT && isLetter(text.charCodeAt(first + 1))) {
                    flush();
                    let typeEnd = first + 1;
                    while (typeEnd < last && isIdentChar(text.charCodeAt(typeEnd))) {
                        typeEnd++;
                    }
                    const type = text.slice(first, typeEnd);
                    this.problems.push({
                        code: 'bibliography-syntax',
                        message: `'${type}' is not followed by '{' or '(': the entry is ignored.`,
                        start: first,
                        end: typeEnd,
                    });
                } else if (this.looksLikeBibtex(first, last)) {
                    if (runStart < 0) {
                        runStart = first;
                    }
                    runEnd = last;
                } else {
                    flush();
                }
            }
            p = eol + 1;
        }
        flush();
    }

    private looksLikeBibtex(first: number, last: number): boolean {
        const text = this.text;
        for (let p = first; p < last; p++) {
            const c = text.charCodeAt(p);
            if (c === LBRACE || c === RBRACE) {
                return true;
            }
        }
        return /^[A-Za-z][\w-]*\s*=/.test(text.slice(first, Math.min(last, first + 80)));
    }

    private block(at: number, head: Head): number {
        switch (head.type) {
            case 'comment':
                return this.comment(at, head);
            case 'preamble':
            case 'string':
            default:
                return this.entry(at, head);
        }
    }

    private comment(at: number, head: Head): number {
        const text = this.text;
        if (head.open < 0) {
            return this.endOfLine(head.typeEnd);
        }
        const close = head.close;
        let depth = 0;
        let candidate = -1;
        let p = head.open + 1;
        while (p < this.len) {
            const c = text.charCodeAt(p);
            if (c === BACKSLASH) {
                p += 2;
                continue;
            }
            if (c === LBRACE) {
                depth++;
            } else if (c === RBRACE) {
                if (depth === 0 && close === RBRACE) {
                    return p + 1;
                }
                depth--;
            } else if (c === RPAREN && close === RPAREN && depth <= 0) {
                return p + 1;
            } else if ((c === LF || c === CR) && candidate < 0) {
                const s = this.entryLineAt(p + 1);
                if (s >= 0) {
                    if (this.commentReachedEof) {
                        this.unclosedComment(at, head, s);
                        return s;
                    }
                    candidate = s;
                }
            }
            p++;
        }
        this.commentReachedEof = true;
        const resume = candidate >= 0 ? candidate : this.len;
        this.unclosedComment(at, head, resume);
        return resume;
    }

    private unclosedComment(at: number, head: Head, resume: number): void {
        this.problems.push({
            code: 'bibliography-syntax',
            message: `@comment is never closed: missing '${String.fromCharCode(head.close)}'${this.beforeWhat(resume)}.`,
            start: at,
            end: head.open + 1,
        });
    }

    private beforeWhat(resume: number): string {
        if (resume >= this.len) {
            return ' before the end of the file';
        }
        const line = this.lineNumberOf(resume);
        return ` before the entry at line ${line}`;
    }

    /** 1-based line of an offset, for messages (only on problems). */
    private lineNumberOf(offset: number): number {
        this.lineIndex ??= new LineIndex(this.text);
        return this.lineIndex.lineAt(offset) + 1;
    }

    // ---- entries ---------------------------------------------------------------------------

    private entry(at: number, head: Head): number {
        const isEntry = head.type !== 'string' && head.type !== 'preamble';
        const e: EntryState = {
            key: '',
            type: head.type,
            start: at,
            open: head.open,
            close: head.close,
            keyStart: head.open + 1,
            keyEnd: head.open + 1,
            end: this.len,
            closed: false,
            malformed: false,
            repair: '',
            raw: {},
        };
        this.pos = head.open + 1;
        if (head.type === 'preamble') {
            this.preamble(e);
        } else {
            this.body(e, isEntry);
        }
        if (isEntry) {
            this.entries.push(e);
        }
        return e.end;
    }

    private label(e: EntryState): string {
        return e.key ? `'${e.key}'` : `@${e.type}`;
    }

    private problem(e: EntryState, message: string, start: number, end: number): void {
        e.malformed = true;
        this.problems.push({ code: 'bibliography-syntax', message, start, end, ...(e.key ? { key: e.key } : {}) });
    }

    /** Ends an entry whose closing delimiter is missing before the entry starting at `resume`. */
    private unclosed(e: EntryState, resume: number): void {
        const closer = String.fromCharCode(e.close);
        const headEnd = e.key ? e.keyEnd : e.open + 1;
        if (e.suspect) {
            const { field, open } = e.suspect;
            this.problem(e, `Unbalanced braces in the value of field '${field}' in ${this.label(e)}: it takes the entry's closing '}', so the entry is never closed${this.beforeWhat(resume)}.`, open, this.endOfLine(open));
        } else {
            this.problem(e, `Entry ${this.label(e)} is never closed: missing '${closer}'${this.beforeWhat(resume)}.`, e.start, headEnd);
        }
        e.repair = closer;
        e.end = this.trimBack(resume, e.start + 1);
        this.pos = resume;
    }

    /** Reports a problem that stops the entry here and resumes at the next entry line. */
    private abandon(e: EntryState, message: string, start: number, end: number): void {
        this.problem(e, message, start, end);
        const resume = this.nextEntryLine(Math.max(start, e.open + 1));
        e.end = this.trimBack(resume, e.start + 1);
        this.pos = resume;
    }

    private trimBack(p: number, min: number): number {
        while (p > min && isSpace(this.text.charCodeAt(p - 1))) {
            p--;
        }
        return p;
    }

    /**
     * Skips blanks and `%` comments. Returns the `@` of a line that begins a new entry if one was
     * reached (the current entry is then unclosed), else -1.
     */
    private skipSpace(): number {
        const text = this.text;
        let p = this.pos;
        while (p < this.len) {
            const c = text.charCodeAt(p);
            if (c === LF || c === CR) {
                p++;
                const s = this.entryLineAt(p);
                if (s >= 0) {
                    this.pos = s;
                    return s;
                }
            } else if (isSpace(c)) {
                p++;
            } else if (c === PERCENT) {
                while (p < this.len) {
                    const d = text.charCodeAt(p);
                    if (d === LF || d === CR) {
                        break;
                    }
                    p++;
                }
            } else {
                break;
            }
        }
        this.pos = p;
        return -1;
    }

    /** The field being parsed, as a span of the text (sliced only for messages). */
    private fieldStart = 0;
    private fieldEnd = 0;
    private fieldLabel: string | undefined;

    private fieldName(): string {
        return this.fieldLabel ?? this.text.slice(this.fieldStart, this.fieldEnd);
    }

    /** The canonical name when the current field is one whose raw value is kept, else undefined. */
    private rawFieldName(): keyof RawFields | undefined {
        const length = this.fieldEnd - this.fieldStart;
        if (length < 4 || length > 6) {
            return undefined;
        }
        for (const name of RAW_FIELD_NAMES) {
            if (name.length === length && this.fieldIs(name)) {
                return name;
            }
        }
        return undefined;
    }

    /** Case-insensitive comparison of the current field name with a lower-case ASCII name. */
    private fieldIs(name: string): boolean {
        const text = this.text;
        const start = this.fieldStart;
        for (let i = 0; i < name.length; i++) {
            if ((text.charCodeAt(start + i) | 0x20) !== name.charCodeAt(i)) {
                return false;
            }
        }
        return true;
    }

    private skipName(): number {
        const text = this.text;
        let p = this.pos;
        while (p < this.len && isNameChar(text.charCodeAt(p))) {
            p++;
        }
        this.pos = p;
        return p;
    }

    private readName(): string {
        const text = this.text;
        const start = this.pos;
        let p = start;
        while (p < this.len && isNameChar(text.charCodeAt(p))) {
            p++;
        }
        this.pos = p;
        return text.slice(start, p);
    }

    private body(e: EntryState, isEntry: boolean): void {
        const text = this.text;
        let s = this.skipSpace();
        if (s >= 0) {
            return this.unclosed(e, s);
        }
        let pendingField: string | undefined;
        if (isEntry) {
            const keyStart = this.pos;
            const key = this.readName();
            const keyEnd = this.pos;
            s = this.skipSpace();
            if (s >= 0) {
                if (key) {
                    e.key = key;
                    e.keyStart = keyStart;
                    e.keyEnd = keyEnd;
                }
                return this.unclosed(e, s);
            }
            const c = text.charCodeAt(this.pos);
            if (key && c === EQUALS) {
                this.problem(e, `@${e.type} entry has no citation key.`, e.start, e.open + 1);
                pendingField = key;
            } else if (!key) {
                this.problem(e, `@${e.type} entry has no citation key.`, e.start, e.open + 1);
                if (c === COMMA) {
                    this.pos++;
                } else if (c === e.close) {
                    this.pos++;
                    e.closed = true;
                    e.end = this.pos;
                    return;
                } else if (this.pos >= this.len) {
                    return this.unclosed(e, this.len);
                } else {
                    return this.abandon(e, `Unexpected ${describeChar(text, this.pos)} where the key of @${e.type} was expected.`, this.pos, this.pos + 1);
                }
            } else {
                e.key = key;
                e.keyStart = keyStart;
                e.keyEnd = keyEnd;
                if (hasHiddenCharacters(key)) {
                    this.problem(e, hiddenKeyMessage(key), keyStart, keyEnd);
                }
                if (c === COMMA) {
                    this.pos++;
                } else if (c === e.close) {
                    this.pos++;
                    e.closed = true;
                    e.end = this.pos;
                    return;
                } else if (this.pos >= this.len) {
                    return this.unclosed(e, this.len);
                } else {
                    return this.abandon(e, `Expected ',' after the key '${key}', found ${describeChar(text, this.pos)}.`, this.pos, this.pos + 1);
                }
            }
        }
        // fields
        for (;;) {
            if (pendingField !== undefined) {
                this.fieldStart = e.open + 1;
                this.fieldEnd = this.fieldStart;
                this.fieldLabel = pendingField;
                pendingField = undefined;
            } else {
                s = this.skipSpace();
                if (s >= 0) {
                    return this.unclosed(e, s);
                }
                if (this.pos >= this.len) {
                    return this.unclosed(e, this.len);
                }
                const c = text.charCodeAt(this.pos);
                if (c === e.close) {
                    this.pos++;
                    e.closed = true;
                    e.end = this.pos;
                    return;
                }
                if (c === COMMA) {
                    this.pos++;
                    continue;
                }
                this.fieldStart = this.pos;
                this.fieldEnd = this.skipName();
                this.fieldLabel = undefined;
                if (this.fieldEnd === this.fieldStart) {
                    return this.abandon(e, `Unexpected ${describeChar(text, this.pos)} in ${this.label(e)}: expected a field name or '${String.fromCharCode(e.close)}'.`, this.pos, this.pos + 1);
                }
                s = this.skipSpace();
                if (s >= 0) {
                    return this.unclosed(e, s);
                }
                if (text.charCodeAt(this.pos) !== EQUALS) {
                    return this.abandon(e, `Field '${this.fieldName()}' in ${this.label(e)} is not followed by '=' (found ${describeChar(text, this.pos)}).`, this.fieldStart, this.fieldEnd);
                }
            }
            this.pos++; // '='
            const valueStart = this.pos;
            const record = this.fields !== undefined && isEntry && this.entries.length === 0;
            const rawName = isEntry ? this.rawFieldName() : undefined;
            const capture = record || !isEntry || rawName !== undefined ? { text: '' } : undefined;
            if (!this.value(e, capture)) {
                return;
            }
            if (record) {
                this.fields!.push({ name: this.fieldName().toLowerCase(), valueStart, valueEnd: this.valueEnd, raw: capture!.text });
            }
            if (capture) {
                if (rawName !== undefined) {
                    if (e.raw[rawName] === undefined) {
                        e.raw[rawName] = capture.text;
                    }
                } else if (!isEntry) {
                    this.strings[this.fieldName().toUpperCase()] = capture.text;
                }
            }
            s = this.skipSpace();
            if (s >= 0) {
                return this.unclosed(e, s);
            }
            const c = text.charCodeAt(this.pos);
            if (c === COMMA) {
                this.pos++;
            } else if (c === e.close) {
                this.pos++;
                e.closed = true;
                e.end = this.pos;
                return;
            } else if (this.pos >= this.len) {
                return this.unclosed(e, this.len);
            } else if (this.fieldFollows()) {
                this.problem(e, `Missing ',' before this field in ${this.label(e)}.`, this.pos, this.pos + 1);
            } else {
                return this.abandon(e, `Expected ',' or '${String.fromCharCode(e.close)}' after field '${this.fieldName()}' in ${this.label(e)}, found ${describeChar(text, this.pos)}.`, this.pos, this.pos + 1);
            }
        }
    }

    /** Whether a `name =` starts at the current position (a missing comma between fields). */
    private fieldFollows(): boolean {
        const text = this.text;
        let p = this.pos;
        if (!isLetter(text.charCodeAt(p))) {
            return false;
        }
        while (p < this.len && isNameChar(text.charCodeAt(p))) {
            p++;
        }
        while (p < this.len && isHorizontalSpace(text.charCodeAt(p))) {
            p++;
        }
        return text.charCodeAt(p) === EQUALS;
    }

    private preamble(e: EntryState): void {
        this.fieldLabel = 'preamble';
        if (!this.value(e, undefined)) {
            return;
        }
        const s = this.skipSpace();
        if (s >= 0) {
            return this.unclosed(e, s);
        }
        if (this.text.charCodeAt(this.pos) === e.close) {
            this.pos++;
            e.closed = true;
            e.end = this.pos;
            return;
        }
        if (this.pos >= this.len) {
            return this.unclosed(e, this.len);
        }
        this.abandon(e, `Expected '${String.fromCharCode(e.close)}' to close @preamble, found ${describeChar(this.text, this.pos)}.`, this.pos, this.pos + 1);
    }

    /** Parses `part # part # …`. Returns false when the entry ended (problem reported). */
    private value(e: EntryState, capture: Captured | undefined): boolean {
        const text = this.text;
        e.suspect = undefined;
        this.valueEnd = this.pos;
        for (;;) {
            const s = this.skipSpace();
            if (s >= 0) {
                this.unclosed(e, s);
                return false;
            }
            const c = text.charCodeAt(this.pos);
            if (c === LBRACE || c === QUOTE) {
                if (!this.delimited(e, capture, c === QUOTE)) {
                    return false;
                }
            } else if (isNameChar(c)) {
                const bare = this.readName();
                if (capture) {
                    capture.text += /^\d+$/.test(bare) ? bare : (this.strings[bare.toUpperCase()] ?? bare);
                }
            } else if (this.pos >= this.len) {
                this.unclosed(e, this.len);
                return false;
            } else if (c === COMMA || c === e.close) {
                this.problem(e, `Field '${this.fieldName()}' in ${this.label(e)} has no value.`, this.pos, this.pos + 1);
                return true;
            } else {
                this.abandon(e, `Unexpected ${describeChar(text, this.pos)} in the value of field '${this.fieldName()}' in ${this.label(e)}.`, this.pos, this.pos + 1);
                return false;
            }
            this.valueEnd = this.pos;
            const t = this.skipSpace();
            if (t >= 0) {
                this.unclosed(e, t);
                return false;
            }
            if (text.charCodeAt(this.pos) !== HASH) {
                return true;
            }
            this.pos++;
        }
    }

    /** A `{…}` or `"…"` value part; braces must balance inside. */
    private delimited(e: EntryState, capture: Captured | undefined, isQuote: boolean): boolean {
        const text = this.text;
        const open = this.pos;
        let depth = isQuote ? 0 : 1;
        let strayClose = -1;
        // Jump from one significant character to the next: values are mostly plain text.
        const significant = isQuote ? QUOTED_SIGNIFICANT : BRACED_SIGNIFICANT;
        significant.lastIndex = open + 1;
        while (significant.test(text)) {
            const p = significant.lastIndex - 1;
            const c = text.charCodeAt(p);
            if (c === BACKSLASH) {
                significant.lastIndex = p + 2;
            } else if (c === LBRACE) {
                depth++;
            } else if (c === RBRACE) {
                depth--;
                if (!isQuote && depth === 0) {
                    if (capture) {
                        capture.text += text.slice(open + 1, p);
                    }
                    this.pos = p + 1;
                    if (e.close === RBRACE && this.closesAloneOnLine(open, p)) {
                        e.suspect = { field: this.fieldName(), open };
                    }
                    return true;
                }
                if (isQuote && depth < 0 && strayClose < 0) {
                    strayClose = p;
                }
            } else if (c === QUOTE) {
                if (depth <= 0) {
                    if (strayClose >= 0) {
                        this.problem(e, `Unbalanced '}' in the value of field '${this.fieldName()}' in ${this.label(e)}.`, strayClose, strayClose + 1);
                    }
                    if (capture) {
                        capture.text += text.slice(open + 1, p);
                    }
                    this.pos = p + 1;
                    return true;
                }
            } else {
                const s = this.entryLineAt(p + 1);
                if (s >= 0) {
                    this.unterminated(e, open, isQuote, depth, s);
                    return false;
                }
            }
        }
        this.unterminated(e, open, isQuote, depth, this.len);
        return false;
    }

    /** Whether the `}` at `close` is the first thing on its line, on a later line than `open`. */
    private closesAloneOnLine(open: number, close: number): boolean {
        const text = this.text;
        let p = close - 1;
        while (p > open && isHorizontalSpace(text.charCodeAt(p))) {
            p--;
        }
        const c = text.charCodeAt(p);
        return p > open && (c === LF || c === CR);
    }

    private unterminated(e: EntryState, open: number, isQuote: boolean, depth: number, resume: number): void {
        const field = this.fieldName();
        const what = isQuote ? 'quoted value' : 'braced value';
        const missing = isQuote ? (depth > 0 ? `${'}'.repeat(depth)}"` : '"') : '}'.repeat(Math.max(1, depth));
        this.problem(e, `Unterminated ${what} of field '${field}' in ${this.label(e)}: missing '${missing}'${this.beforeWhat(resume)}.`, open, this.endOfLine(open));
        const closer = String.fromCharCode(e.close);
        e.repair = missing + closer;
        e.end = this.trimBack(resume, e.start + 1);
        this.pos = resume;
    }
}

/**
 * Duplicate keys, and (when `caseInsensitive`, as BibTeX is) keys that differ only in case, at
 * the later definitions; `reader` names who uses the first one.
 */
export function duplicateKeyProblems(entries: readonly BibIndexEntry[], reader: string, caseInsensitive: boolean): RawProblem[] {
    const raw: RawProblem[] = [];
    const first = new Map<string, BibIndexEntry>();
    const firstLower = new Map<string, BibIndexEntry>();
    for (const entry of entries) {
        const key = entry.key;
        if (!key) {
            continue;
        }
        const earlier = first.get(key);
        if (earlier) {
            raw.push({
                code: 'duplicate-key',
                message: `Duplicate key '${key}': already defined at line ${earlier.line + 1}; ${reader} uses the first definition.`,
                start: entry.keyStart,
                end: entry.keyEnd,
                key,
            });
            continue;
        }
        first.set(key, entry);
        if (!caseInsensitive) {
            continue;
        }
        const lower = key.toLowerCase();
        const caseVariant = firstLower.get(lower);
        if (caseVariant) {
            raw.push({
                code: 'duplicate-key',
                message: `Key '${key}' differs only in case from '${caseVariant.key}' at line ${caseVariant.line + 1}; ${reader} treats them as the same key.`,
                start: entry.keyStart,
                end: entry.keyEnd,
                key,
            });
        } else {
            firstLower.set(lower, entry);
        }
    }
    return raw;
}

/** Problems in file order, with their lines and columns. */
export function locateProblems(raw: readonly RawProblem[], lines: LineIndex): BibProblem[] {
    return raw
        .map((p, i) => ({ p, i }))
        .sort((a, b) => a.p.start - b.p.start || a.i - b.i)
        .map(({ p }): BibProblem => {
            const start = lines.position(p.start);
            const end = lines.position(Math.max(p.start, p.end));
            return {
                code: p.code,
                message: p.message,
                start: p.start,
                end: Math.max(p.start, p.end),
                line: start.line,
                column: start.column,
                endLine: end.line,
                endColumn: end.column,
                ...(p.key ? { key: p.key } : {}),
            };
        });
}

/** The fields of the first entry of `text` (typically one entry's slice), with their value spans. */
export function scanEntryFields(text: string): FieldSpan[] {
    const scanner = new Scanner(text, true);
    scanner.run();
    return scanner.fields ?? [];
}

function binaryIndex(text: string): BibIndex | undefined {
    // A NUL in the first 8 KB means a binary file, not BibTeX: report it once rather than noise.
    const nul = text.slice(0, 8192).indexOf('\0');
    if (nul < 0) {
        return undefined;
    }
    const lines = new LineIndex(text);
    const at = lines.position(nul);
    return {
        text,
        entries: [],
        byKey: new Map(),
        strings: {},
        problems: [{
            code: 'bibliography-syntax',
            message: 'This file is binary, not a BibTeX text file.',
            start: nul,
            end: nul + 1,
            line: at.line,
            column: at.column,
            endLine: at.line,
            endColumn: at.column + 1,
        }],
        lines,
    };
}

/** Indexes a BibTeX text. Never throws; linear in the text's length. */
export function scanBibliography(text: string): BibIndex {
    const binary = binaryIndex(text);
    if (binary) {
        return binary;
    }
    const scanner = new Scanner(text);
    scanner.run();
    return scanner.result();
}

export interface AsyncScanOptions {
    /** Longest stretch of synchronous work, in ms (default 8). */
    readonly sliceMs?: number;
    /** Checked between slices: stop early (the promise then resolves to undefined). */
    readonly isCancelled?: () => boolean;
}


/**
 * `scanBibliography` in time slices, yielding to the event loop between them so that a huge
 * file does not hold up other requests. Same result as the synchronous scan.
 */
export async function scanBibliographyAsync(text: string, options: AsyncScanOptions = {}): Promise<BibIndex | undefined> {
    const binary = binaryIndex(text);
    if (binary) {
        return binary;
    }
    return runSliced(new Scanner(text), options);
}

/** A scan that can stop at a deadline and resume (see `Scanner.run`). */
export interface SlicedScan {
    run(deadline: number): boolean;
    result(): BibIndex;
}

/** Runs `scan` in slices of `options.sliceMs`, yielding to the event loop between them. */
export async function runSliced(scan: SlicedScan, options: AsyncScanOptions): Promise<BibIndex | undefined> {
    const sliceMs = options.sliceMs ?? 8;
    while (!scan.run(performance.now() + sliceMs)) {
        await yieldToEventLoop();
        if (options.isCancelled?.()) {
            return undefined;
        }
    }
    return scan.result();
}
