// The desktop entry point (package.json `main`): the language server runs in a Node process.
import type * as vscode from 'vscode';
import { activateOn, type WarrantExtensionApi } from './activate.js';
import { desktopPlatform } from './desktop-platform.js';

export type { WarrantExtensionApi } from './activate.js';
export { deactivate } from './activate.js';

export function activate(context: vscode.ExtensionContext): WarrantExtensionApi {
    return activateOn(desktopPlatform, context);
}
