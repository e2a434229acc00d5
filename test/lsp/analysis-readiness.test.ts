// Editor features wait for the analysis through the event the builder raises itself: "ready"
// once the build has linked everything and read the external files, "superseded" as soon as
// a newer edit cancels that build. Both paths are driven through the workspace lock, as the
// language server drives them.
import assert from 'node:assert/strict';
import { DocumentState, EmptyFileSystem, isOperationCancelled, URI, type LangiumDocument } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver';
import type { WorkspaceAnalysis } from '../../language/analysis/analysis.js';
import { createWarrantServices } from '../../language/warrant-module.js';

const TEXT = 'annex A { datum d observation of R1 emergent "seen" }\nclaim c "A claim" supported by d\n';

function workspace() {
    const services = createWarrantServices(EmptyFileSystem);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(TEXT, URI.parse('file:///readiness/a.warrant'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    return { ...services, document };
}

/** Runs `during` once, while the next build is between scoping and linking (before the analysis is ready). */
function onceMidBuild(services: ReturnType<typeof workspace>, during: () => void): void {
    const listener = services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.ComputedScopes, () => {
        listener.dispose();
        during();
    });
}

function buildThroughLock(services: ReturnType<typeof workspace>, documents: LangiumDocument[]): Promise<void> {
    return services.shared.workspace.WorkspaceLock.write(token => services.shared.workspace.DocumentBuilder.build(documents, { validation: true }, token));
}

describe('waiting for the analysis (builder events)', () => {
    it('a request made mid-build is answered once the references phase has passed, with that build\'s analysis', async () => {
        const services = workspace();
        const order: string[] = [];
        let pending: Promise<WorkspaceAnalysis | undefined> | undefined;
        onceMidBuild(services, () => {
            pending = services.Warrant.warrant.LspSupport.analysis();
            void pending.then(() => order.push('answered'));
        });
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedReferences, () => {
            order.push('references indexed');
        });
        await buildThroughLock(services, [services.document]);
        const analysis = await pending;
        assert.deepEqual(order, ['references indexed', 'answered']);
        assert.ok(analysis, 'the analysis of the finished build');
        assert.ok(analysis.graph.byId.has('c'), 'the claim is in it');
    });

    it('a request waiting on a build that a newer edit cancels is answered without the analysis, not at the next build', async () => {
        const services = workspace();
        let pending: Promise<WorkspaceAnalysis | undefined> | undefined;
        let settled = false;
        let answeredBeforeNextBuild = false;
        onceMidBuild(services, () => {
            pending = services.Warrant.warrant.LspSupport.analysis();
            // The newer edit: the lock cancels the running build before queuing this one.
            void services.shared.workspace.WorkspaceLock.write(token => {
                answeredBeforeNextBuild = settled;
                return services.shared.workspace.DocumentBuilder.update([], [], token);
            });
            void pending.then(() => { settled = true; });
        });
        await buildThroughLock(services, [services.document]);
        assert.equal(await pending, undefined);
        // The lock starts the next write only after the cancelled one has wound down.
        await services.shared.workspace.WorkspaceLock.read(() => undefined);
        assert.ok(answeredBeforeNextBuild, 'answered as soon as the build was superseded');
        assert.ok(await services.Warrant.warrant.LspSupport.analysis(), 'the newer build delivers the analysis');
    });

    it('a request cancelled while it waits is rejected as cancelled', async () => {
        const services = workspace();
        const request = new CancellationTokenSource();
        let rejection: Promise<void> | undefined;
        onceMidBuild(services, () => {
            rejection = assert.rejects(services.Warrant.warrant.LspSupport.analysis(request.token), (error: unknown) => isOperationCancelled(error));
            request.cancel();
        });
        await buildThroughLock(services, [services.document]);
        await rejection;
    });
});
