/**
 * Suggestions for an unknown citation key: the same key in another case first, then keys within
 * a small edit distance (optimal string alignment: insert, delete, substitute, swap two
 * neighbours), bounded relative to the key's length, then keys the typed one is a prefix of.
 *
 * Fast path: candidates are bucketed by length, so only keys whose length is within the bound
 * are compared; a character-set signature rules most of those out in a few operations; the
 * rest get a banded, early-exiting distance. Answers are memoised per matcher: the
 * bibliography's matcher lives until its .bib changes, so an unknown key costs nothing on the
 * next keystroke; matchers of workspace names live for one build.
 */

export interface KeySuggestion {
    readonly key: string;
    /** Edit distance ignoring case; 0 for a case-only difference; `Infinity` for a prefix match. */
    readonly distance: number;
}

/** Largest edit distance suggested for a key of this length (1 up to 6 characters, 2 up to 10, then 3). */
export function maxEditDistance(length: number): number {
    return length <= 6 ? 1 : length <= 10 ? 2 : 3;
}

/**
 * Optimal string alignment distance of `a` and `b` if it is at most `bound`, else `bound + 1`.
 * `rows` are scratch buffers of length ≥ b.length + 1.
 */
function boundedDistance(a: string, b: string, bound: number, rows: [Int32Array, Int32Array, Int32Array]): number {
    const n = a.length;
    const m = b.length;
    if (Math.abs(n - m) > bound) {
        return bound + 1;
    }
    const over = bound + 1;
    let [prev2, prev, cur] = rows;
    for (let j = 0; j <= m; j++) {
        prev[j] = j <= bound ? j : over;
    }
    for (let i = 1; i <= n; i++) {
        const lo = Math.max(1, i - bound);
        const hi = Math.min(m, i + bound);
        cur[0] = i <= bound ? i : over;
        if (lo > 1) {
            cur[lo - 1] = over;
        }
        let rowMin = cur[0]!;
        const ca = a.charCodeAt(i - 1);
        for (let j = lo; j <= hi; j++) {
            const cb = b.charCodeAt(j - 1);
            const cost = ca === cb ? 0 : 1;
            let d = prev[j - 1]! + cost;
            const del = prev[j]! + 1;
            if (del < d) {
                d = del;
            }
            const ins = cur[j - 1]! + 1;
            if (ins < d) {
                d = ins;
            }
            if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
                const swap = prev2[j - 2]! + 1;
                if (swap < d) {
                    d = swap;
                }
            }
            if (d > over) {
                d = over;
            }
            cur[j] = d;
            if (d < rowMin) {
                rowMin = d;
            }
        }
        if (hi < m) {
            cur[hi + 1] = over;
        }
        if (rowMin > bound) {
            return over;
        }
        const t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return Math.min(prev[m]!, over);
}

/** Remembered answers per matcher, at most (then forgotten at once: typing makes new keys). */
const MEMO_LIMIT = 10_000;

/** Answers to suggestion queries, per key and count; callers get a copy they may change. */
export class AnswerMemo<T> {
    private readonly answers = new Map<string, T[]>();

    answer(key: string, max: number, compute: () => T[]): T[] {
        const memoKey = `${max} ${key}`;
        let answer = this.answers.get(memoKey);
        if (!answer) {
            if (this.answers.size >= MEMO_LIMIT) {
                this.answers.clear();
            }
            answer = compute();
            this.answers.set(memoKey, answer);
        }
        return [...answer];
    }
}

/**
 * Which of 32 classes of characters a string contains (bit `code % 32`). One edit changes at
 * most two bits, so keys within distance d differ in at most 2d bits.
 */
function signature(text: string): number {
    let bits = 0;
    for (let i = 0; i < text.length; i++) {
        bits |= 1 << (text.charCodeAt(i) & 31);
    }
    return bits;
}

