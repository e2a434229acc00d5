/**
 * A workspace edited in process the way the language server edits it (open text documents,
 * `DocumentBuilder.update`), and what it must always equal: a fresh build of the same texts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AstUtils, CstUtils, DocumentState, isOperationCancelled, URI, type AstNode, type DocumentSegment, type LangiumDocument, type ReferenceDescription } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { CancellationTokenSource } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { selectWarrantFiles } from '../../language/config/file-selection.js';
import { createWarrantServices, type WarrantServices, type WarrantSharedServices } from '../../language/warrant-module.js';

interface Services {
    shared: WarrantSharedServices;
    Warrant: WarrantServices;
}

function servicesFor(dir: string): Services {
    const services = createWarrantServices(NodeFileSystem);
    services.Warrant.warrant.Files.setRoots([dir]);
    return services;
}

/** Writes `files` (relative path → text) into a new temporary folder, loads it, runs `use` on it, and removes the folder. */
export async function withIncrementalWorkspace(files: Record<string, string>, use: (workspace: IncrementalWorkspace) => Promise<void>): Promise<void> {
    const dir = mkdtempSync(path.join(tmpdir(), 'warrant-incremental-'));
    try {
        for (const [file, text] of Object.entries(files)) {
            writeFileSync(path.join(dir, file), text);
        }
        await use(await IncrementalWorkspace.load(dir));
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** Builds `texts` (by URI, in this order) from scratch, as the CLI does. */
async function freshBuild(dir: string, texts: Map<string, string>): Promise<Services> {
    const services = servicesFor(dir);
    const documents = [...texts].map(([uri, text]) => services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uri)));
    documents.forEach(document => services.shared.workspace.LangiumDocuments.addDocument(document));
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return services;
}

export class IncrementalWorkspace {
    private readonly versions = new Map<string, number>();
    /** Documents that went through each phase during the last update. */
    readonly lastUpdate = { linked: new Set<string>(), validated: new Set<string>() };

    private constructor(readonly dir: string, private readonly services: Services) {
        const builder = services.shared.workspace.DocumentBuilder;
        builder.onDocumentPhase(DocumentState.Linked, document => void this.lastUpdate.linked.add(this.fileOf(document.uri.toString())));
        builder.onDocumentPhase(DocumentState.Validated, document => void this.lastUpdate.validated.add(this.fileOf(document.uri.toString())));
    }

    /** The workspace files of `dir` (`.warrant` and manuscripts), built with validation. */
    static async load(dir: string): Promise<IncrementalWorkspace> {
        const texts = new Map<string, string>();
        for (const file of await selectWarrantFiles(dir)) {
            texts.set(URI.file(file).toString(), readFileSync(file, 'utf8'));
        }
        const services = servicesFor(dir);
        const workspace = new IncrementalWorkspace(dir, services);
        const documents = [...texts].map(([uri, text]) => services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uri)));
        documents.forEach(document => services.shared.workspace.LangiumDocuments.addDocument(document));
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        return workspace;
    }

    get builder() {
        return this.services.shared.workspace.DocumentBuilder;
    }

    get analysis() {
        return this.services.Warrant.warrant.Analysis.get();
    }

    /** Relative paths of the documents, in the workspace's order. */
    get files(): string[] {
        return this.documents().map(document => this.fileOf(document.uri.toString()));
    }

    text(file: string): string {
        return this.document(file).textDocument.getText();
    }

    document(file: string): LangiumDocument {
        return this.services.shared.workspace.LangiumDocuments.getDocument(this.uri(file))!;
    }

    /**
     * Sets the editor texts of some files and runs the update the server would run; with
     * `cancelAt`, the update is cancelled once it reaches that phase (false if it was).
     */
    async edit(changes: Record<string, string>, cancelAt?: DocumentState): Promise<boolean> {
        for (const [file, text] of Object.entries(changes)) {
            const uri = this.uri(file).toString();
            const version = (this.versions.get(uri) ?? 1) + 1;
            this.versions.set(uri, version);
            this.services.shared.workspace.TextDocuments.set(TextDocument.create(uri, 'warrant', version, text));
        }
        return this.update(Object.keys(changes).map(file => this.uri(file)), [], cancelAt);
    }

    /** Removes a file from the workspace (closed and deleted). */
    async delete(file: string): Promise<void> {
        const uri = this.uri(file);
        this.services.shared.workspace.TextDocuments.delete(uri);
        await this.update([], [uri]);
    }

    private async update(changed: URI[], deleted: URI[], cancelAt?: DocumentState): Promise<boolean> {
        this.lastUpdate.linked.clear();
        this.lastUpdate.validated.clear();
        const source = new CancellationTokenSource();
        const stop = cancelAt === undefined ? undefined : this.builder.onBuildPhase(cancelAt, () => source.cancel());
        try {
            await this.builder.update(changed, deleted, source.token);
            return true;
        } catch (error) {
            if (!isOperationCancelled(error)) {
                throw error;
            }
            return false;
        } finally {
            stop?.dispose();
        }
    }

    /**
     * Asserts that the diagnostics of every document, and the workspace analysis, equal those of
     * a fresh build of the same texts, and that every resolved reference points into the current
     * syntax tree of its target's document.
     */
    async assertEqualsFreshBuild(context: string): Promise<void> {
        const texts = new Map(this.documents().map(document => [document.uri.toString(), document.textDocument.getText()]));
        const fresh = await freshBuild(this.dir, texts);
        for (const [uri] of texts) {
            const mine = this.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
            const theirs = fresh.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
            assert.equal(mine.state, DocumentState.Validated, `${context}: ${this.fileOf(uri)} is validated`);
            assert.deepEqual(normalised(mine), normalised(theirs), `${context}: diagnostics of ${this.fileOf(uri)}`);
            assert.deepEqual(syntaxSummary(mine), syntaxSummary(theirs), `${context}: the syntax tree of ${this.fileOf(uri)}`);
            this.assertCurrentTargets(mine, context);
        }
        assert.deepEqual(analysisSummary(this.services.Warrant), analysisSummary(fresh.Warrant), `${context}: the workspace analysis`);
        assert.deepEqual(indexSummary(this.services.shared), indexSummary(fresh.shared), `${context}: the index`);
    }

    private assertCurrentTargets(document: LangiumDocument, context: string): void {
        const documents = this.services.shared.workspace.LangiumDocuments;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            for (const { reference } of AstUtils.streamReferences(node)) {
                if (!('ref' in reference) || !reference.ref) {
                    continue;
                }
                const target = reference.ref;
                const description = reference.$nodeDescription;
                const current = description && documents.getDocument(description.documentUri)?.parseResult.value;
                assert.ok(current && AstUtils.findRootNode(target) === current,
                    `${context}: \`${reference.$refText}\` in ${this.fileOf(document.uri.toString())} points into an old syntax tree`);
            }
        }
    }

    private documents(): LangiumDocument[] {
        return this.services.shared.workspace.LangiumDocuments.all.toArray();
    }

    private uri(file: string): URI {
        return URI.file(`${this.dir}/${file}`);
    }

    private fileOf(uri: string): string {
        return URI.parse(uri).fsPath.slice(this.dir.length + 1);
    }
}

