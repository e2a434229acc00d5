/**
 * Inflating one zip entry into exactly the size its header declares, stopping as soon as more
 * comes out (a header that lies), so memory stays bounded whatever the archive holds.
 *
 * Three engines give the same bytes: Node's zlib where the host is Node (native code on the
 * thread pool, in large chunks: the fastest, and the JavaScript thread stays free), the
 * platform's DecompressionStream('deflate-raw') in browsers (native, but in zlib's small
 * chunks), and fflate's streaming Inflate everywhere else.
 */
import { Inflate } from 'fflate';
import { formatBytes } from './format-bytes.js';
import { QdaCancelledError, type Pacer } from './pacing.js';

export type InflateEngine = 'node' | 'native' | 'fflate';

/**
 * Compressed bytes handed to fflate at a time, between these bounds and about 1/64 of the
 * declared size: deflate unpacks at most ~1,032× its input, so one push of a lying entry
 * produces at most ~16 MB before the cap sees it, while honest large entries go in pieces big
 * enough to keep fflate's per-push copying small.
 */
const MIN_CHUNK = 4 * 1024;
const MAX_CHUNK = 16 * 1024;
/** Compressed bytes written to the native stream at a time (its output is read in zlib's own chunks). */
const NATIVE_CHUNK = 64 * 1024;

/**
 * Node's zlib writes into chunks of this size, at least: its default (16 KB) costs a thread-pool
 * round trip per 16 KB; a chunk one byte over the declared size unpacks an honest entry in one trip, with
 * no copy to join chunks, and a lying header is still caught after one small chunk.
 */
const NODE_MIN_CHUNK = 64 * 1024;

type NodeZlib = typeof import('node:zlib');

let nativeSupport: boolean | undefined;
let nodeZlib: NodeZlib | null | undefined;

/** Node's zlib, reached without an import so that the same code runs in browsers (Node ≥ 20.16). */
function zlibOfHost(): NodeZlib | undefined {
    if (nodeZlib === undefined) {
        const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
        nodeZlib = (host?.getBuiltinModule?.('node:zlib') as NodeZlib | undefined) ?? null;
    }
    return nodeZlib ?? undefined;
}

/** The engines this platform has, the fastest first. */
export function inflateEngines(): InflateEngine[] {
    return [...(zlibOfHost() ? ['node' as const] : []), ...(nativeInflateAvailable() ? ['native' as const] : []), 'fflate'];
}

/** Whether DecompressionStream('deflate-raw') exists here. */
export function nativeInflateAvailable(): boolean {
    if (nativeSupport === undefined) {
        try {
            nativeSupport = typeof DecompressionStream === 'function' && new DecompressionStream('deflate-raw') !== undefined;
        } catch {
            nativeSupport = false;
        }
    }
    return nativeSupport;
}

class CappedSink {
    readonly out: Uint8Array;
    written = 0;
    overflow = false;

    constructor(readonly size: number) {
        this.out = new Uint8Array(size);
    }

    /** Keeps a chunk; false (and nothing kept) once the declared size would be passed. */
    push(chunk: Uint8Array): boolean {
        if (this.overflow || this.written + chunk.length > this.size) {
            this.overflow = true;
            return false;
        }
        this.out.set(chunk, this.written);
        this.written += chunk.length;
        return true;
    }
}

/** The entry's bytes, or why they could not be had (a sentence part for a problem). */
export async function inflateCapped(data: Uint8Array, size: number, pacer: Pacer, engine: InflateEngine = inflateEngines()[0]!): Promise<Uint8Array | string> {
    const zlib = engine === 'node' ? zlibOfHost() : undefined;
    if (zlib) {
        return inflateNode(zlib, data, size, pacer);
    }
    const sink = new CappedSink(size);
    try {
        await (engine !== 'fflate' && nativeInflateAvailable() ? inflateNative(data, sink, pacer) : inflateFflate(data, sink, pacer));
    } catch (error) {
        if (error instanceof QdaCancelledError) {
            throw error;
        }
        if (!sink.overflow) {
            return DAMAGED;
        }
    }
    return sink.overflow ? tooLong(size) : sink.written === size ? sink.out : tooShort(sink.written, size);
}

const DAMAGED = 'is damaged (its compressed data cannot be unpacked)';
const tooLong = (size: number) => `unpacks to more than the ${formatBytes(size)} its header says (a damaged or crafted archive)`;
const tooShort = (written: number, size: number) => `unpacks to ${formatBytes(written)}, less than the ${formatBytes(size)} its header says (a damaged archive)`;

/** zlib stops by itself once its output passes `maxOutputLength` (ERR_BUFFER_TOO_LARGE). */
async function inflateNode(zlib: NodeZlib, data: Uint8Array, size: number, pacer: Pacer): Promise<Uint8Array | string> {
    const chunkSize = Math.max(NODE_MIN_CHUNK, size + 1);
    const result = await new Promise<Uint8Array | string>(resolve => {
        zlib.inflateRaw(data, { maxOutputLength: Math.max(1, size), chunkSize }, (error, out) => {
            if (error) {
                resolve((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? tooLong(size) : DAMAGED);
            } else {
                // A plain view: Buffer's own slice() would not copy.
                resolve(out.length === size ? new Uint8Array(out.buffer, out.byteOffset, out.length) : out.length > size ? tooLong(size) : tooShort(out.length, size));
            }
        });
    });
    await pacer.pace();
    return result;
}

async function inflateFflate(data: Uint8Array, sink: CappedSink, pacer: Pacer): Promise<void> {
    const inflater = new Inflate((chunk: Uint8Array) => void sink.push(chunk));
    const chunk = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.floor(sink.size / 64)));
    for (let at = 0; ; at += chunk) {
        const last = at + chunk >= data.length;
        inflater.push(data.subarray(at, at + chunk), last);
        if (last || sink.overflow) {
            return;
        }
        await pacer.pace();
    }
}

async function inflateNative(data: Uint8Array, sink: CappedSink, pacer: Pacer): Promise<void> {
    const stream = new DecompressionStream('deflate-raw');
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    // Written from a separate task: awaiting each write before reading would stall on back-pressure.
    const writing = (async () => {
        for (let at = 0; at < data.length; at += NATIVE_CHUNK) {
            await writer.write(data.subarray(at, at + NATIVE_CHUNK) as Uint8Array<ArrayBuffer>);
        }
        await writer.close();
    })();
    writing.catch(() => undefined);
    try {
        for (;;) {
            const { value, done } = await reader.read();
            if (done) {
                break;
            }
            if (!sink.push(value)) {
                break;
            }
            if (pacer.due()) {
                await pacer.pace();
            }
        }
    } finally {
        // Stops the decompressor when the cap was hit or on cancellation; a no-op after the end.
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
    }
    if (!sink.overflow) {
        await writing;
    }
}
