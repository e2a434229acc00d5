import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import type { RequestType } from 'vscode-languageserver-protocol';
import type { FileProblem } from '../analysis/external-files.js';
import {
    ClientReadDirectoryRequest, ClientReadFileRequest, ClientStatRequest,
    type ClientReadDirectoryResult, type ClientReadFileResult, type ClientStatResult
} from '../protocol.js';
import { fromBase64 } from './base64.js';

export type ReadBytesResult = { ok: true; bytes: Uint8Array; mtime: number; size: number } | { ok: false; problem: FileProblem };
export type StatResult = { ok: true; type: 'file' | 'directory'; mtime: number; size: number } | { ok: false; problem: FileProblem };

const CLIENT_PROBLEMS: ReadonlySet<string> = new Set<FileProblem>(['not-found', 'outside-workspace', 'not-a-file', 'too-large', 'unreadable', 'untrusted']);

/** The client's reason, or 'unreadable' for one it should not have given. */
function problemOf(error: unknown): FileProblem {
    return typeof error === 'string' && CLIENT_PROBLEMS.has(error) ? error as FileProblem : 'unreadable';
}

/** Sends a request to the client (the language server's connection). */
export type SendRequest = <P, R>(type: RequestType<P, R, void>, params: P) => Promise<R>;

/**
 * The files of a virtual workspace (any scheme but `file:`), read through the client (see
 * ClientReadFileRequest in protocol.ts): where the server has no disk of its own (a Web Worker)
 * or the folder is not on this machine's disk (vscode.dev, github.dev, Codespaces). The client
 * enforces trust, workspace containment and the size cap; a client that did not announce
 * `clientFiles` is never asked, and every read is then 'unreadable'. Never throws.
 */
export class ClientFiles {
    /** Set when the client announces `initializationOptions.clientFiles: true`. */
    enabled = false;

    constructor(private readonly send: SendRequest) {}

    /** The seam every reader of workspace files outside `file:` goes through. */
    async readBytes(uri: URI, maxBytes: number): Promise<ReadBytesResult> {
        const result = await this.request<ClientReadFileResult>(ClientReadFileRequest, { uri: uri.toString(), maxBytes });
        if (!result || typeof result !== 'object') return { ok: false, problem: 'unreadable' };
        if ('error' in result) return { ok: false, problem: problemOf(result.error) };
        if (typeof result.data !== 'string') return { ok: false, problem: 'unreadable' };
        const bytes = fromBase64(result.data);
        if (bytes.length > maxBytes) return { ok: false, problem: 'too-large' };
        return { ok: true, bytes, mtime: Number(result.mtime) || 0, size: bytes.length };
    }

    async stat(uri: URI): Promise<StatResult> {
        const result = await this.request<ClientStatResult>(ClientStatRequest, { uri: uri.toString() });
        if (!result || typeof result !== 'object') return { ok: false, problem: 'unreadable' };
        if ('error' in result) return { ok: false, problem: problemOf(result.error) };
        return { ok: true, type: result.type === 'directory' ? 'directory' : 'file', mtime: Number(result.mtime) || 0, size: Number(result.size) || 0 };
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const result = await this.request<ClientReadDirectoryResult>(ClientReadDirectoryRequest, { uri: uri.toString() });
        if (!result || typeof result !== 'object' || 'error' in result || !Array.isArray(result.entries)) return [];
        return result.entries.flatMap(entry => typeof entry?.uri === 'string'
            ? [{ uri: URI.parse(entry.uri), isFile: entry.type === 'file', isDirectory: entry.type === 'directory' }]
            : []);
    }

    private async request<R>(type: RequestType<{ uri: string }, R, void>, params: { uri: string; maxBytes?: number }): Promise<R | { error: FileProblem } | undefined> {
        if (!this.enabled) return { error: 'unreadable' };
        try {
            return await this.send(type, params);
        } catch {
            return { error: 'unreadable' };
        }
    }
}

/** Langium's file system (indexing the workspace folders, reading `.warrant` files) through ClientFiles. */
export class ClientFileSystemProvider implements FileSystemProvider {
    constructor(readonly files: ClientFiles, private readonly maxBytes: number) {}

    async stat(uri: URI): Promise<FileSystemNode> {
        const stat = await this.files.stat(uri);
        if (!stat.ok) throw new Error(`${uri.toString()}: ${stat.problem}`);
        return { uri, isFile: stat.type === 'file', isDirectory: stat.type === 'directory' };
    }

    async exists(uri: URI): Promise<boolean> {
        return (await this.files.stat(uri)).ok;
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        const read = await this.files.readBytes(uri, this.maxBytes);
        if (!read.ok) throw new Error(`${uri.toString()}: ${read.problem}`);
        return read.bytes;
    }

    async readFile(uri: URI): Promise<string> {
        return new TextDecoder().decode(await this.readBinary(uri));
    }

    readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return this.files.readDirectory(uri);
    }

    statSync(): FileSystemNode {
        throw new Error('the client file system has no synchronous access');
    }

    existsSync(): boolean {
        return false;
    }

    readBinarySync(): Uint8Array {
        throw new Error('the client file system has no synchronous access');
    }

    readFileSync(): string {
        throw new Error('the client file system has no synchronous access');
    }

    readDirectorySync(): FileSystemNode[] {
        return [];
    }
}

/**
 * Local files from the disk (`local`, the Node file system) and every other scheme through the
 * client: the desktop server in a virtual workspace.
 */
export class SchemeFileSystemProvider implements FileSystemProvider {
    constructor(private readonly local: FileSystemProvider, private readonly client: ClientFileSystemProvider) {}

    private pick(uri: URI): FileSystemProvider {
        return uri.scheme === 'file' ? this.local : this.client;
    }

    stat(uri: URI): Promise<FileSystemNode> { return this.pick(uri).stat(uri); }
    statSync(uri: URI): FileSystemNode { return this.pick(uri).statSync(uri); }
    exists(uri: URI): Promise<boolean> { return this.pick(uri).exists(uri); }
    existsSync(uri: URI): boolean { return this.pick(uri).existsSync(uri); }
    readBinary(uri: URI): Promise<Uint8Array> { return this.pick(uri).readBinary(uri); }
    readBinarySync(uri: URI): Uint8Array { return this.pick(uri).readBinarySync(uri); }
    readFile(uri: URI): Promise<string> { return this.pick(uri).readFile(uri); }
    readFileSync(uri: URI): string { return this.pick(uri).readFileSync(uri); }
    readDirectory(uri: URI): Promise<FileSystemNode[]> { return this.pick(uri).readDirectory(uri); }
    readDirectorySync(uri: URI): FileSystemNode[] { return this.pick(uri).readDirectorySync(uri); }
}
