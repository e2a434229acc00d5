import * as vscode from 'vscode';

/** What a preview shows: one document's argument (its elements and what they rest on) or the whole workspace. */
export type PreviewScope = { kind: 'document'; uri: vscode.Uri } | { kind: 'workspace' };

export function scopeTitle(scope: PreviewScope): string {
    return scope.kind === 'workspace' ? 'Argument map' : `Map: ${scope.uri.path.split('/').pop()}`;
}

/** The scope of a restored panel, from the document URI its webview saved in its state (none: the workspace). */
export function restoreScope(uri: string | undefined): PreviewScope {
    return uri ? { kind: 'document', uri: vscode.Uri.parse(uri) } : { kind: 'workspace' };
}
