/**
 * Full details of one entry, parsed lazily with @retorquere/bibtex-parser (the parser behind
 * Better BibTeX: TeX accents and commands decoded, names split, English titles sentence-cased).
 * Only the entry's own slice of the file is parsed, with the file's `@string` macros, so the
 * cost is a few milliseconds per entry instead of minutes for a large library.
 */
import type { Creator, Entry } from '@retorquere/bibtex-parser';
import { withoutResolver } from './reference-links.js';
import { scanEntryFields, type BibIndex, type BibIndexEntry } from './scanner.js';
import { citedFamily, fold, parseRawNames, rawFamilyNames, texToText, type BibName } from './tex.js';

export type { BibName } from './tex.js';

type BibtexParser = typeof import('@retorquere/bibtex-parser');

let bibtexParser: BibtexParser | undefined;
let bibtexParserLoading: Promise<BibtexParser> | undefined;

/**
 * Loads @retorquere/bibtex-parser (about a second of module initialisation, so it is kept off
 * the startup path; bundlers turn this `import()` into a lazy initialiser). Idempotent.
 */
export function loadBibtexParser(): Promise<BibtexParser> {
    bibtexParserLoading ??= import('@retorquere/bibtex-parser').then(module => {
        bibtexParser = module;
        return module;
    });
    return bibtexParserLoading;
}

/** Whether full details are available synchronously (see `loadBibtexParser`). */
export function isBibtexParserLoaded(): boolean {
    return bibtexParser !== undefined;
}

/** A problem the full parser found in an entry (0-based line in the .bib file). */
export interface BibEntryProblem {
    readonly line: number;
    readonly message: string;
}

/** What is known of an entry without the full parser (cheap: from the scanner's raw fields). */
export interface BibEntrySummary {
    readonly key: string;
    readonly type: string;
    /** 0-based line of the entry's `@`. */
    readonly line: number;
    readonly title?: string;
    /** Family names of the authors (of the editors when there are no authors), with their particles ("van der Berg"). */
    readonly familyNames: readonly string[];
    readonly year?: string;
}

export interface BibEntryDetails extends BibEntrySummary {
    /**
     * True when the details come from the scanner's raw fields only (the full parser was not
     * loaded yet, or the entry is too large): TeX is decoded lightly and titles keep their case.
     */
    readonly partial: boolean;
    /** "Family, G." per author; institutional names as is. */
    readonly authors: readonly string[];
    readonly editors: readonly string[];
    readonly authorNames: readonly BibName[];
    readonly editorNames: readonly BibName[];
    readonly date?: string;
    /** Journal, book title, or (for books and reports) the publisher. */
    readonly container?: string;
    readonly publisher?: string;
    readonly volume?: string;
    readonly number?: string;
    readonly pages?: string;
    readonly edition?: string;
    readonly doi?: string;
    readonly url?: string;
    /** When the URL was read (BibLaTeX `urldate`, CSL `accessed`), as written: "2024-01-05". */
    readonly accessed?: string;
    /** The abstract, lightly decoded (it is not given to the full parser: see `reduceForParser`). */
    readonly abstract?: string;
    /** Every field as plain text (name lists joined with " and ", other lists with "; "). */
    readonly fields: Readonly<Record<string, string>>;
    /** Problems reported by the full parser, with their lines. */
    readonly problems: readonly BibEntryProblem[];
}

/** Entries longer than this are not given to the full parser (its TeX parser is recursive and slow on huge input). */
export const MAX_DETAILED_ENTRY_LENGTH = 200_000;

const MARKUP = /<\/?(?:span|i|b|sc|sup|sub|code|br|p|li|ul|ol|blockquote|a|h[1-6]|nc|ncx|enquote)(?:\s[^<>]*)?\/?>/g;

/** The parser returns rich text with HTML-like markup (`<i>`, `<span class="nocase">`…): keep the text. */
export function stripMarkup(text: string): string {
    return text.replace(MARKUP, '').replace(/\s+/g, ' ').trim().normalize('NFC');
}

export function summarize(entry: BibIndexEntry): BibEntrySummary {
    const raw = entry.raw;
    const title = raw.title !== undefined ? texToText(raw.title) : undefined;
    const authors = rawFamilyNames(raw.author);
    const year = raw.year !== undefined ? texToText(raw.year) : raw.date !== undefined ? /\d{4}/.exec(raw.date)?.[0] : undefined;
    return {
        key: entry.key,
        type: entry.type,
        line: entry.line,
        ...(title ? { title } : {}),
        familyNames: authors.length > 0 ? authors : rawFamilyNames(raw.editor),
        ...(year ? { year } : {}),
    };
}

