import { promises as fs } from 'node:fs';
import path from 'node:path';
import { URI, UriUtils, type LangiumDocument } from 'langium';
import { describeFileProblem, type BibliographyFacts, type ExternalFiles, type FileProblem, type ProjectFacts, type TranscriptFacts } from '../analysis/external-files.js';
import type { BibliographyLookup } from '../analysis/citations.js';
import { CONFIG_FILE_NAME, EmptyConfig, parseConfig, type ConfigProblem, type WarrantConfig } from '../config/warrant-config.js';
import { prepareSegments } from '../analysis/project-evidence.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';
import { isAnnex, isBibliography, isDocument, isProject, type Bibliography, type Document, type Origin, type Project } from '../generated/ast.js';
import { BibliographyStore } from '../bibliography/bibliography-store.js';
import { isInside, resolveContained } from '../safety/path-containment.js';
import { manuscriptOf } from '../manuscript/manuscript-documents.js';
import { ProjectStore, type ProjectBytesSource } from './project-store.js';
import { readRegularBytes, readRegularFile } from './safe-read.js';
import { VirtualFiles } from './virtual-files.js';
import type { WarrantSharedServices } from '../warrant-module.js';

/** Transcripts and bibliographies larger than this are reported, not read. */
export const MAX_EXTERNAL_FILE_BYTES = 50 * 1024 * 1024;

/** REFI-QDA projects (zip archives, often with media) larger than this are reported, not read. */
export const MAX_PROJECT_FILE_BYTES = 256 * 1024 * 1024;

interface CachedFile {
    mtimeMs: number;
    size: number;
    text: string;
}

type ReadResult = { ok: true; path: string; text: string } | { ok: false; path: string; problem: FileProblem };
/** A read for the analysis, from disk or through the client: the file's URI (as a string) and text. */
type Loaded = { ok: true; uri: string; path: string; text: string } | { ok: false; problem: FileProblem };

type Located = { ok: true; root: string; path: string; realPath: string; mtimeMs: number; size: number } | { ok: false; path: string; problem: FileProblem };

/**
 * Reads the files the .warrant documents point to — bibliographies, transcripts and
 * `warrant.config.json` — before each analysis, with path containment (never outside the
 * workspace folder, symlinks resolved) and a size cap. Unchanged files (same mtime and size)
 * are not re-read, so a keystroke costs one `stat` per referenced file.
 */
export class WorkspaceFiles {
    readonly store = new BibliographyStore();
    readonly projects = new ProjectStore();
    config: WarrantConfig = EmptyConfig;
    /** Counts refreshes, so results computed from these files can tell they are outdated. */
    version = 0;
    /**
     * Counts the refreshes that read something different from the refresh before (another text,
     * project, problem or config): results that depend only on what the files say outlive the others.
     */
    contentVersion = 0;
    /** What the last refresh read, in order, to tell whether the next one reads the same. */
    private contents: readonly unknown[] = [];
    /** The config file the last refresh read (absolute path), with its problems. */
    configFile: { path: string; problems: ConfigProblem[] } | undefined;
    /** The files the last refresh did not read, by absolute path, with why (the language server logs them). */
    skipped: ReadonlyMap<string, string> = new Map();
    private skipping = new Map<string, string>();
    private explicitRoots: string[] | undefined;
    private readonly cache = new Map<string, CachedFile>();
    private bibliographyFacts = new Map<Bibliography, BibliographyFacts>();
    private transcriptFacts = new Map<Origin, TranscriptFacts>();
    private manuscriptFacts = new Map<Document, BibliographyFacts[]>();
    private projectFacts = new Map<Project, ProjectFacts>();

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
        transcript: origin => this.transcriptFacts.get(origin),
        manuscriptBibliographies: root => this.manuscriptFacts.get(root),
        project: statement => this.projectFacts.get(statement)
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

