import { DefaultWorkspaceManager, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { InitializeParams, WorkspaceFolder } from 'vscode-languageserver';

/**
 * In an untrusted workspace (the client says so in `initializationOptions.trusted`), the
 * server reads no file from disk: it checks only the documents the editor opens and sends
 * it, and does not index the workspace folders. Trust granted later restarts the server.
 */
export class WarrantWorkspaceManager extends DefaultWorkspaceManager {
    /** False only when the client said the workspace is untrusted. */
    trusted = true;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        const options = params.initializationOptions as { trusted?: unknown } | undefined;
        this.trusted = options?.trusted !== false;
    }

    protected override async performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
        return super.performStartup(this.trusted ? folders : []);
    }
}
