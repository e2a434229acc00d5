import { AstUtils, isAstNode, type AstNode, type AstReflection } from 'langium';
import { PropertyPlans, recordReferencingNodes, streamReferencingNodes } from '../references/reference-walk.js';

/**
 * Sets `$container`, `$containerProperty` and `$containerIndex` on every node below a parsed
 * root, as Langium's parser does after each parse with `linkContentToContainer`, which calls
 * `Object.entries` and `forEach` with a closure on every node (a tenth of a large parse's
 * garbage). This reads each type's properties once from the reflection; a node of a type the
 * reflection does not declare is linked Langium's way. On the way, list properties (of nodes
 * and of references) are copied to arrays of their exact length, and the nodes that hold
 * references are listed for the linker (see recordReferencingNodes).
 */
export class ContainerLinker {
    private readonly plans: PropertyPlans;

    constructor(reflection: AstReflection) {
        this.plans = new PropertyPlans(reflection);
    }

    link(root: AstNode): void {
        const referencing: AstNode[] = [];
        const stack: AstNode[] = [root];
        while (stack.length > 0) {
            const node = stack.pop()!;
            const plan = this.plans.of(node.$type);
            if (!plan) {
                AstUtils.linkContentToContainer(node, { deep: true });
                for (const holder of streamReferencingNodes(node)) {
                    referencing.push(holder);
                }
                continue;
            }
            const record = node as unknown as Record<string, unknown>;
            let references = false;
            for (const property of plan.references) {
                const value = record[property];
                if (Array.isArray(value)) {
                    references ||= value.length > 0;
                    if (value.length > 1) {
                        record[property] = value.slice();
                    }
                } else {
                    references ||= value !== undefined;
                }
            }
            if (references) {
                referencing.push(node);
            }
            // Children pushed last first, so that they are visited (and listed) in document order.
            for (let p = plan.contents.length - 1; p >= 0; p--) {
                const property = plan.contents[p]!;
                const value = record[property];
                if (Array.isArray(value)) {
                    // Exact length: the parser pushes item by item, which reserves 17 slots for
                    // the list of one or two supporters most clauses have.
                    const items: unknown[] = value.length > 0 ? value.slice() : value;
                    record[property] = items;
                    for (let index = items.length - 1; index >= 0; index--) {
                        const item = items[index];
                        if (isAstNode(item)) {
                            contain(item, node, property).$containerIndex = index;
                            stack.push(item);
                        }
                    }
                } else if (isAstNode(value)) {
                    stack.push(contain(value, node, property));
                }
            }
        }
        recordReferencingNodes(root, referencing);
    }
}

function contain(child: AstNode, container: AstNode, property: string): AstNode & { $containerIndex?: number } {
    const writable = child as { $container?: AstNode; $containerProperty?: string };
    writable.$container = container;
    writable.$containerProperty = property;
    return child;
}
