import { AstUtils, CstUtils, DefaultReferenceDescriptionProvider, isReference, UriUtils, type AstNode, type AstNodeLocator, type CstNode, type DocumentSegment, type LangiumCoreServices, type LangiumDocument, type ReferenceDescription, type ReferenceInfo, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { ReferenceWalker } from './reference-walk.js';

/**
 * Langium's reference index entries, over a faster walk of the references (see
 * reference-walk.ts), each an instance of one class whose segment and source path are computed
 * on first use: Langium computes both for every reference up front, four objects and a
 * concatenated path each, which only "find references" and renames read.
 */
export class WarrantReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly walker: ReferenceWalker;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.walker = new ReferenceWalker(services.shared.AstReflection);
    }

    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await this.walker.forEach(document, cancelToken, info => {
            for (const description of this.createInfoDescriptions(info)) {
                descriptions.push(description);
            }
        });
        return descriptions;
    }

    protected override createInfoDescriptions(info: ReferenceInfo): ReferenceDescription[] {
        const reference = info.reference;
        if (reference.error || !reference.$refNode) {
            return [];
        }
        const targets = isReference(reference)
            ? (reference.$nodeDescription ? [reference.$nodeDescription] : [])
            : reference.items.flatMap(item => item.$nodeDescription ?? []);
        if (targets.length === 0) {
            return [];
        }
        const sourceUri = AstUtils.getDocument(info.container).uri;
        const refNode = reference.$refNode;
        return targets.map(target => new LazyReferenceDescription(sourceUri, target.documentUri, target.path, info.container, refNode, this.nodeLocator));
    }
}

class LazyReferenceDescription implements ReferenceDescription {
    readonly local: boolean;
    private path: string | undefined = undefined;
    private segmentCache: DocumentSegment | undefined = undefined;

    constructor(
        readonly sourceUri: URI,
        readonly targetUri: URI,
        readonly targetPath: string,
        private readonly container: AstNode,
        private readonly refNode: CstNode,
        private readonly locator: AstNodeLocator
    ) {
        this.local = UriUtils.equals(targetUri, sourceUri);
    }

    get sourcePath(): string {
        return this.path ??= this.locator.getAstNodePath(this.container);
    }

    get segment(): DocumentSegment {
        return this.segmentCache ??= CstUtils.toDocumentSegment(this.refNode);
    }
}
