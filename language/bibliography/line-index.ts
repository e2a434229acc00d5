/**
 * Offset → (line, column) conversion for a text, 0-based, in UTF-16 code units as LSP counts
 * them. `\r\n`, `\n` and a lone `\r` each end a line (as in LSP). A leading byte order mark is
 * not counted in the columns of the first line: editors strip it from the document they show.
 */
export interface Position {
    readonly line: number;
    readonly column: number;
}

export class LineIndex {
    private readonly starts: number[];
    private readonly bomOffset: number;

    constructor(text: string) {
        const starts = [0];
        if (text.indexOf('\r') < 0 || !/\r(?!\n)/.test(text)) {
            // Only \n and \r\n line ends: indexOf is far faster than a character loop.
            let i = text.indexOf('\n');
            while (i >= 0) {
                starts.push(i + 1);
                i = text.indexOf('\n', i + 1);
            }
        } else {
            const length = text.length;
            for (let i = 0; i < length; i++) {
                const c = text.charCodeAt(i);
                if (c === 10) {
                    starts.push(i + 1);
                } else if (c === 13) {
                    if (text.charCodeAt(i + 1) === 10) {
                        i++;
                    }
                    starts.push(i + 1);
                }
            }
        }
        this.starts = starts;
        this.bomOffset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    }

    get lineCount(): number {
        return this.starts.length;
    }

    /** 0-based line containing `offset` (clamped to the text). */
    lineAt(offset: number): number {
        const starts = this.starts;
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >>> 1;
            if (starts[mid]! <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    position(offset: number): Position {
        const line = this.lineAt(offset);
        const lineStart = line === 0 ? Math.min(this.bomOffset, offset) : this.starts[line]!;
        return { line, column: Math.max(0, offset - lineStart) };
    }

    /** Offset of the first character of a 0-based line (the text's length past the end). */
    lineStart(line: number): number {
        if (line <= 0) {
            return 0;
        }
        return this.starts[Math.min(line, this.starts.length - 1)]!;
    }
}
