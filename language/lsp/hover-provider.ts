import { AstNodeHoverProvider } from 'langium/lsp';
import { AstUtils, CstUtils, GrammarAST, interruptAndCheck, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver';
import type { WorkspaceAnalysis } from '../analysis/analysis.js';
import { DISPLAY_PROFILE_CAP, type Triangulation } from '../analysis/grounding.js';
import { bandOf, formatQuantity } from '../analysis/quantities.js';
import {
    isAnnex, isBand, isClaim, isClassification, isDatum, isPattern, isProject, isProjectEvidence, isRespondent, isScheme, isSource, isStat,
    type Annex, type Band, type Claim, type Classification, type Datum, type Pattern, type Respondent, type Scheme, type Stat
} from '../generated/ast.js';
import { IssueCodes, type IssueCode } from '../analysis/issue-codes.js';
import { isGroundedStatus, statusWord } from '../analysis/vocabulary.js';
import type { WarrantServices } from '../warrant-module.js';
import {
    bandRange, code, count, datumFacts, mdWithCode, plural, excerpt, inlineReference, md, referenceMarkdown, respondentSummary, statValue, traceStep
} from './describe.js';
import { recover, serverErrorLog, type ErrorLog } from './error-log.js';
import { KEYWORD_DOCS, keywordMarkdown } from './keyword-docs.js';
import { projectEvidenceHover, projectHover } from './project-hover.js';
import { citationAt, fileName, uriOf, type WarrantLspSupport } from './support.js';
import { isCrossReference } from '../manuscript/citations.js';
import { manuscriptOf } from '../manuscript/manuscript-documents.js';
import { proseTargetAt, type ProseTarget } from './prose-targets.js';

/**
 * Hovers explain an element through the workspace analysis: a claim's status, its trace down
 * to the evidence and its triangulation profile; a datum's text and respondents; a stat's
 * value, sources and (in a `classifies` clause) the band it falls in; a `@key`'s full
 * reference. All user text is escaped.
 */
export class WarrantHoverProvider extends AstNodeHoverProvider {
    private readonly support: WarrantLspSupport;
    private readonly log: ErrorLog;

    constructor(private readonly services: WarrantServices) {
        super(services);
        this.support = services.warrant.LspSupport;
        this.log = serverErrorLog(services.shared);
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams, cancelToken: CancellationToken = CancellationToken.None): Promise<Hover | undefined> {
        const root = document.parseResult?.value?.$cstNode;
        if (!root) {
            return undefined;
        }
        await interruptAndCheck(cancelToken);
        const offset = document.textDocument.offsetAt(params.position);
        if (manuscriptOf(document)) {
            const analysis = await this.support.analysis(cancelToken);
            const prose = proseTargetAt(document, offset, analysis);
            if (prose) {
                return markdown(this.proseHover(prose, analysis), prose.range);
            }
        }
        const cited = citationAt(document, offset);
        if (cited) {
            const analysis = await this.support.analysis(cancelToken);
            return markdown(this.keyHover(cited.key, analysis), cited.leaf.range);
        }
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!leaf || leaf.offset + leaf.length < offset) {
            return undefined;
        }
        // `code "…" in interviews`: the string (or the keyword) names something in the project, not a declaration.
        if (isProjectEvidence(leaf.astNode) && leaf.text !== 'in' && leaf.offset !== leaf.astNode.project?.$refNode?.offset) {
            const analysis = await this.support.analysis(cancelToken);
            const text = analysis ? projectEvidenceHover(leaf.astNode, analysis) : undefined;
            return text ? markdown(text, leaf.range) : undefined;
        }
        const targets = recover(() => this.references.findDeclarations(leaf), this.log, 'Finding the declaration under the cursor') ?? [];
        if (targets.length > 0) {
            const analysis = await this.support.analysis(cancelToken);
            const contents = targets.map(target => this.describe(target, leaf.astNode, analysis)).filter((text): text is string => Boolean(text));
            return contents.length > 0 ? markdown(contents.join('\n\n---\n\n'), leaf.range) : undefined;
        }
        if (GrammarAST.isKeyword(leaf.grammarSource)) {
            const doc = KEYWORD_DOCS[leaf.text];
            return doc ? markdown(keywordMarkdown(doc), leaf.range) : undefined;
        }
        return undefined;
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        return this.describe(node, node, this.services.warrant.Analysis.get());
    }

    /** The Markdown hover of a declared element; `context` is the node the cursor is in. */
    describe(target: AstNode, context: AstNode, analysis: WorkspaceAnalysis | undefined): string | undefined {
        try {
            if (isClaim(target)) {
                return this.claimHover(target, analysis);
            }
            if (isPattern(target)) {
                return this.patternHover(target, analysis);
            }
            if (isDatum(target)) {
                return this.datumHover(target, analysis);
            }
            if (isStat(target)) {
                return this.statHover(target, isClassification(context) ? context : undefined, analysis);
            }
            if (isScheme(target)) {
                return schemeHover(target);
            }
            if (isBand(target)) {
                return bandHover(target, isClassification(context) ? context : undefined);
            }
            if (isRespondent(target)) {
                return respondentHover(target);
            }
            if (isSource(target)) {
                return target.name ? this.keyHover(target.name, analysis) : undefined;
            }
            if (isAnnex(target)) {
                return annexHover(target);
            }
            if (isProject(target)) {
                return projectHover(target, this.services.warrant.Files.external);
            }
        } catch (error) {
            console.error('warrant: hover failed', error);
        }
        return undefined;
    }

    /** A citation in a manuscript's prose shows its entry; a claim span, the claim's hover with its trace. */
    private proseHover(prose: ProseTarget, analysis: WorkspaceAnalysis | undefined): string {
        if (prose.kind === 'citation') {
            const key = prose.citation.key;
            return isCrossReference(key) ? `${code('@' + key)} — a Quarto cross-reference, not a citation.` : this.keyHover(key, analysis);
        }
        if (prose.claim) {
            return `*The manuscript makes this claim of the map.*\n\n${this.claimHover(prose.claim, analysis)}`;
        }
        const ref = prose.span.ref;
        return ref === '' ? '**claim span** without `ref=`: it names no claim.' : `**claim span** ${code(ref)} — **not found**\n\nNo claim of the map has this name.`;
    }

    keyHover(key: string, analysis: WorkspaceAnalysis | undefined): string {
        const target = this.support.resolveKey(key);
        const uses = this.support.citationIndex().citations.get(key)?.length ?? 0;
        const usage = `cited ${uses} ${uses === 1 ? 'time' : 'times'} in the workspace`;
        if (target?.kind === 'inline') {
            const where = `declared inline in ${md(fileName(uriOf(target.source)))}, line ${(target.source.$cstNode?.range.start.line ?? 0) + 1}`;
            return `**source** ${code('@' + key)}\n\n${inlineReference(target.source)}\n\n*${where} · ${usage}*`;
        }
        if (target?.kind === 'bib') {
            const node = analysis?.graph.byId.get('@' + key);
            const reference = referenceMarkdown(node?.source, key, this.services.warrant.Files.store, this.log);
            const where = `${md(fileName(target.location.uri))}, line ${target.location.line + 1}`;
            return `**source** ${code('@' + key)} · ${md(target.location.entryType)}\n\n${reference}\n\n*${where} · ${usage}*`;
        }
        const suggestions = [
            ...(recover(() => this.services.warrant.Files.store.nearestKeys(key), this.log, `Suggesting keys near @${key}`) ?? []),
            ...[...this.support.inlineSources().keys()].filter(name => name.toLowerCase() === key.toLowerCase())
        ];
        const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.slice(0, 3).map(s => code('@' + s)).join(', ')}?` : '';
        return `**source** ${code('@' + key)} — **not found**\n\nNo bibliography and no inline \`source\` declares this key.${hint}`;
    }

    private claimHover(claim: Claim, analysis: WorkspaceAnalysis | undefined): string {
        const lines = [`**claim** ${code(claim.name)}${this.statusSuffix(claim, analysis)}`, `> ${md(claim.text)}`];
        for (const clause of claim.clauses) {
            if (clause.$type === 'Qualifier' && clause.text) {
                lines.push(`*Qualifier:* ${md(clause.text)}`);
            } else if (clause.$type === 'WarrantText' && clause.text) {
                lines.push(`*Warrant:* ${md(excerpt(clause.text, 300))}`);
            }
        }
        lines.push(...this.groundingSections(claim, analysis));
        return lines.join('\n\n');
    }

    private patternHover(pattern: Pattern, analysis: WorkspaceAnalysis | undefined): string {
        const lines = [`**serendipity pattern** ${code(pattern.name)}${this.statusSuffix(pattern, analysis)}`, `> ${md(pattern.label)}`];
        const observed: Datum[] = [];
        for (const part of pattern.parts) {
            if (part.$type === 'Unanticipated') {
                lines.push(`*Unanticipated:* ${md(excerpt(part.text, 300))}`);
            } else if (part.$type === 'Anomalous') {
                lines.push(`*Anomalous:* ${md(excerpt(part.text, 300))}`);
            } else if (part.$type === 'Strategic') {
                lines.push(`*Strategic:* occasions claim ${code(part.claim?.$refText)}${part.claim?.ref ? ` — ${md(excerpt(part.claim.ref.text, 100))}` : ''}`);
            } else if (part.$type === 'Observed') {
                observed.push(...part.data.map(ref => ref.ref).filter((d): d is Datum => d !== undefined));
            }
        }
        if (observed.length > 0) {
            const emergent = observed.filter(d => d.occurrence === 'emergent').length;
            lines.push(`*Observed:* ${observed.length} ${observed.length === 1 ? 'datum' : 'data'}, ${emergent} emergent`);
        }
        lines.push(...this.groundingSections(pattern, analysis));
        return lines.join('\n\n');
    }

    private datumHover(datum: Datum, analysis: WorkspaceAnalysis | undefined): string {
        const annex = datum.$container;
        const lines = [`**datum** ${code(datum.name)} · ${datumFacts(datum)}`, `> ${md(datum.text)}`];
        const respondents = datum.respondents.map(ref => ref.ref).filter((r): r is Respondent => r !== undefined);
        for (const respondent of respondents) {
            lines.push(`- ${respondent.kind ?? 'respondent'} ${code(respondent.name)}: ${md(respondentSummary(respondent))}`);
        }
        if (datum.origin?.file) {
            const range = datum.origin.lines ? `, lines ${datum.origin.lines.from}${datum.origin.lines.to !== undefined ? '–' + datum.origin.lines.to : ''}` : '';
            const quote = datum.origin.quote ? ` · quote “${md(excerpt(datum.origin.quote, 120))}”` : '';
            lines.push(`*From* ${md(datum.origin.file)}${md(range)}${quote}`);
        }
        if (isAnnex(annex)) {
            lines.push(`*Annex* ${code(annex.name)}${annex.label ? ` — ${md(annex.label)}` : ''}`);
        }
        const node = analysis?.nodeOf(datum);
        if (analysis && node) {
            const users = analysis.graph.dependents[node.index].map(i => analysis.graph.nodes[i].id);
            lines.push(users.length > 0 ? `*Supports* ${users.slice(0, 8).map(code).join(', ')}${users.length > 8 ? ` and ${users.length - 8} more` : ''}` : '*Not used by any claim or pattern*');
        }
        return lines.join('\n\n');
    }

    private statHover(stat: Stat, classification: Classification | undefined, analysis: WorkspaceAnalysis | undefined): string {
        const value = statValue(stat);
        const lines = [`**stat** ${code(stat.name)} = ${md(value ?? 'no value')}${this.statusSuffix(stat, analysis)}`, `> ${md(stat.label)}`];
        if (classification && stat === classification.stat?.ref) {
            lines.push(classificationLine(classification));
        }
        const store = this.services.warrant.Files.store;
        for (const citation of stat.citations) {
            const key = citation.key?.replace(/^@/, '');
            if (key) {
                const node = analysis?.graph.byId.get('@' + key);
                lines.push(`- ${code('@' + key)}: ${referenceMarkdown(node?.source, key, store, this.log)}`);
            }
        }
        if (stat.citations.length === 0) {
            lines.push('*Cites no source: a stat is grounded by the sources it cites.*');
        }
        return lines.join('\n\n');
    }

    private evidenceSection(analysis: WorkspaceAnalysis, profile: Triangulation): string {
        const store = this.services.warrant.Files.store;
        const lines: string[] = [];
        const list = (ids: readonly string[], shown: number, noun: string) => {
            for (const id of ids.slice(0, shown)) {
                const node = analysis.graph.byId.get(id);
                if (node) {
                    lines.push(`- ${traceStep(node, store, this.log)}`);
                }
            }
            if (ids.length > shown) {
                lines.push(`- *and ${ids.length >= DISPLAY_PROFILE_CAP ? `${DISPLAY_PROFILE_CAP - shown}+` : ids.length - shown} more ${noun}*`);
            }
        };
        list(profile.data, EVIDENCE_SHOWN.data, 'data');
        list(profile.stats, EVIDENCE_SHOWN.stats, 'stats');
        list(profile.sources, EVIDENCE_SHOWN.sources, 'sources');
        return `**Evidence**\n\n${lines.join('\n')}`;
    }

    private statusSuffix(element: Claim | Pattern | Stat, analysis: WorkspaceAnalysis | undefined): string {
        const node = analysis?.nodeOf(element);
        return analysis && node ? ` — **${statusWord(analysis.status(node))}**` : '';
    }

    /** Why the status, the trace to the evidence and the triangulation profile. */
    private groundingSections(element: Claim | Pattern, analysis: WorkspaceAnalysis | undefined): string[] {
        const node = analysis?.nodeOf(element);
        if (!analysis || !node) {
            return analysis ? [] : ['*Status pending: the workspace is being rebuilt.*'];
        }
        const sections: string[] = [];
        const status = analysis.status(node);
        const { graph, grounding } = analysis;
        if (grounding.cycleOf[node.index] >= 0) {
            const cycle = grounding.cycles[grounding.cycleOf[node.index]] ?? [];
            const outside = status === 'circular' ? '' : ' (the cycle adds no evidence; it is grounded through support from outside it)';
            sections.push(`*Circular support:* ${cycle.map(i => code(graph.nodes[i].id)).join(' → ')}${outside}`);
        }
        if (!isGroundedStatus(status)) {
            const finding = findingMessage(analysis, element, IssueCodes.UnsupportedClaim);
            sections.push(finding ? `*Why:* ${mdWithCode(finding)}` : '*Why:* it does not trace to any datum, stat or resolved source.');
        }
        if (grounding.contradicted[node.index]) {
            for (const message of classificationMismatches(analysis, element)) {
                sections.push(`*Contradicted by its own statistic:* ${mdWithCode(message)}`);
            }
        }
        if (grounding.contested[node.index]) {
            const opposers = graph.opposers[node.index].filter(i => grounding.grounded[i]).map(i => code(graph.nodes[i].id));
            sections.push(`*Contested:* opposed by grounded ${opposers.join(', ')}`);
        }
        const trace = analysis.trace(node);
        if (trace.length > 1) {
            const store = this.services.warrant.Files.store;
            sections.push('**Trace to the evidence**\n\n' + trace.map((step, i) => `${i + 1}. ${traceStep(step, store, this.log)}`).join('\n'));
        }
        const profile = analysis.profile(node);
        if (profile) {
            sections.push(this.evidenceSection(analysis, profile));
            sections.push(`**Triangulation:** ${profileMarkdown(profile)}`);
        }
        return sections;
    }
}

