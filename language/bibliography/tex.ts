/**
 * A small, fast TeX → plain text decoder for the raw field values the scanner keeps (titles
 * and names for completion labels and search). It covers accents, special letters, escaped
 * characters, dashes, quotes and formatting commands; the full parser (`details.ts`) is used
 * for exact rendering.
 */

const COMBINING: Readonly<Record<string, string>> = {
    '`': '\u0300', '\'': '\u0301', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307', '"': '\u0308',
    u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a', b: '\u0331', d: '\u0323'
};

/**
 * Escaped characters stand in private-use characters until the end, so that no later step reads
 * them as TeX again (`\{` is no group, `\$` no math, `\textbackslash` no command, `\textasciitilde`
 * no space).
 */
const KEPT: Readonly<Record<string, string>> = { '{': '\u{F0000}', '}': '\u{F0001}', '$': '\u{F0002}', '\\': '\u{F0003}', '~': '\u{F0004}' };
const RESTORE = new Map(Object.entries(KEPT).map(([c, kept]) => [kept, c]));

const LETTERS: Readonly<Record<string, string>> = {
    ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
    dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', TeX: 'TeX', LaTeX: 'LaTeX', textendash: '–', textemdash: '—',
    textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“', textquotedblright: '”', S: '§', P: '¶', copyright: '©',
    dag: '†', ddag: '‡', pounds: '£', euro: '€', ldots: '…', dots: '…', textellipsis: '…', textbackslash: KEPT['\\']!, textasciitilde: KEPT['~']!
};

// \'e  \'{e}  {\'e}  \'\i  \"{\i}   (symbol accents may touch their letter)
const SYMBOL_ACCENT = /\\([`'^~=."])\s*(?:\{\s*(\\[ij](?![A-Za-z])|[^{}\\\s])\s*\}|(\\[ij](?![A-Za-z])|[^{}\\\s]))/g;
// \c{c}  \v c  \u{a}   (letter accents need braces or a space)
const LETTER_ACCENT = /\\([uvHckrbd])(?:\s*\{\s*(\\[ij](?![A-Za-z])|[^{}\\\s])\s*\}|\s+(\\[ij](?![A-Za-z])|[^{}\\\s]))/g;
const NAMED = /\\([A-Za-z]+)(?![A-Za-z])\s*(?:\{\})?/g;
const ESCAPED = /\\([&%$#_{}])/g;

function base(letter: string): string {
    return letter === '\\i' ? 'i' : letter === '\\j' ? 'j' : letter;
}

/** Decodes common TeX markup to plain text (Unicode NFC, single spaces, no braces). */
export function texToText(tex: string): string {
    if (!/[\\{}$~`'-]/.test(tex)) {
        return tex.replace(/\s+/g, ' ').trim();
    }
    const s = tex
        .replace(ESCAPED, (_m, c: string) => KEPT[c] ?? c)
        .replace(SYMBOL_ACCENT, (_m, accent: string, a?: string, b?: string) => base(a ?? b ?? '') + COMBINING[accent]!)
        .replace(LETTER_ACCENT, (_m, accent: string, a?: string, b?: string) => base(a ?? b ?? '') + COMBINING[accent]!)
        .replace(NAMED, (_m, name: string) => LETTERS[name] ?? '')
        .replace(/\\[,;:! ]/g, ' ')
        .replace(/\\\\/g, ' ')
        .replace(/\\./g, '')
        .replace(/---/g, '—')
        .replace(/--/g, '–')
        .replace(/``/g, '“')
        .replace(/''/g, '”')
        .replace(/~/g, '\u00a0')
        .replace(/[{}$]/g, '')
        .replace(/[\u{F0000}-\u{F0004}]/gu, c => RESTORE.get(c)!)
        .replace(/[\s\u00a0]+/g, ' ')
        .trim();
    return s.normalize('NFC');
}

/** Splits a BibTeX name list on ` and ` outside braces. */
export function splitNames(raw: string): string[] {
    const names: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (c === '{') {
            depth++;
        } else if (c === '}') {
            depth = Math.max(0, depth - 1);
        } else if (depth === 0 && (c === ' ' || c === '\t' || c === '\n' || c === '\r')) {
            const m = /^\s+and\s+/i.exec(raw.slice(i, i + 12));
            if (m && !/^\s+and\s*$/i.test(raw.slice(i))) {
                names.push(raw.slice(start, i));
                i += m[0].length - 1;
                start = i + 1;
            }
        }
    }
    names.push(raw.slice(start));
    return names.map(n => n.trim()).filter(n => n.length > 0);
}

