/**
 * CSL-JSON bibliographies (Zotero's "CSL JSON" export, Better BibTeX's "Better CSL JSON", what
 * pandoc and Quarto read): an array of CSL items, mapped here — and only here — onto the key
 * index and entry details a BibTeX file gives, so completion, hover, suggestions and
 * diagnostics are the same for both.
 *
 * The array is walked item by item: each item's extent is found by counting brackets and the
 * item is parsed alone, so a broken item is reported where it breaks while the others still
 * load, and a large library is indexed in time slices.
 */
import { jsonSyntaxError } from '../config/json-errors.js';
import { findMember, skipSpace, valueEndAt } from '../config/json-locations.js';
import { hasHiddenCharacters } from '../safety/characters.js';
import { entryDetails, formatNameInverted, MAX_PARSED_VALUE, stripMarkup, type BibEntryDetails } from './details.js';
import { LineIndex } from './line-index.js';
import {
    duplicateKeyProblems, hiddenKeyMessage, locateProblems, runSliced,
    type AsyncScanOptions, type BibIndex, type BibIndexEntry, type BibProblem, type RawFields, type RawProblem
} from './scanner.js';
import type { BibName } from './tex.js';

/** CSL item types as the BibTeX entry types the rest of the code formats; others are `misc`. */
const TYPES: Readonly<Record<string, string>> = {
    'article': 'article',
    'article-journal': 'article',
    'article-magazine': 'article',
    'article-newspaper': 'article',
    'review': 'article',
    'review-book': 'article',
    'periodical': 'periodical',
    'book': 'book',
    'classic': 'book',
    'collection': 'collection',
    'chapter': 'incollection',
    'entry': 'inreference',
    'entry-dictionary': 'inreference',
    'entry-encyclopedia': 'inreference',
    'paper-conference': 'inproceedings',
    'thesis': 'thesis',
    'report': 'report',
    'dataset': 'dataset',
    'software': 'software',
    'webpage': 'online',
    'post': 'online',
    'post-weblog': 'online',
    'manuscript': 'unpublished',
    'patent': 'patent',
    'standard': 'standard',
};
const CHAPTER_TYPES = /^(?:incollection|inreference|inproceedings)$/;

type Item = Readonly<Record<string, unknown>>;

/** Printable ASCII without `<`, `>` or runs of spaces: nothing for `stripMarkup` to do. */
const SIMPLE = /^(?:[!-;=?-~]| (?! ))*$/;

/** A field as plain text (markup such as `<i>` removed); values too long to show are left out, as in BibTeX files. */
function plain(value: unknown): string | undefined {
    const text = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
    if (text === undefined || text.length > MAX_PARSED_VALUE) {
        return undefined;
    }
    return (SIMPLE.test(text) ? text.trim() : stripMarkup(text)) || undefined;
}

