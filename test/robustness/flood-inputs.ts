/**
 * Flat floods at the sizes that once broke the checker: each is far under the 4 M-character
 * cap, and each is cheap to write, so a regression shows as a crash or a wrong result, not as
 * a slow test.
 */

/** 130,000 comment lines (390 KB): the CST builder overflowed the call stack. */
export const COMMENT_LINES = '//\n'.repeat(130_000);

/** `/*` 500,000 times (1 MB): a comment, a stray `*`, a comment… 250,000 hidden tokens and 83,000 stray characters. */
export const OPEN_COMMENTS = '/*'.repeat(500_000);

/** 130,000 unsupported claims (2.2 MB): one finding each overflowed validation, and the file looked clean. */
export const CLAIMS = lines(130_000, i => `claim c${i} "x"`);

/** 3.4 MB of claims, each with a syntax error: error recovery took 40 s and 1.3 GB. */
export const BROKEN_CLAIMS = linesUpTo(3.4 * 1024 * 1024, i => `claim b${i} "x" supported by ,`);

function lines(count: number, line: (i: number) => string): string {
    return Array.from({ length: count }, (_, i) => line(i) + '\n').join('');
}

function linesUpTo(characters: number, line: (i: number) => string): string {
    const parts: string[] = [];
    for (let i = 0, length = 0; length < characters; i++) {
        parts.push(line(i) + '\n');
        length += parts[i].length;
    }
    return parts.join('');
}
