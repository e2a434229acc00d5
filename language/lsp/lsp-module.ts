import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { WarrantCodeActionProvider } from '../quickfix/code-action-provider.js';
import type { WarrantServices } from '../warrant-module.js';
import { WarrantCodeLensProvider } from './code-lens-provider.js';
import { WarrantCompletionProvider } from './completion-provider.js';
import { WarrantFoldingRangeProvider } from './folding-range-provider.js';
import { WarrantFormatter } from './formatter.js';
import { WarrantHoverProvider } from './hover-provider.js';
import { WarrantInlayHintProvider } from './inlay-hint-provider.js';
import { WarrantDefinitionProvider, WarrantDocumentHighlightProvider, WarrantReferencesProvider } from './navigation.js';
import { WarrantRenameProvider } from './rename-provider.js';
import { WarrantSemanticTokenProvider } from './semantic-token-provider.js';
import { WarrantDocumentSymbolProvider, WarrantNodeKindProvider } from './symbols.js';

/** The editor features (hover, completion, navigation, formatting, quick fixes…) wired into Langium's LSP services. */
export const WarrantLspModule: Module<WarrantServices, PartialLangiumServices> = {
    lsp: {
        HoverProvider: services => new WarrantHoverProvider(services),
        CompletionProvider: services => new WarrantCompletionProvider(services),
        DefinitionProvider: services => new WarrantDefinitionProvider(services),
        ReferencesProvider: services => new WarrantReferencesProvider(services),
        DocumentHighlightProvider: services => new WarrantDocumentHighlightProvider(services),
        RenameProvider: services => new WarrantRenameProvider(services),
        DocumentSymbolProvider: services => new WarrantDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new WarrantFoldingRangeProvider(services),
        SemanticTokenProvider: services => new WarrantSemanticTokenProvider(services),
        Formatter: services => new WarrantFormatter(services),
        CodeLensProvider: services => new WarrantCodeLensProvider(services),
        InlayHintProvider: services => new WarrantInlayHintProvider(services.shared),
        CodeActionProvider: services => new WarrantCodeActionProvider(services)
    }
};

/**
 * The shared LSP services Warrant refines: symbol and completion kinds by element type (used
 * by workspace symbols). Inject after WarrantSharedModule in createWarrantServices.
 */
export const WarrantSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new WarrantNodeKindProvider()
    }
};
