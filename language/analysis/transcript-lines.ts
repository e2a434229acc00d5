/**
 * What "lines 3-5" of a transcript means, for the rules that check a datum's range and quote
 * and for the export that turns the range into a segment: lines split at CR LF, CR or LF; a
 * final line break ends the last line, it does not start another.
 */

/** Where each line starts and ends (UTF-16 offsets, without its line break). */
export interface LineTable {
    readonly starts: readonly number[];
    readonly ends: readonly number[];
}

export function lineTable(whole: string): LineTable {
    const text = whole.replace(/(?:\r\n|\r|\n)$/, '');
    const starts = [0];
    const ends: number[] = [];
    const breaks = /\r\n|\r|\n/g;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
        ends.push(match.index);
        starts.push(match.index + match[0].length);
    }
    ends.push(text.length);
    return { starts, ends };
}

/** The lines of a text, as strings. */
export function linesOf(whole: string): string[] {
    const { starts, ends } = lineTable(whole);
    return starts.map((start, i) => whole.slice(start, ends[i]));
}

/** A function computed once per distinct text: many data cite one transcript. */
export function memoised<T>(compute: (text: string) => T): (text: string) => T {
    const results = new Map<string, T>();
    return text => {
        let result = results.get(text);
        if (result === undefined) {
            result = compute(text);
            results.set(text, result);
        }
        return result;
    };
}
