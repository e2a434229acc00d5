import * as vscode from 'vscode';
import { NEW_FILE_TEMPLATE } from './new-file-template.js';

/** *Warrant: New Warrant File*: an untitled Warrant document holding the template. */
export async function newWarrantFile(): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument({ language: 'warrant', content: NEW_FILE_TEMPLATE });
    return vscode.window.showTextDocument(document, { preview: false });
}
