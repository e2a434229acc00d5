import type { AstNode } from 'langium';
import { isMethodSetting, isOccurrenceSetting, type Method, type Occurrence, type Project, type ProjectEvidence } from '../generated/ast.js';
import type { QdaCase, QdaCode, QdaIndex, QdaSelection, QdaSource, QdaValue } from '../qda/index.js';
import type { ExternalFiles } from './external-files.js';

/**
 * One coded segment of a REFI-QDA project, as the analysis sees a datum: the same facts a
 * hand-written `datum` gives (method, respondent, emergent or prompted, text), taken from the
 * project and the `project` declaration's settings.
 */
export interface ProjectSegment {
    /**
     * The graph id: `project:segment name`; for a segment without a unique name, its source and
     * positions (`interviews:R02 police officer 354–409`); the GUID when even those repeat.
     */
    readonly id: string;
    readonly project: Project;
    readonly index: QdaIndex;
    readonly selection: QdaSelection;
    readonly source?: QdaSource;
    /** The case (respondent) the segment belongs to. */
    readonly case?: QdaCase;
    readonly method?: Method;
    readonly occurrence?: Occurrence;
    /** Names of the segment's codes; the first is its group on the map. */
    readonly codes: readonly string[];
    /** The excerpt, or a placeholder when its text could not be cut. */
    readonly text: string;
}

/**
 * What a `code "…" in project` / `segment "…" in project` reference stands for: its segments, or
 * why none (a message for the reference), or nothing when the project itself was not read
 * (its declaration says why, once).
 */
export type EvidenceResolution =
    | { status: 'ok'; segments: readonly ProjectSegment[]; code?: QdaCode }
    | { status: 'unknown'; message: string }
    | { status: 'unread' };

const METHODS = new Set<string>(['interview', 'observation', 'document', 'survey', 'focus-group', 'fieldnote', 'archive']);

/** Resolves project references once per analysis; every reference to a segment shares one ProjectSegment. */
export class ProjectEvidenceResolver {
    private readonly resolved = new Map<ProjectEvidence, EvidenceResolution>();
    private readonly segments = new Map<Project, { facts: Map<string, SegmentFacts>; segments: Map<string, ProjectSegment> }>();

    constructor(private readonly files: ExternalFiles) {}

    /** The project's index, when it was read and is a REFI-QDA project. */
    indexOf(project: Project | undefined): QdaIndex | undefined {
        const facts = project ? this.files.project(project) : undefined;
        return facts?.status === 'ok' && facts.index.project.readable ? facts.index : undefined;
    }

    /**
     * The same resolutions for the syntax nodes that replace the ones they were made for (see
     * carryOver); the old nodes are let go, and the segments stay shared with the graph.
     */
    movedTo(moved: ReadonlyMap<AstNode, AstNode>): ProjectEvidenceResolver {
        const resolver = new ProjectEvidenceResolver(this.files);
        for (const [project, segments] of this.segments) {
            resolver.segments.set(project, segments);
        }
        for (const [reference, resolution] of this.resolved) {
            resolver.resolved.set((moved.get(reference) ?? reference) as ProjectEvidence, resolution);
        }
        return resolver;
    }

    resolve(reference: ProjectEvidence): EvidenceResolution {
        let result = this.resolved.get(reference);
        if (!result) {
            result = this.compute(reference);
            this.resolved.set(reference, result);
        }
        return result;
    }

    private compute(reference: ProjectEvidence): EvidenceResolution {
        const project = reference.project?.ref;
        const index = this.indexOf(project);
        if (!project || !index || reference.key === undefined) {
            return { status: 'unread' };
        }
        const name = project.name;
        if (reference.kind === 'code') {
            const found = findCode(index, reference.key);
            if (found.length === 0) {
                return { status: 'unknown', message: `The project \`${name}\` has no code named ${JSON.stringify(reference.key)}.` };
            }
            if (found.length > 1) {
                const paths = found.slice(0, 3).map(code => JSON.stringify(code.path.join('/'))).join(', ');
                return { status: 'unknown', message: `${found.length} codes of \`${name}\` are named ${JSON.stringify(reference.key)} (${paths}): write the code's path.` };
            }
            const code = found[0]!;
            return { status: 'ok', code, segments: index.segmentsOf(code.guid).map(selection => this.segment(project, index, selection)) };
        }
        const candidates = reference.quote ? segmentsQuoting(index, reference.key) : segmentsNamed(index, reference.key);
        if (candidates.length === 1) {
            return { status: 'ok', segments: [this.segment(project, index, candidates[0]!)] };
        }
        const what = reference.quote ? `whose excerpt contains ${JSON.stringify(reference.key)}` : `named ${JSON.stringify(reference.key)} (by name or GUID)`;
        if (candidates.length === 0) {
            return { status: 'unknown', message: `The project \`${name}\` has no segment ${what}.` };
        }
        const where = [...new Set(candidates.map(s => index.source(s.source)?.name).filter((n): n is string => n !== undefined))].slice(0, 3);
        return {
            status: 'unknown',
            message: `${candidates.length} segments of \`${name}\` ${reference.quote ? 'contain' : 'are named'} ${JSON.stringify(reference.key)}${where.length > 0 ? ` (in ${where.join(', ')})` : ''}: ${reference.quote ? 'quote more words, or name the segment' : 'name it by its GUID'}.`
        };
    }

