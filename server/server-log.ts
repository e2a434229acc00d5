import { DocumentState } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { isClaim, isDocument } from '../language/generated/ast.js';
import { showHiddenCharacters } from '../language/safety/characters.js';
import type { WarrantServices } from '../language/warrant-module.js';

/**
 * What the "Warrant" output channel (any client's server log) shows: the start, the indexed
 * workspace, configuration problems and files not read, each once when it appears, never per
 * keystroke.
 */
export function logServerActivity(connection: Connection, services: WarrantServices, version: string, runtime: string): void {
    const shared = services.shared;
    const log = connection.console;
    shared.lsp.LanguageServer.onInitialize(params => {
        const folders = (params.workspaceFolders ?? []).map(folder => showHiddenCharacters(folder.uri));
        log.info(`Warrant language server ${version} started (${runtime}); workspace folders: ${folders.join(', ') || 'none'}.`);
        if (!shared.workspace.WorkspaceManager.trusted) {
            log.info('The workspace is not trusted: only the open documents are checked, and no file is read from disk.');
        }
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        const started = Date.now();
        shared.workspace.WorkspaceManager.ready.then(() => {
            const documents = shared.workspace.LangiumDocuments.all.toArray();
            const claims = documents.reduce((sum, document) => {
                const root = document.parseResult.value;
                return sum + (isDocument(root) ? root.elements.filter(isClaim).length : 0);
            }, 0);
            log.info(`Indexed ${documents.length} files, .warrant and Markdown (${claims} claims) in ${Date.now() - started} ms.`);
        }, () => undefined);
    });
    let loggedConfig = '';
    let loggedSkips = new Map<string, string>();
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        const files = services.warrant.Files;
        const config = files.configProblems.join('\n');
        if (config !== loggedConfig && config !== '') {
            files.configProblems.forEach(problem => log.warn(`warrant.config.json: ${showHiddenCharacters(problem)}`));
        }
        loggedConfig = config;
        for (const [file, why] of files.skipped) {
            if (loggedSkips.get(file) !== why) {
                log.info(`Not read: ${showHiddenCharacters(why)}.`);
            }
        }
        loggedSkips = new Map(files.skipped);
    });
}
