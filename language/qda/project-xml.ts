/**
 * The `Project` element of project.qde to plain records, with the checks from the REFI-QDA
 * schema (Project-mrt2019.xsd) that reading needs: required attributes, GUID format, unique
 * GUIDs, references to known codes and variables, integer positions in order.
 * Texts are not read here (see read-project.ts).
 */
import type { Problems, QdaCase, QdaCode, QdaUser, QdaValue, QdaVariable } from './model.js';
import type { Pacer } from './pacing.js';
import type { XmlNode } from './xml-tree.js';

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface RawSelection {
    readonly guid: string;
    readonly name?: string;
    readonly start: number;
    readonly end: number;
    readonly codes: readonly string[];
    readonly description?: string;
}

export interface RawSource {
    readonly guid: string;
    readonly name: string;
    readonly plainTextPath?: string;
    readonly richTextPath?: string;
    readonly inline?: string;
    readonly selections: readonly RawSelection[];
    readonly variables: Readonly<Record<string, QdaValue>>;
}

export interface ProjectXml {
    readonly name: string;
    readonly origin?: string;
    readonly users: QdaUser[];
    readonly codes: QdaCode[];
    readonly variables: QdaVariable[];
    readonly cases: QdaCase[];
    readonly sources: RawSource[];
}

const GUID = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
const INTEGER = /^[+-]?\d+$/;
const OTHER_SOURCES: Record<string, string> = { PDFSource: 'PDF', PictureSource: 'picture', AudioSource: 'audio', VideoSource: 'video' };

const childrenNamed = (node: XmlNode | undefined, name: string): XmlNode[] => node?.children.filter(child => child.name === name) ?? [];
const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => node?.children.find(c => c.name === name);

/** Reads the root element; undefined when it is not a REFI-QDA Project (the problem says so). */
export async function readProjectXml(root: XmlNode, problems: Problems, pacer: Pacer): Promise<ProjectXml | undefined> {
    if (root.name !== 'Project') {
        problems.error(`project.qde holds a <${root.name}> element where a REFI-QDA <Project> belongs.`);
        return undefined;
    }
    return new ProjectReader(problems, pacer).read(root);
}

class ProjectReader {
    private readonly seen = new Map<string, string>();
    private readonly codes = new Map<string, QdaCode>();
    private readonly variablesByGuid = new Map<string, QdaVariable>();

    constructor(private readonly problems: Problems, private readonly pacer: Pacer) {}

    async read(root: XmlNode): Promise<ProjectXml> {
        const name = root.attrs.name ?? '';
        if (root.attrs.name === undefined) {
            this.problems.warning('The project has no name (the <Project> element lacks its required name attribute).');
        }
        const users = childrenNamed(child(root, 'Users'), 'User').flatMap(user => {
            const guid = this.guid(user, 'a user');
            return guid ? [{ guid, ...(user.attrs.name !== undefined ? { name: user.attrs.name } : {}) }] : [];
        });
        for (const code of childrenNamed(child(root, 'CodeBook'), 'Codes').flatMap(codes => childrenNamed(codes, 'Code'))) {
            this.code(code, undefined, []);
        }
        const variables = childrenNamed(child(root, 'Variables'), 'Variable').flatMap(variable => this.variable(variable));
        const sources = await this.sources(child(root, 'Sources'));
        const cases = childrenNamed(child(root, 'Cases'), 'Case').flatMap((node, index) => this.case(node, index));
        return { name, ...(root.attrs.origin !== undefined ? { origin: root.attrs.origin } : {}), users, codes: [...this.codes.values()], variables, cases, sources };
    }

    /** The element's GUID: missing → error and undefined; malformed → error but kept (it still works as a key); repeated → error and undefined. */
    private guid(node: XmlNode, what: string, attribute = 'guid'): string | undefined {
        const guid = node.attrs[attribute];
        if (guid === undefined || guid === '') {
            this.problems.error(`${capitalize(what)} has no ${attribute}; Warrant skipped it.`);
            return undefined;
        }
        if (!GUID.test(guid)) {
            this.problems.error(`${capitalize(what)} has ${attribute} "${guid}", which is not a GUID (REFI-QDA expects the form 8-4-4-4-12 hexadecimal digits).`, guid);
        }
        if (attribute === 'guid') {
            const earlier = this.seen.get(guid);
            if (earlier !== undefined) {
                this.problems.error(`${capitalize(what)} has the GUID ${guid} that ${earlier} already has; Warrant kept the first.`, guid);
                return undefined;
            }
            this.seen.set(guid, what);
        }
        return guid;
    }