    /** The datum a selection is, with its method and occurrence from the declaration's settings. */
    segment(project: Project, index: QdaIndex, selection: QdaSelection): ProjectSegment {
        let ofProject = this.segments.get(project);
        if (!ofProject) {
            ofProject = { facts: factsOf(project, index), segments: new Map() };
            this.segments.set(project, ofProject);
        }
        let segment = ofProject.segments.get(selection.guid);
        if (!segment) {
            let facts = ofProject.facts.get(selection.guid);
            if (!facts) {
                facts = segmentFacts(project, index, selection);
                ofProject.facts.set(selection.guid, facts);
            }
            // Written out rather than spread: one object shape for all segments, and several times faster.
            segment = { id: facts.id, project, index, selection, source: facts.source, case: facts.case, method: facts.method, occurrence: facts.occurrence, codes: facts.codes, text: facts.text };
            ofProject.segments.set(selection.guid, segment);
        }
        return segment;
    }
}

/** A segment apart from the declaration node that names its project (which a re-parse replaces). */
type SegmentFacts = Omit<ProjectSegment, 'project'>;

/**
 * Segment facts by project read (the index is replaced when the file changes) and by what of the
 * declaration they depend on (its name and settings): an edit elsewhere works none of them out again.
 */
const factsCache = new WeakMap<QdaIndex, Map<string, Map<string, SegmentFacts>>>();

function factsOf(project: Project, index: QdaIndex): Map<string, SegmentFacts> {
    let byDeclaration = factsCache.get(index);
    if (!byDeclaration) {
        byDeclaration = new Map();
        factsCache.set(index, byDeclaration);
    }
    const declaration = JSON.stringify([project.name, project.settings.map(s => isMethodSetting(s) ? ['method', s.variable, s.method, s.source] : ['occurrence', s.occurrence, s.code, s.variable])]);
    let facts = byDeclaration.get(declaration);
    if (!facts) {
        // The settings of earlier keystrokes are not kept.
        byDeclaration.clear();
        facts = new Map();
        byDeclaration.set(declaration, facts);
    }
    return facts;
}

/** Segments worked out between two chances to yield. */
const PREPARE_SLICE = 250;

/**
 * Works out every segment's facts ahead of the analysis, handing the event loop back every few
 * hundred segments: the analysis then finds them made (a first build with a large project
 * would otherwise do all of it in one block).
 */
export async function prepareSegments(project: Project, index: QdaIndex, yieldNow: () => Promise<void>, isCancelled?: () => boolean): Promise<void> {
    if (!index.project.readable) {
        return;
    }
    const facts = factsOf(project, index);
    const selections = index.project.selections;
    // Once made (every build after the first), nothing is left to do and nothing yields.
    let made = 0;
    for (const selection of selections) {
        if (isCancelled?.()) {
            return;
        }
        if (!facts.has(selection.guid)) {
            facts.set(selection.guid, segmentFacts(project, index, selection));
            if (++made % PREPARE_SLICE === 0) {
                await yieldNow();
            }
        }
    }
}

function segmentFacts(project: Project, index: QdaIndex, selection: QdaSelection): SegmentFacts {
    const source = index.source(selection.source);
    const theCase = index.caseOf(selection);
    return {
        id: `${project.name}:${index.label(selection)}`,
        index, selection, source, case: theCase,
        method: methodOf(project, source, theCase),
        occurrence: occurrenceOf(project, index, selection, source, theCase),
        codes: selection.codes.flatMap(guid => index.code(guid)?.name ?? []),
        text: selection.text ?? `(no excerpt: positions ${selection.start}–${selection.end} of "${source?.name ?? selection.source}")`
    };
}

