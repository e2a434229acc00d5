import { AstUtils, interruptAndCheck, isMultiReference, isReference, type AstNode, type AstReflection, type LangiumDocument, type ReferenceInfo } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/** Nodes with references visited between two cancellation checks (each check may yield to the event loop). */
const NODES_PER_CHECK = 128;

/** Which properties of a node type hold cross-references, and which may hold child nodes. */
export interface TypePlan {
    references: string[];
    contents: string[];
}

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

/** Per parsed root, the nodes that hold cross-references, in document order (see recordReferencingNodes). */
const referencing = new WeakMap<AstNode, readonly AstNode[]>();

/**
 * What the parser found while building the AST: the nodes with references, so that linking and
 * indexing visit those and no others. The fast parser lists each node at its first reference
 * (fast-parser.ts); after Langium's parser, the pass that links nodes to their containers, which
 * visits every node anyway, lists them (container-links.ts). A document's tree only changes by
 * a new parse (edits in place change one string), which records its own list.
 */
export function recordReferencingNodes(root: AstNode, nodes: readonly AstNode[]): void {
    referencing.set(root, nodes);
}

/** Nodes of a tree the parser did not list (built some other way), found Langium's generic way. */
export function streamReferencingNodes(root: AstNode): AstNode[] {
    return AstUtils.streamAst(root).filter(node => !AstUtils.streamReferences(node).isEmpty()).toArray();
}

/**
 * Visits every cross-reference of a document. Langium's linker and reference indexer walk the
 * AST generically (`Object.keys` of every node, a stream per node) and await a cancellation
 * check at every node; on a 10,000-claim workspace those walks cost more than the linking they
 * serve. This visits only the nodes the parser listed as holding references, reads each type's
 * reference properties once from the grammar's reflection, and checks cancellation every
 * NODES_PER_CHECK nodes, which still lets an edit cancel a stale build within a fraction of a
 * millisecond. Order: nodes in document order, a node's references in the reflection's
 * property order, which is not always text order (nothing depends on it: the CLI sorts its
 * findings, editors sort diagnostics).
 */
export class ReferenceWalker {
    private readonly plans: PropertyPlans;

    constructor(reflection: AstReflection) {
        this.plans = new PropertyPlans(reflection);
    }

    async forEach(document: LangiumDocument, cancelToken: CancellationToken, visit: (info: ReferenceInfo) => void): Promise<void> {
        const root = document.parseResult.value;
        let nodes = referencing.get(root);
        if (!nodes) {
            nodes = streamReferencingNodes(root);
            referencing.set(root, nodes);
        }
        for (let i = 0; i < nodes.length; i++) {
            if (i > 0 && i % NODES_PER_CHECK === 0) {
                await interruptAndCheck(cancelToken);
            }
            this.visitNode(nodes[i]!, visit);
        }
        await interruptAndCheck(cancelToken);
    }

    private visitNode(node: AstNode, visit: (info: ReferenceInfo) => void): void {
        const plan = this.plans.of(node.$type);
        if (!plan) {
            AstUtils.streamReferences(node).forEach(visit);
            return;
        }
        const record = node as unknown as Record<string, unknown>;
        for (const property of plan.references) {
            const value = record[property];
            if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    const reference: unknown = value[index];
                    if (isReference(reference) || isMultiReference(reference)) {
                        visit({ reference, container: node, property, index });
                    }
                }
            } else if (isReference(value) || isMultiReference(value)) {
                visit({ reference: value, container: node, property });
            }
        }
    }
}
