/**
 * Inflating one zip entry into exactly the size its header declares, stopping as soon as more
 * comes out (a header that lies), so memory stays bounded whatever the archive holds.
 *
 * Two engines give the same bytes: the platform's DecompressionStream('deflate-raw') where there
 * is one (browsers, Node ≥ 20.12: native code that does not hold the JavaScript thread), and
 * fflate's streaming Inflate everywhere else.
 */
import { Inflate } from 'fflate';
import { formatBytes } from './format-bytes.js';
import { QdaCancelledError, type Pacer } from './pacing.js';

export type InflateEngine = 'native' | 'fflate';

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

let nativeSupport: boolean | undefined;

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
export async function inflateCapped(data: Uint8Array, size: number, pacer: Pacer, engine: InflateEngine = nativeInflateAvailable() ? 'native' : 'fflate'): Promise<Uint8Array | string> {
    const sink = new CappedSink(size);
    try {
        await (engine === 'native' && nativeInflateAvailable() ? inflateNative(data, sink, pacer) : inflateFflate(data, sink, pacer));
    } catch (error) {
        if (error instanceof QdaCancelledError) {
            throw error;
        }
        if (!sink.overflow) {
            return 'is damaged (its compressed data cannot be unpacked)';
        }
    }
    if (sink.overflow) {
        return `unpacks to more than the ${formatBytes(size)} its header says (a damaged or crafted archive)`;
    }
    return sink.written === size ? sink.out : `unpacks to ${formatBytes(sink.written)}, less than the ${formatBytes(size)} its header says (a damaged archive)`;
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
