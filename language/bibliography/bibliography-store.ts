/**
 * The loaded bibliographies of a workspace (BibTeX or CSL-JSON): one key index per file
 * (re-built only when the file's text changes), answered across files; entry details parsed
 * lazily and cached.
 *
 * Reading files is the caller's job (through Langium's FileSystemProvider or `fs`, with path
 * containment): the store only receives `(uri, text)`.
 */
import { MAX_DETAILED_ENTRY_LENGTH, isBibtexParserLoaded, loadBibtexParser, parseEntryDetails, summarize, type BibEntryDetails, type BibEntrySummary } from './details.js';
import { AuthorIndex, type AuthorSuggestion } from './author-suggestions.js';
import { scanCslJson, scanCslJsonAsync } from './csl-json.js';
import { isCslJson } from './file-format.js';
import { KeyMatcher, type KeySuggestion } from './nearest-keys.js';
import { scanBibliography, scanBibliographyAsync, type AsyncScanOptions, type BibIndex, type BibIndexEntry, type BibProblemCode } from './scanner.js';

export interface BibKeyLocation {
    readonly uri: string;
    readonly key: string;
    /** 0-based position of the key (line also of the entry's `@` as `entryLine`). */
    readonly line: number;
    readonly column: number;
    readonly entryLine: number;
    readonly endLine: number;
    readonly entryType: string;
}

/** A problem in a bibliography file; 0-based lines and columns. */
export interface BibDiagnostic {
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly code: BibProblemCode;
    readonly message: string;
}

/** Restricts a query to some files (e.g. the bibliographies a document imports). */
export type Within = Iterable<string> | undefined;

interface FileRecord {
    readonly uri: string;
    readonly order: number;
    readonly index: BibIndex;
    readonly details: Map<string, BibEntryDetails>;
    diagnostics?: BibDiagnostic[];
    matcher?: KeyMatcher;
    authors?: AuthorIndex;
}

interface Located {
    readonly file: FileRecord;
    readonly entry: BibIndexEntry;
}

export interface BibliographyStoreOptions {
    /**
     * Start loading the full BibTeX parser in the background when the first file is indexed
     * (default true), so that `entry()` has full details by the time anyone hovers.
     */
    readonly preloadParser?: boolean;
}

export class BibliographyStore {
    private readonly files = new Map<string, FileRecord>();
    /** Key → definitions across files, in file load order. */
    private readonly merged = new Map<string, Located[]>();
    private nextOrder = 0;
    private allKeys: string[] | undefined;
    private allMatcher: KeyMatcher | undefined;
    private allAuthors: AuthorIndex | undefined;

    constructor(private readonly options: BibliographyStoreOptions = {}) {}

    /**
     * Indexes `text` as the content of `uri` unless it is the text already indexed. Returns
     * whether the index was rebuilt. Linear in the text (about 10 ms per MB); never throws.
     */
    update(uri: string, text: string): boolean {
        if (this.files.get(uri)?.index.text === text) {
            return false;
        }
        this.install(uri, isCslJson(uri, text) ? scanCslJson(text) : scanBibliography(text));
        return true;
    }

    /**
     * `update` that scans in time slices (see `scanBibliographyAsync`), for large files read
     * while other requests wait. Resolves to whether the index was rebuilt (false if cancelled,
     * or if another update of the same file finished first).
     */
    async updateAsync(uri: string, text: string, options: AsyncScanOptions = {}): Promise<boolean> {
        if (this.files.get(uri)?.index.text === text) {
            return false;
        }
        const before = this.files.get(uri);
        const index = await (isCslJson(uri, text) ? scanCslJsonAsync(text, options) : scanBibliographyAsync(text, options));
        if (!index || this.files.get(uri) !== before) {
            return false;
        }
        this.install(uri, index);
        return true;
    }

