import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { WarrantGeneratedModule, WarrantGeneratedSharedModule } from './generated/module.js';
import { WarrantScopeComputation } from './references/scope-computation.js';
import { WarrantScopeProvider } from './references/scope-provider.js';
import { WarrantDocumentBuilder } from './workspace/document-builder.js';

/** Services Warrant adds to Langium's. */
export type WarrantAddedServices = object;

export type WarrantServices = LangiumServices & WarrantAddedServices;

export const WarrantModule: Module<WarrantServices, PartialLangiumServices & WarrantAddedServices> = {
    references: {
        ScopeComputation: (services) => new WarrantScopeComputation(services),
        ScopeProvider: (services) => new WarrantScopeProvider(services)
    }
};

export const WarrantSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: (services) => new WarrantDocumentBuilder(services)
    }
};

/**
 * Creates the shared services and the Warrant language services, wired the Langium way:
 * defaults, then generated, then ours.
 */
export function createWarrantServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Warrant: WarrantServices } {
    const shared = inject(createDefaultSharedModule(context), WarrantGeneratedSharedModule, WarrantSharedModule);
    const Warrant = inject(createDefaultModule({ shared }), WarrantGeneratedModule, WarrantModule);
    shared.ServiceRegistry.register(Warrant);
    if (!context.connection) {
        // Without a language client nothing triggers the configuration; the CLI and tests need it ready.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Warrant };
}
