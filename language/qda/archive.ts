/**
 * A `.qdpx` is a zip archive. This reads one from bytes without trusting it: names that would
 * leave a folder, symbolic links, entries that unpack to more than their header says or than
 * Warrant's caps (zip bombs) are refused with a problem, and nothing is ever written.
 * The central directory is read here (fflate does not expose symlink attributes); entries are
 * inflated on demand with a running cap (inflate.ts).
 */
import { strFromU8 } from 'fflate';
import { formatBytes } from './format-bytes.js';
import type { Problems } from './model.js';
import { inflateCapped, type InflateEngine } from './inflate.js';
import type { Pacer } from './pacing.js';

export interface ArchiveLimits {
    /** Entries in the central directory (default 10,000). */
    readonly maxEntries?: number;
    /** Unpacked size of one entry (default 256 MiB). */
    readonly maxEntryBytes?: number;
    /** Unpacked size of everything read from one archive (default 512 MiB). */
    readonly maxTotalBytes?: number;
    /** Unpacked / packed size of one entry, above `ratioFloorBytes` (default 200). */
    readonly maxRatio?: number;
    /** Entries smaller than this are never refused for their ratio (default 1 MiB). */
    readonly ratioFloorBytes?: number;
}

const DEFAULT_LIMITS: Required<ArchiveLimits> = {
    maxEntries: 10_000,
    maxEntryBytes: 256 * 2 ** 20,
    maxTotalBytes: 512 * 2 ** 20,
    maxRatio: 200,
    ratioFloorBytes: 2 ** 20
};

export interface ArchiveEntry {
    /** The name with `\` read as `/` and `.` segments dropped. */
    readonly name: string;
    readonly method: number;
    readonly compressedSize: number;
    readonly size: number;
    readonly encrypted: boolean;
    readonly headerOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UNIX_HOST = 3;
const SYMLINK_MODE = 0o120000;

export class QdaArchive {
    private readonly exact = new Map<string, ArchiveEntry>();
    private readonly folded = new Map<string, ArchiveEntry>();
    private readonly limits: Required<ArchiveLimits>;
    private unpacked = 0;

    private constructor(private readonly bytes: Uint8Array, private readonly problems: Problems, limits: ArchiveLimits, private readonly engine?: InflateEngine) {
        this.limits = { ...DEFAULT_LIMITS, ...limits };
    }

    /** Reads the central directory; undefined (with an error problem) when the bytes are not a zip archive Warrant can read. */
    static open(bytes: Uint8Array, problems: Problems, limits: ArchiveLimits = {}, engine?: InflateEngine): QdaArchive | undefined {
        const archive = new QdaArchive(bytes, problems, limits, engine);
        return archive.readDirectory() ? archive : undefined;
    }

    get entries(): readonly ArchiveEntry[] {
        return [...this.exact.values()];
    }

    /** The entry with this path; when there is none, the one whose path differs only in letter case (`Sources/` for `sources/`). */
    find(path: string): ArchiveEntry | undefined {
        const key = normalizeName(path);
        return this.exact.get(key) ?? this.folded.get(key.toLowerCase());
    }

    /**
     * The unpacked bytes of an entry, or undefined with a problem (in `problems`, by default the
     * archive's) saying why it was not read. Several reads may be under way at once.
     */
    async read(entry: ArchiveEntry, pacer: Pacer, problems: Problems = this.problems): Promise<Uint8Array | undefined> {
        const { maxEntryBytes, maxTotalBytes, maxRatio, ratioFloorBytes } = this.limits;
        const refuse = (why: string) => {
            problems.error(`${entry.name} in the archive ${why}; Warrant did not read it.`);
            return undefined;
        };
        if (entry.encrypted) {
            return refuse('is encrypted');
        }
        if (entry.size > maxEntryBytes) {
            return refuse(`would unpack to ${formatBytes(entry.size)}, more than the ${formatBytes(maxEntryBytes)} Warrant reads from one file`);
        }
        if (this.unpacked + entry.size > maxTotalBytes) {
            return refuse(`would take what Warrant unpacks from one project past ${formatBytes(maxTotalBytes)}`);
        }
        if (entry.size > ratioFloorBytes && entry.size > entry.compressedSize * maxRatio) {
            return refuse(`is compressed ${Math.round(entry.size / Math.max(1, entry.compressedSize))} times (more than ${maxRatio}), as zip bombs are`);
        }
        const data = this.dataOf(entry);
        if (!data) {
            return refuse('is cut short or its header is damaged');
        }
        // Counted before unpacking, so that reads under way together cannot pass the total between them.
        this.unpacked += entry.size;
        let out: Uint8Array | undefined;
        if (entry.method === 0) {
            out = entry.compressedSize === entry.size ? data.slice() : undefined;
            if (!out) {
                return refuse('is stored uncompressed but its two sizes differ');
            }
        } else if (entry.method === 8) {
            const inflated = await inflateCapped(data, entry.size, pacer, this.engine);
            if (typeof inflated === 'string') {
                return refuse(inflated);
            }
            out = inflated;
        } else {
            return refuse(`uses compression method ${entry.method}, which Warrant does not read (only stored and deflate)`);
        }
        return out;
    }

