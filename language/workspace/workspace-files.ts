import { promises as fs } from 'node:fs';
import path from 'node:path';
import { URI, UriUtils, type LangiumDocument } from 'langium';
import { describeFileProblem, type BibliographyFacts, type ExternalFiles, type FileProblem, type TranscriptFacts } from '../analysis/external-files.js';
import type { BibliographyLookup } from '../analysis/citations.js';
import { CONFIG_FILE_NAME, EmptyConfig, parseConfig, type ConfigProblem, type WarrantConfig } from '../config/warrant-config.js';
import { isAnnex, isBibliography, isDocument, type Bibliography, type Document, type Origin } from '../generated/ast.js';
import { BibliographyStore } from '../bibliography/bibliography-store.js';
import { isInside, resolveContained } from '../safety/path-containment.js';
import { readRegularFile } from './safe-read.js';
import { VirtualFiles } from './virtual-files.js';
import type { WarrantSharedServices } from '../warrant-module.js';

/** Transcripts and bibliographies larger than this are reported, not read. */
export const MAX_EXTERNAL_FILE_BYTES = 50 * 1024 * 1024;

interface CachedFile {
    mtimeMs: number;
    size: number;
    text: string;
}

type ReadResult = { ok: true; path: string; text: string } | { ok: false; path: string; problem: FileProblem };
/** A read for the analysis, from disk or through the client: the file's URI (as a string) and text. */
type Loaded = { ok: true; uri: string; path: string; text: string } | { ok: false; problem: FileProblem };

/**
 * Reads the files the .warrant documents point to — bibliographies, transcripts and
 * `warrant.config.json` — before each analysis, with path containment (never outside the
 * workspace folder, symlinks resolved) and a size cap. Unchanged files (same mtime and size)
 * are not re-read, so a keystroke costs one `stat` per referenced file.
 */
export class WorkspaceFiles {
    readonly store = new BibliographyStore();
    config: WarrantConfig = EmptyConfig;
    /** Counts refreshes, so results computed from these files can tell they are outdated. */
    version = 0;
    /** The config file the last refresh read (absolute path), with its problems. */
    configFile: { path: string; problems: ConfigProblem[] } | undefined;
    /** The files the last refresh did not read, by absolute path, with why (the language server logs them). */
    skipped: ReadonlyMap<string, string> = new Map();
    private skipping = new Map<string, string>();
    private explicitRoots: string[] | undefined;
    private readonly cache = new Map<string, CachedFile>();
    private bibliographyFacts = new Map<Bibliography, BibliographyFacts>();
    private transcriptFacts = new Map<Origin, TranscriptFacts>();

    /** The files of workspace folders not on `file:` (a virtual workspace), read through the client. */
    private readonly virtual: VirtualFiles;

    constructor(private readonly shared: WarrantSharedServices) {
        this.virtual = new VirtualFiles(shared.workspace.ClientFiles, () => this.virtualRoots());
    }

    /** The CLI sets its roots; the language server uses the editor's workspace folders. */
    setRoots(roots: string[]): void {
        this.explicitRoots = roots.map(root => path.resolve(root));
    }

    roots(): string[] {
        if (this.explicitRoots) {
            return this.explicitRoots;
        }
        return (this.shared.workspace.WorkspaceManager.workspaceFolders ?? [])
            .map(folder => URI.parse(folder.uri))
            .filter(uri => uri.scheme === 'file')
            .map(uri => uri.fsPath);
    }

    /**
     * The workspace folder holding a file, or undefined outside every folder. A document
     * outside the folders reads no other file: its own folder as the boundary would let a
     * `.warrant` in a home folder read any file below it (`.ssh/id_rsa`, `/` for a document
     * at `file:///evil.warrant`).
     */
    private virtualRoots(): URI[] {
        return this.explicitRoots ? [] : (this.shared.workspace.WorkspaceManager.workspaceFolders ?? [])
            .map(folder => URI.parse(folder.uri))
            .filter(uri => uri.scheme !== 'file');
    }

    rootFor(fsPath: string): string | undefined {
        const inside = this.roots().filter(root => isInside(fsPath, root));
        return inside.sort((a, b) => b.length - a.length)[0];
    }

    readonly external: ExternalFiles = {
        bibliography: statement => this.bibliographyFacts.get(statement),
        transcript: origin => this.transcriptFacts.get(origin)
    };

