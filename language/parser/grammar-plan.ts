import { AstUtils, GrammarAST, GrammarUtils } from 'langium';
import type { FastLexer } from './fast-lexer.js';

/** How a token or rule call assigns its value, as Langium's parser reads it (`getAssignment`). */
export interface PlannedAssignment {
    operator: '=' | '+=' | '?=';
    feature: string;
    reference: boolean;
}

/**
 * One element of a rule. One class for every kind (not a union of object shapes), so that the
 * parser's loop over plans reads the same object layout everywhere.
 */
export class Plan {
    /** Tokens that can start one occurrence (indexed by token kind). */
    readonly first: Uint8Array;
    /** Whether the element may match nothing (cardinality included). */
    nullable = false;
    readonly optional: boolean;
    readonly many: boolean;
    /** Parts of a sequence, alternatives of a choice. */
    children: Plan[] = [];
    /** The token kind a token consumes; -1 for other kinds. */
    token = -1;
    /** A keyword's text (the value Langium assigns for it). */
    keyword: string | undefined = undefined;
    /** The grammar element Langium's parser records as the CST node's source. */
    feature: GrammarAST.AbstractElement | undefined = undefined;
    assignment: PlannedAssignment | undefined = undefined;
    /** The rule a call calls. */
    rule: RulePlan | undefined = undefined;
    /**
     * The terminal or data type rule whose value converter makes the element's value, as
     * Langium's `ValueConverter.convert` finds it from the CST node's grammar element;
     * undefined for a keyword (its value is its text) and other elements.
     */
    valueRule: GrammarAST.AbstractRule | undefined = undefined;
    /** The AST type an action sets. */
    type = '';

    constructor(readonly kind: 'sequence' | 'choice' | 'token' | 'call' | 'action', node: GrammarAST.AbstractElement, tokenKinds: number) {
        this.first = new Uint8Array(tokenKinds);
        this.optional = node.cardinality === '?' || node.cardinality === '*';
        this.many = node.cardinality === '*' || node.cardinality === '+';
    }
}

export interface RulePlan {
    name: string;
    /** The AST type the rule creates; undefined for a data type rule (its value is text). */
    type: string | undefined;
    body: Plan;
}

/** An element of the grammar the fast parser does not implement: the fast path stays off. */
class Unsupported extends Error {}

/**
 * The grammar's parser rules as plans for the fast parser (fast-parser.ts): for every element,
 * the grammar object Langium's parser records in the CST, how its value is assigned, and the
 * tokens that can start it. Grammar features the fast parser does not implement (fragments,
 * parameters, guards, infix rules, unordered groups, tree-rewriting actions, multi-references)
 * make `planGrammar` return undefined.
 */
