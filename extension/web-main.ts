// The entry point in VS Code for the Web (package.json `browser`): the language server runs in a
// Web Worker and every file is read through vscode.workspace.fs.
import type * as vscode from 'vscode';
import { activateOn, type WarrantExtensionApi } from './activate.js';
import { webPlatform } from './web-platform.js';

export { deactivate } from './activate.js';

export function activate(context: vscode.ExtensionContext): WarrantExtensionApi {
    return activateOn(webPlatform, context);
}
