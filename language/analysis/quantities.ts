import { GrammarUtils } from 'langium';
import { isAbove, isBelow, isCount, isPercentage, type Band, type Count, type Percentage, type Quantity, type Scheme } from '../generated/ast.js';
import { compare, divide, multiply, parseDecimal, ratioText, type Ratio } from './exact.js';

/**
 * A band as an interval on 0–100, with open or closed ends: the bounds as numbers for
 * ordering and messages, and as exact ratios for telling whether a value falls inside.
 */
export interface Interval {
    low: number;
    lowClosed: boolean;
    high: number;
    highClosed: boolean;
    lowExact: Ratio;
    highExact: Ratio;
}

export function percentageValue(percentage: Percentage): number {
    return percentage.negative ? -percentage.value : percentage.value;
}

/** A number of the AST as the ratio its text denotes (the digits as written, not the parsed float). */
function writtenRatio(node: Percentage | Count, property: 'value' | 'count' | 'total', value: number, negative = false): Ratio | undefined {
    const text = node.$cstNode ? GrammarUtils.findNodeForProperty(node.$cstNode, property)?.text : undefined;
    return parseDecimal(text ?? String(value), negative) ?? (Number.isSafeInteger(value) ? { num: BigInt(negative ? -value : value), den: 1n } : undefined);
}

/** A stat's value as an exact percentage (a count as its share of the total), or undefined when it has none. */
export function quantityRatio(quantity: Quantity | undefined): Ratio | undefined {
    if (isPercentage(quantity)) {
        return writtenRatio(quantity, 'value', quantity.value, quantity.negative);
    }
    if (isCount(quantity) && quantity.total > 0) {
        const count = writtenRatio(quantity, 'count', quantity.count);
        const total = writtenRatio(quantity, 'total', quantity.total);
        return count && total ? divide(multiply(count, 100n), total) : undefined;
    }
    return undefined;
}

/** `26%` as written; a count's share `55%`, or `≈33.33%` when it has no short exact decimal. */
export function percentText(quantity: Quantity | undefined): string | undefined {
    const ratio = quantityRatio(quantity);
    if (!ratio) {
        return undefined;
    }
    return isPercentage(quantity) ? formatPercent(percentageValue(quantity)) : `${ratioText(ratio)}%`;
}

/** A stat's value as the user wrote it: `26%`, `11 of 20 (55%)`, `1 of 3 (≈33.33%)`. */
export function formatQuantity(quantity: Quantity | undefined): string | undefined {
    const percent = percentText(quantity);
    if (percent === undefined || !isCount(quantity)) {
        return percent;
    }
    return `${quantity.count} of ${quantity.total} (${percent})`;
}

/**
 * `below X` is [0, X), `above X` is (X, 100], `A to B` is [A, B]. Undefined while a bound is
 * missing or has no number yet (a half-typed `below %`).
 */
export function bandInterval(band: Band): Interval | undefined {
    const range = band.range;
    if (!range) {
        return undefined;
    }
    const zero = { num: 0n, den: 1n };
    const hundred = { num: 100n, den: 1n };
    const bound = (percentage: Percentage | undefined) => {
        const exact = percentage ? writtenRatio(percentage, 'value', percentage.value, percentage.negative) : undefined;
        return percentage && exact && Number.isFinite(percentage.value) ? { value: percentageValue(percentage), exact } : undefined;
    };
    if (isBelow(range)) {
        const upper = bound(range.upper);
        return upper ? { low: 0, lowClosed: true, lowExact: zero, high: upper.value, highClosed: false, highExact: upper.exact } : undefined;
    }
    if (isAbove(range)) {
        const lower = bound(range.lower);
        return lower ? { low: lower.value, lowClosed: false, lowExact: lower.exact, high: 100, highClosed: true, highExact: hundred } : undefined;
    }
    const lower = bound(range.lower);
    const upper = bound(range.upper);
    return lower && upper
        ? { low: lower.value, lowClosed: true, lowExact: lower.exact, high: upper.value, highClosed: true, highExact: upper.exact }
        : undefined;
}

/** The band of a scheme a stat's value falls in, if any (compared exactly). */
export function bandOf(scheme: Scheme, quantity: Quantity | undefined): Band | undefined {
    const value = quantityRatio(quantity);
    return value === undefined ? undefined : scheme.bands.find(band => {
        const interval = bandInterval(band);
        return interval !== undefined && contains(interval, value);
    });
}

export function contains(interval: Interval, value: Ratio): boolean {
    const low = compare(value, interval.lowExact);
    const high = compare(value, interval.highExact);
    return (interval.lowClosed ? low >= 0 : low > 0) && (interval.highClosed ? high <= 0 : high < 0);
}

/** A percentage the user wrote (a stat's value or a band's bound), as written. */
export function formatPercent(value: number): string {
    return `${value}%`;
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
