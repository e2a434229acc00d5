/**
 * Cooperative work: long reads hand the event loop back every few milliseconds so that a
 * language server keeps answering while a large project is read.
 */

export class QdaCancelledError extends Error {
    constructor() {
        super('reading the REFI-QDA project was cancelled');
    }
}

export interface PacingOptions {
    /** Longest stretch of synchronous work in ms between yields (default 8). */
    readonly sliceMs?: number;
    /** How to give the event loop back (default: a macrotask, `setTimeout(0)`, which works in Node and in Web Workers). */
    readonly yieldNow?: () => Promise<void>;
    /** Checked at each yield; when it returns true the read stops with a QdaCancelledError. */
    readonly isCancelled?: () => boolean;
}

const macrotask = (): Promise<void> => new Promise(resolve => setTimeout(resolve, 0));

export class Pacer {
    private readonly sliceMs: number;
    private readonly yieldNow: () => Promise<void>;
    private readonly isCancelled: () => boolean;
    private sliceStart = performance.now();

    constructor(options: PacingOptions = {}) {
        this.sliceMs = options.sliceMs ?? 8;
        this.yieldNow = options.yieldNow ?? macrotask;
        this.isCancelled = options.isCancelled ?? (() => false);
    }

    /** Whether the current slice is used up (cheap; for tight loops that batch their own work). */
    due(): boolean {
        return performance.now() - this.sliceStart >= this.sliceMs;
    }

    /** Yields when the slice is used up; throws QdaCancelledError when cancelled. */
    async pace(): Promise<void> {
        if (this.due()) {
            await this.yieldNow();
            this.sliceStart = performance.now();
        }
        if (this.isCancelled()) {
            throw new QdaCancelledError();
        }
    }
}
