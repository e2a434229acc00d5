import { Disposable, DocumentState, Emitter, OperationCancelled, type Event } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

/**
 * What the builder tells requests waiting for the analysis: build `build` has linked every
 * document and read the external files (`ready`), or it was cancelled before that because a
 * newer edit replaces it (`superseded`).
 */
export interface AnalysisReadiness {
    build: number;
    outcome: 'ready' | 'superseded';
}

/**
 * The builder's own account of how far the current build has come, kept by the builder
 * (WarrantDocumentBuilder) rather than read from Langium's internals, and the event it
 * raises when the analysis of a build can be computed or never will be.
 */
export class BuildProgress {
    private build = 0;
    private state = DocumentState.Changed;
    private token: CancellationToken = CancellationToken.None;
    private readonly emitter = new Emitter<AnalysisReadiness>();

    readonly onAnalysisReadiness: Event<AnalysisReadiness> = this.emitter.event;

    /**
     * A build (or update) begins: nothing of it is linked yet. Cancelling its token means a
     * newer edit was queued (the workspace lock cancels the running write before queuing the
     * next one), so waiters learn at once that this build will not deliver.
     */
    started(cancelToken: CancellationToken): Disposable {
        this.build++;
        this.state = DocumentState.Changed;
        this.token = cancelToken;
        const build = this.build;
        if (cancelToken.isCancellationRequested) {
            // Already superseded (waiters see the token); subscribing to a cancelled token of
            // Langium's would schedule on a runtime layer the bundled server does not install.
            return Disposable.create(() => undefined);
        }
        return cancelToken.onCancellationRequested(() => {
            if (build === this.build && !this.analysisReady) {
                this.emitter.fire({ build, outcome: 'superseded' });
            }
        });
    }

    /** The builder has passed `state` for the whole workspace (after every listener of that phase). */
    reached(state: DocumentState): void {
        const wasReady = this.analysisReady;
        this.state = state;
        if (!wasReady && this.analysisReady) {
            this.emitter.fire({ build: this.build, outcome: 'ready' });
        }
    }

    /** Whether the workspace has passed `state` in the current build. */
    hasReached(state: DocumentState): boolean {
        return this.state >= state;
    }

    /** Linked and with the bibliographies and transcripts read (their refresh listens to IndexedReferences). */
    private get analysisReady(): boolean {
        return this.hasReached(DocumentState.IndexedReferences);
    }

    /**
     * Resolves to `ready` once the current build's analysis can be computed, at once if it
     * already can; to `superseded` when that build is (or gets) cancelled first. Rejects with
     * OperationCancelled when the request itself is cancelled.
     */
    whenAnalysisReady(cancelToken: CancellationToken = CancellationToken.None): Promise<'ready' | 'superseded'> {
        if (this.analysisReady) {
            return Promise.resolve('ready');
        }
        if (this.token.isCancellationRequested) {
            return Promise.resolve('superseded');
        }
        if (cancelToken.isCancellationRequested) {
            return Promise.reject(OperationCancelled);
        }
        return new Promise((resolve, reject) => {
            const settle = (action: () => void) => {
                readiness.dispose();
                cancellation.dispose();
                action();
            };
            // A build that failed raises nothing; the next build's outcome then answers.
            const readiness = this.onAnalysisReadiness(event => settle(() => resolve(event.outcome)));
            const cancellation = cancelToken.onCancellationRequested(() => settle(() => reject(OperationCancelled)));
        });
    }
}
