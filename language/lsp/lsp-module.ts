import type { Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { WarrantServices } from '../warrant-module.js';

/** The editor features (hover, completion, navigation, formatting…) wired into Langium's LSP services. */
export const WarrantLspModule: Module<WarrantServices, PartialLangiumServices> = {
};
