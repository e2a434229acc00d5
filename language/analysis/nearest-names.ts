/**
 * Up to `max` names closest to `name`: case-insensitive equality first, then Damerau-free
 * Levenshtein distance within a third of the name's length. Candidates whose length differs
 * by more than the bound are skipped before any distance is computed.
 */
export function nearestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
    const lower = name.toLowerCase();
    const bound = Math.max(1, Math.floor(name.length / 3));
    const scored: Array<{ candidate: string; distance: number }> = [];
    for (const candidate of candidates) {
        if (candidate === name || Math.abs(candidate.length - name.length) > bound) {
            continue;
        }
        const distance = candidate.toLowerCase() === lower ? 0 : levenshtein(lower, candidate.toLowerCase(), bound);
        if (distance <= bound) {
            scored.push({ candidate, distance });
        }
    }
    scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
    return scored.slice(0, max).map(s => s.candidate);
}

/** Edit distance, giving up (returning bound + 1) as soon as every cell of a row exceeds the bound. */
function levenshtein(a: string, b: string, bound: number): number {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            rowMin = Math.min(rowMin, current[j]);
        }
        if (rowMin > bound) {
            return bound + 1;
        }
        previous = current;
    }
    return previous[b.length];
}
