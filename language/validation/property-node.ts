import { GrammarAST, isCompositeCstNode, type AstNode, type CstNode } from 'langium';

/**
 * The feature of the assignment each grammar element belongs to (null: none), per element: the
 * same few dozen elements are asked about for every node of a large document.
 */
const assignedFeatures = new WeakMap<AstNode, string | null>();

function assignedFeature(grammarSource: AstNode | undefined): string | null {
    if (!grammarSource) {
        return null;
    }
    let feature = assignedFeatures.get(grammarSource);
    if (feature === undefined) {
        let element: AstNode | undefined = grammarSource;
        while (element && !GrammarAST.isAssignment(element)) {
            element = element.$container;
        }
        feature = element ? element.feature : null;
        assignedFeatures.set(grammarSource, feature);
    }
    return feature;
}

/**
 * Langium's `GrammarUtils.findNodeForProperty`, with the same answer: the CST nodes inside
 * `node` (and its nested nodes of the same AST node) that an assignment to `property` made, in
 * text order; the one at `index`, clamped to the ones found, or the first. Langium's collects
 * every match into arrays nested per level and looks each node's assignment up the grammar;
 * publishing one finding per claim made that a tenth of a 20,000-claim check. This stops at the
 * wanted match and looks each grammar element up once.
 */
export function findNodeForProperty(node: CstNode | undefined, property: string | undefined, index?: number): CstNode | undefined {
    if (!node || !property || !isCompositeCstNode(node)) {
        return undefined;
    }
    const search: Search = { element: node.astNode, property, wanted: index === undefined ? 0 : Math.max(0, index), found: undefined, count: 0 };
    searchBelow(node, search);
    return search.found;
}

/** The state of one search (a plain function and an object, not a closure made per search). */
interface Search {
    readonly element: AstNode;
    readonly property: string;
    readonly wanted: number;
    found: CstNode | undefined;
    count: number;
}

/** True once the wanted match is found. */
function searchBelow(parent: CstNode, search: Search): boolean {
    if (!isCompositeCstNode(parent) || parent.astNode !== search.element) {
        return false;
    }
    for (const child of parent.content) {
        if (assignedFeature(child.grammarSource) === search.property) {
            search.found = child;
            if (search.count++ === search.wanted) {
                return true;
            }
        } else if (searchBelow(child, search)) {
            return true;
        }
    }
    return false;
}
