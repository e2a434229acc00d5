import { DocumentState, URI, type IndexManager, type LangiumDocument, type LangiumDocuments, type ServiceRegistry } from 'langium';
import { isDocument } from '../generated/ast.js';
import { WarrantLinker } from '../references/linker.js';
import { resolvableNodes } from '../references/scope-computation.js';

/**
 * Langium relinks, re-indexes and revalidates every document that references a changed one,
 * on every keystroke (20 of 25 files at 10,000 claims), although most edits (text inside a
 * claim's string, a `supported by` list) leave every name other documents resolve to as it
 * was. This defers that decision until the changed documents are parsed again: a dependent is
 * relinked only when a document it references changed what its references can resolve to (a
 * name, a type or a path, see `resolvableNodes`); otherwise its references are re-pointed to
 * the nodes at the same paths in the new syntax trees (WarrantLinker.repoint), which is what
 * linking anew would give, and it is not revalidated unless its findings changed
 * (FindingsStaleness). A name a changed document declares anew also relinks the documents
 * whose references carry it: of several elements of one name the first in the index wins.
 * What survives a cancelled build: the deferred dependents and, per changed document, the
 * names its dependents were linked against, until a build settles them.
 */
export class DependentRelinking {
    /** Per changed document, the resolvable names its dependents' links were made against (undefined: unknown). */
    private readonly linkedAgainst = new Map<string, string | undefined>();
    /** Dependents whose relinking waits for the changed documents' new names. */
    private readonly deferred = new Set<string>();
    /** Off for an update that deletes documents: their dependents are relinked at once. */
    deferring = true;

    constructor(private readonly documents: LangiumDocuments, private readonly index: IndexManager, private readonly registry: ServiceRegistry) {}

    /** Whether a build must parse and index its documents before it knows what to relink. */
    get pending(): boolean {
        return this.linkedAgainst.size > 0 || this.deferred.size > 0;
    }

    /** Before a document's syntax tree is replaced: what its dependents are linked against, unless an unsettled earlier edit already said. */
    beforeReparse(document: LangiumDocument): void {
        const uri = document.uri.toString();
        if (!this.linkedAgainst.has(uri)) {
            this.linkedAgainst.set(uri, document.state >= DocumentState.IndexedContent ? this.resolvableNames(document) : undefined);
        }
    }

    defer(document: LangiumDocument): void {
        this.deferred.add(document.uri.toString());
    }

    /**
     * Once the changed documents are parsed and indexed: re-points the deferred dependents that
     * can keep their links and returns those to relink (and documents with unresolved names
     * when any name changed: a new one may resolve them).
     */
    settle(): LangiumDocument[] {
        const changed = new Set<string>();
        /** Names a changed document declares now and did not before. */
        const added = new Set<string>();
        for (const [uri, before] of this.linkedAgainst) {
            const document = this.documents.getDocument(URI.parse(uri));
            if (document && document.state < DocumentState.IndexedContent) {
                // Not parsed in this build: compared once it is; its dependents cannot wait until then.
                this.linkedAgainst.set(uri, undefined);
                changed.add(uri);
                continue;
            }
            this.linkedAgainst.delete(uri);
            const after = document && this.resolvableNames(document);
            if (after === undefined || before !== after) {
                changed.add(uri);
                const previous = new Set(namesOf(before));
                namesOf(after).filter(name => !previous.has(name)).forEach(name => added.add(name));
            }
        }
        const relink: LangiumDocument[] = [];
        for (const uri of this.deferred) {
            const document = this.documents.getDocument(URI.parse(uri));
            if (!document || document.state <= DocumentState.ComputedScopes) {
                continue; // gone, or linked anew by this build anyway
            }
            const mustRelink = document.state < DocumentState.IndexedReferences
                || (changed.size > 0 && document.references.some(reference => reference.error !== undefined))
                || this.index.isAffected(document, changed)
                || !this.repoint(document);
            if (mustRelink) {
                relink.push(document);
            }
        }
        this.deferred.clear();
        if (added.size > 0) {
            // A new name can take a reference elsewhere from a later document's element of that
            // name (the first in the index wins), in documents that reference no changed one.
            for (const document of this.documents.all) {
                if (document.state > DocumentState.ComputedScopes && !relink.includes(document)
                    && document.references.some(reference => added.has(reference.$refText))) {
                    relink.push(document);
                }
            }
        }
        return relink;
    }

    private repoint(document: LangiumDocument): boolean {
        const linker = this.registry.getServices(document.uri).references.Linker;
        return linker instanceof WarrantLinker && linker.repoint(document);
    }

    /** Type, name and path of every node another document's reference can resolve to, in order. */
    private resolvableNames(document: LangiumDocument): string {
        const root = document.parseResult.value;
        if (!isDocument(root)) {
            return '';
        }
        const locator = this.registry.getServices(document.uri).workspace.AstNodeLocator;
        const names: string[] = [];
        for (const node of resolvableNodes(root)) {
            names.push(`${node.$type} ${(node as { name?: string }).name} ${locator.getAstNodePath(node)}`);
        }
        return names.join('\n');
    }
}

/** The names in a list made by `resolvableNames`. */
function namesOf(resolvable: string | undefined): string[] {
    return resolvable ? resolvable.split('\n').map(line => line.split(' ')[1]!) : [];
}
