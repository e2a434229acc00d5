import { interruptAndCheck, isAstNode, isMultiReference, isReference, type AstNode, type AstReflection, type LangiumDocument, type ReferenceInfo } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/** Nodes visited between two cancellation checks (each check may yield to the event loop). */
const NODES_PER_CHECK = 128;

/** Which properties of a node type hold cross-references, and which may hold child nodes. */
export interface TypePlan {
    references: string[];
    contents: string[];
}

const NO_PROPERTIES: TypePlan = { references: [], contents: [] };

/**
 * Each AST type's reference and other properties, read once from the grammar's reflection:
 * walks that ask every node for `Object.keys` or `Object.entries` allocate per node.
 */
export class PropertyPlans {
    private readonly plans = new Map<string, TypePlan>();

    constructor(private readonly reflection: AstReflection) {}

    /** Undefined for a type the reflection does not know (its properties are not declared). */
    of(type: string): TypePlan | undefined {
        let plan = this.plans.get(type);
        if (!plan) {
            if (!this.reflection.getAllTypes().includes(type)) {
                return undefined;
            }
            const properties = Object.values(this.reflection.getTypeMetaData(type).properties);
            plan = {
                references: properties.filter(property => property.referenceType !== undefined).map(property => property.name),
                contents: properties.filter(property => property.referenceType === undefined).map(property => property.name)
            };
            this.plans.set(type, plan);
        }
        return plan;
    }
}

/**
 * Visits every cross-reference of a document. Langium's linker and reference indexer walk the
 * AST generically (`Object.keys` of every node, a stream per node) and await a cancellation
 * check at every node; on a 10,000-claim workspace those walks cost more than the linking they
 * serve. This walker reads each type's properties once from the grammar's reflection, and
 * checks cancellation every NODES_PER_CHECK nodes, which still lets an edit cancel a stale
 * build within a fraction of a millisecond. Order: a node's references before its children's,
 * properties in the reflection's order, which is not always text order (nothing depends on it:
 * the CLI sorts its findings, editors sort diagnostics).
 */
export class ReferenceWalker {
    private readonly plans: PropertyPlans;

    constructor(reflection: AstReflection) {
        this.plans = new PropertyPlans(reflection);
    }

    async forEach(document: LangiumDocument, cancelToken: CancellationToken, visit: (info: ReferenceInfo) => void): Promise<void> {
        const stack: AstNode[] = [document.parseResult.value];
        let visited = 0;
        while (stack.length > 0) {
            const node = stack.pop()!;
            if (++visited % NODES_PER_CHECK === 0) {
                await interruptAndCheck(cancelToken);
            }
            const plan = this.plans.of(node.$type) ?? NO_PROPERTIES;
            const record = node as unknown as Record<string, unknown>;
            for (const property of plan.references) {
                const value = record[property];
                if (Array.isArray(value)) {
                    value.forEach((reference, index) => {
                        if (isReference(reference) || isMultiReference(reference)) {
                            visit({ reference, container: node, property, index });
                        }
                    });
                } else if (isReference(value) || isMultiReference(value)) {
                    visit({ reference: value, container: node, property });
                }
            }
            // Pushed in reverse so that children are visited in order.
            for (let p = plan.contents.length - 1; p >= 0; p--) {
                const value = record[plan.contents[p]!];
                if (Array.isArray(value)) {
                    for (let i = value.length - 1; i >= 0; i--) {
                        if (isAstNode(value[i])) {
                            stack.push(value[i]);
                        }
                    }
                } else if (isAstNode(value)) {
                    stack.push(value);
                }
            }
        }
        await interruptAndCheck(cancelToken);
    }
}