    /** Loads everything the given documents and the config refer to; a cancelled build stops reading projects. */
    async refresh(documents: LangiumDocument[], isCancelled?: () => boolean): Promise<void> {
        this.skipping = new Map();
        await this.loadConfig();
        const bibliographyFacts = new Map<Bibliography, BibliographyFacts>();
        const transcriptFacts = new Map<Origin, TranscriptFacts>();
        const manuscriptFacts = new Map<Document, BibliographyFacts[]>();
        const projectFacts = new Map<Project, ProjectFacts>();
        const activeBibliographies = new Set<string>();
        const activeProjects = new Set<string>();
        // Texts are compared by identity first: an unchanged file's text is the cached string.
        const contents: unknown[] = [JSON.stringify(this.config), this.shared.workspace.WorkspaceManager.trusted, ...this.roots()];
        const loadBibliography = async (base: URI, relative: string): Promise<BibliographyFacts> => {
            const read = await this.load(base, relative);
            contents.push(relative, read.ok ? read.text : read.problem);
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
            const manuscript = manuscriptOf(document);
            if (this.shared.workspace.WorkspaceManager.trusted && document.uri.scheme === 'file' && this.rootFor(file) === undefined) {
                this.refuseOutsideDocument(root as Document, file, bibliographyFacts, transcriptFacts, projectFacts);
                contents.push(file);
                if (manuscript?.checked && manuscript.bibliographies.length > 0) {
                    manuscriptFacts.set(root as Document, manuscript.bibliographies.map(named => ({ status: 'document-outside-workspace', path: named.path })));
                }
                continue;
            }
            for (const statement of (root as Document).elements.filter(isBibliography)) {
                if (statement.path !== undefined) {
                    bibliographyFacts.set(statement, await loadBibliography(document.uri, statement.path));
                }
            }
            // A manuscript's front matter `bibliography:` is read like a `bibliography` statement of a .warrant file.
            if (manuscript?.checked && manuscript.bibliographies.length > 0) {
                const facts: BibliographyFacts[] = [];
                for (const named of manuscript.bibliographies) {
                    facts.push(await loadBibliography(document.uri, named.path));
                }
                manuscriptFacts.set(root as Document, facts);
            }
            for (const statement of (root as Document).elements.filter(isProject)) {
                if (statement.path !== undefined) {
                    const load = document.uri.scheme === 'file' ? this.loadProject(file, statement.path, activeProjects, isCancelled)
                        : this.loadVirtualProject(document.uri, statement.path, activeProjects, isCancelled);
                    const facts = await load;
                    if (facts.status === 'ok') {
                        // What the analysis asks of each segment is worked out here, a slice at a time, not in its one block.
                        await prepareSegments(statement, facts.index, yieldToEventLoop, isCancelled);
                    }
                    projectFacts.set(statement, facts);
                    contents.push(statement.path, facts.status === 'ok' ? facts.index : facts.status);
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
                    contents.push(origin.file, read.ok ? read.text : read.problem);
                    transcriptFacts.set(origin, read.ok ? { status: 'ok', path: origin.file, text: read.text } : { status: read.problem, path: origin.file });
                }
            }
        }
        for (const uri of this.store.uris()) {
            if (!activeBibliographies.has(uri)) {
                this.store.remove(uri);
            }
        }
        this.projects.retain(activeProjects);
        this.bibliographyFacts = bibliographyFacts;
        this.transcriptFacts = transcriptFacts;
        this.manuscriptFacts = manuscriptFacts;
        this.projectFacts = projectFacts;
        this.skipped = this.skipping;
        this.version++;
        if (contents.length !== this.contents.length || contents.some((content, i) => content !== this.contents[i])) {
            this.contentVersion++;
        }
        this.contents = contents;
    }

