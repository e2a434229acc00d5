import { isAbove, isBelow, isCount, isPercentage, type Band, type Percentage, type Quantity, type Scheme } from '../generated/ast.js';

/** A band as an interval on 0–100, with open or closed ends. */
export interface Interval {
    low: number;
    lowClosed: boolean;
    high: number;
    highClosed: boolean;
}

export function percentageValue(percentage: Percentage): number {
    return percentage.negative ? -percentage.value : percentage.value;
}

/** A stat's value as a percentage (a count as its share of the total), or undefined when it has none. */
export function quantityPercent(quantity: Quantity | undefined): number | undefined {
    if (isPercentage(quantity)) {
        return percentageValue(quantity);
    }
    if (isCount(quantity) && quantity.total > 0) {
        return (quantity.count / quantity.total) * 100;
    }
    return undefined;
}

/**
 * `below X` is [0, X), `above X` is (X, 100], `A to B` is [A, B]. Undefined while a bound is
 * missing or has no number yet (a half-typed `below %`).
 */
export function bandInterval(band: Band): Interval | undefined {
    const interval = rawInterval(band);
    return interval && Number.isFinite(interval.low) && Number.isFinite(interval.high) ? interval : undefined;
}

function rawInterval(band: Band): Interval | undefined {
    const range = band.range;
    if (!range) {
        return undefined;
    }
    if (isBelow(range)) {
        return range.upper ? { low: 0, lowClosed: true, high: percentageValue(range.upper), highClosed: false } : undefined;
    }
    if (isAbove(range)) {
        return range.lower ? { low: percentageValue(range.lower), lowClosed: false, high: 100, highClosed: true } : undefined;
    }
    return range.lower && range.upper
        ? { low: percentageValue(range.lower), lowClosed: true, high: percentageValue(range.upper), highClosed: true }
        : undefined;
}

/** The band of a scheme a value falls in, if any. */
export function bandOf(scheme: Scheme, value: number): Band | undefined {
    return scheme.bands.find(band => {
        const interval = bandInterval(band);
        return interval !== undefined && contains(interval, value);
    });
}

export function contains(interval: Interval, value: number): boolean {
    const aboveLow = interval.lowClosed ? value >= interval.low : value > interval.low;
    const belowHigh = interval.highClosed ? value <= interval.high : value < interval.high;
    return aboveLow && belowHigh;
}

export function formatPercent(value: number): string {
    return `${Number.isInteger(value) ? value : Number(value.toFixed(2))}%`;
}

/** `[0, 25%)`-style text for messages and hovers. */
export function formatInterval(interval: Interval): string {
    if (interval.low === 0 && interval.lowClosed && !interval.highClosed) {
        return `below ${formatPercent(interval.high)}`;
    }
    if (interval.high === 100 && interval.highClosed && !interval.lowClosed) {
        return `above ${formatPercent(interval.low)}`;
    }
    return `${formatPercent(interval.low)}–${formatPercent(interval.high)}`;
}
