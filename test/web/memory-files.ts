// An editor file system in memory for the tests of reading through the client: URIs of the form
// memfs://ws/<path>, one workspace folder memfs://ws/.
import type { EditorFiles } from '../../extension/client-file-server.js';

export const FOLDER = 'memfs://ws/';

export class MemoryFiles implements EditorFiles {
    readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
    trust = true;
    reads: string[] = [];
    private clock = 1;

    write(relative: string, content: string | Uint8Array): void {
        const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
        this.files.set(FOLDER + relative, { bytes, mtime: this.clock++ });
    }

    async stat(uri: string) {
        const file = this.files.get(uri);
        if (file) return { type: 'file' as const, mtime: file.mtime, size: file.bytes.length };
        const prefix = uri.endsWith('/') ? uri : `${uri}/`;
        if ([...this.files.keys()].some(key => key.startsWith(prefix))) return { type: 'directory' as const, mtime: 0, size: 0 };
        throw new Error(`ENOENT ${uri}`);
    }

    async readFile(uri: string) {
        this.reads.push(uri);
        const file = this.files.get(uri);
        if (!file) throw new Error(`ENOENT ${uri}`);
        return file.bytes;
    }

    async readDirectory(uri: string) {
        const prefix = uri.endsWith('/') ? uri : `${uri}/`;
        const names = new Map<string, 'file' | 'directory'>();
        for (const key of this.files.keys()) {
            if (!key.startsWith(prefix)) continue;
            const [name, ...rest] = key.slice(prefix.length).split('/');
            names.set(name, rest.length > 0 ? 'directory' : 'file');
        }
        if (names.size === 0) throw new Error(`ENOENT ${uri}`);
        return [...names].map(([name, type]) => ({ name, type }));
    }

    trusted(): boolean {
        return this.trust;
    }

    insideWorkspace(uri: string): boolean {
        return uri.startsWith(FOLDER);
    }

    child(folder: string, name: string): string {
        return `${folder.endsWith('/') ? folder : `${folder}/`}${name}`;
    }
}
