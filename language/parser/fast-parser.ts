import { AstUtils, LeafCstNodeImpl, type AstNode, type AstReflection, type CstNode, type LangiumCoreServices, type Linker, type ParseResult, type TokenBuilder } from 'langium';
import type { TokenType } from 'chevrotain';
import type { WarrantCstNodeBuilder } from './cst-node-builder.js';
import { FastLexer, NO_TOKENS, type HiddenToken, type ScannedTokens } from './fast-lexer.js';
import { planGrammar, type Plan, type PlannedAssignment, type RulePlan } from './grammar-plan.js';
import { recordReferencingNodes } from '../references/reference-walk.js';
import { WarrantValueConverter } from './value-converter.js';

/** Thrown where the fast parser meets something Langium's parser would report: it gives up. */
class Mismatch {}
const MISMATCH = new Mismatch();

/** Langium's marker for the value being built by a data type rule (its `DatatypeSymbol`). */
interface TextValue {
    value: string;
    $cstNode?: CstNode;
}

type Building = Record<string, unknown> & { $type: string; $cstNode?: CstNode };

/** What the parser holds between two parses (it keeps nothing of the last document). */
const NOTHING: TextValue = { value: '' };

interface MandatoryProperty {
    name: string;
    empty: 'array' | 'false';
}

/**
 * A recursive-descent parser for documents without syntax errors, driven by the grammar's plan
 * (grammar-plan.ts) over the fast lexer's token columns. It builds what Langium's parser builds,
 * node for node and in the same order of operations: the same AST objects with their properties
 * in the same order, the same CST nodes pointing at the same grammar elements, the same
 * references, comments placed where Langium places them, each node linked to its container
 * (as it is assigned, not in a pass over the finished tree). It makes the choices Chevrotain makes
 * for valid input, one token ahead, and where alternatives share a first token, the one that
 * matches more tokens. At anything Langium would report (a stray character, an unexpected
 * token) it returns undefined, and the document goes to Langium's parser, whose error
 * recovery and messages are unchanged: this parser never produces a syntax error itself.
 *
 * Why: Langium's Chevrotain parser allocates a token object per token and closures per rule
 * and alternative on every call; on a workspace of 20,000 claims parsing was a third of a full
 * check and most of its garbage.
 */
export class FastParser {
    // Every field holds a value of its type from the start: a field added or retyped later
    // changes the parser's object layout, and V8 throws away the code optimised for it.
    private tokens: ScannedTokens = NO_TOKENS;
    private position = 0;
    private hiddenPosition = 0;
    private text = '';
    private current: Building | TextValue = NOTHING;
    private inText = false;
    /** The nodes holding references so far, in document order (see recordReferencingNodes). */
    private referencing: Building[] = [];
    /** Where the node being built goes among those once it holds a reference; -1 when listed. */
    private holderSlot = -1;
    private readonly mandatory = new Map<string, MandatoryProperty[]>();

    private constructor(
        private readonly lexer: FastLexer,
        private readonly entry: RulePlan,
        private readonly builder: WarrantCstNodeBuilder,
        private readonly converter: WarrantValueConverter,
        private readonly linker: Linker,
        private readonly reflection: AstReflection,
        private readonly tokenBuilder: TokenBuilder
    ) {}

    /** Undefined when the grammar uses something this parser does not implement, or the value converter is not Warrant's. */
    static create(services: LangiumCoreServices, builder: WarrantCstNodeBuilder): FastParser | undefined {
        const converter = services.parser.ValueConverter;
        const lexer = FastLexer.create(services.parser.Lexer.definition as Record<string, TokenType>);
        const entry = lexer && planGrammar(services.Grammar, lexer);
        return lexer && entry && converter instanceof WarrantValueConverter
            ? new FastParser(lexer, entry, builder, converter, services.references.Linker, services.shared.AstReflection, services.parser.TokenBuilder)
            : undefined;
    }

