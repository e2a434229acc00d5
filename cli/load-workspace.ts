import { promises as fs } from 'node:fs';
import path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createWarrantServices, type WarrantServices } from '../language/warrant-module.js';
import { MAX_EXTERNAL_FILE_BYTES } from '../language/workspace/workspace-files.js';
import { UsageError } from './args.js';

/** Folders never searched for .warrant files. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', '.vscode-test']);

export interface LoadedWorkspace {
    services: WarrantServices;
    documents: LangiumDocument[];
    /** Display path of each document (relative to the current folder when inside it). */
    displayPath(document: LangiumDocument): string;
}

/**
 * Builds the given .warrant files and folders with the same language services the editor
 * uses, validation included. Unreadable paths are usage errors (exit code 2).
 */
export async function loadWorkspace(paths: string[], cwd = process.cwd()): Promise<LoadedWorkspace> {
    const targets = (paths.length > 0 ? paths : ['.']).map(p => path.resolve(cwd, p));
    const files = new Set<string>();
    const roots = new Set<string>();
    for (const target of targets) {
        let stat;
        try {
            stat = await fs.stat(target);
        } catch {
            throw new UsageError(`cannot read ${path.relative(cwd, target) || target}: no such file or folder`);
        }
        if (stat.isDirectory()) {
            roots.add(isInside(target, cwd) ? cwd : target);
            for (const file of await findWarrantFiles(target)) {
                files.add(file);
            }
        } else if (stat.isFile()) {
            roots.add(isInside(target, cwd) ? cwd : path.dirname(target));
            files.add(target);
        } else {
            throw new UsageError(`cannot read ${target}: not a file or folder`);
        }
    }
    const { shared, Warrant } = createWarrantServices(NodeFileSystem);
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
            throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
        }
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return {
        services: Warrant,
        documents,
        displayPath: document => {
            const file = document.uri.fsPath;
            return isInside(file, cwd) ? path.relative(cwd, file) : file;
        }
    };
}

async function findWarrantFiles(folder: string): Promise<string[]> {
    const found: string[] = [];
    const pending = [folder];
    while (pending.length > 0) {
        const current = pending.pop()!;
        let entries;
        try {
            entries = await fs.readdir(current, { withFileTypes: true });
        } catch {
            continue;
        }
        for (const entry of entries) {
            if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) {
                pending.push(path.join(current, entry.name));
            } else if (entry.isFile() && entry.name.endsWith('.warrant')) {
                found.push(path.join(current, entry.name));
            }
        }
    }
    return found;
}

function isInside(file: string, folder: string): boolean {
    return file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}