    private code(node: XmlNode, parent: QdaCode | undefined, path: readonly string[]): void {
        const name = node.attrs.name;
        const what = name !== undefined ? `the code "${name}"` : `a code under ${parent ? `"${parent.name}"` : 'the codebook'}`;
        const guid = this.guid(node, what);
        if (guid === undefined) {
            return;
        }
        if (name === undefined) {
            this.problems.error(`${capitalize(what)} (${guid}) has no name.`, guid);
        }
        const codable = node.attrs.isCodable;
        if (codable === undefined) {
            this.problems.warning(`The code "${name ?? guid}" lacks the required isCodable attribute; Warrant reads it as codable.`, guid);
        }
        const description = child(node, 'Description')?.text;
        const code: QdaCode = {
            guid,
            name: name ?? guid,
            ...(parent ? { parent: parent.guid } : {}),
            path: [...path, name ?? guid],
            isCodable: codable === undefined || codable === 'true' || codable === '1',
            ...(node.attrs.color !== undefined ? { color: node.attrs.color } : {}),
            ...(description !== undefined ? { description } : {})
        };
        this.codes.set(guid, code);
        for (const inner of childrenNamed(node, 'Code')) {
            this.code(inner, code, code.path);
        }
    }

    private variable(node: XmlNode): QdaVariable[] {
        const name = node.attrs.name;
        const guid = this.guid(node, name !== undefined ? `the variable "${name}"` : 'a variable');
        if (guid === undefined) {
            return [];
        }
        if (name === undefined) {
            this.problems.error(`The variable ${guid} has no name; Warrant skipped it.`, guid);
            return [];
        }
        const type = node.attrs.typeOfVariable ?? 'Text';
        if (node.attrs.typeOfVariable === undefined) {
            this.problems.warning(`The variable "${name}" lacks the required typeOfVariable attribute; Warrant reads its values as text.`, guid);
        }
        const variable = { guid, name, type };
        this.variablesByGuid.set(guid, variable);
        return [variable];
    }

    /** VariableValue children of a case or source, by variable name. */
    private values(owner: XmlNode, ownerName: string): Record<string, QdaValue> {
        const values: Record<string, QdaValue> = {};
        for (const value of childrenNamed(owner, 'VariableValue')) {
            const target = child(value, 'VariableRef')?.attrs.targetGUID;
            const variable = target !== undefined ? this.variablesByGuid.get(target) : undefined;
            if (!variable) {
                this.problems.warning(`A variable value of ${ownerName} refers to ${target === undefined ? 'no variable' : `the variable ${target}, which is not in the project`}; Warrant skipped it.`, target);
                continue;
            }
            const content = value.children.find(c => c.name.endsWith('Value'));
            if (content === undefined) {
                continue;
            }
            values[variable.name] = typedValue(content);
        }
        return values;
    }

    private case(node: XmlNode, index: number): QdaCase[] {
        const named = node.attrs.name !== undefined && node.attrs.name.trim() !== '';
        const name = named ? node.attrs.name! : `Case ${index + 1}`;
        const guid = this.guid(node, named ? `the case "${name}"` : `case ${index + 1}`);
        if (guid === undefined) {
            return [];
        }
        if (!named) {
            this.problems.warning(`Case ${index + 1} (${guid}) has no name; Warrant calls it "${name}".`, guid);
        }
        const refs = (element: string) => childrenNamed(node, element).flatMap(ref => ref.attrs.targetGUID !== undefined ? [ref.attrs.targetGUID] : []);
        return [{ guid, name, named, variables: this.values(node, `the case "${name}"`), sources: refs('SourceRef'), selections: refs('SelectionRef') }];
    }