function toName(creator: Creator): BibName | undefined {
    if (creator.name !== undefined) {
        const name = stripMarkup(creator.name);
        return name ? { family: name, literal: true } : undefined;
    }
    const family = stripMarkup(creator.lastName ?? '');
    const given = stripMarkup(creator.firstName ?? '');
    if (!family && !given) {
        return undefined;
    }
    if (!family) {
        return { family: given, literal: true };
    }
    return {
        family,
        ...(given ? { given } : {}),
        ...(creator.prefix ? { prefix: stripMarkup(creator.prefix) } : {}),
        ...(creator.suffix ? { suffix: stripMarkup(creator.suffix) } : {}),
    };
}

/** "Robert K." → "R. K.", "Anne-Marie" → "A.-M.", "Émile" → "É." */
export function initials(given: string): string {
    return given.split(/\s+/).filter(Boolean).map(word => word.split('-').filter(Boolean).map(part => part
        .split('.').map(p => p.trim()).filter(Boolean)
        .map(p => {
            const first = /^[^\p{L}]*(\p{L}\p{M}*)/u.exec(p)?.[1];
            return first ? `${first.toUpperCase()}.` : '';
        })
        .filter(Boolean).join(' ')).filter(Boolean).join('-')).filter(Boolean).join(' ');
}

/** "Family, G." (APA reference list order). */
export function formatNameInverted(name: BibName): string {
    if (name.literal) {
        return name.family;
    }
    const init = name.given ? initials(name.given) : '';
    return [citedFamily(name), init, name.suffix].filter(Boolean).join(', ');
}

/** "G. Family" (APA order for editors after "In"). */
export function formatNameDirect(name: BibName): string {
    if (name.literal) {
        return name.family;
    }
    const init = name.given ? initials(name.given) : '';
    return [init, citedFamily(name)].filter(Boolean).join(' ') + (name.suffix ? `, ${name.suffix}` : '');
}

function normalizePages(pages: string): string {
    return pages.replace(/\s*(?:-{1,3}|[‐‑‒–—])\s*/g, '–');
}

function asText(value: unknown): string | undefined {
    if (typeof value === 'string') {
        const text = stripMarkup(value);
        return text || undefined;
    }
    if (Array.isArray(value)) {
        const parts = value.map(v => typeof v === 'string' ? stripMarkup(v) : v && typeof v === 'object' ? formatNameInverted(toName(v as Creator) ?? { family: '' }) : '').filter(Boolean);
        return parts.length > 0 ? parts.join('; ') : undefined;
    }
    return undefined;
}

/**
 * Fields the details never use and that dominate the full parser's time (its TeX parser is
 * slow on long free text: an abstract costs ~10× the rest of an entry).
 */
const UNPARSED_FIELDS = /^(?:abstract|file|files|pdf|keywords|annote|annotation|comment|review|notes|groups|mendeley-tags|timestamp|owner|ids|citeulike-linkout-\d+|bdsk-url-\d+|bdsk-file-\d+|x-[\w-]+)$/;
/** Other fields longer than this are not parsed (nor shown) either. */
export const MAX_PARSED_VALUE = 4000;

/** Fields the parser keeps as written (no TeX decoding). */
const VERBATIM_FIELDS = /^(?:url|urlraw|doi|eprint|file|pdf|verb[abc]?)$/;

/**
 * `<` and `>` in text mode as the commands that mean them: the parser reads a bare `<` as TeX's
 * OT1 font does (`¡`, and `>` as `¿`). Math (`$…$`) keeps them.
 */
function textAngles(value: string): string {
    return value.replace(/\$[^$]*\$|[<>]/g, m => m === '<' ? '\\textless{}' : m === '>' ? '\\textgreater{}' : m);
}

/**
 * Blanks the values of fields that the details do not need (keeping their line breaks, so the
 * parser's error lines stay right), spells out `<` and `>` in the others, and returns the
 * abstract's raw text.
 */
export function reduceForParser(slice: string): { text: string; abstract?: string } {
    const spans = scanEntryFields(slice);
    let text = '';
    let from = 0;
    let abstract: string | undefined;
    for (const span of spans) {
        if (span.name === 'abstract' && abstract === undefined) {
            abstract = span.raw;
        }
        if (UNPARSED_FIELDS.test(span.name) || span.valueEnd - span.valueStart > MAX_PARSED_VALUE) {
            text += slice.slice(from, span.valueStart) + ' {' + slice.slice(span.valueStart, span.valueEnd).replace(/[^\r\n]+/g, '') + '}';
            from = span.valueEnd;
        } else if (!VERBATIM_FIELDS.test(span.name) && /[<>]/.test(slice.slice(span.valueStart, span.valueEnd))) {
            text += slice.slice(from, span.valueStart) + textAngles(slice.slice(span.valueStart, span.valueEnd));
            from = span.valueEnd;
        }
    }
    text += slice.slice(from);
    return abstract === undefined ? { text } : { text, abstract };
}

