import type { TokenType, TokenTypeDictionary } from 'chevrotain';

/**
 * The terminals the scanner below implements, as the grammar spells them. If the grammar's
 * terminals change, the scanner no longer matches them and the fast path turns itself off
 * (see FastLexer.create), leaving every document to Langium's lexer.
 */
const TERMINALS: Record<string, string> = {
    WS: String.raw`[\s\uFEFF]+`,
    ML_COMMENT: String.raw`\/\*[\s\S]*?\*\/`,
    SL_COMMENT: String.raw`\/\/[^\n\r]*`,
    CITEKEY: String.raw`@[A-Za-z0-9_\u00C0-\u024F](?:[A-Za-z0-9_:.\-\/+\u00C0-\u024F]*[A-Za-z0-9_\u00C0-\u024F])?`,
    NUMBER: String.raw`\d+(?:\.\d+)?`,
    ID: String.raw`[A-Za-z_\u00C0-\u024F][A-Za-z0-9_\u00C0-\u024F]*`,
    STRING: String.raw`"(?:\\.|[^"\\\r\n])*"`
};

/**
 * A document's tokens, one column per field (no object per token). `kinds` index `types`; the
 * positions are those Chevrotain reports, 0-based: a token of the parser's stream never spans
 * lines, so its end is its start plus its length.
 */
export interface ScannedTokens {
    count: number;
    kinds: Uint8Array;
    starts: Int32Array;
    lengths: Int32Array;
    lines: Int32Array;
    columns: Int32Array;
    /** Comments (the hidden tokens Chevrotain keeps; whitespace it skips), in text order. */
    hidden: HiddenToken[];
}

export interface HiddenToken {
    kind: number;
    start: number;
    length: number;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}

interface KeywordEntry {
    value: string;
    kind: number;
}

/** Characters of `\s` (as JavaScript regular expressions read it) and U+FEFF. */
function isWhitespace(c: number): boolean {
    return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
        || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether a line ends with the character at `i`: Chevrotain's line terminators are \n, \r\n and a lone \r. */
function endsLine(text: string, i: number): boolean {
    const c = text.charCodeAt(i);
    return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10);
}

function isLetter(c: number): boolean {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 0xc0 && c <= 0x24f);
}

function isDigit(c: number): boolean {
    return c >= 48 && c <= 57;
}

function isIdPart(c: number): boolean {
    return isLetter(c) || isDigit(c);
}

/** Characters a citation key may hold inside (not at its end). */
function isCiteKeyInner(c: number): boolean {
    return isIdPart(c) || c === 58 || c === 46 || c === 45 || c === 47 || c === 43;
}

/**
 * Scans a Warrant document the way Langium's Chevrotain lexer does, into columns of numbers
 * instead of a token object per token. Chevrotain tries the keywords longest first, then the
 * terminals in the grammar's order; a keyword that is the start of a longer identifier yields
 * the identifier. Any character no token matches ends the scan: the document then goes to
 * Langium's lexer and parser, which report it.
 */
export class FastLexer {
    private readonly keywordsByFirst = new Map<number, KeywordEntry[]>();
    private readonly kind: Record<string, number> = {};

    private constructor(readonly types: TokenType[], keywords: string[]) {
        types.forEach((type, index) => (this.kind[type.name] = index));
        for (const value of keywords.sort((a, b) => b.length - a.length)) {
            const first = value.charCodeAt(0);
            const list = this.keywordsByFirst.get(first) ?? [];
            list.push({ value, kind: this.kind[value]! });
            this.keywordsByFirst.set(first, list);
        }
    }

    /** Undefined when the lexer's token types are not the ones this scanner implements. */
    static create(definition: TokenTypeDictionary): FastLexer | undefined {
        const types = Object.values(definition);
        if (types.length > 255) {
            return undefined;
        }
        for (const [name, source] of Object.entries(TERMINALS)) {
            const pattern = definition[name]?.PATTERN;
            if (!(pattern instanceof RegExp) || pattern.source !== source || pattern.flags !== '') {
                return undefined;
            }
        }
        const terminals = types.filter(type => typeof type.PATTERN !== 'string').map(type => type.name);
        // The scanner skips whitespace before it tries the keywords (Chevrotain tries them first).
        const keywords = types.filter(type => typeof type.PATTERN === 'string').map(type => type.PATTERN as string);
        return terminals.every(name => name in TERMINALS) && !keywords.some(keyword => keyword === '' || isWhitespace(keyword.charCodeAt(0)))
            ? new FastLexer(types, keywords)
            : undefined;
    }

    kindOf(name: string): number {
        const kind = this.kind[name];
        if (kind === undefined) {
            throw new Error(`No token type ${name}`);
        }
        return kind;
    }

