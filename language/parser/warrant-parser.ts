import { createParser, LangiumCompletionParser, LangiumParser, type AstNode, type CstNodeBuilder, type LangiumCoreServices, type LexerResult, type ParseResult, type ParserOptions } from 'langium';
import { CheckingCodes } from '../analysis/issue-codes.js';
import { asCheckingNotice } from './checking-notices.js';
import { ContainerLinker } from './container-links.js';
import { WarrantCstNodeBuilder } from './cst-node-builder.js';
import { FastParser } from './fast-parser.js';
import { MAX_DOCUMENT_CHARACTERS } from './size-limited-lexer.js';

/**
 * Syntax errors reported per file before the parser gives up on the rest of it. Recovering
 * from a syntax error costs far more than parsing (the parser works out what it expected and
 * resynchronises): 3.4 MB with an error on every line took 40 s and 1.3 GB, to produce errors
 * no one reads past the first screen. Lexer and parser errors with their notices stay within
 * the 500 diagnostics a file shows.
 */
export const MAX_SYNTAX_ERRORS = 200;

/** Makes `error` the notice that syntax errors stop being reported there, saying what that means. */
export function syntaxErrorLimit<E extends Parameters<typeof asCheckingNotice>[0]>(error: E, consequence: string): E {
    return asCheckingNotice(error, CheckingCodes.TooManySyntaxErrors, `More than ${MAX_SYNTAX_ERRORS} syntax errors: ${consequence} Fix the errors above first.`);
}

/** What the parser's error recovery calls for each syntax error (Chevrotain's recogniser, not in its typings). */
interface ErrorRecorder {
    SAVE_ERROR(error: ParseResult['parserErrors'][number]): ParseResult['parserErrors'][number];
    moveToTerminatedState(): void;
}

/**
 * Bounds a parser's error recovery: after MAX_SYNTAX_ERRORS errors, the next one becomes a
 * notice and the parser jumps to the end of the input, so a file of garbage costs about as
 * much as a valid one. Returns what restarts the count for a new parse.
 */
function boundRecovery(wrapper: unknown): () => void {
    const recorder = wrapper as ErrorRecorder;
    const save = recorder.SAVE_ERROR.bind(recorder);
    let errors = 0;
    recorder.SAVE_ERROR = error => {
        errors++;
        if (errors <= MAX_SYNTAX_ERRORS) {
            return save(error);
        }
        if (errors === MAX_SYNTAX_ERRORS + 1) {
            save(syntaxErrorLimit(error, 'this file is not checked from here on.'));
            recorder.moveToTerminatedState();
        }
        // Errors met while unwinding to the end are not recorded: nothing after the notice is.
        return error;
    };
    return () => {
        errors = 0;
    };
}

/** The parts of Langium's parser that `parse` uses and its typings keep private. */
interface ParserInternals {
    nodeBuilder: CstNodeBuilder;
    lexerResult: LexerResult | undefined;
    doParse(rule: RuleResult): AstNode;
}

type RuleResult = LangiumParser['mainRule'];

/**
 * The document parser. A document without syntax errors goes to the fast parser
 * (fast-parser.ts); any other to Langium's Chevrotain parser with Warrant's CST builder (see
 * cst-node-builder.ts), bounded error recovery and a cheaper linking of the AST to its
 * containers (see container-links.ts). Chevrotain's grammar analysis, a tenth of a second, runs
 * when the first document with an error needs it.
 */
export class WarrantParser extends LangiumParser {
    private readonly restartErrorCount = boundRecovery(this.wrapper);
    private readonly containers: ContainerLinker;
    private readonly fast: FastParser | undefined;
    private chevrotainBuilt = false;

    constructor(private readonly services: LangiumCoreServices) {
        super(services);
        this.internals.nodeBuilder = new WarrantCstNodeBuilder();
        this.containers = new ContainerLinker(services.shared.AstReflection);
        this.fast = FastParser.create(services, new WarrantCstNodeBuilder());
    }

    /** Whether documents without syntax errors skip Chevrotain. */
    get hasFastPath(): boolean {
        return this.fast !== undefined;
    }

    /** Whether Chevrotain's parser has been built (it is not until a document needs it). */
    get builtChevrotain(): boolean {
        return this.chevrotainBuilt;
    }

    override parse<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        const fast = options.rule === undefined ? this.parseWithFastParser(input) : undefined;
        return (fast as ParseResult<T> | undefined) ?? this.parseWithChevrotain<T>(input, options);
    }

    /** The fast parser's result; undefined for a document with a syntax error (or too large to parse). */
    parseWithFastParser(input: string): ParseResult<AstNode> | undefined {
        return input.length <= MAX_DOCUMENT_CHARACTERS ? this.fast?.parse(input) : undefined;
    }

    private get internals(): ParserInternals {
        return this as unknown as ParserInternals;
    }

    /**
     * Langium's `parse` (langium 4.x), step for step, except for how containers are linked: what
     * Chevrotain makes of the input, with or without errors.
     */
    parseWithChevrotain<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        if (!this.chevrotainBuilt) {
            finalized(this.services, this);
            this.chevrotainBuilt = true;
        }
        this.restartErrorCount();
        const internals = this.internals;
        internals.nodeBuilder.buildRootNode(input);
        const lexerResult = internals.lexerResult = this.lexer.tokenize(input);
        this.wrapper.input = lexerResult.tokens;
        const ruleMethod = options.rule ? this.allRules.get(options.rule) : this.mainRule;
        if (!ruleMethod) {
            throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        }
        const result = internals.doParse(ruleMethod);
        internals.nodeBuilder.addHiddenNodes(lexerResult.hidden);
        this.unorderedGroups.clear();
        internals.lexerResult = undefined;
        this.containers.link(result);
        return {
            value: result as T,
            lexerErrors: lexerResult.errors,
            lexerReport: lexerResult.report,
            parserErrors: this.wrapper.errors
        };
    }
}

/**
 * The parser behind completion, which parses the text up to the cursor on every request: with
 * unbounded recovery, completing in the middle of 3.4 MB of broken lines took 100 s. Beyond
 * the limit it offers what the start of a declaration offers.
 */
class WarrantCompletionParser extends LangiumCompletionParser {
    private readonly restartErrorCount = boundRecovery(this.wrapper);

    override parse(input: string): ReturnType<LangiumCompletionParser['parse']> {
        this.restartErrorCount();
        return super.parse(input);
    }
}

/** Langium's `createLangiumParser` and `createCompletionParser`, building Warrant's parsers. */
export function createWarrantParser(services: LangiumCoreServices): LangiumParser {
    return new WarrantParser(services);
}

export function createWarrantCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    return finalized(services, new WarrantCompletionParser(services));
}

function finalized<P extends LangiumParser | LangiumCompletionParser>(services: LangiumCoreServices, parser: P): P {
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
