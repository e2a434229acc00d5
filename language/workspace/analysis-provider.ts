import { isOperationCancelled, OperationCancelled, URI, type LangiumDocument } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { analysisStages, type AnalysisInput, type WorkspaceAnalysis } from '../analysis/analysis.js';
import { finishStages, type Stages } from '../analysis/stages.js';
import { carryOver } from '../analysis/carry-over.js';
import type { ManuscriptInput } from '../analysis/rules/manuscript-rules.js';
import { isDocument, type Document } from '../generated/ast.js';
import { manuscriptOf } from '../manuscript/manuscript-documents.js';
import type { WarrantSharedServices } from '../warrant-module.js';
import type { WorkspaceFiles } from './workspace-files.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/**
 * Hands out the workspace analysis, computing it at most once per build: every validator,
 * hover, code lens and graph request of that build shares one result.
 */
export class WorkspaceAnalysisProvider {
    private cached?: Analysed;
    /** The analysis `prepare` is computing, which `get` finishes at once if asked meanwhile. */
    private running?: Running;

    constructor(private readonly shared: WarrantSharedServices, private readonly files: WorkspaceFiles) {}

    get(): WorkspaceAnalysis {
        const key = this.key();
        if (this.cached?.key !== key) {
            const running = this.running?.key === key ? this.running : this.begin(key);
            this.running = undefined;
            this.cached = analysed(running, finishStages(running.stages));
        }
        return this.cached.analysis;
    }

    /**
     * Computes the build's analysis before validation asks for it, handing the event loop back
     * between stages: on a large workspace the whole analysis would hold the server for longer
     * than a request should wait.
     */
    async prepare(cancelToken: CancellationToken): Promise<void> {
        const key = this.key();
        if (this.cached?.key === key) {
            return;
        }
        try {
            const running = this.begin(key);
            this.running = running;
            for (let step = running.stages.next(); ; step = running.stages.next()) {
                if (step.done) {
                    this.running = undefined;
                    this.cached = analysed(running, step.value);
                    return;
                }
                await yieldToEventLoop();
                if (this.running !== running) {
                    return; // `get` finished it, or a newer build started another
                }
                if (cancelToken.isCancellationRequested) {
                    this.running = undefined;
                    throw OperationCancelled;
                }
            }
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            // A failing analysis (a bug, or input no one foresaw) must not abort the build:
            // validation asks again, and the validator reports the error on each document.
            this.running = undefined;
        }
    }

    /**
     * The last build's analysis carried over to this build's syntax trees when no document
     * changed what the analysis reads (see carryOver), or a fresh analysis in stages.
     */
    private begin(key: string): Running {
        const input = this.input();
        const contentVersion = this.files.contentVersion;
        const previous = this.cached;
        let carried: WorkspaceAnalysis | undefined;
        try {
            carried = previous?.contentVersion === contentVersion ? carryOver(previous.analysis, previous.documents, input) : undefined;
        } catch (error) {
            // The previous analysis may be half moved: analysed afresh instead.
            console.error('warrant: carrying the analysis over failed; analysing the workspace afresh:', error);
            this.cached = undefined;
        }
        return { key, documents: input.documents, contentVersion, stages: carried ? alreadyDone(carried) : analysisStages(input) };
    }

    /** A build, or a refresh of the external files within it, makes the cached result stale. */
    private key(): string {
        return `${this.shared.workspace.DocumentBuilder.buildGeneration}:${this.files.version}`;
    }

    private input(): AnalysisInput {
        const documents = this.documents();
        return {
            documents: documents.map(document => document.parseResult.value as Document),
            bibliography: this.files.bibliography,
            files: this.files.external,
            manuscripts: documents.flatMap((document): ManuscriptInput[] => {
                const manuscript = manuscriptOf(document);
                return manuscript ? [{ root: document.parseResult.value as Document, manuscript }] : [];
            })
        };
    }

    private documents(): LangiumDocument[] {
        return this.shared.workspace.LangiumDocuments.all
            .filter(document => isDocument(document.parseResult.value))
            .toArray()
            .sort((a, b) => compareUris(a, b));
    }
}

interface Running {
    key: string;
    documents: Document[];
    /** The external files' contents the analysis read (see WorkspaceFiles.contentVersion). */
    contentVersion: number;
    stages: Stages<WorkspaceAnalysis>;
}

type Analysed = Omit<Running, 'stages'> & { analysis: WorkspaceAnalysis };

function analysed({ key, documents, contentVersion }: Running, analysis: WorkspaceAnalysis): Analysed {
    return { key, documents, contentVersion, analysis };
}

// eslint-disable-next-line require-yield -- stages with nothing left to do
function* alreadyDone(analysis: WorkspaceAnalysis): Stages<WorkspaceAnalysis> {
    return analysis;
}

function compareUris(a: LangiumDocument, b: LangiumDocument): number {
    const left = a.uri.toString();
    const right = b.uri.toString();
    return left < right ? -1 : left > right ? 1 : 0;
}

export function documentUri(root: Document): URI | undefined {
    return root.$document?.uri;
}
