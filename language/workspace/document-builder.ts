import { DefaultDocumentBuilder, DocumentState, isOperationCancelled, OperationCancelled, type AstNode, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, type MaybePromise, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { BuildProgress } from './build-progress.js';
import { DependentRelinking } from './dependent-relinking.js';
import { isWarrantServices } from './warrant-services.js';
import { applyFreeTextEdit, findFreeTextEdit } from '../parser/free-text-edit.js';
import { isManuscriptUri } from '../manuscript/manuscript.js';
import { WarrantIndexManager } from './index-manager.js';
import { PositionShifter } from './shift-positions.js';

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

    /** How far the current build has come; raises "analysis ready" / "superseded" (see BuildProgress). */
    readonly progress = new BuildProgress();

    override async build<T extends AstNode>(documents: Array<LangiumDocument<T>>, options?: BuildOptions, cancelToken = CancellationToken.None): Promise<void> {
        const tracking = this.progress.started(cancelToken);
        try {
            await super.build(documents, options, cancelToken);
        } finally {
            tracking.dispose();
        }
    }

    /**
     * A changed bibliography, transcript or `warrant.config.json` is no document of ours, so
     * Langium would rebuild nothing: forget the cached file and revalidate every document
     * (from the references phase on, which re-reads the external files; no re-parsing).
     */
    override async update(changed: URI[], deleted: URI[], cancelToken = CancellationToken.None): Promise<void> {
        const tracking = this.progress.started(cancelToken);
        const external = [...changed, ...deleted].filter(uri => !uri.path.endsWith('.warrant'));
        if (external.length > 0) {
            // Not revalidateAll() here: resetting every document to Linked drops its entries in
            // the reference index before Langium decides which documents to relink, so after a
            // folder was deleted (its URI is no `.warrant`) or a batch that changed a .bib and a
            // .warrant together, documents kept links into the removed or replaced documents.
            // The caches are forgotten now; the states are reset once Langium has decided (onUpdate).
            this.forgetFiles(external);
            this.externalChange = true;
        }
        // A deleted document's names are gone: its dependents are relinked at once, Langium's way.
        this.relinking.deferring = deleted.length === 0;
        this.editInPlace(changed);
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.editedInPlace.clear();
            tracking.dispose();
        }
    }

    /** Documents whose edit was applied to their syntax tree in place during the current update (see editInPlace). */
    private readonly editedInPlace = new Set<string>();

    /**
     * An edit inside a claim's text (see findFreeTextEdit) is applied to the syntax tree in
     * place: the document keeps its links and index entries (their positions moved) and is only
     * validated again; what references it is left alone. Everything else is parsed again.
     */
    private editInPlace(changed: URI[]): void {
        for (const uri of changed) {
            const document = this.langiumDocuments.getDocument(uri);
            const services = this.serviceRegistry.hasServices(uri) ? this.serviceRegistry.getServices(uri) : undefined;
            const textDocument = this.textDocuments?.get(uri.toString());
            if (!document || document.state < DocumentState.IndexedReferences || !textDocument || !services || !isWarrantServices(services)
                || isManuscriptUri(uri) || !(this.indexManager instanceof WarrantIndexManager)) {
                continue;
            }
            const edit = findFreeTextEdit(document, textDocument.getText());
            if (!edit) {
                continue;
            }
            // Positions are moved from what they were: before the syntax tree changes.
            const shifter = new PositionShifter(edit.shift);
            this.indexManager.shiftPositions(uri, shifter);
            for (const reference of document.references) {
                const description = '$nodeDescription' in reference ? reference.$nodeDescription : undefined;
                if (description && description.documentUri.toString() === uri.toString()) {
                    shifter.description(description);
                }
            }
            applyFreeTextEdit(edit, services.parser.ValueConverter);
            Object.defineProperty(document, 'textDocument', { value: textDocument });
            this.editedInPlace.add(uri.toString());
        }
    }

    private externalChange = false;

    /** Which dependents of a changed document must be relinked, decided once it is parsed again. */
    private readonly relinking: DependentRelinking;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.relinking = new DependentRelinking(this.langiumDocuments, this.indexManager, this.serviceRegistry);
        this.onUpdate(() => {
            if (this.externalChange) {
                this.externalChange = false;
                this.resetAllTo(DocumentState.Linked);
            }
        });
    }

    /**
     * Langium relinks a document when its reference index points into a changed or deleted
     * document. A document whose build was cancelled after linking but before its references
     * were indexed has no index entries, so it kept links into a document deleted meanwhile
     * (typing in one file, then closing or deleting another: the claims resting on the removed
     * names stayed "resolved" without any unknown-reference). Such a document is relinked too,
     * and so is one whose build stopped before it was linked: a build cancelled half-way through
     * linking it, or a reference read meanwhile, resolves some references, which the next
     * linking keeps as they are (30 rapid edits left a claim resting on the datum of version
     * 28 of the file typed in, while the file said version 30).
     * Any other document Langium would relink waits until the changed documents are parsed
     * again (see DependentRelinking).
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (document.state < DocumentState.IndexedReferences) {
            return true;
        }
        // A document edited in place declares what it did, at the same syntax nodes.
        const changedNodes = this.editedInPlace.size === 0 ? changedUris : new Set([...changedUris].filter(uri => !this.editedInPlace.has(uri)));
        if (!super.shouldRelink(document, changedNodes)) {
            return false;
        }
        if (!this.relinking.deferring) {
            return true;
        }
        this.relinking.defer(document);
        return false;
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        if (this.editedInPlace.has(document.uri.toString())) {
            // Its links and index entries hold (see editInPlace): only its validation is redone.
            state = Math.max(state, DocumentState.IndexedReferences);
        } else if (state <= DocumentState.Parsed) {
            this.relinking.beforeReparse(document);
        }
        super.resetToState(document, state);
    }

    /** Requests waiting for the workspace to reach a state (see awaitBuilderState). */
    private readonly stateWaiters = new Set<{ state: DocumentState; release: () => void }>();

    /**
     * Langium's wait for a workspace state (document highlight and find references wait for
     * IndexedReferences) listens for that phase's notification; but the notification runs over
     * a copy of the listeners taken before the first one runs, and the first one here reads
     * the bibliographies and transcripts (asynchronous file I/O). A request arriving meanwhile
     * registered too late for this round and then waited, sleeping, until the next edit: the
     * stdio fuzzer saw highlights go unanswered for good. Waiters are released instead once the
     * builder has passed their state (runCancelable).
     */
    protected override awaitBuilderState(state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        if (this.progress.hasReached(state)) {
            return Promise.resolve();
        }
        if (cancelToken.isCancellationRequested) {
            return Promise.reject(OperationCancelled);
        }
        return new Promise((resolve, reject) => {
            const waiter = {
                state,
                release: () => {
                    this.stateWaiters.delete(waiter);
                    cancellation.dispose();
                    resolve();
                }
            };
            const cancellation = cancelToken.onCancellationRequested(() => {
                this.stateWaiters.delete(waiter);
                cancellation.dispose();
                reject(OperationCancelled);
            });
            this.stateWaiters.add(waiter);
        });
    }

    /** Per document, what failed in which phase of its builds (cleared when that phase next succeeds). */
    private readonly failures = new WeakMap<LangiumDocument, Map<DocumentState, unknown>>();

    /** The errors that interrupted a phase of this document's build; the validator reports them on it. */
    failuresOf(document: LangiumDocument): unknown[] {
        return [...this.failures.get(document)?.values() ?? []];
    }

    /**
     * A phase that fails for one document (a bug, or input no one foresaw) no longer aborts the
     * build of the workspace: the error is kept for that document, which goes on with what it
     * has, and every other document is built, checked and published as usual.
     */
    protected override async runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: CancellationToken, callback: (document: LangiumDocument) => MaybePromise<unknown>): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, async document => {
            try {
                await callback(document);
                this.failures.get(document)?.delete(targetState);
            } catch (error) {
                if (isOperationCancelled(error)) {
                    throw error;
                }
                console.error(`warrant: building ${document.uri.toString()} failed:`, error);
                const failed = this.failures.get(document) ?? new Map<DocumentState, unknown>();
                failed.set(targetState, error);
                this.failures.set(document, failed);
            }
        });
        this.progress.reached(targetState);
        for (const waiter of [...this.stateWaiters]) {
            if (this.progress.hasReached(waiter.state)) {
                waiter.release();
            }
        }
    }

    /** Marks every document for revalidation; the next `update` rebuilds them. */
    revalidateAll(changedFiles: URI[] = []): void {
        this.forgetFiles(changedFiles);
        this.resetAllTo(DocumentState.Linked);
    }

    private forgetFiles(changedFiles: URI[]): void {
        for (const services of this.serviceRegistry.all.filter(isWarrantServices)) {
            if (changedFiles.length === 0) {
                services.warrant.Files.invalidate();
            }
            changedFiles.forEach(uri => services.warrant.Files.invalidate(uri.fsPath));
        }
    }

    /**
     * When dependents wait for the changed documents' new names (see DependentRelinking), parses
     * and indexes the documents first — Langium's first two phases, which its build then skips —
     * and adds the dependents that must be relinked.
     */
    private async withDependentsToRelink(documents: LangiumDocument[], cancelToken: CancellationToken): Promise<LangiumDocument[]> {
        if (!this.relinking.pending) {
            return documents;
        }
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, document => this.langiumDocumentFactory.update(document, cancelToken));
        await this.runCancelable(documents, DocumentState.IndexedContent, cancelToken, document => this.indexManager.updateContent(document, cancelToken));
        const relink = this.relinking.settle();
        relink.forEach(document => this.resetToState(document, DocumentState.ComputedScopes));
        const added = relink.filter(document => !documents.includes(document));
        return added.length > 0 ? this.sortDocuments([...documents, ...added]) : documents;
    }

    private resetAllTo(state: DocumentState): void {
        for (const document of this.langiumDocuments.all) {
            this.resetToState(document, state);
        }
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        this.generation++;
        documents = await this.withDependentsToRelink(documents, cancelToken);
        await super.buildDocuments(documents, options, cancelToken);
        if (!options.validation || documents.length === 0) {
            return;
        }
        const built = new Set(documents.map(document => document.uri.toString()));
        const others = this.langiumDocuments.all.filter(document => !built.has(document.uri.toString())).toArray();
        if (others.length === 0) {
            return;
        }
        const services = this.serviceRegistry.getServices(documents[0].uri);
        if (!isWarrantServices(services)) {
            return;
        }
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
