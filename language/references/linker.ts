import { AstUtils, DefaultLinker, isAstNode, type AstNodeDescription, type AstNodeDescriptionProvider, type DefaultReference, type IndexManager, type LangiumCoreServices, type LangiumDocument, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { ReferenceWalker } from './reference-walk.js';

/** Langium's linker over a faster walk of the references (see reference-walk.ts). */
export class WarrantLinker extends DefaultLinker {
    private readonly walker: ReferenceWalker;
    private readonly indexManager: IndexManager;
    private readonly descriptions: AstNodeDescriptionProvider;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.walker = new ReferenceWalker(services.shared.AstReflection);
        this.indexManager = services.shared.workspace.IndexManager;
        this.descriptions = services.workspace.AstNodeDescriptionProvider;
    }

    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        await this.walker.forEach(document, cancelToken, info => this.doLink(info, document));
    }

    /**
     * Moves the document's resolved references whose target's document was re-parsed to the
     * node at the same path in that document's new syntax tree, as linking anew would, when the
     * re-parsed documents kept every name a reference can resolve to, with its type and path
     * (see DependentRelinking). Returns false, having changed nothing, when a target's path no
     * longer holds a node of the same type and name: the caller relinks the document.
     */
    repoint(document: LangiumDocument): boolean {
        const moves: Array<{ reference: DefaultReference; node: DefaultReference['_ref']; description: AstNodeDescription }> = [];
        const indexed = new Map<string, Map<string, AstNodeDescription>>();
        // By the URI object: a document's descriptions share its URI, and looking a document up by URI costs a path split.
        const documents = new Map<URI, LangiumDocument | undefined>();
        for (const candidate of document.references) {
            if (!('_ref' in candidate)) {
                return false; // a multi-reference: none in Warrant's grammar
            }
            const reference = candidate as DefaultReference;
            const target = reference._ref;
            const description = reference._nodeDescription;
            if (!isAstNode(target) || !description) {
                continue;
            }
            let targetDocument = documents.get(description.documentUri);
            if (!documents.has(description.documentUri)) {
                targetDocument = this.langiumDocuments().getDocument(description.documentUri);
                documents.set(description.documentUri, targetDocument);
            }
            const root = targetDocument?.parseResult.value;
            if (!root) {
                return false;
            }
            if (AstUtils.findRootNode(target) === root) {
                continue;
            }
            const node = this.astNodeLocator.getAstNode(root, description.path);
            if (!node || node.$type !== target.$type || (node as { name?: unknown }).name !== description.name) {
                return false;
            }
            const uri = description.documentUri.toString();
            let byPath = indexed.get(uri);
            if (!byPath) {
                byPath = new Map(this.indexManager.allElements(undefined, new Set([uri])).map(entry => [entry.path, entry]));
                indexed.set(uri, byPath);
            }
            // Bands are not indexed (they resolve through their scheme): a fresh description, as their scope makes.
            moves.push({ reference, node, description: byPath.get(description.path) ?? this.descriptions.createDescription(node, description.name, targetDocument) });
        }
        for (const { reference, node, description } of moves) {
            reference._ref = node;
            reference._nodeDescription = description;
        }
        return true;
    }
}
