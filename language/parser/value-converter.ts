import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Langium copies every STRING character by character to undo escapes. Almost no string in an
 * argument has a backslash: those become one slice of the document text, which cut a fifth of
 * a large parse's garbage.
 */
export class WarrantValueConverter extends DefaultValueConverter {
    /**
     * `convert` with the rule already known: the fast parser finds it once per grammar element
     * (grammar-plan.ts) instead of once per token from the CST node's grammar element.
     */
    convertRule(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        return this.runConverter(rule, input, cstNode);
    }

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING' && !input.includes('\\')) {
            return input.slice(1, -1);
        }
        return super.runConverter(rule, input, cstNode);
    }
}