export interface BibName {
    readonly family: string;
    readonly given?: string;
    /** Particles such as "van der", "de la". */
    readonly prefix?: string;
    readonly suffix?: string;
    /** An institutional name, printed as is. */
    readonly literal?: boolean;
}

/** Splits at commas and blanks outside braces. */
function topLevelParts(raw: string, separator: (c: string) => boolean): string[] {
    const parts: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i <= raw.length; i++) {
        const c = raw[i];
        if (c === '{') {
            depth++;
        } else if (c === '}') {
            depth = Math.max(0, depth - 1);
        } else if (i === raw.length || (depth === 0 && separator(c!))) {
            parts.push(raw.slice(start, i));
            start = i + 1;
        }
    }
    return parts;
}

/**
 * One raw BibTeX name, parsed the BibTeX way (light version of the full parser's):
 * "von Last, Jr, First", "von Last, First", "First von Last", or "{Institution}".
 */
export function parseRawName(raw: string): BibName | undefined {
    const trimmed = raw.trim();
    if (!trimmed) {
        return undefined;
    }
    if (/^\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}$/.test(trimmed)) {
        const literal = texToText(trimmed);
        return literal ? { family: literal, literal: true } : undefined;
    }
    const commas = topLevelParts(trimmed, c => c === ',').map(p => p.trim());
    const words = (s: string): string[] => topLevelParts(s, c => /\s/.test(c)).filter(Boolean);
    const isVon = (w: string): boolean => /^[a-z]/.test(texToText(w));
    let first: string[];
    let rest: string[];
    let suffix: string | undefined;
    if (commas.length === 1) {
        const all = words(commas[0]!);
        if (all.length === 1) {
            return { family: texToText(all[0]!) };
        }
        // First von Last: von starts at the first lower-case word before the last word.
        const vonStart = all.slice(0, -1).findIndex(isVon);
        first = vonStart < 0 ? all.slice(0, -1) : all.slice(0, vonStart);
        rest = vonStart < 0 ? all.slice(-1) : all.slice(vonStart);
    } else {
        rest = words(commas[0]!);
        if (commas.length >= 3) {
            suffix = texToText(commas[1]!) || undefined;
            first = words(commas.slice(2).join(','));
        } else {
            first = words(commas[1]!);
        }
    }
    let vonEnd = 0;
    for (let i = 0; i < rest.length - 1; i++) {
        if (isVon(rest[i]!)) {
            vonEnd = i + 1;
        }
    }
    const prefix = texToText(rest.slice(0, vonEnd).join(' '));
    const family = texToText(rest.slice(vonEnd).join(' '));
    const given = texToText(first.join(' '));
    if (!family) {
        return given ? { family: given, literal: true } : undefined;
    }
    return { family, ...(given ? { given } : {}), ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}

/** Names of a raw BibTeX name list (`others` is dropped). */
export function parseRawNames(raw: string | undefined): BibName[] {
    if (!raw) {
        return [];
    }
    return splitNames(raw).filter(n => n.toLowerCase() !== 'others').map(parseRawName).filter((n): n is BibName => n !== undefined);
}

/**
 * The family name as a reader cites it: with its particles ("van der Berg", "de la Vallée
 * Poussin"), never the bare last word ("Berg").
 */
export function citedFamily(name: BibName): string {
    return name.prefix ? `${name.prefix} ${name.family}` : name.family;
}

/** Family names of a raw BibTeX name list, with their particles. */
export function rawFamilyNames(raw: string | undefined): string[] {
    return parseRawNames(raw).map(citedFamily);
}

/** Lower-case, accent-free form for matching ("Müller" → "muller"). */
export function fold(text: string): string {
    return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
        .replace(/ß/g, 'ss').replace(/[øØ]/g, 'o').replace(/[łŁ]/g, 'l').replace(/æ/g, 'ae').replace(/œ/g, 'oe').replace(/ı/g, 'i');
}
