/**
 * Exact arithmetic on the decimals a user writes. `11 of 20` is 55% exactly, but
 * `(11 / 20) * 100` is 55.00000000000001 in floating point and fell outside `25% to 55%`;
 * so values are compared against band bounds as ratios of integers.
 */
export interface Ratio {
    /** Numerator; the sign of the ratio. */
    num: bigint;
    /** Denominator, always above 0. */
    den: bigint;
}

/** `35.3` → 353/10, as written (digits and an optional decimal part); undefined otherwise. */
export function parseDecimal(text: string, negative = false): Ratio | undefined {
    const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
    if (!match) {
        return undefined;
    }
    const fraction = match[2] ?? '';
    const num = BigInt(match[1] + fraction);
    return { num: negative ? -num : num, den: 10n ** BigInt(fraction.length) };
}

/** a/b · c/d; undefined when the result has no finite value (a zero denominator). */
export function divide(a: Ratio, b: Ratio): Ratio | undefined {
    if (b.num === 0n) {
        return undefined;
    }
    const sign = b.num < 0n ? -1n : 1n;
    return { num: a.num * b.den * sign, den: a.den * b.num * sign };
}

export function multiply(a: Ratio, factor: bigint): Ratio {
    return { num: a.num * factor, den: a.den };
}

/** -1, 0 or 1 as a < b, a = b, a > b (denominators are positive, so cross-multiplying keeps the order). */
export function compare(a: Ratio, b: Ratio): number {
    const left = a.num * b.den;
    const right = b.num * a.den;
    return left < right ? -1 : left > right ? 1 : 0;
}

/** Decimals shown for a value that has an exact decimal form; anything longer is rounded and marked `≈`. */
const EXACT_DECIMALS = 4;
const ROUNDED_DECIMALS = 2;

/** `55`, `12.5`, or `≈33.33` for 100/3: exact when the decimal ends within four places. */
export function ratioText(value: Ratio): string {
    const exactScale = 10n ** BigInt(EXACT_DECIMALS);
    if ((value.num * exactScale) % value.den === 0n) {
        return decimalText(value.num * exactScale / value.den, EXACT_DECIMALS);
    }
    const scale = 10n ** BigInt(ROUNDED_DECIMALS);
    const negative = value.num < 0n;
    const magnitude = negative ? -value.num : value.num;
    // Round half up on the magnitude.
    const rounded = (magnitude * scale * 2n + value.den) / (value.den * 2n);
    return '≈' + decimalText(negative ? -rounded : rounded, ROUNDED_DECIMALS);
}

/** An integer scaled by 10^decimals as a decimal without trailing zeros. */
function decimalText(scaled: bigint, decimals: number): string {
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
    const whole = digits.slice(0, digits.length - decimals);
    const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
    return (negative ? '-' : '') + whole + (fraction ? '.' + fraction : '');
}
