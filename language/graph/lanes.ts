/**
 * Vertical lanes for edges that span many layers. Such an edge is not split into one dummy
 * node per layer it crosses (a chain of thousands of layers with a few hub data gave millions
 * of dummies); it runs in a lane beside the drawing instead. Lanes are shared by spans that do
 * not overlap: interval partitioning, O(n log n), with the lowest free lane taken first so the
 * lanes stay packed against the nodes.
 */

/** A layer interval `[top, bottom]` (inclusive) that needs a lane. */
export interface LaneSpan { top: number; bottom: number }

/**
 * Lane index per span (same order as `spans`) and the number of lanes. Two spans share a lane
 * only when one ends in a layer strictly above the other's start, so lines never touch.
 * Ties are broken by the span's position in `spans`: callers pass them in a stable order.
 */
export function assignLanes(spans: readonly LaneSpan[]): { lane: Int32Array; count: number } {
    const lane = new Int32Array(spans.length);
    const byTop = spans.map((_, i) => i).sort((a, b) => spans[a].top - spans[b].top || a - b);
    const busy = new MinHeap(); // key: bottom layer of the span in the lane, value: lane
    const free = new MinHeap(); // key and value: lane index
    let count = 0;
    for (const i of byTop) {
        while (busy.size > 0 && busy.peekKey() < spans[i].top) {
            const l = busy.pop();
            free.push(l, l);
        }
        const l = free.size > 0 ? free.pop() : count++;
        lane[i] = l;
        busy.push(spans[i].bottom, l);
    }
    return { lane, count };
}

/** Binary min-heap of (key, value) pairs; equal keys come out by smaller value. */
class MinHeap {
    private keys: number[] = [];
    private values: number[] = [];

    get size(): number { return this.keys.length; }

    peekKey(): number { return this.keys[0]; }

    push(key: number, value: number): void {
        this.keys.push(key);
        this.values.push(value);
        let i = this.keys.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!this.less(i, parent)) break;
            this.swap(i, parent);
            i = parent;
        }
    }

    /** Removes the smallest pair and returns its value. */
    pop(): number {
        const top = this.values[0];
        const lastKey = this.keys.pop()!, lastValue = this.values.pop()!;
        if (this.keys.length > 0) {
            this.keys[0] = lastKey;
            this.values[0] = lastValue;
            let i = 0;
            for (;;) {
                const l = 2 * i + 1, r = l + 1;
                let m = i;
                if (l < this.keys.length && this.less(l, m)) m = l;
                if (r < this.keys.length && this.less(r, m)) m = r;
                if (m === i) break;
                this.swap(i, m);
                i = m;
            }
        }
        return top;
    }

    private less(a: number, b: number): boolean {
        return this.keys[a] < this.keys[b] || (this.keys[a] === this.keys[b] && this.values[a] < this.values[b]);
    }

    private swap(a: number, b: number): void {
        [this.keys[a], this.keys[b]] = [this.keys[b], this.keys[a]];
        [this.values[a], this.values[b]] = [this.values[b], this.values[a]];
    }
}