    readonly bibliography: BibliographyLookup = {
        resolve: key => {
            const found = this.store.lookup(key);
            if (!found) {
                return undefined;
            }
            // The scanner's summary is enough for labels; full details are parsed only on hover.
            const summary = this.store.summary(key);
            const names = summary?.familyNames ?? [];
            const authors = names.length > 2 ? `${names[0]} et al.` : names.join(' & ');
            const detail = [authors, summary?.year ? `(${summary.year})` : ''].filter(Boolean).join(' ');
            return { key, title: summary?.title || key, detail: detail || undefined, entry: { uri: found.uri, line: found.entryLine } };
        },
        suggest: key => this.store.nearestKeys(key)
    };

    get configProblems(): string[] {
        return this.configFile?.problems.map(problem => problem.message) ?? [];
    }

    /** Loads everything the given documents and the config refer to. */
    async refresh(documents: LangiumDocument[]): Promise<void> {
        this.skipping = new Map();
        await this.loadConfig();
        const bibliographyFacts = new Map<Bibliography, BibliographyFacts>();
        const transcriptFacts = new Map<Origin, TranscriptFacts>();
        const activeBibliographies = new Set<string>();
        const loadBibliography = async (base: URI, relative: string): Promise<BibliographyFacts> => {
            const read = await this.load(base, relative);
            if (!read.ok) {
                return { status: read.problem, path: relative };
            }
            const uri = read.uri;
            activeBibliographies.add(uri);
            // Scanned in short slices so that other requests are served while a large library is indexed.
            await this.store.updateAsync(uri, read.text);
            const problems = this.store.diagnostics(uri).map(problem => ({ line: problem.line, message: problem.message }));
            return { status: 'ok', path: relative, entries: this.store.entryCount(uri), problems };
        };
        for (const root of this.roots()) {
            for (const relative of this.config.bibliography) {
                await loadBibliography(URI.file(path.join(root, CONFIG_FILE_NAME)), relative);
            }
        }
        for (const root of this.virtualRoots()) {
            for (const relative of this.config.bibliography) {
                await loadBibliography(UriUtils.joinPath(root, CONFIG_FILE_NAME), relative);
            }
        }
        for (const document of documents) {
            const root = document.parseResult.value;
            if (!isDocument(root) || (document.uri.scheme !== 'file' && this.virtual.folderFor(document.uri) === undefined)) {
                continue;
            }
            const file = document.uri.fsPath;
            if (this.shared.workspace.WorkspaceManager.trusted && document.uri.scheme === 'file' && this.rootFor(file) === undefined) {
                this.refuseOutsideDocument(root as Document, file, bibliographyFacts, transcriptFacts);
                continue;
            }
            for (const statement of (root as Document).elements.filter(isBibliography)) {
                if (statement.path !== undefined) {
                    bibliographyFacts.set(statement, await loadBibliography(document.uri, statement.path));
                }
            }
            const origins = (root as Document).elements.filter(isAnnex).flatMap(annex => annex.data.flatMap(datum => datum.origin ? [datum.origin] : []));
            // Many data of a file name the same transcript: resolve and stat it once per refresh.
            const reads = new Map<string, Promise<Loaded>>();
            for (const origin of origins) {
                if (origin.file !== undefined) {
                    let pending = reads.get(origin.file);
                    if (!pending) {
                        pending = this.load(document.uri, origin.file);
                        reads.set(origin.file, pending);
                    }
                    const read = await pending;
                    transcriptFacts.set(origin, read.ok ? { status: 'ok', path: origin.file, text: read.text } : { status: read.problem, path: origin.file });
                }
            }
        }
        for (const uri of this.store.uris()) {
            if (!activeBibliographies.has(uri)) {
                this.store.remove(uri);
            }
        }
        this.bibliographyFacts = bibliographyFacts;
        this.transcriptFacts = transcriptFacts;
        this.skipped = this.skipping;
        this.version++;
    }

