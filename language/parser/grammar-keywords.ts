import { GrammarAST } from 'langium';

/** The keywords of a grammar: all of them, and those its `Name` rule admits as names. */
export interface GrammarKeywords {
    reserved: Set<string>;
    allowedAsNames: Set<string>;
}

const cache = new WeakMap<GrammarAST.Grammar, GrammarKeywords>();

/** Computed once per grammar: rename and the quick fixes ask on every request. */
export function grammarKeywords(grammar: GrammarAST.Grammar): GrammarKeywords {
    let keywords = cache.get(grammar);
    if (!keywords) {
        const reserved = new Set<string>();
        for (const rule of grammar.rules) {
            if (GrammarAST.isParserRule(rule)) {
                collectKeywords(rule.definition, reserved, new Set(), false);
            }
        }
        const allowedAsNames = new Set<string>();
        const nameRule = grammar.rules.find(rule => rule.name === 'Name');
        if (nameRule && GrammarAST.isParserRule(nameRule)) {
            collectKeywords(nameRule.definition, allowedAsNames, new Set(), true);
        }
        keywords = { reserved, allowedAsNames };
        cache.set(grammar, keywords);
    }
    return keywords;
}

/** Keywords of an element; with `followRules`, also those of the datatype rules it calls. */
function collectKeywords(element: GrammarAST.AbstractElement, into: Set<string>, visited: Set<GrammarAST.AbstractRule>, followRules: boolean): void {
    if (GrammarAST.isKeyword(element)) {
        into.add(element.value);
    } else if (GrammarAST.isRuleCall(element)) {
        const rule = element.rule.ref;
        if (followRules && rule && GrammarAST.isParserRule(rule) && !visited.has(rule)) {
            visited.add(rule);
            collectKeywords(rule.definition, into, visited, followRules);
        }
    } else if (GrammarAST.isAlternatives(element) || GrammarAST.isGroup(element) || GrammarAST.isUnorderedGroup(element)) {
        for (const child of element.elements) {
            collectKeywords(child, into, visited, followRules);
        }
    } else if (GrammarAST.isAssignment(element)) {
        collectKeywords(element.terminal, into, visited, followRules);
    }
}
