import type {
    Annex, Bibliography, Claim, Datum, Document, Pattern, Project, Respondent, Scheme, Source, Stat
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
    // A switch on the type, not a chain of type guards: each guard is a lookup in Langium's
    // table of subtypes, and V8 compiles nine of them inlined into a large loop.
    for (const document of documents) {
        for (const element of document.elements) {
            if (element.$type === 'Bibliography') {
                elements.bibliographies.push(element);
                continue;
            }
            declare(element);
            switch (element.$type) {
                case 'Claim': elements.claims.push(element); break;
                case 'Pattern': elements.patterns.push(element); break;
                case 'Stat': elements.stats.push(element); break;
                case 'Scheme': elements.schemes.push(element); break;
                case 'Source': elements.sources.push(element); break;
                case 'Project': elements.projects.push(element); break;
                case 'Respondent': elements.respondents.push(element); break;
                case 'Annex':
                    for (const datum of element.data) {
                        declare(datum);
                        elements.data.push(datum);
                    }
            }
        }
    }
    return elements;
}
