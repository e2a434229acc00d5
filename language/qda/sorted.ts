/** How many numbers of an ascending list are less than `value` (binary search). */
export function countBelow(sorted: readonly number[], value: number): number {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
        const mid = (low + high) >>> 1;
        if (sorted[mid]! < value) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    return low;
}
