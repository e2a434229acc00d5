import { isAstNode, isCompositeCstNode, isLeafCstNode, isReference, type AstNode, type CstNode, type ParseResult } from 'langium';

/**
 * The first difference between two parse results of the same text, or undefined when they are
 * the same: every AST node with the same properties in the same order (containers, CST nodes and
 * reference targets by correspondence), every CST node of the same class over the same range,
 * with the same token type, grammar element and AST node. Used to hold the fast parser to
 * Langium's.
 */
export function parseDifference(expected: ParseResult<AstNode>, actual: ParseResult<AstNode>): string | undefined {
    const pairs = new Map<object, object>();
    const cst = cstDifference(expected.value.$cstNode!, actual.value.$cstNode!, pairs, '$cstNode');
    if (cst) {
        return cst;
    }
    const ast = astDifference(expected.value, actual.value, pairs, 'value');
    if (ast) {
        return ast;
    }
    const errors = (result: ParseResult<AstNode>) => JSON.stringify([result.lexerErrors.length, result.parserErrors.length, result.lexerReport?.diagnostics.length]);
    return errors(expected) === errors(actual) ? undefined : `errors ${errors(expected)} vs ${errors(actual)}`;
}

function cstDifference(expected: CstNode, actual: CstNode, pairs: Map<object, object>, path: string): string | undefined {
    pairs.set(expected, actual);
    const facts = (node: CstNode) => JSON.stringify({
        kind: node.constructor.name, offset: node.offset, length: node.length, range: node.range, hidden: node.hidden,
        token: isLeafCstNode(node) ? node.tokenType.name : undefined, children: isCompositeCstNode(node) ? node.content.length : undefined
    });
    if (facts(expected) !== facts(actual)) {
        return `${path}: ${facts(expected)} vs ${facts(actual)}`;
    }
    if (expected.grammarSource !== actual.grammarSource) {
        return `${path}: grammar element ${expected.grammarSource?.$type} vs ${actual.grammarSource?.$type}`;
    }
    const own = (node: CstNode) => (node as unknown as { _astNode?: AstNode })._astNode;
    if ((own(expected) === undefined) !== (own(actual) === undefined) || (own(expected) && own(expected)!.$type !== own(actual)!.$type)) {
        return `${path}: AST node ${own(expected)?.$type} vs ${own(actual)?.$type}`;
    }
    if (isCompositeCstNode(expected) && isCompositeCstNode(actual)) {
        for (let i = 0; i < expected.content.length; i++) {
            const difference = cstDifference(expected.content[i]!, actual.content[i]!, pairs, `${path}.content[${i}]`);
            if (difference) {
                return difference;
            }
        }
    }
    return undefined;
}

function astDifference(expected: AstNode, actual: AstNode, pairs: Map<object, object>, path: string): string | undefined {
    pairs.set(expected, actual);
    const keys = (node: AstNode) => Object.keys(node).join(',');
    if (keys(expected) !== keys(actual)) {
        return `${path}: keys ${keys(expected)} vs ${keys(actual)}`;
    }
    for (const key of Object.keys(expected)) {
        const difference = valueDifference((expected as unknown as Record<string, unknown>)[key], (actual as unknown as Record<string, unknown>)[key], pairs, `${path}.${key}`, key);
        if (difference) {
            return difference;
        }
    }
    return undefined;
}

function valueDifference(expected: unknown, actual: unknown, pairs: Map<object, object>, path: string, key: string): string | undefined {
    if (key === '$container' || key === '$cstNode') {
        return expected === undefined ? (actual === undefined ? undefined : `${path}: set`) : pairs.get(expected as object) === actual ? undefined : `${path}: not the corresponding node`;
    }
    if (Array.isArray(expected)) {
        if (!Array.isArray(actual) || actual.length !== expected.length) {
            return `${path}: list of ${expected.length} vs ${JSON.stringify(actual)?.slice(0, 80)}`;
        }
        for (let i = 0; i < expected.length; i++) {
            const difference = valueDifference(expected[i], actual[i], pairs, `${path}[${i}]`, '');
            if (difference) {
                return difference;
            }
        }
        return undefined;
    }
    if (isReference(expected)) {
        if (!isReference(actual) || expected.$refText !== actual.$refText || pairs.get(expected.$refNode!) !== actual.$refNode) {
            return `${path}: reference ${expected.$refText} vs ${isReference(actual) ? actual.$refText : typeof actual}`;
        }
        return undefined;
    }
    if (isAstNode(expected)) {
        return isAstNode(actual) ? astDifference(expected, actual, pairs, path) : `${path}: node vs ${typeof actual}`;
    }
    return Object.is(expected, actual) ? undefined : `${path}: ${JSON.stringify(expected)} vs ${JSON.stringify(actual)}`;
}
