/**
 * Lookups over a read project, for whatever shows or checks it: codes by GUID and by name,
 * the segments a code covers (with or without its nested codes), the case a segment belongs to,
 * a label for each segment. Built once per read of the file and kept across builds, so answers
 * that cost a pass over the segments are worked out once, when first asked.
 */
import type { QdaCase, QdaCode, QdaProject, QdaSelection, QdaSource } from './model.js';

export class QdaIndex {
    private readonly codes = new Map<string, QdaCode>();
    private readonly codesByName = new Map<string, QdaCode[]>();
    private readonly childCodes = new Map<string, QdaCode[]>();
    private readonly sources = new Map<string, QdaSource>();
    private readonly selections = new Map<string, QdaSelection>();
    private readonly coded = new Map<string, QdaSelection[]>();
    private readonly caseOfSelection = new Map<string, QdaCase>();
    private readonly caseOfSource = new Map<string, QdaCase>();
    /** Segments by code, those of its nested codes included. */
    private readonly covered = new Map<string, QdaSelection[]>();
    private labels: Map<string, string> | undefined;

    constructor(readonly project: QdaProject) {
        for (const code of project.codes) {
            this.codes.set(code.guid, code);
            push(this.codesByName, code.name.toLowerCase(), code);
            if (code.parent !== undefined) {
                push(this.childCodes, code.parent, code);
            }
        }
        for (const source of project.sources) {
            this.sources.set(source.guid, source);
        }
        for (const selection of project.selections) {
            this.selections.set(selection.guid, selection);
            for (const code of selection.codes) {
                push(this.coded, code, selection);
                this.cover(code, selection);
            }
        }
        for (const c of project.cases) {
            c.selections.forEach(guid => this.caseOfSelection.has(guid) || this.caseOfSelection.set(guid, c));
            c.sources.forEach(guid => this.caseOfSource.has(guid) || this.caseOfSource.set(guid, c));
        }
    }

    code(guid: string): QdaCode | undefined {
        return this.codes.get(guid);
    }

    /** Codes with this name, ignoring letter case (names need not be unique across the tree). */
    codesNamed(name: string): readonly QdaCode[] {
        return this.codesByName.get(name.toLowerCase()) ?? [];
    }

    /** The code at a path of names from the top ("gendered discourse/blame"), ignoring letter case. */
    codeAtPath(path: readonly string[]): QdaCode | undefined {
        const wanted = path.map(name => name.toLowerCase());
        return this.codesNamed(path[path.length - 1] ?? '').find(code => code.path.length === wanted.length && code.path.every((name, i) => name.toLowerCase() === wanted[i]));
    }

    children(guid: string): readonly QdaCode[] {
        return this.childCodes.get(guid) ?? [];
    }

    source(guid: string): QdaSource | undefined {
        return this.sources.get(guid);
    }

    selection(guid: string): QdaSelection | undefined {
        return this.selections.get(guid);
    }

    /** Segments coded with a code, and by default with any code nested in it; each segment once, in file order. */
    segmentsOf(guid: string, options: { nested?: boolean } = {}): readonly QdaSelection[] {
        return (options.nested === false ? this.coded : this.covered).get(guid) ?? [];
    }

    /** Adds a segment to its code and to every code that code is nested in, once each (selections come in file order). */
    private cover(guid: string, selection: QdaSelection): void {
        // Depth bound: a parent cycle cannot come from nested XML, but the model is plain data anyone can build.
        for (let code = this.codes.get(guid), depth = 0; code && depth <= 1000; code = code.parent !== undefined ? this.codes.get(code.parent) : undefined, depth++) {
            const list = this.covered.get(code.guid);
            if (!list) {
                this.covered.set(code.guid, [selection]);
            } else if (list[list.length - 1] !== selection) {
                list.push(selection);
            }
        }
    }

    /**
     * A label for the segment, unique in the project: its name; else its source and positions
     * ("R02 police officer 354–409"); the GUID when even those repeat.
     */
    label(selection: QdaSelection): string {
        if (!this.labels) {
            const candidates = this.project.selections.map(s => ({ guid: s.guid, name: s.name, place: `${this.source(s.source)?.name ?? s.source} ${s.start}–${s.end}` }));
            const count = new Map<string, number>();
            const seen = (label: string | undefined) => label !== undefined && count.set(label, (count.get(label) ?? 0) + 1);
            candidates.forEach(c => {
                seen(c.name);
                seen(c.place);
            });
            this.labels = new Map(candidates.map(c => [c.guid, c.name !== undefined && count.get(c.name) === 1 ? c.name : count.get(c.place) === 1 ? c.place : c.guid]));
        }
        return this.labels.get(selection.guid) ?? selection.guid;
    }

    /** The case (respondent) of a segment: the case that names the segment, else the case that names its source. */
    caseOf(selection: QdaSelection): QdaCase | undefined {
        return this.caseOfSelection.get(selection.guid) ?? this.caseOfSource.get(selection.source);
    }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) {
        list.push(value);
    } else {
        map.set(key, [value]);
    }
}