    /** Langium's parse result for a document without syntax errors; undefined for any other. */
    parse(text: string): ParseResult<AstNode> | undefined {
        const tokens = this.lexer.scan(text);
        if (!tokens) {
            return undefined;
        }
        this.tokens = tokens;
        this.text = text;
        this.position = 0;
        this.hiddenPosition = 0;
        this.referencing = [];
        this.holderSlot = 0;
        try {
            const root = this.builder.buildRootNode(text);
            const document: Building = { $type: this.entry.type! };
            this.current = document;
            this.inText = false;
            this.run(this.entry.body);
            if (this.position < tokens.count) {
                return undefined;
            }
            this.close(document);
            this.assignMandatory(document);
            (root as { astNode: unknown }).astNode = document;
            this.addHidden(text.length + 1);
            recordReferencingNodes(document as unknown as AstNode, this.referencing as unknown as AstNode[]);
            return { value: document as unknown as AstNode, lexerErrors: [], lexerReport: this.tokenBuilder.flushLexingReport?.(text), parserErrors: [] };
        } catch (error) {
            if (error === MISMATCH) {
                return undefined;
            }
            throw error;
        } finally {
            this.tokens = NO_TOKENS;
            this.text = '';
            this.current = NOTHING;
            this.referencing = [];
        }
    }

    private kindAt(position: number): number {
        return position < this.tokens.count ? this.tokens.kinds[position]! : -1;
    }

    private starts(plan: Plan, position: number): boolean {
        const kind = this.kindAt(position);
        return kind >= 0 && plan.first[kind] === 1;
    }

    /** One element with its cardinality: `?` and `*` enter when the next token can start it. */
    private run(plan: Plan): void {
        if (plan.optional && !this.starts(plan, this.position)) {
            return;
        }
        this.once(plan);
        while (plan.many && this.starts(plan, this.position)) {
            const before = this.position;
            this.once(plan);
            if (this.position === before) {
                throw MISMATCH;
            }
        }
    }

    private once(plan: Plan): void {
        switch (plan.kind) {
            case 'sequence':
                for (const child of plan.children) {
                    this.run(child);
                }
                return;
            case 'choice':
                this.run(this.choose(plan.children, this.position));
                return;
            case 'token':
                this.consume(plan);
                return;
            case 'call':
                this.call(plan);
                return;
            case 'action':
                (this.current as Building).$type = plan.type;
                return;
        }
    }

    /**
     * The alternative the next token starts; where several can, the one matching the most
     * tokens (Chevrotain looks further ahead, and for input without errors this grammar leaves
     * one viable); where none can, one that may match nothing.
     */
    private choose(alternatives: Plan[], position: number): Plan {
        let chosen: Plan | undefined;
        let longest = -1;
        let candidates = 0;
        for (const alternative of alternatives) {
            if (this.starts(alternative, position)) {
                candidates++;
                chosen ??= alternative;
            }
        }
        if (candidates > 1) {
            chosen = undefined;
            for (const alternative of alternatives) {
                if (this.starts(alternative, position)) {
                    const end = this.recognise(alternative, position);
                    if (end > longest) {
                        longest = end;
                        chosen = alternative;
                    }
                }
            }
        }
        chosen ??= alternatives.find(alternative => alternative.nullable);
        if (!chosen) {
            throw MISMATCH;
        }
        return chosen;
    }

    /** Where `plan` (with its cardinality) would stop matching from `position`, building nothing; -1 if it fails. */
    private recognise(plan: Plan, position: number): number {
        let at = position;
        if (plan.optional && !this.starts(plan, at)) {
            return at;
        }
        do {
            const next = this.recogniseOnce(plan, at);
            if (next <= at) {
                return next < 0 ? -1 : next;
            }
            at = next;
        } while (plan.many && this.starts(plan, at));
        return at;
    }