    private install(uri: string, index: BibIndex): void {
        if (this.options.preloadParser !== false && !index.details) {
            void loadBibtexParser().catch(() => undefined);
        }
        const old = this.files.get(uri);
        if (old) {
            this.unmerge(old);
        }
        const record: FileRecord = { uri, order: old?.order ?? this.nextOrder++, index, details: new Map() };
        this.files.set(uri, record);
        const merged = this.merged;
        for (const [key, entry] of index.byKey) {
            const located = { file: record, entry };
            const list = merged.get(key);
            if (!list) {
                merged.set(key, [located]);
            } else {
                list.push(located);
                list.sort((a, b) => a.file.order - b.file.order);
            }
        }
        this.changed();
    }

    remove(uri: string): boolean {
        const old = this.files.get(uri);
        if (!old) {
            return false;
        }
        this.unmerge(old);
        this.files.delete(uri);
        this.changed();
        return true;
    }

    clear(): void {
        this.files.clear();
        this.merged.clear();
        this.changed();
    }

    uris(): string[] {
        return [...this.files.keys()];
    }

    /** The key index of one file. */
    index(uri: string): BibIndex | undefined {
        return this.files.get(uri)?.index;
    }

    /** Entries of one file that have a key (duplicates included). */
    entryCount(uri: string): number {
        return this.files.get(uri)?.index.entries.filter(e => e.key).length ?? 0;
    }

    has(key: string, within?: Within): boolean {
        return this.find(key, within) !== undefined;
    }

    lookup(key: string, within?: Within): BibKeyLocation | undefined {
        const found = this.find(key, within);
        if (!found) {
            return undefined;
        }
        const { file, entry } = found;
        return {
            uri: file.uri,
            key,
            line: entry.keyLine,
            column: entry.keyColumn,
            entryLine: entry.line,
            endLine: entry.endLine,
            entryType: entry.type,
        };
    }

    /** Every distinct key, in file load order then file order. */
    keys(within?: Within): string[] {
        if (within === undefined) {
            this.allKeys ??= [...this.merged.keys()];
            return this.allKeys;
        }
        const keys = new Set<string>();
        for (const file of this.selected(within)) {
            for (const key of file.index.byKey.keys()) {
                keys.add(key);
            }
        }
        return [...keys];
    }

    /**
     * Cheap title / family names / year from the raw fields (no full parse): for completion
     * lists and the analysis's labels, which ask for every cited key on every keystroke (the
     * TeX decoding was 2 % of a keystroke at 10,000 claims), so memoised per scanned entry.
     */
    summary(key: string, within?: Within): BibEntrySummary | undefined {
        const found = this.find(key, within);
        if (!found) {
            return undefined;
        }
        let summary = this.summaries.get(found.entry);
        if (!summary) {
            summary = summarize(found.entry);
            this.summaries.set(found.entry, summary);
        }
        return summary;
    }

    private readonly summaries = new WeakMap<BibIndexEntry, BibEntrySummary>();

    /**
     * Full details of an entry, parsed on first request (a few ms) and cached until the file
     * changes. Until the full parser has loaded (about a second after the first `update`), the
     * details are `partial` (from the raw fields, not cached); `entryAsync` waits for it.
     */
    entry(key: string, within?: Within): BibEntryDetails | undefined {
        const found = this.find(key, within);
        return found ? this.details(found.file, found.entry, 0) : undefined;
    }

    /** Full details, loading the BibTeX parser first if the entry needs it. */
    async entryAsync(key: string, within?: Within): Promise<BibEntryDetails | undefined> {
        if (!isBibtexParserLoaded() && !this.find(key, within)?.file.index.details) {
            await loadBibtexParser();
        }
        return this.entry(key, within);
    }

    /** Suggestions for an unknown key (see nearest-keys.ts and author-suggestions.ts). */
    nearestKeys(key: string, max = 3, within?: Within): string[] {
        return this.scoredKeys(key, max, within).map(s => s.key);
    }

