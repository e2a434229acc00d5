import * as vscode from 'vscode';
import type { GraphNode, GraphRange } from '../language/graph/graph-model.js';

/**
 * Where the elements of a graph model are declared, for the views that show the model (the map,
 * the evidence tree): the element under the cursor, and opening an element's declaration.
 */

/** The innermost declaration of `uri` containing `position`: a datum inside its annex wins. */
export function nodeAt(nodes: readonly GraphNode[], uri: string, position: vscode.Position): GraphNode | undefined {
    return nodes
        .filter(node => node.uri === uri && node.range && contains(node.range, position))
        .sort((a, b) => size(a.range!) - size(b.range!))[0];
}

/**
 * Opens the node's declaration with the cursor at its start; false for a node declared in no
 * file (a BibTeX entry of a file we do not know).
 */
export async function revealDeclaration(node: GraphNode | undefined, viewColumn?: vscode.ViewColumn): Promise<boolean> {
    const target = node?.uri;
    const where = node?.range;
    if (!target || !where) {
        return false;
    }
    const selection = new vscode.Range(where.start.line, where.start.character, where.start.line, where.start.character);
    await vscode.window.showTextDocument(vscode.Uri.parse(target), { selection, viewColumn, preserveFocus: false });
    return true;
}

function contains(range: GraphRange, position: vscode.Position): boolean {
    const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
    return afterStart && beforeEnd;
}

function size(range: GraphRange): number {
    return (range.end.line - range.start.line) * 100000 + (range.end.character - range.start.character);
}