    private readDirectory(): boolean {
        const fail = (why: string) => {
            this.problems.error(`The file is not a zip archive Warrant can read (${why}); a REFI-QDA project (.qdpx) is a zip archive.`);
            return false;
        };
        const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
        const end = findEndOfDirectory(view);
        if (end < 0) {
            return fail('no zip directory found');
        }
        const total = view.getUint16(end + 10, true);
        const directorySize = view.getUint32(end + 12, true);
        let offset = view.getUint32(end + 16, true);
        if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0) {
            return fail('split over several disks');
        }
        if (offset === 0xffffffff || total === 0xffff) {
            return fail('ZIP64, for archives over 4 GB or 65,535 entries');
        }
        if (offset + directorySize > end) {
            return fail('its directory lies outside the file');
        }
        if (total > this.limits.maxEntries) {
            return fail(`${total.toLocaleString('en')} entries, more than the ${this.limits.maxEntries.toLocaleString('en')} Warrant reads`);
        }
        for (let i = 0; i < total; i++) {
            if (offset + 46 > end || view.getUint32(offset, true) !== CENTRAL) {
                return fail('its directory is damaged');
            }
            const flags = view.getUint16(offset + 8, true);
            const nameLength = view.getUint16(offset + 28, true);
            const next = offset + 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
            if (next > end) {
                return fail('its directory is damaged');
            }
            const raw = strFromU8(this.bytes.subarray(offset + 46, offset + 46 + nameLength), (flags & 0x800) === 0);
            this.add(raw, {
                method: view.getUint16(offset + 10, true),
                compressedSize: view.getUint32(offset + 20, true),
                size: view.getUint32(offset + 24, true),
                encrypted: (flags & 1) === 1,
                headerOffset: view.getUint32(offset + 42, true),
                host: view.getUint8(offset + 5),
                mode: view.getUint32(offset + 38, true) >>> 16
            });
            offset = next;
        }
        return true;
    }

    private add(raw: string, fields: Omit<ArchiveEntry, 'name'> & { host: number; mode: number }): void {
        const { host, mode, ...entry } = fields;
        const shown = JSON.stringify(raw);
        const unsafe = unsafeName(raw);
        if (unsafe) {
            this.problems.error(`The archive entry ${shown} ${unsafe}; Warrant skipped it.`);
            return;
        }
        if (host === UNIX_HOST && (mode & 0o170000) === SYMLINK_MODE) {
            this.problems.warning(`The archive entry ${shown} is a symbolic link; Warrant skipped it (links could point outside the project).`);
            return;
        }
        const name = normalizeName(raw);
        if (raw.endsWith('/') || name === '') {
            return;
        }
        if (this.exact.has(name)) {
            this.problems.warning(`The archive holds ${shown} more than once; Warrant used the first.`);
            return;
        }
        const full: ArchiveEntry = { name, ...entry };
        this.exact.set(name, full);
        if (!this.folded.has(name.toLowerCase())) {
            this.folded.set(name.toLowerCase(), full);
        }
    }

    private dataOf(entry: ArchiveEntry): Uint8Array | undefined {
        const at = entry.headerOffset;
        if (at + 30 > this.bytes.length) {
            return undefined;
        }
        const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + at, 30);
        if (view.getUint32(0, true) !== LOCAL) {
            return undefined;
        }
        const start = at + 30 + view.getUint16(26, true) + view.getUint16(28, true);
        const end = start + entry.compressedSize;
        return end <= this.bytes.length ? this.bytes.subarray(start, end) : undefined;
    }
}

function findEndOfDirectory(view: DataView): number {
    const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
    for (let at = view.byteLength - 22; at >= lowest; at--) {
        if (view.getUint32(at, true) === EOCD) {
            return at;
        }
    }
    return -1;
}

/** Why a name must not be used, or undefined. Backslashes count as separators, as Windows tools write them. */
function unsafeName(raw: string): string | undefined {
    const name = raw.replace(/\\/g, '/');
    if (name.includes('\0')) {
        return 'has a NUL character in its name';
    }
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) {
        return 'has an absolute path';
    }
    if (name.split('/').includes('..')) {
        return 'has ".." in its path, which would reach outside the project';
    }
    return undefined;
}

function normalizeName(raw: string): string {
    return raw.replace(/\\/g, '/').split('/').filter(part => part !== '' && part !== '.').join('/');
}
