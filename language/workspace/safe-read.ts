import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileProblem } from '../analysis/external-files.js';
import { isInside, resolveContained } from '../safety/path-containment.js';

export type SafeReadResult =
    | { ok: true; path: string; realPath: string; text: string; mtimeMs: number; size: number }
    | { ok: false; path: string; problem: FileProblem };

/**
 * Reads a text file named in the workspace (a bibliography, a transcript, the config, a
 * `.warrant` file announced by a file watcher) without ever blocking or leaving the folder.
 *
 * `resolveContained` checks the path lexically and after resolving symbolic links, and refuses
 * directories, devices, FIFOs and oversized files by `stat` alone. Between that check and the
 * read the file could still be swapped (for a FIFO, which would block `readFile` forever, for
 * `/dev/zero`, which never ends, or for a larger file), so the read itself is guarded too:
 * the real path is opened non-blocking and without following a final symlink, the open handle
 * is `fstat`ed (regular file, size under the cap), where the platform can say so the handle's
 * own path is checked to be inside the root again, and at most `maxBytes + 1` bytes are read.
 * Never throws. A leading BOM is dropped (editors do not count it in columns).
 */
export async function readContainedText(baseFile: string, relative: string, root: string, maxBytes: number): Promise<SafeReadResult> {
    const contained = resolveContained(baseFile, relative, root, maxBytes);
    if (!contained.ok) {
        return { ok: false, path: relative, problem: contained.reason };
    }
    const read = await readRegularFile(contained.realPath, root, maxBytes);
    return read.ok ? { ...read, path: contained.path, realPath: contained.realPath } : { ok: false, path: relative, problem: read.problem };
}

/**
 * The guarded read alone, for a path already checked by `resolveContained` (WorkspaceFiles,
 * which checks first to consult its cache; the tests, which swap files behind the check): opens `realPath` non-blocking and without
 * following a final symlink, refuses what `fstat` says is no regular file or over the cap,
 * and (on Linux) a handle whose real location is outside `root`.
 */
export async function readRegularFile(realPath: string, root: string, maxBytes: number): Promise<SafeReadResult> {
    const read = await readRegularBytes(realPath, root, maxBytes);
    if (!read.ok) {
        return read;
    }
    const text = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '');
    return { ok: true, path: realPath, realPath, text, mtimeMs: read.mtimeMs, size: read.size };
}

export type SafeBytesResult =
    | { ok: true; bytes: Uint8Array; mtimeMs: number; size: number }
    | { ok: false; path: string; problem: FileProblem };

/** `readRegularFile` without decoding: the bytes of a binary file (a `.qdpx` archive). */
export async function readRegularBytes(realPath: string, root: string, maxBytes: number): Promise<SafeBytesResult> {
    let handle: fs.FileHandle | undefined;
    try {
        handle = await fs.open(realPath, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
        const stat = await handle.stat();
        if (!stat.isFile()) {
            return { ok: false, path: realPath, problem: 'not-a-file' };
        }
        if (stat.size > maxBytes) {
            return { ok: false, path: realPath, problem: 'too-large' };
        }
        if (!(await stillInside(handle, root))) {
            return { ok: false, path: realPath, problem: 'outside-workspace' };
        }
        // A file that grows while it is read stops at the cap, like one that was too large. Not
        // zero-filled: only the bytes read are handed out, and filling 50 MB held the event loop.
        const buffer = Buffer.allocUnsafeSlow(Math.min(stat.size, maxBytes) + 1);
        let length = 0;
        for (;;) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
            if (bytesRead === 0) {
                break;
            }
            length += bytesRead;
            if (length === buffer.length) {
                if (length > maxBytes) {
                    return { ok: false, path: realPath, problem: 'too-large' };
                }
                break;
            }
        }
        return { ok: true, bytes: buffer.subarray(0, length), mtimeMs: stat.mtimeMs, size: stat.size };
    } catch {
        return { ok: false, path: realPath, problem: 'unreadable' };
    } finally {
        await handle?.close().catch(() => undefined);
    }
}

/** On Linux the kernel names the file an open handle refers to: it must still be inside the (real) root. */
async function stillInside(handle: fs.FileHandle, root: string): Promise<boolean> {
    let actual: string;
    try {
        actual = await fs.readlink(`/proc/self/fd/${handle.fd}`);
    } catch {
        return true; // not Linux (or no /proc): the realpath check in resolveContained stands alone
    }
    let realRoot = path.resolve(root);
    try {
        realRoot = await fs.realpath(realRoot);
    } catch {
        // keep the lexical root
    }
    return isInside(actual, realRoot);
}
