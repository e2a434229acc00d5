#!/usr/bin/env node
// Standalone language server for any LSP client (Neovim, Emacs, Helix): `warrant-language-server --stdio`.
require('../out/server.cjs');
