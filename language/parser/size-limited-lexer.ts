import { Lexer as ChevrotainLexer, type ILexerErrorMessageProvider, type TokenTypeDictionary } from 'chevrotain';
import type { LangiumCoreServices, Lexer, LexerResult, TokenBuilder, TokenizeOptions } from 'langium';
import { syntaxErrorLimit, MAX_SYNTAX_ERRORS } from './warrant-parser.js';

/**
 * Documents larger than this are not parsed. Parsing is roughly linear but costs about
 * 2 s of CPU per MB on a laptop core; a 10 MB paste would freeze the server for half a
 * minute. A thesis is split into files long before its argument reaches 4 MB.
 */
export const MAX_DOCUMENT_CHARACTERS = 4 * 1024 * 1024;

/**
 * Langium's default lexer (DefaultLexer, whose `tokenize` this follows), except that an
 * oversized document becomes one located error instead of a hang, that stray characters are
 * reported up to the parser's limit on syntax errors, and that Chevrotain's lexer is built when
 * a document first needs it: documents without syntax errors are read by the fast lexer
 * (fast-lexer.ts), and building Chevrotain's, with its checks of every token pattern, was a
 * tenth of a large workspace's parsing.
 */
export class SizeLimitedLexer implements Lexer {
    readonly definition: TokenTypeDictionary;
    private readonly tokenBuilder: TokenBuilder;
    private readonly errorMessageProvider: ILexerErrorMessageProvider;
    private readonly skipValidations: boolean;
    private chevrotain: ChevrotainLexer | undefined;

    constructor(services: LangiumCoreServices) {
        this.tokenBuilder = services.parser.TokenBuilder;
        this.errorMessageProvider = services.parser.LexerErrorMessageProvider;
        this.skipValidations = services.LanguageMetaData.mode === 'production';
        const tokens = this.tokenBuilder.buildTokens(services.Grammar, { caseInsensitive: services.LanguageMetaData.caseInsensitive });
        if (!Array.isArray(tokens)) {
            throw new Error('Warrant\'s lexer has one mode: its token builder returns a list of token types');
        }
        this.definition = Object.fromEntries(tokens.map(token => [token.name, token]));
    }

    /** Whether Chevrotain's lexer has been built (it is not until a document needs it). */
    get builtChevrotain(): boolean {
        return this.chevrotain !== undefined;
    }

    private chevrotainTokenize(text: string): LexerResult {
        this.chevrotain ??= new ChevrotainLexer(Object.values(this.definition), {
            positionTracking: 'full',
            skipValidations: this.skipValidations,
            errorMessageProvider: this.errorMessageProvider
        });
        const result = this.chevrotain.tokenize(text);
        return { tokens: result.tokens, errors: result.errors, hidden: result.groups.hidden ?? [], report: this.tokenBuilder.flushLexingReport?.(text) };
    }

    tokenize(text: string, _options?: TokenizeOptions): LexerResult {
        if (text.length <= MAX_DOCUMENT_CHARACTERS) {
            const result = this.chevrotainTokenize(text);
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
