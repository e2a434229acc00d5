/**
 * Suggestions for an unknown citation key from the entries' real author surnames and years,
 * for the slips a key's spelling alone does not reveal: the right author with another year
 * (`Evans1997` for Evans 2008), a key naming a co-author the entry does not list
 * (`MeierNicholsonCrotty2006` for Meier, Mastracci & Wilson 2006), a one-letter surname slip
 * under another key convention (`Crook2015` for Krook & Mackay 2015).
 *
 * Built lazily, on the first unknown key, from the scanner's raw author/editor/year fields (no
 * full parse); queries go through a KeyMatcher over the surname forms, so they stay fast on
 * libraries of many thousand entries.
 */
import type { BibIndexEntry } from './scanner.js';
import { AnswerMemo, KeyMatcher, maxEditDistance } from './nearest-keys.js';
import { fold, splitNames } from './tex.js';

export interface AuthorSuggestion {
    readonly key: string;
    /**
     * Surname edit distance, plus 1 for another year (½ when the key names no year), plus 1
     * when only the first of the cited names matches (½ when another one is among the authors),
     * plus ½ when the name matched is one word of a compound surname.
     */
    readonly cost: number;
}

/** Suggestions costing more than this are not made. */
const MAX_COST = 2;
/** Surname forms considered per cited name (each may stand for many entries). */
const FORMS_PER_QUERY = 8;

interface Author {
    readonly key: string;
    readonly year?: string;
    /** Folded surnames, letters only, with particles: "vanderberg". */
    readonly surnames: readonly string[];
}

const YEAR = /(?:1[5-9]|20)\d\d/;

/** The letters of a name, folded: "Aaltion-Marjosola" → "aaltionmarjosola". */
function letters(text: string): string {
    // eslint-disable-next-line no-control-regex
    return /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase().replace(/[^a-z]/g, '') : fold(text).replace(/[^\p{L}]/gu, '');
}

/** TeX letters that are commands; every other command and accent is dropped, its letter kept. */
const TEX_LETTERS: Readonly<Record<string, string>> = { i: 'i', j: 'j', o: 'o', O: 'O', l: 'l', L: 'L', ss: 'ss', ae: 'ae', AE: 'AE', oe: 'oe', OE: 'OE', aa: 'a', AA: 'A' };

/** Co-authors looked at beyond the first (lists of hundreds of physicists add nothing to a key). */
const MAX_CREATORS = 12;

/**
 * A creator's family name with its particles, from raw BibTeX: a light reading of the name
 * rules (the full one in tex.ts decodes every part and costs ten times more, which matters for
 * ten thousand entries).
 */
function rawFamily(raw: string): string {
    const braced = raw.charCodeAt(0) === 123 && /^\{[^{}]*\}$/.test(raw);
    const text = /[\\{}]/.test(raw) ? raw.replace(/\\([a-zA-Z]+|.)/g, (_m, command: string) => TEX_LETTERS[command] ?? '').replace(/[{}]/g, '').trim() : raw;
    const comma = text.indexOf(',');
    if (braced) {
        return text;
    }
    if (comma >= 0) {
        return text.slice(0, comma);
    }
    const words = text.split(/\s+/);
    // "First von Last": the family starts at the first lower-case word before the last one.
    const von = words.findIndex((w, i) => i < words.length - 1 && /^\p{Ll}/u.test(w));
    return von < 0 ? words[words.length - 1]! : words.slice(von).join(' ');
}

/** Family names of a raw name list, up to MAX_CREATORS (`others` dropped). */
function rawFamilies(raw: string | undefined): string[] {
    if (!raw) {
        return [];
    }
    // A match starts where a run of spaces does: tried from inside a long run, `\s+and` was quadratic.
    const names = raw.includes('{') ? splitNames(raw) : raw.split(/(?<!\s)\s+and\s+/i);
    const families: string[] = [];
    for (const name of names) {
        const trimmed = name.trim();
        if (trimmed && trimmed.toLowerCase() !== 'others') {
            families.push(rawFamily(trimmed));
            if (families.length === MAX_CREATORS) {
                break;
            }
        }
    }
    return families;
}

/** A cited key's name part (folded letters), its words and its year: `KellyNewman2004` → kellynewman, [kelly, newman], 2004. */
export function citedKeyParts(key: string): { name: string; words: string[]; year?: string } {
    const year = YEAR.exec(key);
    const before = year ? key.slice(0, year.index) : key;
    const namePart = letters(before) ? before : year ? key.slice(year.index + 4) : '';
    const words = namePart.split(/(?<=\p{Ll})(?=\p{Lu})|[^\p{L}]+/u).map(letters).filter(Boolean);
    return { name: words.join(''), words, ...(year ? { year: year[0] } : {}) };
}

