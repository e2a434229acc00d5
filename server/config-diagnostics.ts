import { DocumentState, URI } from 'langium';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { WarrantServices } from '../language/warrant-module.js';

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The problems of `warrant.config.json` as diagnostics on that file, so a bad config is not
 * silently ignored in the editor: published after each validated build when they changed,
 * and cleared once the file is fixed, deleted or no longer read (an untrusted workspace).
 */
export function publishConfigDiagnostics(connection: Connection, services: WarrantServices): void {
    let publishedUri: string | undefined;
    let published = '';
    services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        const file = services.warrant.Files.configFile;
        const uri = file && file.problems.length > 0 ? URI.file(file.path).toString() : undefined;
        const diagnostics: Diagnostic[] = (uri ? file!.problems : []).map(problem => ({
            range: problem.range ?? FILE_START,
            severity: DiagnosticSeverity.Warning,
            source: 'warrant',
            message: problem.message
        }));
        const key = JSON.stringify([uri, diagnostics]);
        if (key === published) {
            return;
        }
        if (publishedUri !== undefined && publishedUri !== uri) {
            void connection.sendDiagnostics({ uri: publishedUri, diagnostics: [] });
        }
        if (uri !== undefined) {
            void connection.sendDiagnostics({ uri, diagnostics });
        }
        publishedUri = uri;
        published = key;
    });
}
