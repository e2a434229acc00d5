/**
 * The one test of "is this path inside that folder", and resolving a path written in a
 * workspace file (`bibliography "refs.bib"`, a transcript's file) without ever leaving the
 * workspace folder: `..` segments, absolute paths and symbolic links pointing outside are all
 * refused, as are directories, missing files and oversized files.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

export type ContainmentProblem = 'outside-workspace' | 'not-a-file' | 'too-large' | 'not-found';

export type ContainmentResult =
    | { readonly ok: true; readonly path: string; readonly realPath: string; readonly size: number }
    | { readonly ok: false; readonly reason: ContainmentProblem; readonly path: string };

/**
 * Windows and macOS file systems ignore case by default: a file under `/Users/me/Thesis`
 * is inside the folder the editor calls `/users/me/thesis`, and a comparison that minds case
 * would give such a file no root (so no bibliography), or the wrong one. (A Web Worker has no
 * `process`, and its paths are URI paths, which mind case.)
 */
const platform = (globalThis as { process?: { platform?: string } }).process?.platform;
const CASE_INSENSITIVE_PATHS = platform === 'win32' || platform === 'darwin';

/** Whether `candidate` is `folder` or inside it (both absolute and normalised), by whole segments. */
export function isInside(candidate: string, folder: string, ignoreCase: boolean = CASE_INSENSITIVE_PATHS): boolean {
    const c = ignoreCase ? candidate.toLowerCase() : candidate;
    const f = ignoreCase ? folder.toLowerCase() : folder;
    if (c === f) {
        return true;
    }
    return c.startsWith(f.endsWith(path.sep) ? f : f + path.sep);
}

function realpath(p: string): string | undefined {
    try {
        return fs.realpathSync.native(p);
    } catch {
        return undefined;
    }
}

/**
 * Resolves `relativeOrAbsolutePath` against the directory of `baseFileFsPath` and checks that
 * the result (and, when it exists, its real path with symbolic links resolved) lies inside
 * `workspaceRootFsPath`, is a regular file and is at most `maxBytes` long. Never throws.
 */
export function resolveContained(
    baseFileFsPath: string,
    relativeOrAbsolutePath: string,
    workspaceRootFsPath: string,
    maxBytes: number = DEFAULT_MAX_FILE_BYTES
): ContainmentResult {
    const root = path.resolve(workspaceRootFsPath);
    let resolved: string;
    try {
        resolved = path.resolve(path.dirname(path.resolve(baseFileFsPath)), relativeOrAbsolutePath);
    } catch {
        return { ok: false, reason: 'not-found', path: relativeOrAbsolutePath };
    }
    // Lexical check first: a path outside is refused without touching the file system.
    if (relativeOrAbsolutePath.includes('\0') || !isInside(resolved, root)) {
        return { ok: false, reason: relativeOrAbsolutePath.includes('\0') ? 'not-found' : 'outside-workspace', path: resolved };
    }
    const realRoot = realpath(root) ?? root;
    const real = realpath(resolved);
    if (real === undefined) {
        // Missing, or a dangling / looping symbolic link.
        return { ok: false, reason: 'not-found', path: resolved };
    }
    if (!isInside(real, realRoot)) {
        return { ok: false, reason: 'outside-workspace', path: resolved };
    }
    let stat: fs.Stats;
    try {
        stat = fs.statSync(real);
    } catch {
        return { ok: false, reason: 'not-found', path: resolved };
    }
    if (!stat.isFile()) {
        return { ok: false, reason: 'not-a-file', path: resolved };
    }
    if (stat.size > maxBytes) {
        return { ok: false, reason: 'too-large', path: resolved };
    }
    return { ok: true, path: resolved, realPath: real, size: stat.size };
}
