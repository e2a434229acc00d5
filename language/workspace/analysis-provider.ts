import { URI, type LangiumDocument } from 'langium';
import { analyzeWorkspace, type WorkspaceAnalysis } from '../analysis/analysis.js';
import { isDocument, type Document } from '../generated/ast.js';
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
            this.cached = { key, analysis: analyzeWorkspace({ documents: this.documentRoots(), bibliography: this.files.bibliography, files: this.files.external }) };
        }
        return this.cached.analysis;
    }

    private documentRoots(): Document[] {
        return this.shared.workspace.LangiumDocuments.all
            .filter(document => isDocument(document.parseResult.value))
            .toArray()
            .sort((a, b) => compareUris(a, b))
            .map(document => document.parseResult.value as Document);
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