    private async sources(node: XmlNode | undefined): Promise<RawSource[]> {
        const skipped = new Map<string, number>();
        const out: RawSource[] = [];
        for (const source of node?.children ?? []) {
            if (source.name === 'TextSource') {
                const read = await this.textSource(source, out.length);
                if (read) {
                    out.push(read);
                }
            } else if (OTHER_SOURCES[source.name]) {
                skipped.set(OTHER_SOURCES[source.name]!, (skipped.get(OTHER_SOURCES[source.name]!) ?? 0) + 1);
            }
        }
        for (const [kind, count] of skipped) {
            this.problems.info(`${count} ${kind} source${count === 1 ? ' was' : 's were'} not read: Warrant reads text sources.`);
        }
        return out;
    }

    private async textSource(node: XmlNode, index: number): Promise<RawSource | undefined> {
        const name = node.attrs.name ?? `Source ${index + 1}`;
        const guid = this.guid(node, `the source "${name}"`);
        if (guid === undefined) {
            return undefined;
        }
        if (childrenNamed(node, 'Coding').length > 0) {
            this.problems.info(`The source "${name}" is coded as a whole; Warrant reads codes on selections only.`, guid);
        }
        const inline = child(node, 'PlainTextContent')?.text;
        const selections: RawSelection[] = [];
        for (const selection of childrenNamed(node, 'PlainTextSelection')) {
            if (this.pacer.due()) {
                await this.pacer.pace();
            }
            selections.push(...this.selection(selection, name));
        }
        return {
            guid,
            name,
            ...(node.attrs.plainTextPath !== undefined ? { plainTextPath: node.attrs.plainTextPath } : {}),
            ...(node.attrs.richTextPath !== undefined ? { richTextPath: node.attrs.richTextPath } : {}),
            ...(inline !== undefined ? { inline } : {}),
            selections,
            variables: this.values(node, `the source "${name}"`)
        };
    }

    private selection(node: XmlNode, sourceName: string): RawSelection[] {
        const label = selectionLabel(node.attrs.name, node.attrs.startPosition, node.attrs.endPosition, sourceName);
        const guid = this.guid(node, label);
        if (guid === undefined) {
            return [];
        }
        const position = (attribute: string): number | undefined => {
            const raw = node.attrs[attribute];
            if (raw === undefined || !INTEGER.test(raw.trim())) {
                this.problems.error(`${capitalize(label)} has ${raw === undefined ? `no ${attribute}` : `${attribute} "${raw}", which is not a whole number`}; Warrant skipped it.`, guid);
                return undefined;
            }
            return Number(raw.trim());
        };
        const start = position('startPosition');
        const end = position('endPosition');
        if (start === undefined || end === undefined) {
            return [];
        }
        const codes: string[] = [];
        for (const coding of childrenNamed(node, 'Coding')) {
            const target = child(coding, 'CodeRef')?.attrs.targetGUID;
            if (target === undefined) {
                this.problems.error(`A coding of ${label} has no CodeRef with a targetGUID.`, guid);
            } else if (!this.codes.has(target)) {
                this.problems.error(`${capitalize(label)} is coded with ${target}, which is not a code in the codebook.`, guid);
            } else if (!codes.includes(target)) {
                codes.push(target);
            }
        }
        if (childrenNamed(node, 'Coding').length === 0) {
            this.problems.info(`${capitalize(label)} has no code; Warrant keeps it as an uncoded segment.`, guid);
        }
        const description = child(node, 'Description')?.text;
        return [{
            guid,
            ...(node.attrs.name !== undefined ? { name: node.attrs.name } : {}),
            start,
            end,
            codes,
            ...(description !== undefined ? { description } : {})
        }];
    }
}

function typedValue(node: XmlNode): QdaValue {
    const text = node.text.trim();
    switch (node.name) {
        case 'BooleanValue':
            return text === 'true' || text === '1';
        case 'IntegerValue':
        case 'FloatValue':
            return text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
        default:
            return node.name === 'TextValue' ? node.text : text;
    }
}

/** How problems name a selection: by its name, else by its positions. */
export function selectionLabel(name: string | undefined, start: string | number | undefined, end: string | number | undefined, sourceName: string): string {
    return name !== undefined && name.trim() !== ''
        ? `the selection "${name}" in "${sourceName}"`
        : `the selection ${start ?? '?'}–${end ?? '?'} in "${sourceName}"`;
}

export function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