    /**
     * Suggestions ranked by the better of two scores: the key's edit distance, and the cost of
     * reading the key as the entry's authors and year (see author-suggestions.ts). Both
     * indexes are built on the first unknown key, not when a file is indexed.
     */
    scoredKeys(key: string, max = 3, within?: Within): KeySuggestion[] {
        if (within === undefined) {
            this.allMatcher ??= new KeyMatcher(this.merged.keys());
            this.allAuthors ??= new AuthorIndex([...this.merged.values()].map(list => list[0]!.entry));
            return rankSuggestions(this.allMatcher.scored(key, max), this.allAuthors.suggest(key, max), max);
        }
        const byKey: KeySuggestion[] = [];
        const byAuthor: AuthorSuggestion[] = [];
        for (const file of this.selected(within)) {
            file.matcher ??= new KeyMatcher(file.index.byKey.keys());
            file.authors ??= new AuthorIndex(file.index.byKey.values());
            byKey.push(...file.matcher.scored(key, max));
            byAuthor.push(...file.authors.suggest(key, max));
        }
        return rankSuggestions(byKey, byAuthor, max);
    }

    /** Syntax problems and duplicate keys of one file (cheap: from the key index). */
    diagnostics(uri: string): BibDiagnostic[] {
        const file = this.files.get(uri);
        if (!file) {
            return [];
        }
        file.diagnostics ??= file.index.problems.map(p => ({
            line: p.line,
            column: p.column,
            endLine: p.endLine,
            endColumn: p.endColumn,
            code: p.code,
            message: p.message,
        }));
        return file.diagnostics;
    }

    private details(file: FileRecord, entry: BibIndexEntry, depth: number): BibEntryDetails {
        const cached = file.details.get(entry.key);
        if (cached) {
            return cached;
        }
        const details = file.index.details?.(entry) ?? parseEntryDetails(file.index, entry, depth > 0 ? undefined : parent => {
            const found = file.index.byKey.get(parent);
            return found ? this.details(file, found, depth + 1) : undefined;
        });
        if (!details.partial || entry.end - entry.start > MAX_DETAILED_ENTRY_LENGTH) {
            file.details.set(entry.key, details);
        }
        return details;
    }

    private find(key: string, within: Within): Located | undefined {
        const list = this.merged.get(key);
        if (!list) {
            return undefined;
        }
        if (within === undefined) {
            return list[0];
        }
        const allowed = within instanceof Set ? within as ReadonlySet<string> : new Set(within);
        return list.find(l => allowed.has(l.file.uri));
    }

    private *selected(within: Iterable<string>): Generator<FileRecord> {
        for (const uri of new Set(within)) {
            const file = this.files.get(uri);
            if (file) {
                yield file;
            }
        }
    }

    private unmerge(old: FileRecord): void {
        for (const key of old.index.byKey.keys()) {
            const list = this.merged.get(key);
            if (!list) {
                continue;
            }
            if (list.length === 1) {
                if (list[0]!.file === old) {
                    this.merged.delete(key);
                }
                continue;
            }
            const rest = list.filter(l => l.file !== old);
            if (rest.length === 0) {
                this.merged.delete(key);
            } else {
                this.merged.set(key, rest);
            }
        }
    }

    private changed(): void {
        this.allKeys = undefined;
        this.allMatcher = undefined;
        this.allAuthors = undefined;
    }
}

/** One list, best first: a key's score is the lower of its key distance and its author cost; ties go to the closer key. */
function rankSuggestions(byKey: readonly KeySuggestion[], byAuthor: readonly AuthorSuggestion[], max: number): KeySuggestion[] {
    const keyDistance = new Map<string, number>();
    for (const s of byKey) {
        keyDistance.set(s.key, Math.min(s.distance, keyDistance.get(s.key) ?? Infinity));
    }
    const score = new Map(keyDistance);
    for (const s of byAuthor) {
        score.set(s.key, Math.min(s.cost, score.get(s.key) ?? Infinity));
    }
    return [...score]
        .map(([key, distance]) => ({ key, distance }))
        .sort((a, b) => a.distance - b.distance || (keyDistance.get(a.key) ?? Infinity) - (keyDistance.get(b.key) ?? Infinity))
        .slice(0, max);
}
