import { GrammarAST, LangiumParserErrorMessageProvider, type GrammarAST as GrammarTypes } from 'langium';
import type { ILexerErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { grammarKeywords } from './grammar-keywords.js';

/**
 * Syntax errors in the user's terms: what was expected, in words ("a name", "a text in double
 * quotes"), and what was found, quoted from the text. Chevrotain's defaults name token types
 * (`ID`, `STRING`), list 28 numbered alternatives and give character offsets, none of which a
 * researcher writing an argument can act on. The ranges stay the parser's: the token found (or
 * the end of the one before it, at the end of the file).
 */

/** Longest excerpt of the text quoted in a message. */
const MAX_QUOTED = 30;

/** Terminals by what they are to the user. */
const TERMINALS: Record<string, string> = {
    ID: 'a name',
    STRING: 'a text in double quotes',
    NUMBER: 'a number',
    CITEKEY: 'a citation key such as `@Smith2020`'
};

/** What a rule expects, where naming its first tokens would say less. */
const RULES: Record<string, string> = {
    Name: 'a name',
    Quantity: 'a percentage such as `26%` or a count such as `11 of 20`',
    Percentage: 'a percentage such as `26%`',
    BandRange: 'a range: `below 25%`, `25% to 55%` or `above 55%`',
    Range: 'a number or a range such as `12-18`',
    Locator: 'a locator such as `p. 3` or a text in double quotes'
};

/** Units of a citation locator: `@Key p. 3`. */
const LOCATOR_UNIT = /(?:^|[^A-Za-z])(p|pp|ch|sec|para|fig)$/;

function quote(text: string): string {
    const short = text.length > MAX_QUOTED ? text.slice(0, MAX_QUOTED) + '…' : text;
    return '`' + short.replace(/\r?\n/g, '↵') + '`';
}

function found(token: IToken | undefined): string {
    return !token || token.tokenType.name === 'EOF' ? 'the end of the file' : quote(token.image);
}

/** Langium suffixes rule names with a zero-width space. */
function ruleOf(ruleName: string): string {
    return ruleName.replace(/\u200B$/, '');
}

export class WarrantParserErrorMessages extends LangiumParserErrorMessageProvider {
    private readonly names: Set<string>;
    private readonly declarations: string;

    constructor(grammar: GrammarTypes.Grammar) {
        super();
        this.names = grammarKeywords(grammar).allowedAsNames;
        const element = grammar.rules.find(rule => rule.name === 'Element');
        this.declarations = element ? listOf([...firstKeywords(element)].map(k => '`' + k + '`'), 'or') : 'a keyword such as `claim`';
    }

    override buildMismatchTokenMessage({ expected, actual, previous }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        if (expected.name === 'EOF') {
            return this.unexpected(actual);
        }
        return `Expected ${this.describe(expected)}${after(previous)} but found ${found(actual)}.`;
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        return this.unexpected(firstRedundant);
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        return this.expected(options.expectedPathsPerAlt.flat(), ruleOf(options.ruleName), options.actual[0], options.previous);
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        return this.expected(options.expectedIterationPaths, ruleOf(options.ruleName), options.actual[0], options.previous);
    }

    private unexpected(token: IToken): string {
        return `Unexpected ${found(token)}: a declaration starts with ${this.declarations}.`;
    }

    private expected(paths: TokenType[][], rule: string, actual: IToken | undefined, previous: IToken | undefined): string {
        const what = RULES[rule] ?? this.alternatives(paths);
        return `Expected ${what}${after(previous)} but found ${found(actual)}.`;
    }

    /** The first token of each path, named; the keywords that may serve as names count as "a name". */
    private alternatives(paths: TokenType[][]): string {
        const firsts = paths.map(path => path[0]).filter(Boolean);
        const named = firsts.some(type => type.name === 'ID');
        const described = new Set<string>();
        for (const type of firsts) {
            if (!(named && this.names.has(type.name))) {
                described.add(this.describe(type));
            }
        }
        return listOf([...described], 'or');
    }

    private describe(type: TokenType): string {
        return TERMINALS[type.name] ?? (type.name === 'EOF' ? 'the end of the file' : '`' + type.name + '`');
    }
}

/** `after \`by\`` when the token before is a keyword: where in the statement the problem is. */
function after(previous: IToken | undefined): string {
    if (!previous || !previous.image || previous.tokenType.name in TERMINALS || previous.tokenType.name === 'EOF') {
        return '';
    }
    return ` after ${quote(previous.image)}`;
}

function listOf(items: string[], conjunction: string): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** The keywords a rule can start with (following rule calls and alternatives). */
function firstKeywords(rule: GrammarTypes.AbstractRule, into = new Set<string>(), visited = new Set<GrammarTypes.AbstractRule>()): Set<string> {
    if (!GrammarAST.isParserRule(rule) || visited.has(rule)) {
        return into;
    }
    visited.add(rule);
    const visit = (element: GrammarTypes.AbstractElement): void => {
        if (GrammarAST.isKeyword(element)) {
            into.add(element.value);
        } else if (GrammarAST.isRuleCall(element) && element.rule.ref) {
            firstKeywords(element.rule.ref, into, visited);
        } else if (GrammarAST.isAlternatives(element)) {
            element.elements.forEach(visit);
        } else if (GrammarAST.isGroup(element) && element.elements.length > 0) {
            visit(element.elements[0]);
        } else if (GrammarAST.isAssignment(element)) {
            visit(element.terminal);
        }
    };
    visit(rule.definition);
    return into;
}

/**
 * Characters no token starts with. Chevrotain's message gives an offset and arrows
 * (`unexpected character: ->.<- at offset: 121`); this one says what the character is doing
 * there when that is clear: a locator glued to a citation key, an unclosed or curly quote.
 */
export class WarrantLexerErrorMessages implements ILexerErrorMessageProvider {
    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + Math.min(length, MAX_QUOTED + 1));
        const first = text[0];
        const before = fullText.substring(Math.max(0, startOffset - 200), startOffset);
        const key = /@[A-Za-z0-9_:.\-/+\u00C0-\u024F]+$/.exec(before)?.[0];
        if (first === '.' && key) {
            const unit = LOCATOR_UNIT.exec(key)?.[1];
            const example = unit ? `\`${key.slice(0, -unit.length)} ${unit}. 3\`` : `\`${key} p. 3\``;
            return `Unexpected \`.\` after the citation key ${key}: a locator follows the key after a space, e.g. ${example}.`;
        }
        if (first === '"') {
            return 'Unclosed quotation mark: a text in double quotes must end with `"` on the same line.';
        }
        if ('\'‘’“”«»'.includes(first)) {
            return `Unexpected ${quote(first)}: texts are written in straight double quotes, e.g. "like this".`;
        }
        const plural = length > 1 ? 's' : '';
        return `Unexpected character${plural} ${quote(text)}: ${plural ? 'they are' : 'it is'} not part of Warrant's syntax (a comment starts with \`//\`).`;
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return `Unexpected ${quote(token.image)}.`;
    }
}