/** Up to a few data (quote, method, respondents, occurrence), stats (value, sources) and sources (reference). */
const EVIDENCE_SHOWN = { data: 5, stats: 3, sources: 3 };

function markdown(value: string, range: Hover['range']): Hover {
    return { contents: { kind: 'markdown', value }, range };
}

function findingsOf(analysis: WorkspaceAnalysis, element: AstNode) {
    return analysis.findings.get(AstUtils.findRootNode(element) as never) ?? [];
}

function findingMessage(analysis: WorkspaceAnalysis, element: AstNode, code: IssueCode): string | undefined {
    return findingsOf(analysis, element).find(f => f.code === code && f.node === element)?.message;
}

/** The classification-mismatch messages of a claim's own `classifies` clauses. */
function classificationMismatches(analysis: WorkspaceAnalysis, claim: AstNode): string[] {
    return findingsOf(analysis, claim).filter(f => f.code === IssueCodes.ClassificationMismatch && f.node.$container === claim).map(f => f.message);
}

/** "8 data · 8 respondents · 2 methods (interview, observation) · 1 stat · 3 sources". */
export function profileMarkdown(profile: Triangulation): string {
    const methods = [...profile.methods].sort();
    return [
        plural(profile.data, 'datum', 'data'),
        plural(profile.respondents, 'respondent', 'respondents'),
        `${count(profile.methods)} ${profile.methods.length === 1 ? 'method' : 'methods'}${methods.length > 0 ? ` (${methods.map(md).join(', ')})` : ''}`,
        plural(profile.stats, 'stat', 'stats'),
        plural(profile.sources, 'source', 'sources')
    ].join(' · ');
}

