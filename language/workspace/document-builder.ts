import { DefaultDocumentBuilder, type BuildOptions, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

/**
 * Counts builds so that workspace-wide results (the argument analysis) are computed once per
 * build and reused by every validator and request until the next build.
 */
export class WarrantDocumentBuilder extends DefaultDocumentBuilder {
    private generation = 0;

    get buildGeneration(): number {
        return this.generation;
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        this.generation++;
        await super.buildDocuments(documents, options, cancelToken);
    }
}
