import { URI, type LangiumDocument } from 'langium';
import { analyzeWorkspace, type WorkspaceAnalysis } from '../analysis/analysis.js';
import type { ManuscriptInput } from '../analysis/rules/manuscript-rules.js';
import { isDocument, type Document } from '../generated/ast.js';
import { manuscriptOf } from '../manuscript/manuscript-documents.js';
import type { WarrantSharedServices } from '../warrant-module.js';
import type { WorkspaceFiles } from './workspace-files.js';

/**
 * Hands out the workspace analysis, computing it at most once per build: every validator,
 * hover, code lens and graph request of that build shares one result.
 */
export class WorkspaceAnalysisProvider {
    private cached?: { key: string; analysis: WorkspaceAnalysis };

    constructor(private readonly shared: WarrantSharedServices, private readonly files: WorkspaceFiles) {}

    get(): WorkspaceAnalysis {
        const builder = this.shared.workspace.DocumentBuilder;
        // A build, or a refresh of the external files within it, makes the cached result stale.
        const key = `${builder.buildGeneration}:${this.files.version}`;
        if (this.cached?.key !== key) {
            const documents = this.documents();
            this.cached = {
                key,
                analysis: analyzeWorkspace({
                    documents: documents.map(document => document.parseResult.value as Document),
                    bibliography: this.files.bibliography,
                    files: this.files.external,
                    manuscripts: documents.flatMap((document): ManuscriptInput[] => {
                        const manuscript = manuscriptOf(document);
                        return manuscript ? [{ root: document.parseResult.value as Document, manuscript }] : [];
                    })
                })
            };
        }
        return this.cached.analysis;
    }

    private documents(): LangiumDocument[] {
        return this.shared.workspace.LangiumDocuments.all
            .filter(document => isDocument(document.parseResult.value))
            .toArray()
            .sort((a, b) => compareUris(a, b));
    }
}

function compareUris(a: LangiumDocument, b: LangiumDocument): number {
    const left = a.uri.toString();
    const right = b.uri.toString();
    return left < right ? -1 : left > right ? 1 : 0;
}

export function documentUri(root: Document): URI | undefined {
    return root.$document?.uri;
}
