import { URI, UriUtils } from 'langium';
import type { FileProblem } from '../analysis/external-files.js';
import type { ClientFiles } from './client-files.js';

export type VirtualReadResult = { ok: true; uri: URI; text: string } | { ok: false; problem: FileProblem };

/**
 * The bibliographies, transcripts and config of a virtual workspace (folders not on `file:`), read
 * through the client (ClientFiles) with the same rules as on disk: the named file must lie in the
 * workspace folder of the document naming it (`..` cannot leave it), and is read at most up to the
 * cap. Unchanged files (same mtime and size) are not read again.
 */
export class VirtualFiles {
    private readonly cache = new Map<string, { mtime: number; size: number; text: string }>();

    constructor(private readonly files: ClientFiles, private readonly folders: () => URI[]) {}

    /** The workspace folder holding `uri` (the innermost), or undefined. */
    folderFor(uri: URI): URI | undefined {
        return this.folders().filter(folder => isInsideFolder(uri, folder)).sort((a, b) => b.path.length - a.path.length)[0];
    }

    async read(base: URI, relative: string, maxBytes: number): Promise<VirtualReadResult> {
        const folder = this.folderFor(base);
        if (!folder) {
            return { ok: false, problem: 'outside-workspace' };
        }
        const target = relative.startsWith('/') ? base.with({ path: relative }) : UriUtils.resolvePath(UriUtils.dirname(base), relative);
        if (!isInsideFolder(target, folder)) {
            return { ok: false, problem: 'outside-workspace' };
        }
        const key = target.toString();
        const stat = await this.files.stat(target);
        if (!stat.ok || stat.type !== 'file') {
            this.cache.delete(key);
            return { ok: false, problem: stat.ok ? 'not-a-file' : stat.problem };
        }
        if (stat.size > maxBytes) {
            this.cache.delete(key);
            return { ok: false, problem: 'too-large' };
        }
        const cached = this.cache.get(key);
        if (cached && cached.mtime === stat.mtime && cached.size === stat.size) {
            return { ok: true, uri: target, text: cached.text };
        }
        const read = await this.files.readBytes(target, maxBytes);
        if (!read.ok) {
            this.cache.delete(key);
            return read;
        }
        // Like reads from disk: a leading BOM is dropped (TextDecoder does), malformed bytes become U+FFFD.
        const text = new TextDecoder().decode(read.bytes);
        this.cache.set(key, { mtime: read.mtime, size: read.size, text });
        return { ok: true, uri: target, text };
    }
}

/** Whether `uri` is `folder` or below it: same scheme and authority, whole path segments. */
export function isInsideFolder(uri: URI, folder: URI): boolean {
    if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) {
        return false;
    }
    const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    return uri.path === folder.path || uri.path.startsWith(prefix);
}