    private recogniseOnce(plan: Plan, position: number): number {
        switch (plan.kind) {
            case 'sequence': {
                let at = position;
                for (const child of plan.children) {
                    at = this.recognise(child, at);
                    if (at < 0) {
                        return -1;
                    }
                }
                return at;
            }
            case 'choice': {
                let best = -1;
                for (const alternative of plan.children) {
                    if (this.starts(alternative, position) || alternative.nullable) {
                        best = Math.max(best, this.recognise(alternative, position));
                    }
                }
                return best;
            }
            case 'token':
                return this.kindAt(position) === plan.token ? position + 1 : -1;
            case 'call':
                return this.recognise(plan.rule!.body, position);
            case 'action':
                return position;
        }
    }

    /** Comments before `offset` become hidden leaves, where Langium's builder puts them. */
    private addHidden(offset: number): void {
        const hidden = this.tokens.hidden;
        if (this.hiddenPosition >= hidden.length || hidden[this.hiddenPosition]!.start >= offset) {
            return;
        }
        const leaves: CstNode[] = [];
        while (this.hiddenPosition < hidden.length && hidden[this.hiddenPosition]!.start < offset) {
            leaves.push(this.hiddenLeaf(hidden[this.hiddenPosition++]!));
        }
        this.builder.addHiddenLeaves(leaves);
    }

    private hiddenLeaf(token: HiddenToken): CstNode {
        return new LeafCstNodeImpl(token.start, token.length, token.line, token.column, token.endLine, token.endColumn, this.lexer.types[token.kind], true);
    }

    private consume(plan: Plan): void {
        const tokens = this.tokens;
        const position = this.position;
        if (this.kindAt(position) !== plan.token) {
            throw MISMATCH;
        }
        const start = tokens.starts[position]!;
        const length = tokens.lengths[position]!;
        this.addHidden(start);
        const line = tokens.lines[position]!;
        const column = tokens.columns[position]!;
        const leaf = new LeafCstNodeImpl(start, length, line, column, line, column + length, this.lexer.types[plan.token], false);
        leaf.grammarSource = plan.feature!;
        this.builder.appendChild(this.builder.current, leaf);
        this.position = position + 1;
        if (plan.assignment) {
            const value = plan.keyword ?? this.converter.convertRule(plan.valueRule!, this.text.substring(start, start + length), leaf);
            this.assign(plan.assignment, value, leaf);
        } else if (this.inText) {
            (this.current as TextValue).value += plan.keyword ?? String(this.converter.convertRule(plan.valueRule!, this.text.substring(start, start + length), leaf));
        }
    }

    private call(plan: Plan): void {
        const rule = plan.rule!;
        const cstNode = this.builder.buildCompositeNode(plan.feature!);
        const parent = this.current;
        const parentInText = this.inText;
        const parentSlot = this.holderSlot;
        let result: unknown;
        if (rule.type === undefined) {
            const text: TextValue = { value: '' };
            this.current = text;
            this.inText = true;
            this.run(rule.body);
            this.close(text);
            result = this.converter.convertRule(plan.valueRule!, text.value, text.$cstNode!);
        } else {
            this.current = { $type: rule.type };
            this.inText = false;
            this.holderSlot = this.referencing.length;
            this.run(rule.body);
            const node = this.current as Building;
            this.close(node);
            this.assignMandatory(node);
            result = node;
        }
        this.current = parent;
        this.inText = parentInText;
        this.holderSlot = parentSlot;
        if (cstNode.length === 0) {
            return;
        }
        if (plan.assignment) {
            this.assign(plan.assignment, result, cstNode);
        } else if (parentInText) {
            (parent as TextValue).value += String(result);
        } else if (typeof result === 'object' && result) {
            this.takePlace(result as Building, parent as Building);
        }
    }