    /**
     * A document outside every workspace folder: nothing it names is read, and one diagnostic
     * (on its first bibliography or transcript, not on each) says so.
     */
    private refuseOutsideDocument(document: Document, file: string, bibliographies: Map<Bibliography, BibliographyFacts>, transcripts: Map<Origin, TranscriptFacts>, projects: Map<Project, ProjectFacts>): void {
        for (const element of document.elements) {
            const origin = isAnnex(element) ? element.data.find(datum => datum.origin?.file !== undefined)?.origin : undefined;
            if (isBibliography(element) && element.path !== undefined) {
                bibliographies.set(element, { status: 'document-outside-workspace', path: element.path });
            } else if (isProject(element) && element.path !== undefined) {
                projects.set(element, { status: 'document-outside-workspace', path: element.path });
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
            this.projects.forget(path.resolve(fsPath));
        } else {
            this.cache.clear();
            this.projects.forget();
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
        if (!read.ok) {
            this.skipVirtual(base, relative, read.problem);
        }
        return read.ok ? { ok: true, uri: read.uri.toString(), path: read.uri.toString(), text: read.text } : read;
    }

    /** Where a named file is, if it may be read: trust, containment, type and size, then its `stat`. */
    private async locate(baseFile: string, relative: string, maxBytes: number): Promise<Located> {
        if (!this.shared.workspace.WorkspaceManager.trusted) {
            return this.skip(baseFile, relative, 'untrusted');
        }
        const root = this.rootFor(baseFile);
        if (root === undefined) {
            return this.skip(baseFile, relative, 'outside-workspace');
        }
        const contained = resolveContained(baseFile, relative, root, maxBytes);
        if (!contained.ok) {
            return this.skip(baseFile, relative, contained.reason);
        }
        try {
            const stat = await fs.stat(contained.path);
            return { ok: true, root, path: contained.path, realPath: contained.realPath, mtimeMs: stat.mtimeMs, size: stat.size };
        } catch {
            this.cache.delete(contained.path);
            return this.skip(baseFile, relative, 'unreadable');
        }
    }

    /** A file of a virtual workspace that could not be read, for the server's log (as {@link skip} on disk). */
    private skipVirtual(base: URI, relative: string, problem: FileProblem): void {
        if (problem !== 'not-found') this.skipping.set(`${UriUtils.dirname(base).toString()}/${relative}`, describeFileProblem(problem, relative));
    }

    private async read(baseFile: string, relative: string): Promise<ReadResult> {
        const located = await this.locate(baseFile, relative, MAX_EXTERNAL_FILE_BYTES);
        if (!located.ok) {
            return located;
        }
        const { root, path: target } = located;
        const cached = this.cache.get(target);
        if (cached && cached.mtimeMs === located.mtimeMs && cached.size === located.size) {
            return { ok: true, path: target, text: cached.text };
        }
        // Robustness: not `fs.readFile(target)`, which blocks forever on a FIFO and never ends on
        // a device swapped in after the containment check above; readRegularFile opens the file
        // non-blocking, re-checks type, size and location on the open handle and reads at most
        // the cap (see safe-read.ts).
        const read = await readRegularFile(located.realPath, root, MAX_EXTERNAL_FILE_BYTES);
        if (!read.ok) {
            this.cache.delete(target);
            return this.skip(baseFile, relative, read.problem);
        }
        this.cache.set(target, { mtimeMs: read.mtimeMs, size: read.size, text: read.text });
        return { ok: true, path: target, text: read.text };
    }

    /** A `project` file of a virtual workspace, through the client, under the same rules as on disk. */
    private async loadVirtualProject(base: URI, relative: string, active: Set<string>, isCancelled?: () => boolean): Promise<ProjectFacts> {
        if (!this.shared.workspace.WorkspaceManager.trusted) {
            return { status: 'untrusted', path: relative };
        }
        const located = await this.virtual.locate(base, relative, MAX_PROJECT_FILE_BYTES);
        if (!located.ok) {
            return { status: located.problem, path: relative };
        }
        const target = located.uri;
        active.add(target.toString());
        return this.indexProject(target.toString(), relative, {
            version: `${located.mtime}:${located.size}`,
            bytes: async () => {
                const read = await this.virtual.readBytes(target, MAX_PROJECT_FILE_BYTES);
                if (!read.ok) {
                    throw new UnreadableProject(read.problem);
                }
                return read.bytes;
            },
            external: async (name: string) => {
                const beside = await this.virtual.locate(target, externalPath(name), MAX_EXTERNAL_FILE_BYTES);
                const read = beside.ok ? await this.virtual.readBytes(beside.uri, MAX_EXTERNAL_FILE_BYTES) : beside;
                if (!read.ok) {
                    throw new Error(describeFileProblem(read.problem, name));
                }
                return read.bytes;
            }
        }, isCancelled, problem => this.skipVirtual(base, relative, problem));
    }

    /**
     * A `project` file, read (or taken from the store when its mtime and size are unchanged).
     * Sources it keeps outside its archive are read through the same containment, relative to
     * the project file.
     */
    private async loadProject(baseFile: string, relative: string, active: Set<string>, isCancelled?: () => boolean): Promise<ProjectFacts> {
        const located = await this.locate(baseFile, relative, MAX_PROJECT_FILE_BYTES);
        if (!located.ok) {
            return { status: located.problem, path: relative };
        }
        const { root, path: target, realPath } = located;
        active.add(target);
        return this.indexProject(target, relative, {
            version: `${located.mtimeMs}:${located.size}`,
            bytes: async () => {
                const read = await readRegularBytes(realPath, root, MAX_PROJECT_FILE_BYTES);
                if (!read.ok) {
                    throw new UnreadableProject(read.problem);
                }
                return read.bytes;
            },
            external: async (name: string) => {
                const contained = resolveContained(target, externalPath(name), root, MAX_EXTERNAL_FILE_BYTES);
                if (!contained.ok) {
                    throw new Error(describeFileProblem(contained.reason, name));
                }
                const read = await readRegularBytes(contained.realPath, root, MAX_EXTERNAL_FILE_BYTES);
                if (!read.ok) {
                    throw new Error(describeFileProblem(read.problem, name));
                }
                return read.bytes;
            }
        }, isCancelled, problem => this.skip(baseFile, relative, problem));
    }

    /** Reads and indexes a project (or takes it from the store); a file that cannot be read is a problem of its declaration. */
    private async indexProject(key: string, relative: string, source: ProjectBytesSource, isCancelled: (() => boolean) | undefined, unreadable: (problem: FileProblem) => void): Promise<ProjectFacts> {
        try {
            return { status: 'ok', path: relative, index: await this.projects.load(key, source, { isCancelled }) };
        } catch (error) {
            if (error instanceof UnreadableProject) {
                unreadable(error.problem);
                return { status: error.problem, path: relative };
            }
            throw error;
        }
    }

    private skip(baseFile: string, relative: string, problem: FileProblem): { ok: false; path: string; problem: FileProblem } {
        if (problem !== 'not-found') {
            const file = path.resolve(path.dirname(baseFile), relative);
            this.skipping.set(file, describeFileProblem(problem, file));
        }
        return { ok: false, path: relative, problem };
    }
}

/** The project file could not be read (after its containment check passed): a race, a FIFO swapped in, growth past the cap. */
class UnreadableProject extends Error {
    constructor(readonly problem: FileProblem) {
        super(problem);
    }
}

/** A project's name for a source kept beside its archive (`relative://…`, `absolute://…`), as a path from the project file. */
function externalPath(name: string): string {
    return name.replace(/^relative:\/\//i, '').replace(/^(?:absolute|file):\/\//i, '/');
}
