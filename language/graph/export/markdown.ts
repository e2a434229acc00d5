/**
 * Markdown evidence table, like the annex of a paper: every claim with its status and what it
 * rests on — data (with method, respondent and emergent/prompted from the datum's detail),
 * statistics (with their value and any classification), sources, supporting and opposing
 * claims — then the data, statistics and sources themselves with what uses them. All user
 * text goes through {@link markdownText} (inline Markdown, GFM tables: punctuation
 * backslash-escaped, no raw HTML, bidi controls removed).
 */
import { isGroundedStatus, type NodeStatus } from '../../analysis/vocabulary.js';
import type { GraphEdge, GraphModel, GraphNode } from '../graph-model.js';
import { markdownText } from '../escape.js';
import { normalizeModel } from '../model-utils.js';

export interface MarkdownOptions {
    /** Document heading (default "Evidence table"). */
    title?: string;
}

const STATUS_TEXT: Record<NodeStatus, string> = {
    grounded: '✔ grounded',
    ungrounded: '⚠ ungrounded',
    contested: '⊥ contested',
    contradicted: '≠ grounded · contradicted by its own statistic',
    circular: '↻ circular'
};

export function exportMarkdown(model: GraphModel, options: MarkdownOptions = {}): string {
    const m = normalizeModel(model);
    const byId = new Map(m.nodes.map(n => [n.id, n]));
    // Edges by end, once: scanning every edge per lookup made large tables quadratic.
    const outgoing = new Map<string, GraphEdge[]>();
    const incoming = new Map<string, GraphEdge[]>();
    for (const e of m.edges) {
        (outgoing.get(e.from) ?? outgoing.set(e.from, []).get(e.from)!).push(e);
        (incoming.get(e.to) ?? incoming.set(e.to, []).get(e.to)!).push(e);
    }
    const edgesFrom = (id: string, kind?: GraphEdge['kind']) => (outgoing.get(id) ?? []).filter(e => !kind || e.kind === kind);
    const edgesTo = (id: string, kind?: GraphEdge['kind']) => (incoming.get(id) ?? []).filter(e => !kind || e.kind === kind);
    const name = (id: string) => `**${markdownText(id)}**`;
    const cell = (items: string[]) => items.length === 0 ? '—' : items.join('<br>');
    const describe = (n: GraphNode) => `${name(n.id)} ${markdownText(n.label)}${n.detail ? ` _(${markdownText(n.detail)})_` : ''}`;

    const out: string[] = [];
    out.push(`# ${markdownText(options.title ?? 'Evidence table')}`, '');
    const claims = m.nodes.filter(n => n.kind === 'claim');
    const grounded = claims.filter(c => isGroundedStatus(c.status)).length;
    out.push(`${claims.length} claims, ${grounded} grounded; ${m.nodes.filter(n => n.kind === 'datum').length} data, ${m.nodes.filter(n => n.kind === 'stat').length} statistics, ${m.nodes.filter(n => n.kind === 'source').length} sources.`, '');

    out.push('## Claims', '');
    out.push('| Claim | Status | Data | Statistics | Sources | Supported by | Opposed by |');
    out.push('|---|---|---|---|---|---|---|');
    for (const c of claims) {
        const data: string[] = [], stats: string[] = [], sources: string[] = [], claimsFor: string[] = [], against: string[] = [];
        const seen = new Set<string>();
        const once = (key: string) => {
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
        };
        const addSource = (id: string, via?: string) => {
            const s = byId.get(id);
            if (s && once(`s:${id}`)) sources.push(`${describe(s)}${via ? ` (via ${markdownText(via)})` : ''}`);
        };
        const addDatum = (id: string, via?: string) => {
            const d = byId.get(id);
            if (d && once(`d:${id}`)) data.push(`${describe(d)}${via ? ` (via pattern ${markdownText(via)})` : ''}`);
        };
        const addStat = (id: string, how?: string) => {
            const s = byId.get(id);
            if (!s || !once(`t:${id}`)) return;
            stats.push(`${describe(s)}${how ?? ''}`);
            for (const e of edgesFrom(id, 'cites')) addSource(e.to, id);
        };
        for (const e of edgesTo(c.id, 'supports')) {
            const s = byId.get(e.from)!;
            if (s.kind === 'datum') addDatum(s.id);
            else if (s.kind === 'stat') addStat(s.id);
            else if (s.kind === 'source') addSource(s.id);
            else if (s.kind === 'pattern') {
                claimsFor.push(`pattern ${describe(s)}`);
                for (const o of edgesFrom(s.id, 'observes')) addDatum(o.to, s.id);
            } else claimsFor.push(`${describe(s)} — ${STATUS_TEXT[s.status]}`);
        }
        for (const e of edgesTo(c.id, 'interprets')) {
            const p = byId.get(e.from)!;
            claimsFor.push(`pattern ${describe(p)} (interprets)`);
            for (const o of edgesFrom(p.id, 'observes')) addDatum(o.to, p.id);
            for (const o of edgesFrom(p.id, 'cites')) addSource(o.to, p.id);
        }
        const schemes = edgesFrom(c.id, 'classifies').map(e => byId.get(e.to)!).filter(n => n.kind === 'scheme');
        for (const e of edgesFrom(c.id, 'classifies')) {
            const t = byId.get(e.to)!;
            if (t.kind === 'stat') addStat(t.id, schemes.length > 0 ? ` — classified by ${schemes.map(s => name(s.id)).join(', ')}` : ' — classified');
        }
        for (const s of schemes) for (const e of edgesFrom(s.id, 'cites')) addSource(e.to, s.id);
        for (const e of edgesFrom(c.id, 'cites')) addSource(e.to);
        for (const e of edgesTo(c.id, 'opposes')) {
            const o = byId.get(e.from)!;
            against.push(`${describe(o)} — ${STATUS_TEXT[o.status]}`);
        }
        out.push(`| ${name(c.id)} ${markdownText(c.label)} | ${STATUS_TEXT[c.status]} | ${cell(data)} | ${cell(stats)} | ${cell(sources)} | ${cell(claimsFor)} | ${cell(against)} |`);
    }
    out.push('');

    const usedBy = (id: string) => cell(edgesFrom(id).filter(e => e.kind === 'supports' || e.kind === 'opposes')
        .map(e => `${e.kind} ${name(e.to)}`)
        .concat(edgesTo(id).filter(e => e.kind !== 'supports' && e.kind !== 'opposes' && e.kind !== 'interprets').map(e => `${e.kind === 'cites' ? 'cited by' : e.kind === 'observes' ? 'observed by' : byId.get(id)?.kind === 'scheme' ? 'applied by' : 'classified by'} ${name(e.from)}`)));

    const patterns = m.nodes.filter(n => n.kind === 'pattern');
    if (patterns.length > 0) {
        out.push('## Patterns', '');
        out.push('| Pattern | Status | Observes | Interprets |');
        out.push('|---|---|---|---|');
        for (const p of patterns) {
            out.push(`| ${name(p.id)} ${markdownText(p.label)} | ${STATUS_TEXT[p.status]} | ${cell(edgesFrom(p.id, 'observes').map(e => name(e.to)))} | ${cell(edgesFrom(p.id, 'interprets').map(e => name(e.to)))} |`);
        }
        out.push('');
    }
    const section = (title: string, kind: GraphNode['kind'], header: string) => {
        const list = m.nodes.filter(n => n.kind === kind);
        if (list.length === 0) return;
        out.push(`## ${title}`, '');
        out.push(`| ${header} | Text | Detail | Used by |`);
        out.push('|---|---|---|---|');
        for (const n of list) out.push(`| ${name(n.id)} | ${markdownText(n.label)} | ${n.detail ? markdownText(n.detail) : '—'} | ${usedBy(n.id)} |`);
        out.push('');
    };
    section('Data', 'datum', 'Datum');
    section('Statistics', 'stat', 'Statistic');
    section('Schemes', 'scheme', 'Scheme');
    section('Sources', 'source', 'Source');
    return out.join('\n');
}
