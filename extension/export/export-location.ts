/**
 * Where the save dialog of an export opens. Candidates come in order of preference — the
 * workspace folder of the exported document, the document's own folder, the home folder — and
 * the first that is not the filesystem root wins: VS Code's dialog lands on `/` when given a bare
 * file name, and nobody wants a map written there. Paths are URI paths (forward slashes).
 */
export function pickExportFolder<Folder extends { path: string }>(candidates: readonly (Folder | undefined)[]): Folder | undefined {
    return candidates.find((folder): folder is Folder => folder !== undefined && !isRoot(folder.path));
}

/** `/`, `C:/`, `/c:` and the empty path are roots (file URIs on Windows put the drive after a slash). */
function isRoot(path: string): boolean {
    return /^\/?([A-Za-z]:)?\/*$/.test(path);
}

/** The exported file's name: the document's, with the format's extension; `argument-map` for the workspace map. */
export function exportFileName(documentPath: string | undefined, extension: string): string {
    const base = documentPath?.split('/').pop()?.replace(/\.warrant$/, '') || 'argument-map';
    return `${base}.${extension}`;
}