function bitCount(bits: number): number {
    let v = bits - ((bits >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** An index of keys answering nearest-key queries. Build once per set of keys. */
export class KeyMatcher {
    private readonly keys: string[];
    private readonly lower: string[];
    private readonly signatures: Int32Array;
    private readonly memo = new AnswerMemo<KeySuggestion>();
    private readonly byLower = new Map<string, string[]>();
    private readonly byLength = new Map<number, number[]>();
    private rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

    constructor(keys: Iterable<string>) {
        this.keys = [...new Set(keys)];
        this.lower = this.keys.map(k => k.toLowerCase());
        this.signatures = Int32Array.from(this.lower, signature);
        this.lower.forEach((lower, i) => {
            const same = this.byLower.get(lower);
            if (same) {
                same.push(this.keys[i]!);
            } else {
                this.byLower.set(lower, [this.keys[i]!]);
            }
            const bucket = this.byLength.get(lower.length);
            if (bucket) {
                bucket.push(i);
            } else {
                this.byLength.set(lower.length, [i]);
            }
        });
    }

    get size(): number {
        return this.keys.length;
    }

    /** Up to `max` keys close to `key` (never `key` itself), best first. */
    nearest(key: string, max = 3): string[] {
        return this.scored(key, max).map(s => s.key);
    }

    scored(key: string, max = 3): KeySuggestion[] {
        if (max <= 0 || key.length === 0 || key.length > 500) {
            return [];
        }
        return this.memo.answer(key, max, () => this.search(key, max));
    }

    private search(key: string, max: number): KeySuggestion[] {
        const lower = key.toLowerCase();
        const found: KeySuggestion[] = [];
        const seen = new Set<string>([key]);
        for (const k of this.byLower.get(lower) ?? []) {
            if (!seen.has(k)) {
                seen.add(k);
                found.push({ key: k, distance: 0 });
            }
        }
        let bound = maxEditDistance(lower.length);
        if (this.rows[0].length < lower.length + 2 + bound) {
            const size = lower.length + 2 + bound;
            this.rows = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
        }
        const close: KeySuggestion[] = [];
        const keySignature = signature(lower);
        for (let delta = 0; delta <= bound; delta++) {
            for (const length of delta === 0 ? [lower.length] : [lower.length - delta, lower.length + delta]) {
                for (const i of this.byLength.get(length) ?? []) {
                    const candidate = this.lower[i]!;
                    if (candidate === lower || bitCount(this.signatures[i]! ^ keySignature) > 2 * bound) {
                        continue;
                    }
                    const d = boundedDistance(candidate, lower, bound, this.rows);
                    if (d <= bound) {
                        close.push({ key: this.keys[i]!, distance: d });
                    }
                }
            }
            // Once enough keys are at distance ≤ delta, longer length differences cannot beat them.
            close.sort((a, b) => a.distance - b.distance);
            if (close.length + found.length >= max && close[max - found.length - 1] !== undefined) {
                bound = Math.min(bound, close[max - found.length - 1]!.distance);
            }
            if (delta >= bound) {
                break;
            }
        }
        close.sort((a, b) => a.distance - b.distance
            || firstCharPenalty(a.key, key) - firstCharPenalty(b.key, key)
            || Math.abs(a.key.length - key.length) - Math.abs(b.key.length - key.length)
            || caseDistance(a.key, key) - caseDistance(b.key, key)
            || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        for (const s of close) {
            if (!seen.has(s.key)) {
                seen.add(s.key);
                found.push(s);
            }
        }
        if (found.length < max && lower.length >= 3) {
            const prefixed: string[] = [];
            for (let i = 0; i < this.lower.length; i++) {
                if (this.lower[i]!.startsWith(lower) && !seen.has(this.keys[i]!)) {
                    prefixed.push(this.keys[i]!);
                }
            }
            prefixed.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
            for (const k of prefixed) {
                found.push({ key: k, distance: Infinity });
            }
        }
        return found.slice(0, max);
    }
}

function firstCharPenalty(candidate: string, key: string): number {
    return candidate.charAt(0).toLowerCase() === key.charAt(0).toLowerCase() ? 0 : 1;
}

function caseDistance(candidate: string, key: string): number {
    let d = 0;
    const n = Math.min(candidate.length, key.length);
    for (let i = 0; i < n; i++) {
        if (candidate[i] !== key[i]) {
            d++;
        }
    }
    return d;
}

/** Convenience: nearest keys of `key` among `keys` (build a KeyMatcher to query many times). */
export function nearestKeys(key: string, keys: Iterable<string> | KeyMatcher, max = 3): string[] {
    const matcher = keys instanceof KeyMatcher ? keys : new KeyMatcher(keys);
    return matcher.nearest(key, max);
}