/** "26% falls in `integrated` (25%–55%) of `Hakim` — classified as `maleDominated` (below 25%): mismatch". */
export function classificationLine(classification: Classification): string {
    const stat = classification.stat?.ref;
    const scheme = classification.scheme?.ref;
    const value = formatQuantity(stat?.value);
    if (value === undefined) {
        return '*Classification:* the stat has no value';
    }
    if (!scheme) {
        return `*Classification:* ${md(value)}; scheme ${code(classification.scheme?.$refText)} not found`;
    }
    const actual = bandOf(scheme, stat?.value);
    const claimed = classification.band?.ref;
    const falls = actual
        ? `${md(value)} falls in ${code(actual.name)} (${md(bandRange(actual))}) of ${code(scheme.name)}`
        : `${md(value)} falls in no band of ${code(scheme.name)}`;
    if (!claimed) {
        return `*Classification:* ${falls}`;
    }
    const verdict = claimed === actual ? '✓ as classified' : `✗ classified as ${code(claimed.name)} (${md(bandRange(claimed))})`;
    return `*Classification:* ${falls} — ${verdict}`;
}

function schemeHover(scheme: Scheme): string {
    const lines = [`**scheme** ${code(scheme.name)}${scheme.label ? ` — ${md(scheme.label)}` : ''}`];
    if (scheme.bands.length > 0) {
        lines.push(scheme.bands.map(band => `- ${code(band.name)} ${md(bandRange(band))}${band.label ? ` — ${md(band.label)}` : ''}`).join('\n'));
    }
    if (scheme.citations.length > 0) {
        lines.push(`*Cites* ${scheme.citations.map(c => code(c.key)).join(', ')}`);
    }
    return lines.join('\n\n');
}

function bandHover(band: Band, classification: Classification | undefined): string {
    const scheme = band.$container;
    const lines = [`**band** ${code(band.name)} of ${code(scheme?.name)}: ${md(bandRange(band))}${band.label ? ` — ${md(band.label)}` : ''}`];
    if (classification) {
        lines.push(classificationLine(classification));
    }
    return lines.join('\n\n');
}

function respondentHover(respondent: Respondent): string {
    const lines = [`**${respondent.kind ?? 'respondent'}** ${code(respondent.name)}${respondent.label ? ` — ${md(respondent.label)}` : ''}`];
    const attributes = respondent.attributes.filter(a => a.key !== undefined);
    if (attributes.length > 0) {
        lines.push(attributes.map(a => `- ${md(a.key)}: ${md(a.value)}`).join('\n'));
    }
    return lines.join('\n\n');
}

function annexHover(annex: Annex): string {
    const emergent = annex.data.filter(d => d.occurrence === 'emergent').length;
    return `**annex** ${code(annex.name)}${annex.label ? ` — ${md(annex.label)}` : ''}\n\n${annex.data.length} ${annex.data.length === 1 ? 'datum' : 'data'}, ${emergent} emergent`;
}

