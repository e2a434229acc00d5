import { CstNodeBuilder, type CompositeCstNode, type CstNode } from 'langium';

type Token = Parameters<CstNodeBuilder['addHiddenNodes']>[0][number];

/** Far below the ~120,000 arguments that overflow V8's stack, far above a normal run of comments. */
const SPREAD_CHUNK = 4096;

/** The builder's own view of a node it builds; Langium's interface exposes the content read-only. */
function editable(node: CompositeCstNode): { content: CstNode[] } {
    return node as unknown as { content: CstNode[] };
}

/**
 * Langium's CST builder, without the two costs that grow with a file's shape rather than its size:
 *
 * - It passes every run of hidden tokens (comments, whitespace) as spread arguments to `push`
 *   or `splice`; a file of nothing but 130,000 comment lines overflowed the call stack and the
 *   document could not be opened at all. Here they are added one by one or in bounded chunks.
 * - To place hidden nodes before a rule that has just started, it looks the rule's node up
 *   among its siblings from the front, although it is almost always the last one; with
 *   100,000 declarations that was quadratic. Here the search starts from the back.
 */
export class WarrantCstNodeBuilder extends CstNodeBuilder {
    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        if (parent.content.length === 0) {
            super.appendChildren(parent, children);
            return;
        }
        for (const child of children) {
            this.appendChild(parent, child);
        }
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        for (const child of children) {
            (child as { container?: CompositeCstNode }).container = parent;
        }
        // In chunks, not one concatenated copy: the rule just started is usually the last child,
        // so each splice moves almost nothing, and copying the whole content per run of hidden
        // tokens would be quadratic in a long file.
        const content = editable(parent).content;
        for (let start = 0; start < children.length; start += SPREAD_CHUNK) {
            content.splice(index + start, 0, ...children.slice(start, start + SPREAD_CHUNK));
        }
    }

    override removeNode(node: CstNode): void {
        const parent = node.container;
        const index = parent ? parent.content.lastIndexOf(node) : -1;
        if (parent && index >= 0) {
            editable(parent).content.splice(index, 1);
        }
    }

    override addHiddenNodes(tokens: Token[]): void {
        if (tokens.length > 0) {
            this.addHiddenLeaves(tokens.map(token => this.createLeafNode(token, true)));
        }
    }

    /** Places hidden leaf nodes (comments) before the next token, as `addHiddenNodes` does. */
    addHiddenLeaves(nodes: CstNode[]): void {
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            this.appendChildren(current, nodes);
            return;
        }
        // A rule that has consumed nothing yet: the hidden nodes go before it, in the nearest
        // ancestor where it is not the first child (Langium's placement, found from the back).
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                this.insertChildren(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        // At the root: these hidden nodes come before everything else.
        this.insertChildren(current, 0, nodes);
    }
}