const LOCATION = /\s+at line (\d+), column (\d+)/;

function problemsOf(errors: readonly { error: string; input?: string }[], slice: string, entry: BibIndexEntry): BibEntryProblem[] {
    const problems: BibEntryProblem[] = [];
    for (const error of errors) {
        let message = error.error.split('\n')[0]!;
        let line = entry.line;
        const location = LOCATION.exec(message);
        if (location) {
            line = entry.line + Number(location[1]) - 1;
            message = message.slice(0, location.index) + message.slice(location.index + location[0].length).replace(/^ in "[^"]*"/, '');
        } else if (error.input && error.input.length < slice.length) {
            const at = slice.indexOf(error.input);
            if (at >= 0) {
                line = entry.line + (slice.slice(0, at).match(/\r\n|\r|\n/g)?.length ?? 0);
            }
        }
        problems.push({ line: Math.min(line, entry.endLine), message: message.trim() });
    }
    return problems;
}

/** Details from the scanner's raw fields only (light TeX decoding, no case changes). */
export function partialDetails(entry: BibIndexEntry, problems: BibEntryProblem[] = []): BibEntryDetails {
    const summary = summarize(entry);
    const authorNames = parseRawNames(entry.raw.author);
    const editorNames = parseRawNames(entry.raw.editor);
    const date = entry.raw.date !== undefined ? texToText(entry.raw.date) : undefined;
    return {
        ...summary,
        partial: true,
        authors: authorNames.map(formatNameInverted),
        editors: editorNames.map(formatNameInverted),
        authorNames,
        editorNames,
        ...(date ? { date } : {}),
        fields: {},
        problems,
    };
}

type Lookup = (key: string) => BibEntryDetails | undefined;

/**
 * Parses one entry of an index with the full parser and normalises its fields. Never throws:
 * a failure becomes a problem and the details fall back to the scanner's raw fields, as they
 * do (with `partial: true`) while the parser is not loaded yet.
 * `crossref` (the parent entry of a chapter or paper) is followed through `lookup`.
 */
