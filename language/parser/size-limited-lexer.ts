import { DefaultLexer, type LexerResult, type TokenizeOptions } from 'langium';
import { syntaxErrorLimit, MAX_SYNTAX_ERRORS } from './warrant-parser.js';

/**
 * Documents larger than this are not parsed. Parsing is roughly linear but costs about
 * 2 s of CPU per MB on a laptop core; a 10 MB paste would freeze the server for half a
 * minute. A thesis is split into files long before its argument reaches 4 MB.
 */
export const MAX_DOCUMENT_CHARACTERS = 4 * 1024 * 1024;

/**
 * The default lexer, except that an oversized document becomes one located error instead of a
 * hang, and that stray characters are reported up to the parser's limit on syntax errors.
 */
export class SizeLimitedLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        if (text.length <= MAX_DOCUMENT_CHARACTERS) {
            const result = super.tokenize(text, options);
            if (result.errors.length > MAX_SYNTAX_ERRORS) {
                result.errors.length = MAX_SYNTAX_ERRORS + 1;
                syntaxErrorLimit(result.errors[MAX_SYNTAX_ERRORS], 'characters the language does not use are not reported from here on.');
            }
            return result;
        }
        // Just over the limit, megabytes rounded to one decimal read "4.0 M; the limit is 4.0 M".
        const characters = (count: number) => count.toLocaleString('en-US');
        // The first line (not past a CR-only line end), at most 200 characters, possibly empty.
        const firstLine = text.search(/[\r\n]/);
        return {
            tokens: [],
            hidden: [],
            errors: [{
                offset: 0,
                length: Math.min(firstLine < 0 ? text.length : firstLine, 200),
                line: 1,
                column: 1,
                message: `This file is too large to check (${characters(text.length)} characters; the limit is ${characters(MAX_DOCUMENT_CHARACTERS)}). Split it into several .warrant files: names are shared across the workspace.`
            }]
        };
    }
}
