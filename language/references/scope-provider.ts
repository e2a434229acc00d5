import { DefaultScopeProvider, EMPTY_SCOPE, MapScope, stream, type AstNodeDescription, type LangiumCoreServices, type ReferenceInfo, type Scope, type Stream } from 'langium';
import { isClassification } from '../generated/ast.js';
import { WarrantIndexManager } from '../workspace/index-manager.js';

/**
 * Global names come from one map of the index's names (no local scopes exist, see
 * WarrantScopeComputation). A band resolves among the bands of the scheme named in the same
 * `classifies … as BAND by SCHEME` clause.
 */
export class WarrantScopeProvider extends DefaultScopeProvider {
    private readonly index: WarrantIndexManager | undefined;

    constructor(services: LangiumCoreServices) {
        super(services);
        const index = services.shared.workspace.IndexManager;
        this.index = index instanceof WarrantIndexManager ? index : undefined;
    }

    override getScope(context: ReferenceInfo): Scope {
        if (isClassification(context.container) && context.property === 'band') {
            const scheme = context.container.scheme?.ref;
            if (!scheme) {
                return EMPTY_SCOPE;
            }
            return new MapScope(scheme.bands.map(band => this.descriptions.createDescription(band, band.name)));
        }
        return this.getGlobalScope(this.reflection.getReferenceType(context), context);
    }

    /**
     * Langium builds a map of names per reference type, each from a filtered stream of the whole
     * index; on a large workspace that was a tenth of the linking. Here every type's scope reads
     * the index's one map of names and checks the type of the few elements a name has.
     */
    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const index = this.index;
        if (!index) {
            return super.getGlobalScope(referenceType, context);
        }
        return this.globalScopeCache.get(referenceType, () => new TypedNameScope(index.descriptionsByName(), new Set(this.reflection.getAllSubTypes(referenceType)), () => this.indexManager.allElements(referenceType)));
    }
}

/** The elements of some types (a reference type and its subtypes) among a map of names. */
class TypedNameScope implements Scope {
    constructor(
        private readonly byName: ReadonlyMap<string, AstNodeDescription | readonly AstNodeDescription[]>,
        private readonly types: ReadonlySet<string>,
        private readonly all: () => Stream<AstNodeDescription>
    ) {}

    getElement(name: string): AstNodeDescription | undefined {
        const found = this.byName.get(name);
        if (found === undefined || !isList(found)) {
            return found && this.types.has(found.type) ? found : undefined;
        }
        return found.find(description => this.types.has(description.type));
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const found = this.byName.get(name);
        const named = found === undefined ? [] : isList(found) ? found : [found];
        return stream(named).filter(description => this.types.has(description.type));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.all();
    }
}

function isList(found: AstNodeDescription | readonly AstNodeDescription[]): found is readonly AstNodeDescription[] {
    return Array.isArray(found);
}
