/**
 * Where `JSON.parse` failed, and why, in words a user can act on. V8 gives the position for
 * most errors ("… in JSON at position 12"), not for an unexpected token ("Unexpected token '}',
 * "{"a":}" is not valid JSON"): that one is found again by a small linear syntax check.
 */

export interface JsonSyntaxError {
    /** Offset into the text of the character that is wrong (the text's end when it ended early). */
    readonly offset: number;
    readonly message: string;
}

const POSITION = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?/;
/** V8 quotes (part of) the text after the message: the user has it in front of them. */
const QUOTED_INPUT = /, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s;

/** The location and message of `error`, thrown by `JSON.parse(text.slice(from, to))`. */
export function jsonSyntaxError(text: string, error: unknown, from = 0, to = text.length): JsonSyntaxError {
    const raw = error instanceof Error ? error.message : String(error);
    const position = POSITION.exec(raw);
    const message = raw.replace(POSITION, '').replace(QUOTED_INPUT, '').trim() || 'Invalid JSON';
    if (position) {
        return { offset: Math.min(to, from + Number(position[1])), message };
    }
    if (/end of JSON input/.test(raw)) {
        return { offset: to, message: 'The JSON text ends too early (a bracket or a string is not closed)' };
    }
    const found = firstSyntaxError(text, from, to);
    return { offset: found < 0 ? from : found, message };
}

const OBJECT = 0;
const ARRAY = 1;

/** What the syntax allows next. */
const Expect = { Value: 0, ValueOrClose: 1, Key: 2, KeyOrClose: 3, Colon: 4, After: 5 } as const;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})/y;

function skipSpace(text: string, at: number, to: number): number {
    while (at < to) {
        const c = text.charCodeAt(at);
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
            break;
        }
        at++;
    }
    return at;
}

/** The offset after the string starting at `at`, or the negated offset of its first error minus one. */
function stringEnd(text: string, at: number, to: number): number {
    for (let i = at + 1; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 34) {
            return i + 1;
        }
        if (c < 32) {
            return -i - 1;
        }
        if (c === 92) {
            ESCAPE.lastIndex = i;
            if (!ESCAPE.test(text)) {
                return -i - 1;
            }
            i = ESCAPE.lastIndex - 1;
        }
    }
    return -to - 1;
}

/**
 * The offset of the first character of `text[from, to)` that JSON does not allow there, `to`
 * when the text ends too early, -1 when it is valid JSON. Iterative: nesting depth costs no stack.
 */
export function firstSyntaxError(text: string, from = 0, to = text.length): number {
    const stack: number[] = [];
    let expect: number = Expect.Value;
    let at = from;
    for (;;) {
        at = skipSpace(text, at, to);
        if (at >= to) {
            return expect === Expect.After && stack.length === 0 ? -1 : to;
        }
        const c = text[at];
        if (expect === Expect.ValueOrClose && c === ']' || expect === Expect.KeyOrClose && c === '}') {
            stack.pop();
            at++;
            expect = Expect.After;
            continue;
        }
        if (expect === Expect.Colon) {
            if (c !== ':') {
                return at;
            }
            at++;
            expect = Expect.Value;
        } else if (expect === Expect.After) {
            const top = stack[stack.length - 1];
            if (top === undefined || c !== ',' && c !== (top === ARRAY ? ']' : '}')) {
                return at;
            }
            if (c === ',') {
                expect = top === ARRAY ? Expect.Value : Expect.Key;
            } else {
                stack.pop();
            }
            at++;
        } else if (expect === Expect.Key || expect === Expect.KeyOrClose) {
            if (c !== '"') {
                return at;
            }
            const end = stringEnd(text, at, to);
            if (end < 0) {
                return -end - 1;
            }
            at = end;
            expect = Expect.Colon;
        } else if (c === '{' || c === '[') {
            stack.push(c === '{' ? OBJECT : ARRAY);
            expect = c === '{' ? Expect.KeyOrClose : Expect.ValueOrClose;
            at++;
        } else {
            const end = c === '"' ? stringEnd(text, at, to) : literalEnd(text, at, to);
            if (end < 0) {
                return -end - 1;
            }
            at = end;
            expect = Expect.After;
        }
    }
}

/** The offset after a number, `true`, `false` or `null` at `at`, or the negated offset of the error minus one. */
function literalEnd(text: string, at: number, to: number): number {
    for (const word of ['true', 'false', 'null']) {
        if (text.startsWith(word, at) && at + word.length <= to) {
            return at + word.length;
        }
    }
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    return match && match[0].length > 0 && at + match[0].length <= to ? at + match[0].length : -at - 1;
}
