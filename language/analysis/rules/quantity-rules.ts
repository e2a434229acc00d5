import { isClassification, isCount, isPercentage, type Band, type Scheme } from '../../generated/ast.js';
import type { Finding } from '../finding.js';
import { IssueCodes } from '../issue-codes.js';
import { classificationMismatch } from '../classification.js';
import { bandInterval, formatInterval, formatPercent, formatQuantity, percentageValue, type Interval } from '../quantities.js';
import type { WorkspaceElements } from '../workspace-elements.js';

/** value-out-of-range, scheme-invalid, classification-mismatch. */
export function quantityFindings(elements: WorkspaceElements): Finding[] {
    return [...valueFindings(elements), ...elements.schemes.flatMap(schemeFindings), ...classificationFindings(elements)];
}

function valueFindings(elements: WorkspaceElements): Finding[] {
    const findings: Finding[] = [];
    for (const stat of elements.stats) {
        const value = stat.value;
        if (isPercentage(value)) {
            const percent = percentageValue(value);
            if (percent < 0 || percent > 100) {
                findings.push({ code: IssueCodes.ValueOutOfRange, node: stat, property: 'value', message: `${formatPercent(percent)} is not a percentage between 0% and 100%.` });
            }
        } else if (isCount(value)) {
            if (value.total === 0) {
                findings.push({ code: IssueCodes.ValueOutOfRange, node: stat, property: 'value', message: 'A count needs a total above 0.' });
            } else if (value.count > value.total) {
                findings.push({ code: IssueCodes.ValueOutOfRange, node: stat, property: 'value', message: `${value.count} of ${value.total}: the count exceeds its total.` });
            }
        }
    }
    for (const scheme of elements.schemes) {
        for (const band of scheme.bands) {
            const interval = bandInterval(band);
            if (interval && (interval.low < 0 || interval.high > 100)) {
                findings.push({ code: IssueCodes.ValueOutOfRange, node: band, property: 'range', message: `Band \`${band.name}\` reaches outside 0%–100%.` });
            }
        }
    }
    return findings;
}

/** Bands, sorted by their lower end, must tile 0–100 exactly: no gap, no overlap, not even at a boundary. */
function schemeFindings(scheme: Scheme): Finding[] {
    const findings: Finding[] = [];
    const bands = scheme.bands
        .map(band => ({ band, interval: bandInterval(band) }))
        .filter((b): b is { band: Band; interval: Interval } => b.interval !== undefined);
    for (const { band, interval } of bands) {
        if (interval.low > interval.high || (interval.low === interval.high && !(interval.lowClosed && interval.highClosed))) {
            findings.push({ code: IssueCodes.SchemeInvalid, node: band, property: 'range', message: `Band \`${band.name}\` is empty: ${formatInterval(interval)}.` });
        }
    }
    if (bands.length === 0) {
        findings.push({ code: IssueCodes.SchemeInvalid, node: scheme, property: 'name', message: `Scheme \`${scheme.name}\` has no bands.` });
        return findings;
    }
    const sorted = [...bands].sort((a, b) => a.interval.low - b.interval.low || Number(b.interval.lowClosed) - Number(a.interval.lowClosed));
    const first = sorted[0];
    if (first.interval.low > 0 || !first.interval.lowClosed) {
        findings.push({ code: IssueCodes.SchemeInvalid, node: first.band, property: 'range', message: `Scheme \`${scheme.name}\` leaves a gap: no band covers ${first.interval.low > 0 ? `0%–${formatPercent(first.interval.low)}` : '0%'}.` });
    }
    for (let i = 1; i < sorted.length; i++) {
        const previous = sorted[i - 1];
        const current = sorted[i];
        const p = previous.interval;
        const c = current.interval;
        if (c.low < p.high || (c.low === p.high && p.highClosed && c.lowClosed)) {
            findings.push({
                code: IssueCodes.SchemeInvalid, node: current.band, property: 'range',
                message: `Bands \`${previous.band.name}\` (${formatInterval(p)}) and \`${current.band.name}\` (${formatInterval(c)}) overlap${c.low === p.high ? ` at ${formatPercent(c.low)}` : ''}.`,
                related: [{ node: previous.band, message: `\`${previous.band.name}\` overlaps \`${current.band.name}\`` }]
            });
        } else if (c.low > p.high || (c.low === p.high && !p.highClosed && !c.lowClosed)) {
            findings.push({
                code: IssueCodes.SchemeInvalid, node: current.band, property: 'range',
                message: `Scheme \`${scheme.name}\` leaves a gap between \`${previous.band.name}\` and \`${current.band.name}\`: ${c.low === p.high ? `${formatPercent(c.low)} itself` : `${formatPercent(p.high)}–${formatPercent(c.low)}`} falls in no band.`,
                related: [{ node: previous.band, message: `\`${previous.band.name}\` ends here` }]
            });
        }
    }
    const last = sorted.reduce((a, b) => (b.interval.high > a.interval.high ? b : a));
    if (last.interval.high < 100 || !last.interval.highClosed) {
        findings.push({ code: IssueCodes.SchemeInvalid, node: last.band, property: 'range', message: `Scheme \`${scheme.name}\` leaves a gap: no band covers ${last.interval.high < 100 ? `${formatPercent(last.interval.high)}–100%` : '100%'}.` });
    }
    return findings;
}

function classificationFindings(elements: WorkspaceElements): Finding[] {
    const findings: Finding[] = [];
    for (const claim of elements.claims) {
        for (const clause of claim.clauses.filter(isClassification)) {
            const mismatch = classificationMismatch(clause);
            if (!mismatch) {
                continue;
            }
            const { stat, band, scheme, interval, actual } = mismatch;
            const value = formatQuantity(stat.value)!;
            const actualInterval = actual ? bandInterval(actual) : undefined;
            const where = actual && actualInterval ? `falls in \`${actual.name}\` (${formatInterval(actualInterval)})` : `falls in no band of \`${scheme.name}\``;
            findings.push({
                code: IssueCodes.ClassificationMismatch, node: clause, property: 'band',
                message: `\`${stat.name}\` is ${value}, which ${where}, not \`${band.name}\` (${formatInterval(interval)}).`,
                related: [{ node: stat, message: `\`${stat.name}\` = ${value}` }, ...(actual ? [{ node: actual, message: `the band ${value} falls in` }] : [])],
                data: actual ? { band: actual.name } : undefined
            });
        }
    }
    return findings;
}
