import { DefaultWorkspaceManager, URI, type LangiumDocument, type LangiumSharedCoreServices, type Stream } from 'langium';
import type { InitializeParams, WorkspaceFolder } from 'vscode-languageserver';
import { isInside } from '../safety/path-containment.js';
import { selectWarrantFiles } from '../config/file-selection.js';

/**
 * In an untrusted workspace the server reads no file from disk: it checks only the documents
 * the editor opens and sends it, and does not index the workspace folders. Trust granted
 * later restarts the server. A client that speaks of trust (`initializationOptions.trusted`)
 * grants it only with the boolean `true`: any other value, `"true"` and `1` included, is a
 * client saying something other than "trusted", and a wrong guess must fail closed. A client
 * that does not send the key (Neovim, Helix: editors without a notion of trust) is trusted,
 * since there the user started the server on their own files, as they would run the CLI.
 */
export class WarrantWorkspaceManager extends DefaultWorkspaceManager {
    /** See the class comment. */
    trusted = true;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        this.trusted = grantsTrust(params.initializationOptions);
    }

    protected override async performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
        return super.performStartup(this.trusted ? folders : []);
    }

    /**
     * The same files `warrant check` takes from the folder: its config's include/exclude and
     * .gitignore apply (read from disk, so not at all in an untrusted workspace).
     */
    protected override async traverseFolder(folder: URI, uris: URI[]): Promise<void> {
        if (!this.trusted) {
            return;
        }
        if (folder.scheme !== 'file') {
            // A virtual workspace: Langium's walk, through the client's file system (the config's include/exclude is not applied).
            return super.traverseFolder(folder, uris);
        }
        const root = (this.folders ?? []).map(f => URI.parse(f.uri).fsPath).find(f => isInside(folder.fsPath, f));
        uris.push(...(await selectWarrantFiles(folder.fsPath, root)).map(file => URI.file(file)));
    }

    /**
     * Langium loads the folder's files with one `Promise.all`: a single file that failed to load
     * rejected the whole start-up, and the server then never published diagnostics again. Each
     * file is loaded on its own here; one that fails is logged and left out.
     */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(uris.map(async uri => {
            try {
                collector(await this.langiumDocuments.getOrCreateDocument(uri));
            } catch (error) {
                console.warn(`warrant: ${uri.fsPath} could not be loaded and is left out: ${(error as Error)?.message ?? error}`);
            }
        }));
    }
}

/** Absent options or no `trusted` key: trusted; otherwise only `trusted: true` (see the class comment). */
function grantsTrust(initializationOptions: unknown): boolean {
    if (typeof initializationOptions !== 'object' || initializationOptions === null || !('trusted' in initializationOptions)) {
        return true;
    }
    return (initializationOptions as { trusted: unknown }).trusted === true;
}
