import { DefaultDocumentBuilder, DocumentState, type BuildOptions, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { WarrantServices } from '../warrant-module.js';

/**
 * Counts builds so that workspace-wide results (the argument analysis) are computed once per
 * build, and after each build revalidates the documents it did not touch whose
 * workspace-wide findings changed (see FindingsStaleness).
 */
export class WarrantDocumentBuilder extends DefaultDocumentBuilder {
    private generation = 0;

    get buildGeneration(): number {
        return this.generation;
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        this.generation++;
        await super.buildDocuments(documents, options, cancelToken);
        if (!options.validation || documents.length === 0) {
            return;
        }
        const built = new Set(documents.map(document => document.uri.toString()));
        const others = this.langiumDocuments.all.filter(document => !built.has(document.uri.toString())).toArray();
        if (others.length === 0) {
            return;
        }
        const services = this.serviceRegistry.getServices(documents[0].uri) as WarrantServices;
        const stale = services.warrant.Staleness.staleDocuments(others);
        for (const document of stale) {
            // Links are still valid; only the validation result is outdated.
            this.resetToState(document, DocumentState.IndexedReferences);
        }
        if (stale.length > 0) {
            // super's, not ours: the workspace has not changed, so the analysis stays cached.
            await super.buildDocuments(stale, options, cancelToken);
        }
    }
}