/** A code by name (ignoring letter case), else by its path from the top (`gendered discourse/mother-blaming`). */
function findCode(index: QdaIndex, key: string): readonly QdaCode[] {
    const named = index.codesNamed(key);
    if (named.length > 0 || !key.includes('/')) {
        return named;
    }
    const atPath = index.codeAtPath(key.split('/').map(part => part.trim()));
    return atPath ? [atPath] : [];
}

function segmentsNamed(index: QdaIndex, key: string): QdaSelection[] {
    const guid = key.replace(/^\{|\}$/g, '').toLowerCase();
    const byGuid = index.project.selections.filter(s => s.guid.toLowerCase() === guid);
    return byGuid.length > 0 ? byGuid : index.project.selections.filter(s => s.name === key);
}

const normalisedExcerpts = new WeakMap<QdaIndex, ReadonlyArray<string | undefined>>();

/** Segments whose excerpt contains the words, ignoring letter case and how the spaces and line breaks fall. */
function segmentsQuoting(index: QdaIndex, key: string): QdaSelection[] {
    const wanted = normalise(key);
    if (wanted === '') {
        return [];
    }
    let excerpts = normalisedExcerpts.get(index);
    if (!excerpts) {
        excerpts = index.project.selections.map(s => s.text === undefined ? undefined : normalise(s.text));
        normalisedExcerpts.set(index, excerpts);
    }
    return index.project.selections.filter((_, i) => excerpts[i]?.includes(wanted));
}

function normalise(text: string): string {
    return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** `method … for source` first, then `method from variable` (the source's variable, else its case's), then `method X` alone. */
function methodOf(project: Project, source: QdaSource | undefined, theCase: QdaCase | undefined): Method | undefined {
    const settings = project.settings.filter(isMethodSetting);
    const forSource = settings.find(s => s.source !== undefined && s.method !== undefined && s.source === source?.name);
    if (forSource) {
        return forSource.method;
    }
    for (const setting of settings) {
        if (setting.variable !== undefined) {
            const value = variable(setting.variable, source, theCase);
            if (value !== undefined && METHODS.has(String(value).trim().toLowerCase())) {
                return String(value).trim().toLowerCase() as Method;
            }
        }
    }
    return settings.find(s => s.method !== undefined && s.source === undefined)?.method;
}

/** `emergent/prompted when code` (the segment carries the code, or a code nested in it) first, then `occurrence from variable`. */
function occurrenceOf(project: Project, index: QdaIndex, selection: QdaSelection, source: QdaSource | undefined, theCase: QdaCase | undefined): Occurrence | undefined {
    const settings = project.settings.filter(isOccurrenceSetting);
    for (const setting of settings) {
        if (setting.code !== undefined && setting.occurrence !== undefined && carriesCode(index, selection, setting.code)) {
            return setting.occurrence;
        }
    }
    for (const setting of settings) {
        if (setting.variable !== undefined) {
            const value = String(variable(setting.variable, source, theCase) ?? '').trim().toLowerCase();
            if (value === 'emergent' || value === 'prompted') {
                return value;
            }
        }
    }
    return undefined;
}

const codeGuids = new WeakMap<QdaIndex, Map<string, ReadonlySet<string>>>();

/** The GUIDs of the codes a setting names, looked up once per project read, not once per segment. */
function guidsOfCode(index: QdaIndex, name: string): ReadonlySet<string> {
    let byName = codeGuids.get(index);
    if (!byName) {
        byName = new Map();
        codeGuids.set(index, byName);
    }
    let guids = byName.get(name);
    if (!guids) {
        guids = new Set(findCode(index, name).map(code => code.guid));
        byName.set(name, guids);
    }
    return guids;
}

function carriesCode(index: QdaIndex, selection: QdaSelection, name: string): boolean {
    const wanted = guidsOfCode(index, name);
    return selection.codes.some(guid => {
        for (let code = index.code(guid), depth = 0; code && depth < 1000; code = code.parent ? index.code(code.parent) : undefined, depth++) {
            if (wanted.has(code.guid)) {
                return true;
            }
        }
        return false;
    });
}

function variable(name: string, source: QdaSource | undefined, theCase: QdaCase | undefined): QdaValue | undefined {
    const lower = name.toLowerCase();
    const find = (values: Readonly<Record<string, QdaValue>> | undefined) => values ? Object.entries(values).find(([key]) => key.toLowerCase() === lower)?.[1] : undefined;
    return find(source?.variables) ?? find(theCase?.variables);
}
