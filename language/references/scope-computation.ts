import { DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { isAnnex, isDocument, isScheme, type Document } from '../generated/ast.js';

/**
 * Every named element is global across the workspace, including the data nested in annexes,
 * so all of them are exported and no per-container local scopes are built: Langium's default
 * local scopes are streams searched linearly for every reference, quadratic on large files.
 * Bands are the one local name: they resolve through their scheme (see WarrantScopeProvider).
 */
export class WarrantScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, _cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        if (!isDocument(root)) {
            return [];
        }
        const exports: AstNodeDescription[] = [];
        for (const node of exportedNodes(root)) {
            const name = this.nameProvider.getName(node);
            if (name) {
                exports.push(this.descriptions.createDescription(node, name, document));
            }
        }
        return exports;
    }

    override async collectLocalSymbols(_document: LangiumDocument, _cancelToken = CancellationToken.None): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

/**
 * Every node a reference in another document can resolve to: the exported ones (the global
 * scope) and the bands of schemes (the one local scope, see WarrantScopeProvider). When a
 * document's list of these is unchanged by an edit, so is every other document's linking.
 */
export function resolvableNodes(root: Document): AstNode[] {
    const nodes = exportedNodes(root);
    for (const element of root.elements) {
        if (isScheme(element)) {
            for (const band of element.bands) {
                nodes.push(band);
            }
        }
    }
    return nodes;
}

/** A list, not a generator: a generator with yield* compiles to several times the code, for every document. */
function exportedNodes(root: Document): AstNode[] {
    const nodes: AstNode[] = [];
    for (const element of root.elements) {
        if ('name' in element) {
            nodes.push(element);
        }
        if (isAnnex(element)) {
            // Not push(...): an annex of 130,000 data as arguments overflows the stack.
            for (const datum of element.data) {
                nodes.push(datum);
            }
        }
    }
    return nodes;
}
