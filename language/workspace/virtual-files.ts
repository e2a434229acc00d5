import { URI, UriUtils } from 'langium';
import type { FileProblem } from '../analysis/external-files.js';
import type { ClientFiles } from './client-files.js';

export type VirtualReadResult = { ok: true; uri: URI; text: string } | { ok: false; problem: FileProblem };
export type VirtualLocated = { ok: true; uri: URI; folder: URI; mtime: number; size: number } | { ok: false; problem: FileProblem };

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

    /** Where a file named in `base` is, if it may be read: inside the workspace folder of `base`, a file, within the cap. */
    async locate(base: URI, relative: string, maxBytes: number): Promise<VirtualLocated> {
        const folder = this.folderFor(base);
        if (!folder) {
            return { ok: false, problem: 'outside-workspace' };
        }
        const target = relative.startsWith('/') ? base.with({ path: relative }) : UriUtils.resolvePath(UriUtils.dirname(base), relative);
        if (!isInsideFolder(target, folder)) {
            return { ok: false, problem: 'outside-workspace' };
        }
        const stat = await this.files.stat(target);
        if (!stat.ok || stat.type !== 'file') {
            this.cache.delete(target.toString());
            return { ok: false, problem: stat.ok ? 'not-a-file' : stat.problem };
        }
        if (stat.size > maxBytes) {
            this.cache.delete(target.toString());
            return { ok: false, problem: 'too-large' };
        }
        return { ok: true, uri: target, folder, mtime: stat.mtime, size: stat.size };
    }

    /** The bytes of a file {@link locate} found (REFI-QDA projects, and the sources they keep beside them). */
    readBytes(uri: URI, maxBytes: number): ReturnType<ClientFiles['readBytes']> {
        return this.files.readBytes(uri, maxBytes);
    }

    async read(base: URI, relative: string, maxBytes: number): Promise<VirtualReadResult> {
        const located = await this.locate(base, relative, maxBytes);
        if (!located.ok) {
            return located;
        }
        const { uri: target } = located;
        const key = target.toString();
        const cached = this.cache.get(key);
        if (cached && cached.mtime === located.mtime && cached.size === located.size) {
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