/** A CSL name object (`family`, `given`, particles, `suffix`, or `literal` for an institution). */
function cslName(value: unknown): BibName | undefined {
    if (typeof value === 'string') {
        const literal = plain(value);
        return literal ? { family: literal, literal: true } : undefined;
    }
    if (!value || typeof value !== 'object') {
        return undefined;
    }
    const name = value as Item;
    const literal = plain(name.literal);
    if (literal) {
        return { family: literal, literal: true };
    }
    const family = plain(name.family);
    const given = plain(name.given);
    if (!family) {
        return given ? { family: given, literal: true } : undefined;
    }
    // Both particles go with the family name, as a BibTeX "von" part does ("van Gogh", "de Gaulle").
    const prefix = [plain(name['dropping-particle']), plain(name['non-dropping-particle'])].filter(Boolean).join(' ');
    const suffix = plain(name.suffix);
    return { family, ...(given ? { given } : {}), ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}

/** Names shown per list: a reference needs no more, and a list of a million costs nothing then. */
const MAX_NAMES = 100;

function cslNames(value: unknown): BibName[] {
    return Array.isArray(value) ? value.slice(0, MAX_NAMES).map(cslName).filter((n): n is BibName => n !== undefined) : [];
}

function datePart(parts: unknown): string | undefined {
    if (!Array.isArray(parts)) {
        return undefined;
    }
    const [year, month, day] = parts.slice(0, 3).map(p => typeof p === 'number' ? p : typeof p === 'string' && /^\s*-?\d{1,4}\s*$/.test(p) ? Number(p) : NaN);
    if (!Number.isInteger(year)) {
        return undefined;
    }
    const two = (n: number) => String(n).padStart(2, '0');
    const hasMonth = Number.isInteger(month) && month! >= 1 && month! <= 12;
    const hasDay = hasMonth && Number.isInteger(day) && day! >= 1 && day! <= 31;
    return `${year}${hasMonth ? `-${two(month!)}` : ''}${hasDay ? `-${two(day!)}` : ''}`;
}

/** A CSL date (`date-parts`, else `raw` or `literal`) as "2018-03-01" or "2018/2019", with its year. */
function cslDate(value: unknown): { text?: string; year?: string } {
    if (typeof value === 'string' || typeof value === 'number') {
        const text = plain(value);
        return text ? { text, ...yearOf(text) } : {};
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
        return {};
    }
    const date = value as Item;
    const parts = date['date-parts'];
    const range = Array.isArray(parts) ? parts.slice(0, 2).map(datePart).filter((p): p is string => p !== undefined) : [];
    if (range.length > 0) {
        return { text: range.join('/'), year: /^-?\d+/.exec(range[0]!)![0] };
    }
    const text = plain(date.raw) ?? plain(date.literal);
    return text ? { text, ...yearOf(text) } : {};
}

function yearOf(text: string): { year?: string } {
    const year = /\d{4}/.exec(text)?.[0];
    return year ? { year } : {};
}

/** TeX that `texToText` reads back as `text` (the raw fields of the index are BibTeX's): specials escaped, ligatures (`--`, `''`) broken. */
function tex(text: string): string {
    return text.replace(/[\\{}$&%#_~]|[-'`](?=[-'`])/g, c => c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : /[-'`]/.test(c) ? `${c}{}` : `\\${c}`);
}

/** A name as BibTeX writes it ("von {Last}, Jr, First"; an institution braced whole). */
function texName(name: BibName): string {
    if (name.literal) {
        return `{${tex(name.family)}}`;
    }
    const family = `${name.prefix ? `${tex(name.prefix)} ` : ''}{${tex(name.family)}}`;
    if (!name.given) {
        return family;
    }
    return [family, ...(name.suffix ? [tex(name.suffix)] : []), tex(name.given)].join(', ');
}

function rawFields(item: Item): RawFields {
    const raw: RawFields = {};
    const author = cslNames(item.author);
    const editor = cslNames(item.editor);
    const title = plain(item.title);
    const issued = cslDate(item.issued);
    if (author.length > 0) {
        raw.author = author.map(texName).join(' and ');
    }
    if (editor.length > 0) {
        raw.editor = editor.map(texName).join(' and ');
    }
    if (title) {
        raw.title = tex(title);
    }
    if (issued.year) {
        raw.year = issued.year;
    }
    if (issued.text) {
        raw.date = issued.text;
    }
    return raw;
}

/** The key Better BibTeX writes (`citation-key`), else the item's `id`. */
function keyMember(item: Item): 'citation-key' | 'id' | undefined {
    const usable = (value: unknown) => typeof value === 'string' ? value.trim() !== '' : typeof value === 'number' && Number.isFinite(value);
    return usable(item['citation-key']) ? 'citation-key' : usable(item.id) ? 'id' : undefined;
}

/** Full details of a CSL item, in the shape BibTeX entries get (see `details.ts`). */
export function cslDetails(entry: BibIndexEntry, item: Item): BibEntryDetails {
    const text = (name: string) => plain(item[name]);
    const authorNames = cslNames(item.author);
    const editorNames = cslNames(item.editor);
    const issued = cslDate(item.issued);
    const accessed = cslDate(item.accessed).text;
    const title = text('title');
    const containerTitle = text('container-title');
    const publisher = text('publisher');
    const isChapter = CHAPTER_TYPES.test(entry.type);
    const container = isChapter || entry.type === 'article' ? containerTitle : containerTitle ?? publisher;
    const number = entry.type === 'report' ? text('number') ?? text('issue') : text('issue') ?? text('number');
    const volume = text('volume');
    const pages = text('page');
    const edition = text('edition');
    const doi = text('DOI');
    const url = text('URL');
    const abstract = text('abstract');

    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(item)) {
        const rendered = Array.isArray(value) ? cslNames(value).map(formatNameInverted).join(' and ')
            : value && typeof value === 'object' ? cslDate(value).text
            : plain(value);
        if (rendered && name !== 'type') {
            fields[name] = rendered;
        }
    }
    // The names `format.ts` reads, as BibTeX calls them.
    const genre = text('genre');
    if (genre) {
        fields.type = genre;
    }
    if (containerTitle) {
        fields[isChapter ? 'booktitle' : 'journal'] = containerTitle;
    }
    if (publisher && entry.type === 'thesis') {
        fields.school = publisher;
    }
    return entryDetails({
        key: entry.key, type: entry.type, line: entry.line, title, year: issued.year, authorNames, editorNames, date: issued.text, container,
        publisher, volume, number, pages, edition, doi, url, accessed, abstract, fields, problems: [],
    });
}

class CslEntry implements BibIndexEntry {
    readonly closed = true;
    readonly malformed = false;
    readonly repair = '';

    constructor(
        private readonly index: CslIndex,
        readonly key: string,
        readonly type: string,
        readonly start: number,
        readonly end: number,
        readonly keyStart: number,
        readonly keyEnd: number,
        readonly raw: Readonly<RawFields>
    ) {}

    get line(): number {
        return this.index.lines.lineAt(this.start);
    }

    get keyLine(): number {
        return this.index.lines.lineAt(this.keyStart);
    }

    get keyColumn(): number {
        return this.index.lines.position(this.keyStart).column;
    }

    get endLine(): number {
        return this.index.lines.lineAt(Math.max(this.start, this.end - 1));
    }
}

class CslIndex implements BibIndex {
    readonly strings: Readonly<Record<string, string>> = {};
    readonly entries: CslEntry[] = [];
    readonly byKey = new Map<string, BibIndexEntry>();
    readonly raw: RawProblem[] = [];
    #lines: LineIndex | undefined;
    #problems: BibProblem[] | undefined;

    constructor(readonly text: string) {}

    get lines(): LineIndex {
        this.#lines ??= new LineIndex(this.text);
        return this.#lines;
    }

    get problems(): readonly BibProblem[] {
        if (!this.#problems) {
            const raw = [...this.raw, ...duplicateKeyProblems(this.entries, 'Warrant', false)];
            // No problem, no line index to build (a pass over the whole text).
            this.#problems = raw.length === 0 ? [] : locateProblems(raw, this.lines);
        }
        return this.#problems;
    }

    /** The item is parsed again (a few microseconds): the index keeps offsets, not a second copy of the library. */
    readonly details = (entry: BibIndexEntry): BibEntryDetails => {
        const item = JSON.parse(this.text.slice(entry.start, entry.end)) as Item;
        return cslDetails(entry, item);
    };
}

function describeValue(value: unknown): string {
    return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Items read at most: more than the largest real libraries, and it bounds the index of a file
 * of millions of tiny items (`[{"id":"a"},{"id":"a"},…]`: an entry and a problem each).
 */
export const MAX_ITEMS = 100_000;

/** Walks the top-level array one item at a time (see `run`). */
class CslScanner {
    private readonly index: CslIndex;
    private pos = 0;
    private state: 'start' | 'items' | 'done' = 'start';
    private count = 0;
    /** Offset of the ',' just read, -1 after an item. */
    private comma = -1;

    constructor(private readonly text: string) {
        this.index = new CslIndex(text);
    }

    /** Scans until the end, or until `deadline` (a `performance.now()` time) has passed between two items. */
    run(deadline = Infinity): boolean {
        if (this.state === 'start') {
            this.start();
        }
        let steps = 0;
        while (this.state === 'items') {
            if (deadline !== Infinity && (++steps & 3) === 0 && performance.now() > deadline) {
                return false;
            }
            this.next();
        }
        return true;
    }

    result(): BibIndex {
        return this.index;
    }

    private problem(message: string, start: number, end = start + 1): void {
        this.index.raw.push({ code: 'bibliography-syntax', message, start, end: Math.min(end, this.text.length) });
    }

    private start(): void {
        const text = this.text;
        const at = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
        this.state = 'done';
        if (at >= text.length) {
            return; // an empty library
        }
        const first = text[at];
        if (first === '[') {
            this.pos = at + 1;
            this.state = 'items';
        } else if (first === '{') {
            this.problem('This file holds one JSON object; a CSL-JSON bibliography is an array of items: [{"id": …}, …].', at);
        } else if (first === '@') {
            this.problem('This file is read as CSL-JSON, but it looks like BibTeX: give it the extension .bib.', at);
        } else {
            try {
                const value: unknown = JSON.parse(text);
                this.problem(`This file holds ${describeValue(value)}; a CSL-JSON bibliography is an array of items: [{"id": …}, …].`, at);
            } catch (error) {
                const found = jsonSyntaxError(text, error);
                this.problem(`${found.message}.`, found.offset);
            }
        }
    }

    private next(): void {
        const text = this.text;
        const at = skipSpace(text, this.pos);
        if (at >= text.length) {
            this.problem('The array of items is not closed: \']\' is missing at the end of the file.', text.length);
            this.state = 'done';
            return;
        }
        if (text[at] === ']') {
            if (this.comma >= 0) {
                this.problem('A \',\' after the last item: JSON allows none.', this.comma);
            }
            const after = skipSpace(text, at + 1);
            if (after < text.length) {
                this.problem('Text after the end of the array of items.', after);
            }
            this.state = 'done';
            return;
        }
        if (this.count === MAX_ITEMS) {
            this.problem(`This library has more than ${MAX_ITEMS.toLocaleString('en')} items: the rest are not read.`, at);
            this.state = 'done';
            return;
        }
        const end = valueEndAt(text, at);
        const error = this.item(at, end);
        this.comma = -1;
        if (error !== undefined) {
            // Bracket counting went wrong with the item (a quote missing): the next item starts
            // at the next line indented like this one, as exports write them.
            const resume = this.nextItemStart(at, error);
            if (resume >= 0) {
                this.pos = resume;
                return;
            }
        }
        const after = skipSpace(text, end);
        if (after >= text.length) {
            if (error === undefined) {
                this.problem('The array of items is not closed: \']\' is missing at the end of the file.', text.length);
            } // else the item's own error says where the text broke off
            this.state = 'done';
            return;
        }
        const c = text[after];
        if (c === ',') {
            this.comma = after;
            this.pos = after + 1;
        } else if (c === ']') {
            this.pos = after;
        } else if (c === '{') {
            this.problem('Missing \',\' between two items.', after);
            this.pos = after;
        } else {
            this.problem(`Expected ',' or ']' after item ${this.count}, found '${c}'.`, after);
            this.state = 'done';
        }
    }

    /**
     * Where the value of the item's key member is. Its last `"name":` is looked for first (a
     * quote inside a string is escaped, so this is a member name, usually of the item); when its
     * value is not the key, the item's members are walked (slower, exact: the last one wins, as
     * in JSON.parse).
     */
    private keySpan(start: number, end: number, member: string, value: unknown): [number, number] {
        const text = this.text;
        const name = text.lastIndexOf(`"${member}"`, end);
        if (name > start) {
            const colon = skipSpace(text, name + member.length + 2);
            if (text[colon] === ':') {
                const valueStart = skipSpace(text, colon + 1);
                const valueEnd = valueEndAt(text, valueStart);
                if (valueEnd <= end && JSON.parse(text.slice(valueStart, valueEnd)) === value) {
                    return [valueStart, valueEnd];
                }
            }
        }
        return findMember(text, start, member)!.value;
    }

    /**
     * Where the item after a broken one starts: the first `{` after `from` that begins a line
     * with the broken item's indentation; -1 when that item did not begin its line.
     */
    private nextItemStart(start: number, from: number): number {
        const text = this.text;
        let lineStart = start;
        while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) {
            lineStart--;
        }
        if (lineStart === 0 || (text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r')) {
            return -1;
        }
        const indent = text.slice(lineStart, start);
        const found = text.indexOf(`\n${indent}{`, from);
        return found < 0 ? -1 : found + 1 + indent.length;
    }

    /** Parses and indexes the item at `[start, end)`; returns the offset of its JSON error, if any. */
    private item(start: number, end: number): number | undefined {
        const text = this.text;
        const n = ++this.count;
        let value: unknown;
        try {
            value = JSON.parse(text.slice(start, end));
        } catch (error) {
            const found = jsonSyntaxError(text, error, start, end);
            this.problem(`Item ${n}: ${found.message}.`, found.offset);
            return found.offset;
        }
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
            this.problem(`Item ${n} is ${describeValue(value)}, not a CSL item (an object with an "id").`, start);
            return undefined;
        }
        const item = value as Item;
        const member = keyMember(item);
        if (!member) {
            this.problem(`Item ${n} has no "id" or "citation-key": it cannot be cited.`, start);
            return undefined;
        }
        const key = String(item[member]);
        const [valueStart, valueEnd] = this.keySpan(start, end, member, item[member]);
        const quoted = text[valueStart] === '"';
        const keyStart = quoted ? valueStart + 1 : valueStart;
        const keyEnd = quoted ? valueEnd - 1 : valueEnd;
        if (hasHiddenCharacters(key)) {
            this.problem(hiddenKeyMessage(key), keyStart, keyEnd);
        }
        const type = typeof item.type === 'string' && Object.hasOwn(TYPES, item.type) ? TYPES[item.type]! : 'misc';
        const entry = new CslEntry(this.index, key, type, start, end, keyStart, keyEnd, rawFields(item));
        this.index.entries.push(entry);
        if (!this.index.byKey.has(key)) {
            this.index.byKey.set(key, entry);
        }
        return undefined;
    }
}

/** Indexes a CSL-JSON text. Never throws; linear in the text's length. */
export function scanCslJson(text: string): BibIndex {
    const scanner = new CslScanner(text);
    scanner.run();
    return scanner.result();
}

/** `scanCslJson` in time slices (see `scanBibliographyAsync`). */
export function scanCslJsonAsync(text: string, options: AsyncScanOptions = {}): Promise<BibIndex | undefined> {
    return runSliced(new CslScanner(text), options);
}
