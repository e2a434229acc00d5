import { DefaultReferenceDescriptionProvider, type LangiumCoreServices, type LangiumDocument, type ReferenceDescription } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { ReferenceWalker } from './reference-walk.js';

/** Langium's reference index entries, over a faster walk of the references (see reference-walk.ts). */
export class WarrantReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly walker: ReferenceWalker;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.walker = new ReferenceWalker(services.shared.AstReflection);
    }

    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await this.walker.forEach(document, cancelToken, info => {
            if (!info.reference.error) {
                descriptions.push(...this.createInfoDescriptions(info));
            }
        });
        return descriptions;
    }
}
