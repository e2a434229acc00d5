import { DefaultLangiumDocumentFactory, isOperationCancelled, type AstNode, type LangiumDocument, type Mutable, type ParseResult, type ParserOptions, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeFileProblem } from '../analysis/external-files.js';
import { isManuscriptUri, parserText } from '../manuscript/manuscript.js';
import { CheckingCodes } from '../analysis/issue-codes.js';
import { asCheckingNotice, failureReason } from '../parser/checking-notices.js';
import type { WarrantSharedServices } from '../warrant-module.js';
import { readContainedText } from './safe-read.js';
import { isWarrantServices } from './warrant-services.js';
import { MAX_EXTERNAL_FILE_BYTES } from './workspace-files.js';

/**
 * Langium reads a `.warrant` file from disk when it indexes the workspace folders, and when a
 * file watcher reports one created or changed that the editor does not have open. Its plain
 * `readFile` throws on a file over 2 GiB (which made the whole workspace start-up fail, so no
 * diagnostics were ever published again), blocks forever on a FIFO and follows symbolic links
 * anywhere. This factory reads those files like every other file the language reads (see
 * safe-read.ts): contained in the workspace folder, regular files only, at most 50 MB
 * (anything above the parser's 4 M-character cap is refused by it anyway), never throwing. A
 * file that cannot be read counts as empty and the reason is logged; in an untrusted
 * workspace nothing is read at all (only the documents the editor sends count).
 */
export class WarrantDocumentFactory extends DefaultLangiumDocumentFactory {
    constructor(private readonly shared: WarrantSharedServices) {
        super(shared);
    }

    protected override getInitialText(uri: URI, cancellationToken: CancellationToken): Promise<string> {
        return uri.scheme === 'file' ? this.readGuarded(uri) : super.getInitialText(uri, cancellationToken);
    }

    protected override getUpdatedText<T extends AstNode>(document: Mutable<LangiumDocument<T>>, textDocument: TextDocument | undefined, cancellationToken: CancellationToken): Promise<string> {
        if (textDocument || document.uri.scheme !== 'file') {
            return super.getUpdatedText(document, textDocument, cancellationToken);
        }
        return this.readGuarded(document.uri);
    }

    /**
     * The one place a Markdown manuscript's text is masked: the parser reads only its `warrant`
     * fences, at their own offsets (see manuscript/fences.ts), while the document keeps the
     * whole text for the editor and the prose checks.
     */
    private parserInput(uri: URI, text: string): string {
        return isManuscriptUri(uri) ? parserText(text) : text;
    }

    /**
     * A file the parser fails on (a bug, or input no one foresaw) is checked as an empty file
     * with an `internal-error` saying so, instead of aborting the whole workspace build: the
     * other files are still checked, and the editor keeps answering.
     */
    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        try {
            return super.parse(uri, this.parserInput(uri, text), options);
        } catch (error) {
            return this.unparsable(uri, error);
        }
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        try {
            return await super.parseAsync(uri, this.parserInput(uri, text), cancellationToken);
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            return this.unparsable(uri, error);
        }
    }

    private unparsable<T extends AstNode>(uri: URI, error: unknown): ParseResult<T> {
        console.error(`warrant: parsing ${uri.toString()} failed:`, error);
        const result = super.parse<T>(uri, '');
        result.lexerErrors.push(asCheckingNotice({ offset: 0, length: 0, line: 1, column: 1, message: '' }, CheckingCodes.InternalError,
            `Warrant could not read this file (${failureReason(error)}); nothing in it is checked. Please report this, with the file if you can.`));
        return result;
    }

    private async readGuarded(uri: URI): Promise<string> {
        if (!this.shared.workspace.WorkspaceManager.trusted) {
            return '';
        }
        const file = uri.fsPath;
        const services = this.serviceRegistry.hasServices(uri) ? this.serviceRegistry.getServices(uri) : undefined;
        const root = (services && isWarrantServices(services) ? services.warrant.Files.rootFor(file) : undefined) ?? file;
        const read = await readContainedText(file, file, root, MAX_EXTERNAL_FILE_BYTES);
        if (read.ok) {
            return read.text;
        }
        console.warn(`warrant: ${describeFileProblem(read.problem, file)}; it is checked as an empty file.`);
        return '';
    }
}