    /**
     * The node of an unassigned rule call takes its caller's place, as in `Element: Claim | …`,
     * where the caller is empty (Langium's `assignWithoutOverride` then only drops the node's
     * CST node, which the caller's replaces). A caller with content of its own would have to
     * hand its children over: Langium's parser does that.
     */
    private takePlace(node: Building, caller: Building): void {
        if (hasContent(caller)) {
            throw MISMATCH;
        }
        // The node listed itself at the caller's slot, where nothing else was listed in between.
        if (this.referencing[this.holderSlot] === node) {
            this.holderSlot = -1;
        }
        node.$cstNode = undefined;
        this.current = node;
    }

    /**
     * Assigns a value to the node being built. A child node is linked to its container here,
     * as Langium's `linkContentToContainer` would link it after the parse (the same fields in
     * the same order: the child is complete), and the node is listed among those holding
     * references at its first one, at its place in document order.
     */
    private assign(assignment: PlannedAssignment, value: unknown, cstNode: CstNode): void {
        const node = this.current as Building;
        let item = value;
        if (assignment.reference && typeof value === 'string') {
            item = this.linker.buildReference(node as unknown as AstNode, assignment.feature, cstNode, value);
            this.listHolder(node);
        } else if (isBuilding(value)) {
            if (value.$cstNode) {
                (value.$cstNode as { astNode: unknown }).astNode = value;
            }
            value.$container = node;
            value.$containerProperty = assignment.feature;
            if (assignment.operator === '+=') {
                const list = node[assignment.feature];
                value.$containerIndex = Array.isArray(list) ? list.length : 0;
            }
        }
        switch (assignment.operator) {
            case '=':
                node[assignment.feature] = item;
                break;
            case '?=':
                node[assignment.feature] = true;
                break;
            case '+=': {
                const list = node[assignment.feature];
                if (Array.isArray(list)) {
                    list.push(item);
                } else {
                    node[assignment.feature] = [item];
                }
            }
        }
    }

    /** Its descendants listed since it started come after it (pre-order, as the container pass lists them). */
    private listHolder(node: Building): void {
        const slot = this.holderSlot;
        if (slot < 0) {
            return;
        }
        if (slot === this.referencing.length) {
            this.referencing.push(node);
        } else {
            this.referencing.splice(slot, 0, node);
        }
        this.holderSlot = -1;
    }

    /** Closes the innermost open CST node and makes it the node's `$cstNode`. */
    private close(node: Building | TextValue): void {
        this.builder.construct(node as unknown as Parameters<WarrantCstNodeBuilder['construct']>[0]);
    }

    /** Langium's `assignMandatoryProperties`, with each type's defaults read once. */
    private assignMandatory(node: Building): void {
        let properties = this.mandatory.get(node.$type);
        if (!properties) {
            properties = [];
            for (const property of Object.values(this.reflection.getTypeMetaData(node.$type).properties)) {
                const value = property.defaultValue;
                if (Array.isArray(value) && value.length === 0) {
                    properties.push({ name: property.name, empty: 'array' });
                } else if (value === false) {
                    properties.push({ name: property.name, empty: 'false' });
                } else if (value !== undefined) {
                    // A default this does not copy: let Langium assign this type's defaults.
                    properties = undefined;
                    break;
                }
            }
            if (!properties) {
                AstUtils.assignMandatoryProperties(this.reflection, node as unknown as AstNode);
                return;
            }
            this.mandatory.set(node.$type, properties);
        }
        for (const property of properties) {
            const value = node[property.name];
            if (value === undefined) {
                node[property.name] = property.empty === 'array' ? [] : false;
            } else if (property.empty === 'array' && (value as unknown[]).length > 1) {
                // Exact length: a list pushed to item by item reserves 17 slots for the one or
                // two supporters most clauses have, for as long as the document lives.
                node[property.name] = (value as unknown[]).slice();
            }
        }
    }
}

/** Whether a node under construction has anything assigned (its type aside). */
function hasContent(node: Building): boolean {
    for (const name in node) {
        if (name !== '$type') {
            return true;
        }
    }
    return false;
}

function isBuilding(value: unknown): value is Building {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}
