/**
 * Replaces one value of a JSON file, written with two-space indentation at its place, and leaves
 * every other byte as it was: the generated part of a hand-written file changes, its own layout
 * (inline arrays, key order) does not.
 */
export function replaceJsonValue(text: string, path: readonly string[], value: unknown): string {
    JSON.parse(text); // a clear error for a file that is not JSON, before the scan below relies on it
    const span = valueSpan(text, path);
    if (!span) {
        throw new Error(`no value at ${path.join(' › ')}`);
    }
    const [start, end] = span;
    const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', start - 1) + 1))![0];
    return text.slice(0, start) + JSON.stringify(value, null, 2).split('\n').join(`\n${indent}`) + text.slice(end);
}

/** A number, true, false or null. */
const LITERAL = /[^\s,\]}]+/y;

/** The [start, end) offsets of the value at `path` (object keys only) in valid JSON `text`. */
function valueSpan(text: string, path: readonly string[]): [number, number] | undefined {
    let at = 0;
    const skipSpace = () => {
        while (/\s/.test(text.charAt(at))) {
            at++;
        }
    };
    const skipString = (): string => {
        const start = at++;
        while (text[at] !== '"') {
            at += text[at] === '\\' ? 2 : 1;
        }
        at++;
        return JSON.parse(text.slice(start, at)) as string;
    };
    /** Scans the value at `at`; `depth` is how many keys of `path` lead to it, -1 when off the path. */
    const scan = (depth: number): [number, number] | undefined => {
        skipSpace();
        const start = at;
        let found: [number, number] | undefined;
        const open = text[at];
        if (open === '{' || open === '[') {
            const close = open === '{' ? '}' : ']';
            at++;
            skipSpace();
            while (text[at] !== close) {
                let next = -1;
                if (open === '{') {
                    const key = skipString();
                    skipSpace();
                    at++; // the colon
                    next = depth >= 0 && depth < path.length && key === path[depth] ? depth + 1 : -1;
                }
                const hit = scan(next); // always scanned: it moves `at` past the value
                found ??= hit;
                skipSpace();
                if (text[at] === ',') {
                    at++;
                    skipSpace();
                }
            }
            at++;
        } else if (open === '"') {
            skipString();
        } else {
            LITERAL.lastIndex = at;
            at += LITERAL.exec(text)![0].length;
        }
        return depth === path.length ? [start, at] : found;
    };
    return scan(0);
}
