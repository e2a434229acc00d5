import type {
    ClientFileError, ClientFileParams, ClientReadDirectoryResult, ClientReadFileParams, ClientReadFileResult, ClientStatResult
} from '../language/protocol.js';
import { toBase64 } from '../language/workspace/base64.js';

/** What the answers need from the editor (extension/client-files.ts binds it to vscode.workspace.fs). */
export interface EditorFiles {
    /** Throws when there is no such file or folder. */
    stat(uri: string): Promise<{ type: 'file' | 'directory' | 'other'; mtime: number; size: number }>;
    readFile(uri: string): Promise<Uint8Array>;
    readDirectory(uri: string): Promise<{ name: string; type: 'file' | 'directory' | 'other' }[]>;
    /** Whether the user trusts the workspace. */
    trusted(): boolean;
    /** Whether the URI lies in a workspace folder. */
    insideWorkspace(uri: string): boolean;
    /** Joins a name to a folder's URI. */
    child(folder: string, name: string): string;
}

/**
 * Answers the language server's file requests (ClientStatRequest, ClientReadFileRequest,
 * ClientReadDirectoryRequest) with the editor's file system, so that a server without a disk
 * reads bibliographies, transcripts and the config of a virtual workspace. The same limits as on
 * disk: nothing in an untrusted workspace, nothing outside the workspace folders (a URI with `.`
 * or `..` segments is refused, not resolved), no more than the server's size cap.
 */
export class ClientFileServer {
    constructor(private readonly files: EditorFiles) {}

    async stat(params: ClientFileParams): Promise<ClientStatResult> {
        const refused = this.refusal(params.uri);
        if (refused) return { error: refused };
        try {
            const stat = await this.files.stat(params.uri);
            return stat.type === 'other' ? { error: 'not-a-file' } : { type: stat.type, mtime: stat.mtime, size: stat.size };
        } catch {
            return { error: 'not-found' };
        }
    }

    async readFile(params: ClientReadFileParams): Promise<ClientReadFileResult> {
        const stat = await this.stat(params);
        if ('error' in stat) return stat;
        if (stat.type !== 'file') return { error: 'not-a-file' };
        if (!(stat.size <= params.maxBytes)) return { error: 'too-large' };
        let bytes: Uint8Array;
        try {
            bytes = await this.files.readFile(params.uri);
        } catch {
            return { error: 'unreadable' };
        }
        // The file may have grown between the stat and the read.
        if (bytes.length > params.maxBytes) return { error: 'too-large' };
        return { data: toBase64(bytes), mtime: stat.mtime, size: bytes.length };
    }

    async readDirectory(params: ClientFileParams): Promise<ClientReadDirectoryResult> {
        const refused = this.refusal(params.uri);
        if (refused) return { error: refused };
        try {
            const entries = await this.files.readDirectory(params.uri);
            return {
                entries: entries.flatMap(entry => entry.type === 'other' ? [] : [{ uri: this.files.child(params.uri, entry.name), type: entry.type }])
            };
        } catch {
            return { error: 'not-found' };
        }
    }

    private refusal(uri: unknown): ClientFileError | undefined {
        if (!this.files.trusted()) return 'untrusted';
        if (typeof uri !== 'string' || hasDotSegments(uri) || !this.files.insideWorkspace(uri)) return 'outside-workspace';
        return undefined;
    }
}

function hasDotSegments(uri: string): boolean {
    const path = uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0];
    return path.split('/').some(segment => {
        const decoded = safeDecode(segment);
        return decoded === '.' || decoded === '..' || decoded === undefined || decoded.includes('/') || decoded.includes('\\');
    });
}

function safeDecode(segment: string): string | undefined {
    try {
        return decodeURIComponent(segment);
    } catch {
        return undefined;
    }
}
