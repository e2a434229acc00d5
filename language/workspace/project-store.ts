import { OperationCancelled } from 'langium';
import { QdaCancelledError, QdaIndex, readQdpx } from '../qda/index.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/**
 * The bytes of one version of a project file, from wherever they live (the disk, through the
 * workspace's containment; later a virtual file system): `version` changes whenever the bytes
 * may have, so that an unchanged file is not read again.
 */
export interface ProjectBytesSource {
    readonly version: string;
    bytes(): Promise<Uint8Array>;
    /** Reads a source the project keeps outside its archive (`relative://…`), or says why not by throwing. */
    external(path: string): Promise<Uint8Array | undefined>;
}

export interface ProjectReadOptions {
    readonly isCancelled?: () => boolean;
}

/**
 * The REFI-QDA projects the documents name, each read once per version of its file with
 * `readQdpx`'s pacing: the read hands the event loop back every few milliseconds (yieldToEventLoop,
 * so requests queued meanwhile are answered), and stops when the build is cancelled.
 */
export class ProjectStore {
    private readonly cache = new Map<string, { version: string; index: QdaIndex }>();

    async load(key: string, source: ProjectBytesSource, options: ProjectReadOptions = {}): Promise<QdaIndex> {
        const cached = this.cache.get(key);
        if (cached?.version === source.version) {
            return cached.index;
        }
        let project;
        try {
            project = await readQdpx(await source.bytes(), {
                yieldNow: yieldToEventLoop,
                isCancelled: options.isCancelled,
                resolveExternal: path => source.external(path)
            });
        } catch (error) {
            // A cancelled read caches nothing: the next build reads the file afresh.
            if (error instanceof QdaCancelledError) {
                throw OperationCancelled;
            }
            throw error;
        }
        const index = new QdaIndex(project);
        this.cache.set(key, { version: source.version, index });
        return index;
    }

    /** The project last read from this file, if a document still names it. */
    cached(key: string): QdaIndex | undefined {
        return this.cache.get(key)?.index;
    }

    /** Forgets the projects no document names any more. */
    retain(keys: ReadonlySet<string>): void {
        for (const key of this.cache.keys()) {
            if (!keys.has(key)) {
                this.cache.delete(key);
            }
        }
    }

    forget(key?: string): void {
        if (key === undefined) {
            this.cache.clear();
        } else {
            this.cache.delete(key);
        }
    }
}
