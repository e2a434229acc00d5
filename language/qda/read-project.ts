/**
 * `readQdpx`: the bytes of a REFI-QDA project (`.qdpx`) to a QdaProject. Pure — no file system:
 * sources outside the archive are read only through the caller's `resolveExternal`, which is
 * where containment to the workspace belongs. Cooperative: yields to the event loop between
 * slices of work (see Pacer) and can be cancelled.
 */
import { QdaArchive, type ArchiveLimits } from './archive.js';
import { formatBytes } from './format-bytes.js';
import type { InflateEngine } from './inflate.js';
import { Problems, type QdaProject, type QdaSelection, type QdaSource, type QdaTextOrigin } from './model.js';
import { chooseConvention, CountedText } from './offsets.js';
import { Pacer, type PacingOptions } from './pacing.js';
import { capitalize, QDA_NAMESPACE, readProjectXml, selectionLabel, type RawSource } from './project-xml.js';
import { decodeUtf8, readUtf8, utf8Of } from './text.js';
import { parseXmlDocument, XmlError, type XmlDocument } from './xml-tree.js';

export interface ReadQdpxOptions extends PacingOptions {
    readonly limits?: ArchiveLimits & {
        /** Largest project.qde read (default 64 MiB). */
        readonly maxProjectXmlBytes?: number;
    };
    /**
     * Reads a source kept outside the archive (`relative://…`, `absolute://…`, `file:…` or a bare
     * absolute path, as written in the project). Without it such sources are reported, not read.
     * Return undefined when the path must not or cannot be read (say why by throwing an Error).
     */
    readonly resolveExternal?: (path: string) => Promise<Uint8Array | undefined>;
    /** How zip entries are unpacked (default: the fastest engine the platform has, see inflateEngines). */
    readonly inflate?: InflateEngine;
}

/** Sources unpacked ahead of the one being scanned: enough to keep two cores busy. */
const READ_AHEAD = 2;

const EXTERNAL = /^(?:relative:|absolute:|file:|[A-Za-z]:[\\/]|[\\/])/i;

export async function readQdpx(bytes: Uint8Array, options: ReadQdpxOptions = {}): Promise<QdaProject> {
    const problems = new Problems();
    const pacer = new Pacer(options);
    const unreadable = (): QdaProject => ({ readable: false, name: '', users: [], codes: [], variables: [], cases: [], sources: [], selections: [], problems: problems.list });

    const archive = QdaArchive.open(bytes, problems, options.limits, options.inflate);
    if (!archive) {
        return unreadable();
    }
    const entry = archive.find('project.qde');
    if (!entry) {
        const elsewhere = archive.entries.find(e => /\.qde$/i.test(e.name));
        problems.error(`The archive has no project.qde at its top level${elsewhere ? ` (only ${JSON.stringify(elsewhere.name)})` : ''}, so it is not a REFI-QDA project.`);
        return unreadable();
    }
    const maxXml = options.limits?.maxProjectXmlBytes ?? 64 * 2 ** 20;
    if (entry.size > maxXml) {
        problems.error(`project.qde would unpack to ${formatBytes(entry.size)}, more than the ${formatBytes(maxXml)} Warrant reads.`);
        return unreadable();
    }
    const xmlBytes = await archive.read(entry, pacer);
    if (!xmlBytes) {
        return unreadable();
    }
    await pacer.pace();
    const xml = await decodeUtf8(xmlBytes, 'project.qde', problems, pacer);
    let document: XmlDocument;
    try {
        document = await parseXmlDocument(xml, pacer);
    } catch (error) {
        if (error instanceof XmlError) {
            problems.error(error.doctype ? `${error.message} (${lineAndColumn(xml, error.offset)}).` : `project.qde is not well-formed XML (${lineAndColumn(xml, error.offset)}: ${error.message}).`);
            return unreadable();
        }
        throw error;
    }
    if (!document.namespaces.includes(QDA_NAMESPACE)) {
        problems.warning(`project.qde does not declare the REFI-QDA namespace ${QDA_NAMESPACE}; Warrant read it anyway.`);
    }
    const project = await readProjectXml(document.root, problems, pacer);
    if (!project) {
        return unreadable();
    }

    const sources: QdaSource[] = [];
    const selections: QdaSelection[] = [];
    // The next sources are unpacked (off the JavaScript thread where the platform can) while this one is scanned.
    const fetching: Array<Promise<FetchedText>> = [];
    const fetch = (i: number) => {
        const raw = project.sources[i];
        if (raw && !fetching[i]) {
            fetching[i] = fetchText(raw, archive, pacer, options);
            fetching[i].catch(() => undefined);
        }
    };
    for (const [i, raw] of project.sources.entries()) {
        for (let ahead = i; ahead <= i + READ_AHEAD; ahead++) {
            fetch(ahead);
        }
        const fetched = await fetching[i]!;
        delete fetching[i];
        await pacer.pace();
        const read = await readSource(raw, fetched, problems, pacer);
        sources.push(read.source);
        selections.push(...read.selections);
    }
    checkCaseReferences(project.cases, sources, selections, problems);
    return { readable: true, name: project.name, ...(project.origin !== undefined ? { origin: project.origin } : {}), users: project.users, codes: project.codes, variables: project.variables, cases: project.cases, sources, selections, problems: problems.list };
}

