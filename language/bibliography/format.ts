/**
 * APA-like (7th edition) one-line references for hovers and completion details, e.g.
 * `Merton, R. K. (1948). The bearing of empirical research upon the development of
 * sociological theory. American Sociological Review, 13(5), 505–515.`
 */
import { markdownText, neutralize } from '../graph/escape.js';
import { formatNameDirect, type BibEntryDetails } from './details.js';
import { referenceLink, validDoi } from './reference-links.js';

export interface FormatOptions {
    /**
     * Markdown (for hovers): every field escaped (Markdown, HTML and entities; bidirectional
     * controls shown as `⟨U+202E⟩`), titles in italics, the link as a Markdown link. Plain text
     * otherwise.
     */
    readonly markdown?: boolean;
    /** Append `https://doi.org/…` or the URL (default true). */
    readonly link?: boolean;
}

const CHAPTER_TYPES = /^(?:incollection|inbook|inproceedings|conference|inreference|bookinbook|suppbook|suppcollection)$/;
const ARTICLE_TYPES = /^(?:article|periodical|suppperiodical)$/;
const THESIS_TYPES: Readonly<Record<string, string>> = {
    phdthesis: 'Doctoral dissertation',
    mastersthesis: 'Master\'s thesis',
    thesis: 'Thesis',
};
const REPORT_TYPES = /^(?:techreport|report)$/;
/** BibLaTeX's keys for the `type` field of theses and reports, as words. */
const TYPE_KEYS: Readonly<Record<string, string>> = {
    phdthesis: 'Doctoral dissertation',
    mathesis: 'Master\'s thesis',
    candthesis: 'Candidate thesis',
    techreport: 'Technical report',
    resreport: 'Research report',
};

/** The `type` field (a thesis's or report's kind), BibLaTeX keys spelled out. */
function kindOf(entry: BibEntryDetails): string | undefined {
    const kind = entry.fields.type;
    return kind === undefined ? undefined : TYPE_KEYS[kind.toLowerCase()] ?? kind;
}

/** A field's text as inline Markdown that renders as exactly that text. */
function escapeMarkdown(text: string): string {
    return markdownText(neutralize(text, 'tooltip'));
}

/** Ends a sentence with a period unless it already ends with punctuation. */
function sentence(text: string): string {
    const t = text.trim();
    return /[.?!]$/.test(t) ? t : `${t}.`;
}

function joinApa(names: readonly string[], ampersandOnTwo: boolean): string {
    if (names.length === 0) {
        return '';
    }
    if (names.length === 1) {
        return names[0]!;
    }
    if (names.length === 2) {
        return ampersandOnTwo ? `${names[0]}, & ${names[1]}` : `${names[0]} & ${names[1]}`;
    }
    if (names.length > 20) {
        return `${names.slice(0, 19).join(', ')}, … ${names[names.length - 1]}`;
    }
    return `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]}`;
}

