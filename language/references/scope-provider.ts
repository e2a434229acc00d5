import { DefaultScopeProvider, EMPTY_SCOPE, MapScope, type ReferenceInfo, type Scope } from 'langium';
import { isClassification } from '../generated/ast.js';

/**
 * Global names come from Langium's map-based global scope (no local scopes exist, see
 * WarrantScopeComputation). A band resolves among the bands of the scheme named in the same
 * `classifies … as BAND by SCHEME` clause.
 */
export class WarrantScopeProvider extends DefaultScopeProvider {
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
}
