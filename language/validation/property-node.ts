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
    const wanted = index === undefined ? 0 : Math.max(0, index);
    const element = node.astNode;
    let found: CstNode | undefined;
    let count = 0;
    const search = (parent: CstNode): boolean => {
        if (!isCompositeCstNode(parent) || parent.astNode !== element) {
            return false;
        }
        for (const child of parent.content) {
            if (assignedFeature(child.grammarSource) === property) {
                found = child;
                if (count++ === wanted) {
                    return true;
                }
            } else if (search(child)) {
                return true;
            }
        }
        return false;
    };
    search(node);
    return found;
}
