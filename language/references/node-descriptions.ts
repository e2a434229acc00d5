import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, type AstNode, type AstNodeDescription, type DocumentSegment, type LangiumDocument, type NameProvider, type URI } from 'langium';

/**
 * Langium's index entries for declared names, each an instance of one class. Langium's are
 * object literals with a getter and a closure each, which V8 keeps as hash tables: with the
 * segments computed up front, 30 MB of a 40,000-claim check's heap. Here both segments are
 * computed on first use (most names are never shown in an editor) and then kept, as Langium
 * keeps the name's.
 */
export class WarrantAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const uri = (document ?? AstUtils.getDocument(node)).uri;
        name ??= this.nameProvider.getName(node);
        const path = this.astNodeLocator.getAstNodePath(node);
        if (!name) {
            throw new Error(`Node at path ${path} has no name.`);
        }
        return new NodeDescription(node, name, uri, path, this.nameProvider);
    }
}

class NodeDescription implements AstNodeDescription {
    readonly type: string;
    private nameSegmentCache: DocumentSegment | undefined = undefined;
    private selectionSegmentCache: DocumentSegment | undefined = undefined;

    constructor(readonly node: AstNode, readonly name: string, readonly documentUri: URI, readonly path: string, private readonly names: NameProvider) {
        this.type = node.$type;
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.nameSegmentCache ??= CstUtils.toDocumentSegment(this.names.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.selectionSegmentCache ??= CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}
