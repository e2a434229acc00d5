import { DefaultLinker, type LangiumCoreServices, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { ReferenceWalker } from './reference-walk.js';

/** Langium's linker over a faster walk of the references (see reference-walk.ts). */
export class WarrantLinker extends DefaultLinker {
    private readonly walker: ReferenceWalker;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.walker = new ReferenceWalker(services.shared.AstReflection);
    }

    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        await this.walker.forEach(document, cancelToken, info => this.doLink(info, document));
    }
}
