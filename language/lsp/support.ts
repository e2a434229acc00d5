import { AstUtils, CstUtils, URI, type AstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { WorkspaceAnalysis } from '../analysis/analysis.js';
import { citationKey } from '../analysis/citations.js';
import type { BibKeyLocation } from '../bibliography/index.js';
import { isCitation, isDocument, isSource, type Citation, type Document, type Source } from '../generated/ast.js';
import type { WarrantServices } from '../warrant-module.js';

/** Where a cited key is declared: an inline `source`, or an entry of a loaded .bib file. */
export type KeyTarget =
    | { kind: 'inline'; key: string; source: Source }
    | { kind: 'bib'; key: string; location: BibKeyLocation };

/** Every `@key` citation of the workspace, by key. */
export interface CitationIndex {
    citations: Map<string, Citation[]>;
}

/**
 * What the editor features share: the per-build analysis (awaited safely), a per-build index
 * of citations, and key resolution with the same precedence as the analysis (an inline
 * source wins over a .bib entry of the same key).
 */
export class WarrantLspSupport {
    private citationCache?: { generation: number; index: CitationIndex };
    private sourceCache?: { generation: number; sources: Map<string, Source> };

    constructor(readonly services: WarrantServices) {}

    /**
     * The analysis of the current build, once the build has linked every document and read
     * the bibliographies (never computed early with stale files). Resolves to undefined when
     * the build it would wait for has been superseded by a newer edit: the caller answers
     * without it rather than hold back the next build.
     */
    async analysis(token: CancellationToken = CancellationToken.None): Promise<WorkspaceAnalysis | undefined> {
        // The builder raises "ready" once every listener of the references phase (including the
        // bibliography refresh) has run, and "superseded" as soon as a newer edit cancels the build.
        const outcome = await this.services.shared.workspace.DocumentBuilder.progress.whenAnalysisReady(token);
        return outcome === 'ready' ? this.services.warrant.Analysis.get() : undefined;
    }

    private generation(): number {
        return this.services.shared.workspace.DocumentBuilder.buildGeneration;
    }

    /** Citations of the whole workspace, computed once per build (a walk of every AST). */
    citationIndex(): CitationIndex {
        const generation = this.generation();
        if (this.citationCache && this.citationCache.generation === generation) {
            return this.citationCache.index;
        }
        const index: CitationIndex = { citations: new Map() };
        for (const root of this.documentRoots()) {
            for (const node of AstUtils.streamAst(root)) {
                if (isCitation(node) && node.key) {
                    const key = citationKey(node.key);
                    const list = index.citations.get(key);
                    if (list) {
                        list.push(node);
                    } else {
                        index.citations.set(key, [node]);
                    }
                }
            }
        }
        this.citationCache = { generation, index };
        return index;
    }

    /** The inline sources by name, first declaration first (as the analysis), once per build from the top-level elements. */
    inlineSources(): Map<string, Source> {
        const generation = this.generation();
        if (this.sourceCache && this.sourceCache.generation === generation) {
            return this.sourceCache.sources;
        }
        const sources = new Map<string, Source>();
        for (const root of this.documentRoots()) {
            for (const element of root.elements) {
                if (isSource(element) && element.name && !sources.has(element.name)) {
                    sources.set(element.name, element);
                }
            }
        }
        this.sourceCache = { generation, sources };
        return sources;
    }

    /** Inline source first (as the analysis resolves), then the loaded bibliographies. */
    resolveKey(key: string): KeyTarget | undefined {
        const source = this.inlineSources().get(key);
        if (source) {
            return { kind: 'inline', key, source };
        }
        const location = this.services.warrant.Files.store.lookup(key);
        return location ? { kind: 'bib', key, location } : undefined;
    }

    /** Document roots in a stable order (by URI). */
    documentRoots(): Document[] {
        return this.services.shared.workspace.LangiumDocuments.all
            .toArray()
            .sort((a, b) => compare(a.uri.toString(), b.uri.toString()))
            .map(document => document.parseResult.value)
            .filter(isDocument);
    }

    /** The document of a URI string, if the workspace has it. */
    documentOf(uri: string): LangiumDocument | undefined {
        try {
            return this.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
        } catch {
            return undefined;
        }
    }
}

/** The `@key` token at (or just before) an offset, with its citation. */
export function citationAt(document: LangiumDocument, offset: number): { citation: Citation; leaf: LeafCstNode; key: string } | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) {
        return undefined;
    }
    for (const candidate of [offset, offset - 1]) {
        if (candidate < 0) {
            continue;
        }
        const leaf = CstUtils.findLeafNodeAtOffset(root, candidate);
        if (leaf && !leaf.hidden && isCitation(leaf.astNode) && leaf.text.startsWith('@') && leaf.offset <= offset && offset <= leaf.end) {
            return { citation: leaf.astNode, leaf, key: citationKey(leaf.text) };
        }
    }
    return undefined;
}

export function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** The URI string of the document an AST node belongs to. */
export function uriOf(node: AstNode): string {
    return AstUtils.getDocument(node).uri.toString();
}

/** A short display path for a URI: the file name. */
export function fileName(uri: string): string {
    try {
        const path = URI.parse(uri).path;
        return path.slice(path.lastIndexOf('/') + 1) || uri;
    } catch {
        return uri;
    }
}