    /**
     * A document outside every workspace folder: nothing it names is read, and one diagnostic
     * (on its first bibliography or transcript, not on each) says so.
     */
    private refuseOutsideDocument(document: Document, file: string, bibliographies: Map<Bibliography, BibliographyFacts>, transcripts: Map<Origin, TranscriptFacts>): void {
        for (const element of document.elements) {
            const origin = isAnnex(element) ? element.data.find(datum => datum.origin?.file !== undefined)?.origin : undefined;
            if (isBibliography(element) && element.path !== undefined) {
                bibliographies.set(element, { status: 'document-outside-workspace', path: element.path });
            } else if (origin?.file !== undefined) {
                transcripts.set(origin, { status: 'document-outside-workspace', path: origin.file });
            } else {
                continue;
            }
            this.skipping.set(file, describeFileProblem('document-outside-workspace', file));
            return;
        }
    }

    /** Forget cached contents, e.g. when a watched file changed on disk. */
    invalidate(fsPath?: string): void {
        if (fsPath) {
            this.cache.delete(path.resolve(fsPath));
        } else {
            this.cache.clear();
        }
    }

    private async loadConfig(): Promise<void> {
        const roots = [...this.roots().map(root => URI.file(path.join(root, CONFIG_FILE_NAME))), ...this.virtualRoots().map(root => UriUtils.joinPath(root, CONFIG_FILE_NAME))];
        let config = EmptyConfig;
        let configFile: WorkspaceFiles['configFile'];
        for (const file of roots) {
            const read = await this.load(file, CONFIG_FILE_NAME);
            if (read.ok) {
                let problems: ConfigProblem[];
                ({ config, problems } = parseConfig(read.text));
                configFile = { path: read.path, problems };
                break;
            }
        }
        this.config = config;
        this.configFile = configFile;
    }

    /** A file named in `base` (a document, or the config file): from disk for `file:`, through the client otherwise. */
    private async load(base: URI, relative: string): Promise<Loaded> {
        if (base.scheme === 'file') {
            const read = await this.read(base.fsPath, relative);
            return read.ok ? { ok: true, uri: URI.file(read.path).toString(), path: read.path, text: read.text } : read;
        }
        if (!this.shared.workspace.WorkspaceManager.trusted) {
            return { ok: false, problem: 'untrusted' };
        }
        const read = await this.virtual.read(base, relative, MAX_EXTERNAL_FILE_BYTES);
        if (!read.ok && read.problem !== 'not-found') {
            this.skipping.set(`${UriUtils.dirname(base).toString()}/${relative}`, describeFileProblem(read.problem, relative));
        }
        return read.ok ? { ok: true, uri: read.uri.toString(), path: read.uri.toString(), text: read.text } : read;
    }

    private async read(baseFile: string, relative: string): Promise<ReadResult> {
        if (!this.shared.workspace.WorkspaceManager.trusted) {
            return this.skip(baseFile, relative, 'untrusted');
        }
        const root = this.rootFor(baseFile);
        if (root === undefined) {
            return this.skip(baseFile, relative, 'outside-workspace');
        }
        const contained = resolveContained(baseFile, relative, root, MAX_EXTERNAL_FILE_BYTES);
        if (!contained.ok) {
            return this.skip(baseFile, relative, contained.reason);
        }
        const target = contained.path;
        try {
            const stat = await fs.stat(target);
            const cached = this.cache.get(target);
            if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
                return { ok: true, path: target, text: cached.text };
            }
        } catch {
            this.cache.delete(target);
            return this.skip(baseFile, relative, 'unreadable');
        }
        // Robustness: not `fs.readFile(target)`, which blocks forever on a FIFO and never ends on
        // a device swapped in after the containment check above; readRegularFile opens the file
        // non-blocking, re-checks type, size and location on the open handle and reads at most
        // the cap (see safe-read.ts).
        const read = await readRegularFile(contained.realPath, root, MAX_EXTERNAL_FILE_BYTES);
        if (!read.ok) {
            this.cache.delete(target);
            return this.skip(baseFile, relative, read.problem);
        }
        this.cache.set(target, { mtimeMs: read.mtimeMs, size: read.size, text: read.text });
        return { ok: true, path: target, text: read.text };
    }

    private skip(baseFile: string, relative: string, problem: FileProblem): ReadResult {
        if (problem !== 'not-found') {
            const file = path.resolve(path.dirname(baseFile), relative);
            this.skipping.set(file, describeFileProblem(problem, file));
        }
        return { ok: false, path: relative, problem };
    }
}