    /** The document's tokens, or undefined at the first character Chevrotain would report. */
    scan(text: string): ScannedTokens | undefined {
        const tokens = new TokenColumns(text.length >> 3);
        const hidden: HiddenToken[] = [];
        const { ID, STRING, NUMBER, CITEKEY, ML_COMMENT, SL_COMMENT } = this.kind;
        const end = text.length;
        let offset = 0;
        let line = 0;
        let lineStart = 0;
        while (offset < end) {
            const c = text.charCodeAt(offset);
            if (isWhitespace(c)) {
                let next = offset;
                while (next < end && isWhitespace(text.charCodeAt(next))) {
                    if (endsLine(text, next++)) {
                        line++;
                        lineStart = next;
                    }
                }
                offset = next;
                continue;
            }
            const keyword = this.keywordAt(text, offset, c);
            const idEnd = isLetter(c) ? identifierEnd(text, offset) : offset;
            if (keyword && idEnd - offset <= keyword.value.length) {
                tokens.push(keyword.kind, offset, keyword.value.length, line, offset - lineStart);
                offset += keyword.value.length;
                continue;
            }
            if (c === 47 && text.charCodeAt(offset + 1) === 42) {
                const close = text.indexOf('*/', offset + 2);
                if (close < 0) {
                    return undefined;
                }
                const start = offset;
                const startLine = line;
                const column = offset - lineStart;
                for (let i = offset; i < close; i++) {
                    if (endsLine(text, i)) {
                        line++;
                        lineStart = i + 1;
                    }
                }
                offset = close + 2;
                hidden.push({ kind: ML_COMMENT!, start, length: offset - start, line: startLine, column, endLine: line, endColumn: offset - lineStart });
                continue;
            }
            if (c === 47 && text.charCodeAt(offset + 1) === 47) {
                let next = offset + 2;
                while (next < end && text.charCodeAt(next) !== 10 && text.charCodeAt(next) !== 13) {
                    next++;
                }
                const column = offset - lineStart;
                hidden.push({ kind: SL_COMMENT!, start: offset, length: next - offset, line, column, endLine: line, endColumn: column + next - offset });
                offset = next;
                continue;
            }
            let tokenEnd: number;
            let kind: number;
            if (c === 64) {
                tokenEnd = citeKeyEnd(text, offset);
                kind = CITEKEY!;
            } else if (isDigit(c)) {
                tokenEnd = numberEnd(text, offset);
                kind = NUMBER!;
            } else if (idEnd > offset) {
                tokenEnd = idEnd;
                kind = ID!;
            } else if (c === 34) {
                tokenEnd = stringEnd(text, offset);
                kind = STRING!;
            } else {
                return undefined;
            }
            if (tokenEnd <= offset) {
                return undefined;
            }
            tokens.push(kind, offset, tokenEnd - offset, line, offset - lineStart);
            offset = tokenEnd;
        }
        return tokens.finish(hidden);
    }

    /** The first keyword, longest first, that the text continues with at `offset`. */
    private keywordAt(text: string, offset: number, c: number): KeywordEntry | undefined {
        const candidates = this.keywordsByFirst.get(c);
        if (candidates) {
            for (const candidate of candidates) {
                if (text.startsWith(candidate.value, offset)) {
                    return candidate;
                }
            }
        }
        return undefined;
    }
}

function identifierEnd(text: string, offset: number): number {
    let next = offset + 1;
    while (next < text.length && isIdPart(text.charCodeAt(next))) {
        next++;
    }
    return next;
}

/** `@` and a key: the longest run of key characters, backed off to its last letter or digit. */
function citeKeyEnd(text: string, offset: number): number {
    if (!isIdPart(text.charCodeAt(offset + 1))) {
        return offset;
    }
    let end = offset + 2;
    for (let next = end; next < text.length && isCiteKeyInner(text.charCodeAt(next)); next++) {
        if (isIdPart(text.charCodeAt(next))) {
            end = next + 1;
        }
    }
    return end;
}

function numberEnd(text: string, offset: number): number {
    let next = offset + 1;
    while (isDigit(text.charCodeAt(next))) {
        next++;
    }
    if (text.charCodeAt(next) === 46 && isDigit(text.charCodeAt(next + 1))) {
        next += 2;
        while (isDigit(text.charCodeAt(next))) {
            next++;
        }
    }
    return next;
}

/** A string on one line: an escape takes any next character but a line end. */
function stringEnd(text: string, offset: number): number {
    for (let next = offset + 1; next < text.length;) {
        const c = text.charCodeAt(next);
        if (c === 34) {
            return next + 1;
        }
        if (c === 10 || c === 13) {
            return offset;
        }
        if (c === 92) {
            const escaped = text.charCodeAt(next + 1);
            if (next + 1 >= text.length || escaped === 10 || escaped === 13 || escaped === 0x2028 || escaped === 0x2029) {
                return offset;
            }
            next += 2;
        } else {
            next++;
        }
    }
    return offset;
}

/** Growable columns of token fields. */
class TokenColumns {
    private count = 0;
    private kinds: Uint8Array;
    private starts: Int32Array;
    private lengths: Int32Array;
    private lines: Int32Array;
    private cols: Int32Array;

    constructor(capacity: number) {
        const size = Math.max(16, capacity);
        this.kinds = new Uint8Array(size);
        this.starts = new Int32Array(size);
        this.lengths = new Int32Array(size);
        this.lines = new Int32Array(size);
        this.cols = new Int32Array(size);
    }

    push(kind: number, start: number, length: number, line: number, column: number): void {
        if (this.count === this.kinds.length) {
            this.grow();
        }
        const i = this.count++;
        this.kinds[i] = kind;
        this.starts[i] = start;
        this.lengths[i] = length;
        this.lines[i] = line;
        this.cols[i] = column;
    }

    finish(hidden: HiddenToken[]): ScannedTokens {
        return { count: this.count, kinds: this.kinds, starts: this.starts, lengths: this.lengths, lines: this.lines, columns: this.cols, hidden };
    }

    private grow(): void {
        const size = this.kinds.length * 2;
        const grown = <T extends Uint8Array | Int32Array>(from: T, make: (n: number) => T): T => {
            const to = make(size);
            to.set(from);
            return to;
        };
        this.kinds = grown(this.kinds, n => new Uint8Array(n));
        this.starts = grown(this.starts, n => new Int32Array(n));
        this.lengths = grown(this.lengths, n => new Int32Array(n));
        this.lines = grown(this.lines, n => new Int32Array(n));
        this.cols = grown(this.cols, n => new Int32Array(n));
    }
}

/** No tokens, with the layout of any scan's tokens. */
export const NO_TOKENS: ScannedTokens = new TokenColumns(0).finish([]);