/** One source: its text, the convention its positions follow, and its selections with their excerpts. */
async function readSource(raw: RawSource, fetched: FetchedText, problems: Problems, pacer: Pacer): Promise<{ source: QdaSource; selections: QdaSelection[] }> {
    problems.list.push(...fetched.problems.list);
    const { origin } = fetched;
    const text = fetched.inline !== undefined
        ? await utf8Of(fetched.inline, pacer)
        : fetched.bytes && await readUtf8(fetched.bytes, `The text of "${raw.name}"`, problems, pacer, raw.guid);
    await pacer.pace();
    const counted = text && new CountedText(text);
    const choice = counted ? chooseConvention(counted, raw.selections) : { convention: 'codepoints' as const, note: 'no text read' };
    if (counted && choice.convention !== 'codepoints') {
        problems.info(`In "${raw.name}", ${choice.note}.`, raw.guid);
    }
    if ('ambiguity' in choice && choice.ambiguity) {
        problems.warning(`In "${raw.name}", ${choice.ambiguity}.`, raw.guid);
    }
    if (!counted && raw.selections.length > 0) {
        problems.warning(`${raw.selections.length === 1 ? 'The selection' : `The ${raw.selections.length} selections`} of "${raw.name}" ${raw.selections.length === 1 ? 'has' : 'have'} no excerpt: its text was not read.`, raw.guid);
    }
    const source: QdaSource = { guid: raw.guid, name: raw.name, origin, ...(text ? { utf8: text.bytes } : {}), chars: counted?.codePoints ?? 0, convention: choice.convention, conventionNote: choice.note, variables: raw.variables };
    const selections: QdaSelection[] = [];
    for (const selection of raw.selections) {
        if (pacer.due()) {
            await pacer.pace();
        }
        const base = { ...selection, source: raw.guid };
        const cut = counted?.cut(choice.convention, selection);
        if (cut?.ok) {
            selections.push({ ...base, text: counted!.text.slice(cut.start, cut.end), range: { start: cut.start, end: cut.end } });
            continue;
        }
        if (cut) {
            problems.error(`${capitalize(selectionLabel(selection.name, selection.start, selection.end, raw.name))} ${cut.why}; Warrant shows no excerpt for it.`, selection.guid);
        }
        selections.push(base);
    }
    return { source, selections };
}

/** A source's text as found (not yet scanned), with the problems met finding it. */
interface FetchedText {
    readonly origin: QdaTextOrigin;
    readonly inline?: string;
    readonly bytes?: Uint8Array;
    readonly problems: Problems;
}

/** Finds a source's plain text and unpacks its bytes: inline, in the archive, or (through the caller) outside it. */
async function fetchText(raw: RawSource, archive: QdaArchive, pacer: Pacer, options: ReadQdpxOptions): Promise<FetchedText> {
    const problems = new Problems();
    if (raw.inline !== undefined) {
        return { inline: raw.inline, origin: { kind: 'inline' }, problems };
    }
    const rich = raw.richTextPath !== undefined && /\.txt$/i.test(raw.richTextPath) ? raw.richTextPath : undefined;
    const path = raw.plainTextPath ?? rich;
    const attribute = raw.plainTextPath !== undefined ? 'plainTextPath' : 'richTextPath';
    if (path === undefined) {
        problems.warning(`The source "${raw.name}" has no plain text (no plainTextPath, no PlainTextContent${raw.richTextPath !== undefined ? ', and its rich text is not a .txt file' : ''}).`, raw.guid);
        return { origin: { kind: 'none' }, problems };
    }
    if (attribute === 'richTextPath') {
        problems.info(`The source "${raw.name}" has no plainTextPath; Warrant read the .txt file its richTextPath names.`, raw.guid);
    }
    if (EXTERNAL.test(path)) {
        return { bytes: await externalBytes(raw, path, problems, options), origin: { kind: 'external', path }, problems };
    }
    const internal = /^internal:\/\//i.test(path);
    const name = internal ? path.replace(/^internal:\/\//i, '') : path;
    const entry = archive.find(`sources/${name}`) ?? (internal ? undefined : archive.find(name));
    if (!entry) {
        problems.error(`The text of "${raw.name}" (${path}) is not in the archive.`, raw.guid);
        return { origin: { kind: 'none' }, problems };
    }
    if (!internal) {
        problems.info(`The source "${raw.name}" names its text without the internal:// prefix; Warrant found it as ${entry.name}.`, raw.guid);
    }
    const bytes = await archive.read(entry, pacer, problems);
    return { ...(bytes ? { bytes } : {}), origin: { kind: 'archive', entry: entry.name, attribute }, problems };
}

async function externalBytes(raw: RawSource, path: string, problems: Problems, options: ReadQdpxOptions): Promise<Uint8Array | undefined> {
    if (!options.resolveExternal) {
        problems.warning(`The external source "${raw.name}" (${path}) was not read: it is outside the project archive.`, raw.guid);
        return undefined;
    }
    try {
        const bytes = await options.resolveExternal(path);
        if (bytes) {
            return bytes;
        }
        problems.warning(`The external source "${raw.name}" (${path}) was not read.`, raw.guid);
    } catch (error) {
        problems.warning(`The external source "${raw.name}" (${path}) was not read: ${(error as Error).message}`, raw.guid);
    }
    return undefined;
}

function checkCaseReferences(cases: QdaProject['cases'], sources: readonly QdaSource[], selections: readonly QdaSelection[], problems: Problems): void {
    const sourceGuids = new Set(sources.map(s => s.guid));
    const selectionGuids = new Set(selections.map(s => s.guid));
    for (const c of cases) {
        const missing = [...c.sources.filter(g => !sourceGuids.has(g)), ...c.selections.filter(g => !selectionGuids.has(g))];
        if (missing.length > 0) {
            problems.warning(`The case "${c.name}" refers to ${missing.length === 1 ? `${missing[0]}, which is not a text source or selection` : `${missing.length} GUIDs that are not text sources or selections`} in the project.`, c.guid);
        }
    }
}

function lineAndColumn(text: string, offset: number): string {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return `line ${line}, column ${offset - lineStart + 1}`;
}