function normalised(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(diagnostic => JSON.stringify(diagnostic)).sort();
}

/** Every node of the argument graph with its status, trace and place, and every edge. */
function analysisSummary(services: WarrantServices): string[] {
    const analysis = services.warrant.Analysis.get();
    // An element of a syntax tree its document has replaced would still say where it was.
    const place = (node: AstNode | undefined) => node
        ? `${AstUtils.getDocument(node).uri.toString()}@${node.$cstNode?.offset}${AstUtils.getDocument(node).parseResult.value === AstUtils.findRootNode(node) ? '' : ' (old tree)'}`
        : '';
    const nodes = analysis.graph.nodes.map(node =>
        `${node.id} ${node.kind} ${analysis.status(node)} [${analysis.trace(node).map(step => step.id).join(' ')}] ${place(node.element)}`);
    const edges = analysis.graph.edges.map(edge => `${analysis.graph.nodes[edge.from]!.id} ${edge.kind} ${analysis.graph.nodes[edge.to]!.id}`);
    return [...nodes, ...edges].sort();
}

/** Every token with its place, and every value of the syntax tree (an edit applied in place must leave what a parse gives). */
export function syntaxSummary(document: LangiumDocument): string[] {
    const root = document.parseResult.value;
    const tokens = root.$cstNode ? CstUtils.flattenCst(root.$cstNode).map(leaf => `${leaf.offset}+${leaf.length} ${JSON.stringify(leaf.range)} ${leaf.text}`).toArray() : [];
    const values = AstUtils.streamAst(root).map(node => `${node.$type} ${JSON.stringify(node.$cstNode?.range)} ${JSON.stringify(Object.fromEntries(Object.entries(node).filter(([key, value]) => !key.startsWith('$') && typeof value !== 'object')))}`).toArray();
    return [...tokens, ...values];
}

/** The index entries of every document, with the places of names and references. */
function indexSummary(shared: Services['shared']): string[] {
    const segment = (s: DocumentSegment | undefined) => s ? `${s.offset}-${s.end}/${s.length} ${JSON.stringify(s.range)}` : '';
    const symbols = shared.workspace.IndexManager.allElements().map(d => `${d.documentUri.toString()} ${d.type} ${d.name} ${segment(d.nameSegment)} ${segment(d.selectionSegment)}`).toArray();
    const references = [...(shared.workspace.IndexManager as unknown as { referenceIndex: Map<string, ReferenceDescription[]> }).referenceIndex.values()]
        .flat().map(r => `${r.sourceUri.toString()} ${r.sourcePath} -> ${r.targetUri.toString()} ${r.targetPath} ${segment(r.segment)}`);
    return [...symbols, ...references].sort();
}
