import { DefaultLexer, type LexerResult, type TokenizeOptions } from 'langium';

/**
 * Documents larger than this are not parsed. Parsing is roughly linear but costs about
 * 2 s of CPU per MB on a laptop core; a 10 MB paste would freeze the server for half a
 * minute. A thesis is split into files long before its argument reaches 4 MB.
 */
export const MAX_DOCUMENT_CHARACTERS = 4 * 1024 * 1024;

/** The default lexer, except that an oversized document becomes one located error instead of a hang. */
export class SizeLimitedLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        if (text.length <= MAX_DOCUMENT_CHARACTERS) {
            return super.tokenize(text, options);
        }
        const megabytes = (limit: number) => (limit / (1024 * 1024)).toFixed(1);
        return {
            tokens: [],
            hidden: [],
            errors: [{
                offset: 0,
                length: Math.min(text.indexOf('\n') >>> 0, 200) || 1,
                line: 1,
                column: 1,
                message: `This file is too large to check (${megabytes(text.length)} M characters; the limit is ${megabytes(MAX_DOCUMENT_CHARACTERS)} M). Split it into several .warrant files: names are shared across the workspace.`
            }]
        };
    }
}
