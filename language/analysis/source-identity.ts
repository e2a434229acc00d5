import type { Source, SourceField } from '../generated/ast.js';

/**
 * What an inline source lacks to identify a work. A source identifies a work when it has
 * - an `author` or an `editor` that is not blank,
 * - a `title` that is not blank, and
 * - a `year`: a whole number from 1 to 9999, written as a number (`1948`) or a string of
 *   digits with an optional letter that tells same-year works apart (`"2005a"`).
 * Until then it grounds nothing (incomplete-source).
 */
export interface SourceGap {
    /** What is missing or wrong, in a few words: "no title", "an empty author". */
    problem: string;
    /** The field that is present but unusable; undefined when the field is missing. */
    field?: SourceField;
}

const YEAR = /^(\d{1,4})[a-z]?$/;

function isBlank(value: string | number | undefined): boolean {
    return value === undefined || String(value).trim() === '';
}

function isYear(value: string | number | undefined): boolean {
    const match = value === undefined ? null : YEAR.exec(String(value).trim());
    return match !== null && Number(match[1]) > 0;
}

export function sourceGaps(source: Source): SourceGap[] {
    const gaps: SourceGap[] = [];
    const named = (key: string) => source.fields.filter(field => field.key === key);
    const people = [...named('author'), ...named('editor')];
    if (people.length === 0) {
        gaps.push({ problem: 'no author or editor' });
    } else if (people.every(field => isBlank(field.value))) {
        gaps.push({ problem: `an empty ${people[0].key}`, field: people[0] });
    }
    const titles = named('title');
    if (titles.length === 0) {
        gaps.push({ problem: 'no title' });
    } else if (titles.every(field => isBlank(field.value))) {
        gaps.push({ problem: 'an empty title', field: titles[0] });
    }
    const years = named('year');
    if (years.length === 0) {
        gaps.push({ problem: 'no year' });
    } else if (!years.some(field => isYear(field.value))) {
        const value = years[0].value;
        const written = typeof value === 'number' ? String(value) : `"${value ?? ''}"`;
        gaps.push({ problem: isBlank(value) ? 'an empty year' : `year ${written}, which is not a year`, field: years[0] });
    }
    return gaps;
}

/** "no title and an empty author": the gaps in a phrase. */
export function gapsText(gaps: SourceGap[]): string {
    const problems = gaps.map(gap => gap.problem);
    return problems.length <= 1 ? problems.join('') : `${problems.slice(0, -1).join(', ')} and ${problems[problems.length - 1]}`;
}
