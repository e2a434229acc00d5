import {
    isAnnex, isBibliography, isClaim, isPattern, isProject, isRespondent, isScheme, isSource, isStat,
    type Annex, type Bibliography, type Claim, type Datum, type Document, type Pattern, type Project, type Respondent, type Scheme, type Source, type Stat
} from '../generated/ast.js';

export type NamedElement = Source | Respondent | Annex | Datum | Stat | Scheme | Claim | Pattern | Project;

/** Every declaration of the workspace, grouped by kind, in a stable order (documents by URI, then text order). */
export interface WorkspaceElements {
    /** The first declaration of each name. */
    byName: Map<string, NamedElement>;
    /** Names declared more than once, with every declaration. */
    duplicates: Map<string, NamedElement[]>;
    claims: Claim[];
    patterns: Pattern[];
    data: Datum[];
    stats: Stat[];
    schemes: Scheme[];
    sources: Source[];
    respondents: Respondent[];
    bibliographies: Bibliography[];
    /** REFI-QDA projects read as annex data. */
    projects: Project[];
}

export function collectElements(documents: Iterable<Document>): WorkspaceElements {
    const elements: WorkspaceElements = {
        byName: new Map(), duplicates: new Map(),
        claims: [], patterns: [], data: [], stats: [], schemes: [], sources: [], respondents: [], bibliographies: [], projects: []
    };
    const declare = (node: NamedElement) => {
        if (!node.name) {
            return; // a parse error left it nameless; the parser reported it
        }
        const first = elements.byName.get(node.name);
        if (!first) {
            elements.byName.set(node.name, node);
            return;
        }
        const all = elements.duplicates.get(node.name);
        if (all) {
            all.push(node);
        } else {
            elements.duplicates.set(node.name, [first, node]);
        }
    };
    for (const document of documents) {
        for (const element of document.elements) {
            if (isBibliography(element)) {
                elements.bibliographies.push(element);
                continue;
            }
            declare(element);
            if (isClaim(element)) {
                elements.claims.push(element);
            } else if (isPattern(element)) {
                elements.patterns.push(element);
            } else if (isStat(element)) {
                elements.stats.push(element);
            } else if (isScheme(element)) {
                elements.schemes.push(element);
            } else if (isSource(element)) {
                elements.sources.push(element);
            } else if (isProject(element)) {
                elements.projects.push(element);
            } else if (isRespondent(element)) {
                elements.respondents.push(element);
            } else if (isAnnex(element)) {
                for (const datum of element.data) {
                    declare(datum);
                    elements.data.push(datum);
                }
            }
        }
    }
    return elements;
}
