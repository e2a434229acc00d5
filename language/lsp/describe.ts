import type { WorkspaceAnalysis } from '../analysis/analysis.js';
import type { ArgumentNode } from '../analysis/argument-graph.js';
import type { ResolvedSource } from '../analysis/citations.js';
import { DISPLAY_PROFILE_CAP, type Triangulation } from '../analysis/grounding.js';
import { bandInterval, formatInterval, formatQuantity } from '../analysis/quantities.js';
import { formatReference, type BibliographyStore } from '../bibliography/index.js';
import { isDatum, isStat, type Band, type Datum, type Respondent, type Source, type Stat } from '../generated/ast.js';
import { markdownText } from '../graph/escape.js';
import { isGroundedStatus, statusWord } from '../analysis/vocabulary.js';
import { recover, type ErrorLog } from './error-log.js';
import { segmentLine } from './project-hover.js';

/** User text as inline Markdown (escaped, bidi controls removed, one line). */
export function md(text: string | number | undefined): string {
    return text === undefined ? '' : markdownText(String(text));
}

/** Text that already marks names as `code` spans (diagnostic messages): escaped outside the spans. */
export function mdWithCode(text: string): string {
    return text.split(/(`[^`\n]*`)/).map(part => part.startsWith('`') && part.endsWith('`') && part.length > 1 ? code(part.slice(1, -1)) : md(part)).join('');
}

/** An identifier or key in a code span (names and keys never contain backticks). */
export function code(name: string | undefined): string {
    return name ? '`' + name.replace(/`/g, '') + '`' : '`?`';
}

/** User text cut to `max` characters at a word boundary, with an ellipsis. */
export function excerpt(text: string | undefined, max = 80): string {
    if (!text) {
        return '';
    }
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat.length <= max) {
        return flat;
    }
    const cut = flat.slice(0, max);
    const space = cut.lastIndexOf(' ');
    return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}

/** A profile list's size, "32+" at the display cap. */
export function count(list: readonly string[] | undefined): string {
    const size = list?.length ?? 0;
    return size >= DISPLAY_PROFILE_CAP ? `${DISPLAY_PROFILE_CAP}+` : String(size);
}

export function plural(list: readonly string[] | undefined, one: string, many: string): string {
    return `${count(list)} ${list?.length === 1 ? one : many}`;
}

/** "4 data · 2 methods · 3 sources" (zero counts left out, stats only when present). */
export function profileSummary(profile: Triangulation | undefined): string {
    if (!profile) {
        return '';
    }
    const parts: string[] = [];
    if (profile.data.length > 0) {
        parts.push(plural(profile.data, 'datum', 'data'));
        parts.push(plural(profile.methods, 'method', 'methods'));
    }
    if (profile.stats.length > 0) {
        parts.push(plural(profile.stats, 'stat', 'stats'));
    }
    if (profile.sources.length > 0) {
        parts.push(plural(profile.sources, 'source', 'sources'));
    }
    return parts.join(' · ');
}

/**
 * The code-lens title of a claim or pattern: "grounded · 4 data · 2 methods · 3 sources",
 * "grounded · 1 datum · 1 method · in a support cycle" for a grounded member of a cycle.
 */
export function lensTitle(analysis: WorkspaceAnalysis, node: ArgumentNode): string {
    const status = analysis.status(node);
    if (!isGroundedStatus(status)) {
        return statusWord(status);
    }
    const parts = [statusWord(status), profileSummary(analysis.profile(node))];
    if (analysis.grounding.cycleOf[node.index] >= 0) {
        parts.push('in a support cycle');
    }
    return parts.filter(Boolean).join(' · ');
}

/** A respondent as "Social worker, male (interviewee)" with attributes. */
export function respondentSummary(respondent: Respondent): string {
    const label = respondent.label ?? respondent.name ?? '?';
    const attributes = respondent.attributes
        .filter(a => a.key !== undefined && a.value !== undefined)
        .map(a => `${a.key}: ${a.value}`);
    return attributes.length > 0 ? `${label} (${attributes.join(', ')})` : label;
}

/** "interview · Social worker (role: social worker, gender: male) · emergent" in Markdown. */
export function datumFacts(datum: Datum): string {
    const who = datum.respondents.map(ref => ref.ref ? md(respondentSummary(ref.ref)) : `${code(ref.$refText)} (not declared)`);
    const occurrence = datum.occurrence ?? 'occurrence not recorded';
    return [md(datum.method ?? 'method?'), who.join('; '), md(occurrence)].filter(Boolean).join(' · ');
}

/** A stat's value as text: "26% in 2013", "120 of 400 (30%)". */
export function statValue(stat: Stat): string | undefined {
    const value = formatQuantity(stat.value);
    return value !== undefined && stat.year !== undefined ? `${value} in ${stat.year}` : value;
}

export function bandRange(band: Band): string {
    const interval = bandInterval(band);
    return interval ? formatInterval(interval) : 'no range';
}

/** A one-line reference for a cited key, in Markdown: the .bib entry formatted APA-like, or the inline source's fields. */
export function referenceMarkdown(source: ResolvedSource | undefined, key: string, store: BibliographyStore, log: ErrorLog): string {
    if (source?.declaration) {
        return inlineReference(source.declaration);
    }
    const entry = recover(() => store.entry(key), log, `Reading the .bib entry @${key}`);
    if (entry) {
        return recover(() => formatReference(entry, { markdown: true }), log, `Formatting the .bib entry @${key}`) ?? md(entry.title ?? key);
    }
    if (source) {
        return [source.detail ? md(source.detail) : '', md(source.title)].filter(Boolean).join(' ');
    }
    return `${code('@' + key)} is in no bibliography`;
}

/** An inline source as "Merton, R.K. (1948). *Title*. In …". */
export function inlineReference(source: Source): string {
    const field = (name: string) => source.fields.find(f => f.key === name)?.value;
    const author = field('author') ?? field('editor');
    const year = field('year');
    const title = field('title') ?? source.label;
    const parts: string[] = [];
    if (author !== undefined) {
        parts.push(md(author) + (year !== undefined ? ` (${md(year)}).` : '.'));
    } else if (year !== undefined) {
        parts.push(`(${md(year)}).`);
    }
    if (title !== undefined) {
        parts.push(`*${md(title)}*.`);
    }
    const container = field('in');
    if (container !== undefined) {
        parts.push(`In ${md(container)}.`);
    }
    const publisher = field('publisher');
    if (publisher !== undefined) {
        parts.push(`${md(publisher)}.`);
    }
    const volume = field('volume');
    const issue = field('issue');
    const pages = field('pages');
    const numbers = [volume !== undefined ? md(volume) + (issue !== undefined ? `(${md(issue)})` : '') : undefined, pages !== undefined ? md(pages) : undefined]
        .filter(Boolean).join(', ');
    if (numbers) {
        parts.push(numbers + '.');
    }
    const link = field('doi') !== undefined ? `https://doi.org/${field('doi')}` : field('url');
    if (link !== undefined) {
        parts.push(md(link));
    }
    return parts.length > 0 ? parts.join(' ') : code('@' + (source.name ?? '?'));
}

/** One step of a trace, in Markdown: kind, name and what it is. */
export function traceStep(node: ArgumentNode, store: BibliographyStore, log: ErrorLog): string {
    if (node.kind === 'source') {
        const key = node.source?.key ?? node.unresolvedKey ?? node.id.replace(/^@/, '');
        return `source ${code('@' + key)}: ${referenceMarkdown(node.source, key, store, log)}`;
    }
    if (node.segment) {
        return segmentLine(node.segment);
    }
    const element = node.element;
    if (element && isDatum(element)) {
        return `datum ${code(element.name)}: “${md(excerpt(element.text, 160))}” — ${datumFacts(element)}`;
    }
    if (element && isStat(element)) {
        const value = statValue(element);
        const cites = element.citations.map(c => code(c.key)).join(', ');
        return `stat ${code(element.name)}: ${md(value ?? 'no value')} — ${md(element.label)}${cites ? ` (cites ${cites})` : ''}`;
    }
    if (element?.$type === 'Claim') {
        return `claim ${code(element.name)}: ${md(excerpt(element.text, 100))}`;
    }
    if (element?.$type === 'Pattern') {
        return `pattern ${code(element.name)}: ${md(excerpt(element.label, 100))}`;
    }
    return `${node.kind} ${code(node.id)}`;
}