/** An APA-like one-line reference. Never throws; missing parts are left out. */
export function formatReference(entry: BibEntryDetails, options: FormatOptions = {}): string {
    const md = options.markdown === true;
    const plain = (s: string): string => md ? escapeMarkdown(s) : s;
    const italic = (s: string): string => md ? `*${escapeMarkdown(s)}*` : s;
    const parts: string[] = [];

    const isChapter = CHAPTER_TYPES.test(entry.type);
    const isArticle = ARTICLE_TYPES.test(entry.type);
    const titleIsItalic = !isChapter && !isArticle;

    // Who
    let creators = '';
    if (entry.authors.length > 0) {
        creators = joinApa(entry.authors, true);
    } else if (entry.editors.length > 0 && !isChapter) {
        creators = `${joinApa(entry.editors, true)} (${entry.editors.length > 1 ? 'Eds.' : 'Ed.'})`;
    }
    // What
    let title = entry.title ? (titleIsItalic ? italic(entry.title) : plain(entry.title)) : '';
    const bracket: string[] = [];
    if (titleIsItalic) {
        if (entry.edition) {
            const edition = /^\d+$/.test(entry.edition) ? `${ordinal(Number(entry.edition))} ed.` : entry.edition;
            bracket.push(`(${plain(edition)})`);
        }
        if (REPORT_TYPES.test(entry.type) && entry.number) {
            bracket.push(`(${plain(kindOf(entry) ?? 'Report')} No. ${plain(entry.number)})`);
        }
        const thesis = THESIS_TYPES[entry.type];
        if (thesis) {
            const school = entry.fields.school ?? entry.publisher;
            bracket.push(`[${plain(kindOf(entry) ?? thesis)}${school ? `, ${plain(school)}` : ''}]`);
        }
    }
    if (title && bracket.length > 0) {
        title = `${title} ${bracket.join(' ')}`;
    }
    const when = `(${entry.year ? plain(entry.year) : 'n.d.'}).`;
    if (creators) {
        parts.push(sentence(plain(creators)), when);
        if (title) {
            parts.push(sentence(title));
        }
    } else if (title) {
        parts.push(sentence(title), when);
    } else {
        parts.push(plain(entry.key) + '.', when);
    }

    // Where
    if (isArticle) {
        const journal = entry.container ?? entry.fields.journal;
        let source = journal ? italic(journal) : '';
        if (entry.volume) {
            source += `${source ? ', ' : ''}${italic(entry.volume)}${entry.number ? `(${plain(entry.number)})` : ''}`;
        } else if (entry.number) {
            source += `${source ? ', ' : ''}(${plain(entry.number)})`;
        }
        if (entry.pages) {
            source += `${source ? ', ' : ''}${plain(entry.pages)}`;
        }
        if (source) {
            parts.push(sentence(source));
        }
    } else if (isChapter) {
        const book = entry.fields.booktitle ?? entry.container;
        const editors = entry.editorNames.map(formatNameDirect);
        let source = 'In ';
        if (editors.length > 0) {
            source += `${plain(joinApa(editors, false))} (${editors.length > 1 ? 'Eds.' : 'Ed.'})${book ? ', ' : ''}`;
        }
        if (book) {
            source += italic(book);
        }
        const pages = entry.pages ? `(${/[–,]/.test(entry.pages) ? 'pp.' : 'p.'} ${plain(entry.pages)})` : '';
        if (pages) {
            source += ` ${pages}`;
        }
        if (source !== 'In ') {
            parts.push(sentence(source));
        }
        if (entry.publisher && entry.publisher !== book) {
            parts.push(sentence(plain(entry.publisher)));
        }
    } else {
        const publisher = entry.publisher ?? entry.fields.howpublished ?? entry.fields.organization;
        const thesisSchool = THESIS_TYPES[entry.type] ? (entry.fields.school ?? entry.publisher) : undefined;
        if (publisher && publisher !== thesisSchool && !(creators && publisher === creators)) {
            parts.push(sentence(plain(publisher)));
        }
    }

    const link = options.link !== false ? referenceLink(entry.doi, entry.url) : undefined;
    if (link?.kind === 'link') {
        parts.push(md ? `[${escapeMarkdown(link.text)}](${link.target})` : link.text);
        // A page read online may change: when it was read matters, a DOI's target does not.
        if (entry.accessed && !(entry.doi !== undefined && validDoi(entry.doi))) {
            parts.push(`(accessed ${plain(entry.accessed)})`);
        }
    } else if (link) {
        const note = `(${link.field} not shown: ${link.field === 'DOI' ? 'it is not of the form 10.NNNN/…' : 'only http, https and doi links are'})`;
        parts.push(md ? `*${escapeMarkdown(note)}*` : note);
    }
    return parts.join(' ');
}

function ordinal(n: number): string {
    const tens = n % 100;
    const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
    return `${n}${suffix}`;
}
