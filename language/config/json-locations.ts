/** Offsets into the JSON text: the member's key (with its quotes) and its value. */
export interface MemberSpan {
    key: [start: number, end: number];
    value: [start: number, end: number];
}

/**
 * Where the member at `path` (object keys from the root) is in a JSON text that `JSON.parse`
 * accepted, or undefined when it is not there. Only the objects on the path are walked; other
 * values are skipped without recursion, so deep nesting cannot overflow the stack. As
 * `JSON.parse`, the last of duplicate keys wins.
 */
export function locateMember(text: string, path: readonly string[]): MemberSpan | undefined {
    let found: MemberSpan | undefined;
    let objectStart = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
    for (const key of path) {
        if (text[objectStart] !== '{') {
            return undefined;
        }
        found = findMember(text, objectStart, key);
        if (!found) {
            return undefined;
        }
        objectStart = found.value[0];
    }
    return found;
}

/** Where the member `wanted` of the object starting at `objectStart` is (the object parsed by `JSON.parse`). */
export function findMember(text: string, objectStart: number, wanted: string): MemberSpan | undefined {
    let found: MemberSpan | undefined;
    let at = skipSpace(text, objectStart + 1);
    while (at < text.length && text[at] === '"') {
        const keyEnd = stringEnd(text, at);
        const key = JSON.parse(text.slice(at, keyEnd)) as string;
        const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1);
        const valueEnd = valueEndAt(text, valueStart);
        if (key === wanted) {
            found = { key: [at, keyEnd], value: [valueStart, valueEnd] };
        }
        at = skipSpace(text, valueEnd);
        at = text[at] === ',' ? skipSpace(text, at + 1) : text.length;
    }
    return found;
}

export function skipSpace(text: string, at: number): number {
    while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) {
        at++;
    }
    return at;
}

/** The offset after the string literal starting at `at`. */
function stringEnd(text: string, at: number): number {
    for (let i = at + 1; i < text.length; i++) {
        if (text[i] === '\\') {
            i++;
        } else if (text[i] === '"') {
            return i + 1;
        }
    }
    return text.length;
}

/**
 * The offset after the value starting at `at`: brackets are counted, strings skipped whole.
 * Also on text `JSON.parse` refused: the end of what looks like one value (or the text's end).
 */
export function valueEndAt(text: string, at: number): number {
    if (text[at] === '"') {
        return stringEnd(text, at);
    }
    if (text[at] !== '{' && text[at] !== '[') {
        let end = at;
        while (end < text.length && !',}] \t\r\n'.includes(text[end])) {
            end++;
        }
        return end;
    }
    let depth = 0;
    for (let i = at; i < text.length; i++) {
        const char = text[i];
        if (char === '"') {
            i = stringEnd(text, i) - 1;
        } else if (char === '{' || char === '[') {
            depth++;
        } else if ((char === '}' || char === ']') && --depth === 0) {
            return i + 1;
        }
    }
    return text.length;
}
