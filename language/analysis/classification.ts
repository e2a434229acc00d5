import type { Band, Classification, Scheme, Stat } from '../generated/ast.js';
import { bandInterval, bandOf, contains, quantityRatio, type Interval } from './quantities.js';

/** A `classifies` clause whose stat's value lies outside the band it names. */
export interface Mismatch {
    stat: Stat;
    band: Band;
    scheme: Scheme;
    interval: Interval;
    /** The band the value does fall in, if any. */
    actual: Band | undefined;
}

/**
 * The one test of a classification against its own data: the classification-mismatch rule
 * reports it, and the claim's status says it is contradicted by its own statistic.
 */
export function classificationMismatch(clause: Classification): Mismatch | undefined {
    const stat = clause.stat?.ref;
    const band = clause.band?.ref;
    const scheme = clause.scheme?.ref;
    const value = quantityRatio(stat?.value);
    const interval = band ? bandInterval(band) : undefined;
    if (!stat || !band || !scheme || value === undefined || !interval || contains(interval, value)) {
        return undefined;
    }
    return { stat, band, scheme, interval, actual: bandOf(scheme, stat.value) };
}