export class AuthorIndex {
    private readonly authors: Author[] = [];
    /** Surname form → its entries, each as `entry * 2 + 1` when the form is a weaker match (one word of a compound surname), else `entry * 2`. */
    private readonly forms = new Map<string, number[]>();
    private readonly matcher: KeyMatcher;
    /** Answers per key: validation asks again for every unknown citation on every change. */
    private readonly memo = new AnswerMemo<AuthorSuggestion>();

    constructor(entries: Iterable<BibIndexEntry>) {
        for (const entry of entries) {
            const authors = rawFamilies(entry.raw.author);
            const families = authors.length > 0 ? authors : rawFamilies(entry.raw.editor);
            const surnames = families.map(letters).filter(Boolean);
            if (!entry.key || surnames.length === 0) {
                continue;
            }
            const year = YEAR.exec(entry.raw.year ?? entry.raw.date ?? '')?.[0];
            const index = this.authors.push({ key: entry.key, surnames, ...(year ? { year } : {}) }) - 1;
            // What keys spell: the first surname, the first two or three run together.
            this.add(surnames[0]!, index, false);
            if (surnames.length > 1) {
                this.add(surnames[0]! + surnames[1]!, index, false);
                if (surnames.length > 2) {
                    this.add(surnames[0]! + surnames[1]! + surnames[2]!, index, false);
                }
            }
            // The last word of a compound first surname ("Berg" of "van der Berg"), and, as
            // weaker matches, its other words ("Johnston" of "Johnston Miller").
            const words = families[0]!.split(/[\s-]+/);
            if (words.length > 1) {
                this.add(letters(words[words.length - 1]!), index, false);
                for (const word of words) {
                    const folded = letters(word);
                    if (folded.length >= 3) {
                        this.add(folded, index, true);
                    }
                }
            }
        }
        this.matcher = new KeyMatcher(this.forms.keys());
    }

    private add(form: string, entry: number, weaker: boolean): void {
        const uses = this.forms.get(form);
        if (!uses) {
            this.forms.set(form, [entry * 2 + (weaker ? 1 : 0)]);
        } else if (uses[uses.length - 1]! >> 1 !== entry) { // an entry's forms are added together
            uses.push(entry * 2 + (weaker ? 1 : 0));
        }
    }

    /** Entries whose authors and year the key may mean, cheapest first. */
    suggest(key: string, max = 3): AuthorSuggestion[] {
        return this.memo.answer(key, max, () => this.search(key, max));
    }

    private search(key: string, max: number): AuthorSuggestion[] {
        const cited = citedKeyParts(key);
        if (cited.name.length < 2 || max <= 0) {
            return [];
        }
        const costs = new Map<number, number>();
        const offer = (entry: number, cost: number): void => {
            const author = this.authors[entry]!;
            const total = cost + (cited.year === undefined ? 0.5 : author.year === cited.year ? 0 : 1);
            if (author.key !== key && total <= MAX_COST && total < (costs.get(entry) ?? Infinity)) {
                costs.set(entry, total);
            }
        };
        for (const [form, distance] of this.near(cited.name)) {
            for (const use of this.forms.get(form)!) {
                offer(use >> 1, distance + (use & 1) / 2);
            }
        }
        // The key names more people than the entry's key spells: match its first name alone.
        if (cited.words.length > 1) {
            const others = cited.words.slice(1);
            for (const [form, distance] of this.near(cited.words[0]!)) {
                for (const use of this.forms.get(form)!) {
                    const surnames = this.authors[use >> 1]!.surnames;
                    const coAuthor = others.some(word => surnames.indexOf(word, 1) > 0);
                    offer(use >> 1, distance + (use & 1) / 2 + (coAuthor ? 0.5 : 1));
                }
            }
        }
        const yearGap = (entry: number): number => cited.year !== undefined && this.authors[entry]!.year !== undefined
            ? Math.abs(Number(this.authors[entry]!.year) - Number(cited.year)) : Infinity;
        return [...costs]
            .sort(([a, costA], [b, costB]) => costA - costB || yearGap(a) - yearGap(b)
                || (this.authors[a]!.key < this.authors[b]!.key ? -1 : this.authors[a]!.key > this.authors[b]!.key ? 1 : 0))
            .slice(0, max)
            .map(([entry, cost]) => ({ key: this.authors[entry]!.key, cost }));
    }

    /** Surname forms within the key distance bound of `name`, with their distances (the form itself included). */
    private near(name: string): [string, number][] {
        const found: [string, number][] = this.forms.has(name) ? [[name, 0]] : [];
        for (const s of this.matcher.scored(name, FORMS_PER_QUERY)) {
            if (s.distance <= maxEditDistance(name.length)) {
                found.push([s.key, s.distance]);
            }
        }
        return found;
    }
}
