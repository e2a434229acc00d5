import { ClientFiles } from './workspace/client-files.js';
import { DocumentState, inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { WarrantGeneratedModule, WarrantGeneratedSharedModule } from './generated/module.js';
import { WarrantLspModule, WarrantSharedLspModule } from './lsp/lsp-module.js';
import { WarrantLexerErrorMessages, WarrantParserErrorMessages } from './parser/error-messages.js';
import { SizeLimitedLexer } from './parser/size-limited-lexer.js';
import { WarrantValueConverter } from './parser/value-converter.js';
import { createWarrantCompletionParser, createWarrantParser } from './parser/warrant-parser.js';
import { WarrantLinker } from './references/linker.js';
import { WarrantAstNodeDescriptionProvider } from './references/node-descriptions.js';
import { WarrantReferenceDescriptionProvider } from './references/reference-descriptions.js';
import { WarrantScopeComputation } from './references/scope-computation.js';
import { WarrantScopeProvider } from './references/scope-provider.js';
import { AnalysisValidator, registerAnalysisValidator } from './validation/analysis-validator.js';
import { WarrantLspSupport } from './lsp/support.js';
import { WarrantDocumentValidator } from './validation/document-validator.js';
import { WorkspaceAnalysisProvider } from './workspace/analysis-provider.js';
import { WarrantDocumentBuilder } from './workspace/document-builder.js';
import { WarrantDocumentFactory } from './workspace/document-factory.js';
import { WarrantDocumentUpdateHandler } from './workspace/document-update-handler.js';
import { WarrantIndexManager } from './workspace/index-manager.js';
import { WarrantWorkspaceManager } from './workspace/workspace-manager.js';
import { RuleSettings } from './workspace/rule-settings.js';
import { FindingsStaleness } from './workspace/staleness.js';
import { WorkspaceFiles } from './workspace/workspace-files.js';

/** The shared services Warrant refines, by their refined types (no casts to reach them). */
export interface WarrantAddedSharedServices {
    workspace: {
        DocumentBuilder: WarrantDocumentBuilder;
        WorkspaceManager: WarrantWorkspaceManager;
        LangiumDocumentFactory: WarrantDocumentFactory;
    };
}

/** Files outside `file:` (a virtual workspace), read through the client (see createWarrantServices). */
export interface WarrantClientFilesService {
    workspace: {
        ClientFiles: ClientFiles;
    };
}

export type WarrantSharedServices = LangiumSharedServices & WarrantAddedSharedServices & WarrantClientFilesService;

/** Services Warrant adds to Langium's. */
export interface WarrantAddedServices {
    validation: {
        AnalysisValidator: AnalysisValidator;
    };
    warrant: {
        Files: WorkspaceFiles;
        Analysis: WorkspaceAnalysisProvider;
        Settings: RuleSettings;
        Staleness: FindingsStaleness;
        /** What the editor features share: the awaited analysis, the citation index, key resolution. */
        LspSupport: WarrantLspSupport;
    };
}

export type WarrantServices = LangiumServices & WarrantAddedServices & { shared: WarrantSharedServices };

export const WarrantModule: Module<WarrantServices, PartialLangiumServices & WarrantAddedServices> = {
    parser: {
        Lexer: (services) => new SizeLimitedLexer(services),
        // Robustness: bounded error recovery and a CST builder whose cost does not depend on the stack.
        LangiumParser: (services) => createWarrantParser(services),
        CompletionParser: (services) => createWarrantCompletionParser(services),
        ValueConverter: () => new WarrantValueConverter(),
        // Syntax errors in the user's terms (no offsets, no token names).
        ParserErrorMessageProvider: (services) => new WarrantParserErrorMessages(services.Grammar),
        LexerErrorMessageProvider: () => new WarrantLexerErrorMessages()
    },
    references: {
        Linker: (services) => new WarrantLinker(services),
        ScopeComputation: (services) => new WarrantScopeComputation(services),
        ScopeProvider: (services) => new WarrantScopeProvider(services)
    },
    validation: {
        DocumentValidator: (services) => new WarrantDocumentValidator(services),
        AnalysisValidator: (services) => new AnalysisValidator(services)
    },
    workspace: {
        AstNodeDescriptionProvider: (services) => new WarrantAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: (services) => new WarrantReferenceDescriptionProvider(services)
    },
    warrant: {
        Files: (services) => new WorkspaceFiles(services.shared),
        Analysis: (services) => new WorkspaceAnalysisProvider(services.shared, services.warrant.Files),
        Settings: (services) => new RuleSettings(services.shared, services.warrant.Files),
        Staleness: (services) => new FindingsStaleness(services.warrant.Analysis),
        LspSupport: (services) => new WarrantLspSupport(services)
    }
};

export const WarrantSharedModule: Module<WarrantSharedServices, PartialLangiumSharedServices & WarrantAddedSharedServices> = {
    workspace: {
        DocumentBuilder: (services) => new WarrantDocumentBuilder(services),
        WorkspaceManager: (services) => new WarrantWorkspaceManager(services),
        // Of duplicated names the same wins before and after an edit (see DependentRelinking).
        IndexManager: (services) => new WarrantIndexManager(services),
        // Reads .warrant files from disk with containment, caps and trust (robustness: docs/security.md).
        LangiumDocumentFactory: (services) => new WarrantDocumentFactory(services)
    },
    lsp: {
        // A closed document returns to its text on disk (no checking against discarded edits).
        DocumentUpdateHandler: (services) => new WarrantDocumentUpdateHandler(services)
    }
};

/** What the language server, the CLI and tests choose when they create the services. */
export interface WarrantServicesContext extends DefaultSharedModuleContext {
    clientFiles?: ClientFiles;
    /**
     * False for a workspace built once and never edited (the CLI): no index of which references
     * point where, which only find-references, rename and the relinking after an edit read.
     */
    referenceIndex?: boolean;
}

/** The reference index of a workspace that is built once: empty. */
const NO_REFERENCE_INDEX: Module<WarrantServices, PartialLangiumServices> = {
    workspace: { ReferenceDescriptionProvider: () => ({ createDescriptions: async () => [] }) }
};

/**
 * Creates the shared services and the Warrant language services, wired the Langium way:
 * defaults, then generated, then ours.
 */
export function createWarrantServices(context: WarrantServicesContext): { shared: WarrantSharedServices; Warrant: WarrantServices } {
    // The language server passes the one its file system uses (server/start-server.ts); the CLI and tests have no client to ask.
    const clientFiles: Module<WarrantSharedServices, WarrantClientFilesService> = {
        workspace: { ClientFiles: () => context.clientFiles ?? new ClientFiles(() => Promise.reject(new Error('no language client'))) }
    };
    const shared = inject(createDefaultSharedModule(context), WarrantGeneratedSharedModule, WarrantSharedModule, WarrantSharedLspModule, clientFiles);
    const Warrant = inject(createDefaultModule({ shared }), WarrantGeneratedModule, WarrantModule, WarrantLspModule, context.referenceIndex === false ? NO_REFERENCE_INDEX : {});
    shared.ServiceRegistry.register(Warrant);
    registerAnalysisValidator(Warrant);
    // Files outside the documents (bibliographies, transcripts, config) and the user's rule
    // settings are read once per build, after linking and before validation; then the analysis
    // is computed, in stages, before the validators ask for it.
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedReferences, async (_documents, cancelToken) => {
        await Warrant.warrant.Files.refresh(shared.workspace.LangiumDocuments.all.toArray(), () => cancelToken.isCancellationRequested);
        await Warrant.warrant.Settings.refresh();
        await Warrant.warrant.Analysis.prepare(cancelToken);
    });
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section === 'warrant') {
            const builder = shared.workspace.DocumentBuilder;
            builder.revalidateAll();
            void shared.workspace.WorkspaceLock.write(token => builder.update([], [], token));
        }
    });
    if (!context.connection) {
        // Without a language client nothing triggers the configuration; the CLI and tests need it ready.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Warrant };
}
