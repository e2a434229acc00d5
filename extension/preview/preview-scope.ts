import * as vscode from 'vscode';

/** What a preview shows: one document's argument (its elements and what they rest on) or the whole workspace. */
export type PreviewScope = { kind: 'document'; uri: vscode.Uri } | { kind: 'workspace' };

export function scopeTitle(scope: PreviewScope): string {
    return scope.kind === 'workspace' ? 'Argument map' : `Map: ${scope.uri.path.split('/').pop()}`;
}

/** Persisted with the panel, so a window reload restores what it showed. */
export interface PersistedScope {
    resource?: string;
}

export function persistScope(scope: PreviewScope): PersistedScope {
    return scope.kind === 'document' ? { resource: scope.uri.toString() } : {};
}

export function restoreScope(state: PersistedScope | undefined): PreviewScope {
    return state?.resource ? { kind: 'document', uri: vscode.Uri.parse(state.resource) } : { kind: 'workspace' };
}