export function parseEntryDetails(index: BibIndex, entry: BibIndexEntry, lookup?: Lookup): BibEntryDetails {
    const parser = bibtexParser;
    if (!parser) {
        void loadBibtexParser().catch(() => undefined);
        return partialDetails(entry);
    }
    if (entry.end - entry.start > MAX_DETAILED_ENTRY_LENGTH) {
        return partialDetails(entry, [{ line: entry.line, message: `Entry is too large (${entry.end - entry.start} characters) to be parsed in detail.` }]);
    }
    const reduced = reduceForParser(index.text.slice(entry.start, entry.end) + entry.repair);
    const slice = reduced.text;
    const abstract = reduced.abstract !== undefined ? texToText(reduced.abstract) : undefined;
    let parsed: Entry | undefined;
    let problems: BibEntryProblem[];
    try {
        const library = parser.parse(slice, {
            strings: { ...index.strings },
            applyCrossRef: false,
            sentenceCase: { guess: true, subSentence: true, preserveQuoted: true },
        });
        parsed = library.entries.find(e => e.key === entry.key) ?? library.entries[0];
        problems = problemsOf(library.errors, slice, entry);
    } catch (error) {
        problems = [{ line: entry.line, message: `The BibTeX parser failed on this entry: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }];
    }
    if (!parsed) {
        return partialDetails(entry, problems);
    }
    const f = parsed.fields as Record<string, unknown>;
    const names = (value: unknown): BibName[] => Array.isArray(value)
        ? value.filter((c): c is Creator => !!c && typeof c === 'object').map(toName).filter((n): n is BibName => n !== undefined)
        : [];
    const text = (name: string): string | undefined => asText(f[name]);

    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(f)) {
        if (name.includes('+duplicate-')) {
            continue;
        }
        const rendered = Array.isArray(value) && value.some(v => v && typeof v === 'object')
            ? names(value).map(formatNameInverted).join(' and ')
            : asText(value);
        if (rendered) {
            fields[name] = rendered;
        }
    }

    let authorNames = names(f.author);
    let editorNames = names(f.editor);
    const date = text('date');
    let year = text('year') ?? (date ? /\d{4}/.exec(date)?.[0] : undefined);
    let publisher = text('publisher') ?? text('institution') ?? text('school') ?? text('organization');
    let booktitle = text('booktitle');
    let container = text('journal') ?? text('journaltitle') ?? booktitle ?? text('maintitle');
    let volume = text('volume');

    const crossref = text('crossref');
    if (crossref && lookup && crossref !== entry.key) {
        const parent = lookup(crossref);
        if (parent) {
            if (editorNames.length === 0) {
                editorNames = [...parent.editorNames];
            }
            if (authorNames.length === 0 && /^(?:inbook|bookinbook|suppbook)$/.test(entry.type)) {
                authorNames = [...parent.authorNames];
            }
            year ??= parent.year;
            publisher ??= parent.publisher;
            volume ??= parent.volume;
            if (!container) {
                booktitle = /book|proceedings|collection|reference/.test(parent.type) ? parent.title : parent.container;
                container = booktitle;
            }
        }
    }
    container ??= publisher ?? text('howpublished');

    // APA: sentence case, and the first word after a colon is capitalised too.
    const langid = (text('langid') ?? text('hyphenation') ?? '').toLowerCase();
    const english = parser.English.includes(langid);
    const title = english ? capitalizeAfterColon(text('title')) : text('title');
    if (english && container !== undefined && container === booktitle) {
        container = capitalizeAfterColon(container);
    }
    const pages = text('pages');
    const doi = text('doi');
    const url = text('url');
    const accessed = text('urldate');
    const number = text('number') ?? text('issue');
    const edition = text('edition');
    return entryDetails({
        key: entry.key || parsed.key, type: entry.type, line: entry.line, title, year, authorNames, editorNames, date, container, publisher,
        volume, number, pages, edition, doi, url, accessed, abstract, fields, problems,
    });
}

/** What a reader found of an entry (undefined: absent), for `entryDetails`. */
export interface EntryParts {
    readonly key: string;
    readonly type: string;
    readonly line: number;
    readonly title: string | undefined;
    readonly year: string | undefined;
    readonly authorNames: readonly BibName[];
    readonly editorNames: readonly BibName[];
    readonly date: string | undefined;
    readonly container: string | undefined;
    readonly publisher: string | undefined;
    readonly volume: string | undefined;
    readonly number: string | undefined;
    readonly pages: string | undefined;
    readonly edition: string | undefined;
    readonly doi: string | undefined;
    readonly url: string | undefined;
    readonly accessed: string | undefined;
    readonly abstract: string | undefined;
    readonly fields: Readonly<Record<string, string>>;
    readonly problems: readonly BibEntryProblem[];
}

/** Full details from what a reader (BibTeX or CSL-JSON) found: names formatted, pages and DOI normalised, absent parts left out. */
export function entryDetails(p: EntryParts): BibEntryDetails {
    return {
        key: p.key,
        type: p.type,
        line: p.line,
        ...(p.title ? { title: p.title } : {}),
        familyNames: (p.authorNames.length > 0 ? p.authorNames : p.editorNames).map(citedFamily),
        partial: false,
        ...(p.year ? { year: p.year } : {}),
        authors: p.authorNames.map(formatNameInverted),
        editors: p.editorNames.map(formatNameInverted),
        authorNames: p.authorNames,
        editorNames: p.editorNames,
        ...(p.date ? { date: p.date } : {}),
        ...(p.container ? { container: p.container } : {}),
        ...(p.publisher ? { publisher: p.publisher } : {}),
        ...(p.volume ? { volume: p.volume } : {}),
        ...(p.number ? { number: p.number } : {}),
        ...(p.pages ? { pages: normalizePages(p.pages) } : {}),
        ...(p.edition ? { edition: p.edition } : {}),
        ...(p.doi ? { doi: withoutResolver(p.doi) } : {}),
        ...(p.url ? { url: p.url } : {}),
        ...(p.accessed ? { accessed: p.accessed } : {}),
        ...(p.abstract ? { abstract: p.abstract } : {}),
        fields: p.fields,
        problems: p.problems,
    };
}

function capitalizeAfterColon(text: string | undefined): string | undefined {
    return text?.replace(/(:\s+)(\p{Ll})/gu, (_m, colon: string, letter: string) => colon + letter.toUpperCase());
}

/**
 * Words to match a completion query against: the key, author family names, year and title,
 * plus an accent-free lower-case copy ("Müller" also matches "muller").
 */
export function searchText(entry: BibEntrySummary): string {
    const text = [entry.key, ...entry.familyNames, entry.year ?? '', entry.title ?? ''].filter(Boolean).join(' ');
    if (/^[\x00-\x7f]*$/.test(text)) {
        return text;
    }
    const words = text.split(' ');
    const extra = new Set(words.map(fold).filter((folded, i) => folded !== words[i]!.toLowerCase()));
    return extra.size > 0 ? `${text} ${[...extra].join(' ')}` : text;
}
