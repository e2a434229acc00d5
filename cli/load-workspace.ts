import { promises as fs } from 'node:fs';
import path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createWarrantServices, type WarrantServices } from '../language/warrant-module.js';
import { MAX_EXTERNAL_FILE_BYTES } from '../language/workspace/workspace-files.js';
import { isInside } from '../language/safety/path-containment.js';
import { isWorkspaceFile, selectWarrantFiles } from '../language/config/file-selection.js';
import { UsageError } from './args.js';

export interface LoadedWorkspace {
    services: WarrantServices;
    documents: LangiumDocument[];
    /** Display path of each document (relative to the current folder when inside it). */
    displayPath(document: LangiumDocument): string;
}

export interface LoadOptions {
    /** `--root DIR`: one boundary for every argument instead of each argument's own. */
    root?: string;
    /** The command named in usage errors. */
    command?: 'check' | 'export';
    /**
     * Also index which references point where, as the language server does, for the editor's
     * find-references and rename (tests of those use this loader); the CLI never reads it.
     */
    referenceIndex?: boolean;
}

/**
 * Builds the given .warrant files and folders with the same language services the editor
 * uses, validation included. Unreadable paths are usage errors (exit code 2).
 *
 * The boundary for the files they name (bibliographies, transcripts, `warrant.config.json`) is
 * each argument itself: a folder, or a file's own folder — never the current folder, so checking
 * `Downloads/x` from a home folder cannot read `../../.ssh/id_rsa`. Where arguments nest, a file
 * is bounded by the innermost. `options.root` (`--root DIR`) widens the boundary to one folder that must
 * contain every argument.
 */
export async function loadWorkspace(paths: string[], cwd = process.cwd(), options: LoadOptions = {}): Promise<LoadedWorkspace> {
    const { root, command = 'check', referenceIndex = false } = options;
    const targets = (paths.length > 0 ? paths : ['.']).map(p => path.resolve(cwd, p));
    const shown = (target: string) => (isInside(target, cwd) ? path.relative(cwd, target) || '.' : target);
    const rootFolder = root === undefined ? undefined : await explicitRoot(path.resolve(cwd, root), shown);
    const files = new Set<string>();
    const roots = new Set<string>();
    for (const target of targets) {
        let stat;
        try {
            stat = await fs.stat(target);
        } catch {
            throw new UsageError(`cannot read ${shown(target)}: no such file or folder`);
        }
        if (rootFolder !== undefined && !isInside(target, rootFolder)) {
            throw new UsageError(`${shown(target)} is outside --root ${shown(rootFolder)}`);
        }
        if (stat.isDirectory()) {
            const boundary = rootFolder ?? target;
            roots.add(boundary);
            for (const file of await selectWarrantFiles(target, boundary)) {
                files.add(file);
            }
        } else if (stat.isFile()) {
            if (!isWorkspaceFile(path.basename(target))) {
                throw new UsageError(`${shown(target)} is not a .warrant or Markdown file; ${command} takes .warrant, .md and .qmd files and folders`);
            }
            roots.add(rootFolder ?? path.dirname(target));
            files.add(target);
        } else {
            throw new UsageError(`cannot read ${shown(target)}: not a file or folder`);
        }
    }
    const { shared, Warrant } = createWarrantServices({ ...NodeFileSystem, referenceIndex });
    Warrant.warrant.Files.setRoots([...roots]);
    const documents: LangiumDocument[] = [];
    for (const file of [...files].sort()) {
        let text: string;
        try {
            // Robustness: a file far over the parser's 4 M-character cap is unreadable input (exit 2),
            // not something to load into memory; like the language server, a leading BOM is not
            // part of the text (editors do not count it in columns).
            const size = (await fs.stat(file)).size;
            if (size > MAX_EXTERNAL_FILE_BYTES) {
                throw new Error(`${(size / (1024 * 1024)).toFixed(0)} MB is over the ${MAX_EXTERNAL_FILE_BYTES / (1024 * 1024)} MB limit`);
            }
            text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
        } catch (error) {
            throw new UsageError(`cannot read ${shown(file)}: ${(error as Error).message}`);
        }
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return {
        services: Warrant,
        documents,
        displayPath: document => shown(document.uri.fsPath)
    };
}

async function explicitRoot(folder: string, shown: (target: string) => string): Promise<string> {
    const stat = await fs.stat(folder).catch(() => undefined);
    if (!stat?.isDirectory()) {
        throw new UsageError(`--root ${shown(folder)} is not a folder`);
    }
    return folder;
}