export function planGrammar(grammar: GrammarAST.Grammar, lexer: FastLexer): RulePlan | undefined {
    const entry = GrammarUtils.getEntryRule(grammar);
    if (!entry) {
        return undefined;
    }
    const size = lexer.types.length;
    const rules = new Map<GrammarAST.AbstractRule, RulePlan>();

    const ruleOf = (rule: GrammarAST.AbstractRule): RulePlan => {
        let plan = rules.get(rule);
        if (!plan) {
            if (!GrammarAST.isParserRule(rule) || rule.fragment || rule.parameters.length > 0) {
                throw new Unsupported(rule.name);
            }
            plan = { name: rule.name, type: GrammarUtils.isDataTypeRule(rule) ? undefined : GrammarUtils.getTypeName(rule), body: undefined! };
            rules.set(rule, plan);
            plan.body = element(rule.definition);
        }
        return plan;
    };

    const assignmentOf = (feature: GrammarAST.AbstractElement): PlannedAssignment | undefined => {
        const assignment = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment);
        if (!assignment) {
            return undefined;
        }
        const terminal = assignment.terminal;
        if (GrammarAST.isCrossReference(terminal) && terminal.isMulti) {
            throw new Unsupported('multi-reference');
        }
        return { operator: assignment.operator, feature: assignment.feature, reference: GrammarAST.isCrossReference(terminal) };
    };

    const plan = (kind: Plan['kind'], node: GrammarAST.AbstractElement, fill: Partial<Plan>): Plan => Object.assign(new Plan(kind, node, size), fill);

    const tokenPlan = (node: GrammarAST.AbstractElement, feature: GrammarAST.AbstractElement, name: string, keyword: string | undefined, valueRule?: GrammarAST.TerminalRule): Plan =>
        plan('token', node, { token: lexer.kindOf(name), keyword, feature, assignment: assignmentOf(feature), valueRule });

    const callOrToken = (node: GrammarAST.AbstractElement, feature: GrammarAST.AbstractElement, rule: GrammarAST.AbstractRule | undefined): Plan => {
        if (GrammarAST.isTerminalRule(rule)) {
            return tokenPlan(node, feature, rule.name, undefined, rule);
        }
        if (!rule) {
            throw new Unsupported('unresolved rule');
        }
        return plan('call', node, { rule: ruleOf(rule), feature, assignment: assignmentOf(feature), valueRule: rule });
    };

    const element = (node: GrammarAST.AbstractElement): Plan => {
        if ((node as { guardCondition?: unknown; predicate?: unknown }).guardCondition || (node as { predicate?: unknown }).predicate) {
            throw new Unsupported('guard or predicate');
        }
        if (GrammarAST.isGroup(node) || GrammarAST.isAlternatives(node)) {
            return plan(GrammarAST.isGroup(node) ? 'sequence' : 'choice', node, { children: node.elements.map(element) });
        }
        if (GrammarAST.isAssignment(node)) {
            return plan('sequence', node, { children: [element(node.terminal)] });
        }
        if (GrammarAST.isKeyword(node)) {
            return tokenPlan(node, node, node.value, node.value);
        }
        if (GrammarAST.isRuleCall(node)) {
            if (node.arguments.length > 0) {
                throw new Unsupported('rule arguments');
            }
            return callOrToken(node, node, node.rule.ref);
        }
        if (GrammarAST.isCrossReference(node)) {
            const terminal = GrammarUtils.getCrossReferenceTerminal(node);
            if (!GrammarAST.isRuleCall(terminal)) {
                throw new Unsupported('cross-reference terminal');
            }
            return callOrToken(node, node, terminal.rule.ref);
        }
        if (GrammarAST.isAction(node) && !node.feature) {
            return plan('action', node, { type: GrammarUtils.getTypeName(node) });
        }
        throw new Unsupported(node.$type);
    };

    const computeFirst = (plan: Plan): void => {
        let nullable: boolean;
        switch (plan.kind) {
            case 'token':
                plan.first[plan.token] = 1;
                nullable = false;
                break;
            case 'call':
                // The callee's tokens so far: `planGrammar` repeats until nothing changes.
                union(plan.first, plan.rule!.body.first);
                nullable = plan.rule!.body.nullable;
                break;
            case 'action':
                nullable = true;
                break;
            case 'choice':
                nullable = false;
                for (const child of plan.children) {
                    computeFirst(child);
                    union(plan.first, child.first);
                    nullable ||= child.nullable;
                }
                break;
            case 'sequence':
                nullable = true;
                for (const child of plan.children) {
                    computeFirst(child);
                    if (nullable) {
                        union(plan.first, child.first);
                        nullable = child.nullable;
                    }
                }
                break;
        }
        plan.nullable = nullable || plan.optional;
    };

    try {
        const root = ruleOf(entry);
        // What starts a rule depends on what starts the rules it calls first: to a fixed point.
        for (let changed = true; changed;) {
            changed = false;
            for (const rule of rules.values()) {
                const before = signature(rule.body);
                computeFirst(rule.body);
                changed ||= signature(rule.body) !== before;
            }
        }
        return root;
    } catch (error) {
        if (error instanceof Unsupported) {
            return undefined;
        }
        throw error;
    }
}

function union(into: Uint8Array, from: Uint8Array): void {
    for (let i = 0; i < from.length; i++) {
        into[i] |= from[i]!;
    }
}

function signature(plan: Plan): string {
    return `${plan.nullable}:${plan.first.join('')}`;
}
