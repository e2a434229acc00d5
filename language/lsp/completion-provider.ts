import { AstUtils, GrammarAST, interruptAndCheck, stream, URI, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CancellationToken, CompletionItemKind, CompletionTriggerKind, InsertTextFormat, type CompletionList, type CompletionParams, type InitializeParams } from 'vscode-languageserver';
import { fold, searchText } from '../bibliography/index.js';
import {
    isBand, isClaim, isClassification, isDatum, isObserved, isOpposition, isPattern, isRespondent, isScheme, isStat, isSupport,
    type Band, type Scheme
} from '../generated/ast.js';
import type { ReceivedInitializationOptions } from '../protocol.js';
import type { WarrantServices } from '../warrant-module.js';
import { bandOf } from '../analysis/quantities.js';
import { bandRange, excerpt, inlineReference, md, statValue } from './describe.js';
import { KEYWORD_DOCS, keywordMarkdown } from './keyword-docs.js';
import { showHiddenCharacters } from '../safety/characters.js';
import { COMPLETION_SNIPPETS } from './snippets.js';
import { inProjectKey, projectKeyItems } from './project-completion.js';
import type { WarrantLspSupport } from './support.js';
import { citesAfter } from '../manuscript/citations.js';
import { manuscriptOf } from '../manuscript/manuscript-documents.js';
import { inFence, isManuscriptUri, parserText, type Manuscript } from '../manuscript/manuscript.js';
import { maskOutside } from '../manuscript/fences.js';
import { TextDocument } from 'vscode-languageserver-textdocument';

interface KeySearchText {
    /** Key, family names, year and title, folded to lower-case ASCII where possible. */
    folded: string;
    words: string[];
    detail: string;
}

function words(folded: string): string[] {
    return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** At most this many `@key` items per request (the list is incomplete, so clients ask again as the user types). */
export const MAX_KEY_ITEMS = 100;

const KEY_CHAR = /[A-Za-z0-9_:.\-/+\u00C0-\u024F]/;

/**
 * A typed space asks for completion only after these words, where a name or a key comes next
 * (`supported by `, `cites `, `classifies `, `… as `, `observed `, `strategic `); elsewhere
 * (in a claim's text, after a name) the answer is an empty list, at once.
 */
const SPACE_TRIGGER = /(?:^|[^\p{L}\p{N}_-])(?:by|cites|classifies|as|observed|strategic)\s$/u;

/**
 * A string closed on the line, or a comment: what the space-trigger test looks past. A block
 * comment not closed on the line runs to the cursor (each `/*` searching the rest of a line of
 * them for `*\/` was quadratic).
 */
const STRING_OR_COMMENT = /"(?:\\.|[^"\\\r\n])*"|\/\/.*$|\/\*(?:.*?\*\/|.*$)/g;

/** Completion kinds by element type, shared with document symbols and semantic tokens. */
export const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Claim: CompletionItemKind.Class,
    Pattern: CompletionItemKind.Function,
    Datum: CompletionItemKind.Variable,
    Stat: CompletionItemKind.Value,
    Scheme: CompletionItemKind.Enum,
    Band: CompletionItemKind.EnumMember,
    Respondent: CompletionItemKind.Field,
    Source: CompletionItemKind.Reference,
    Annex: CompletionItemKind.Module
};

const KIND_ORDER: Record<string, number> = { Claim: 0, Pattern: 1, Datum: 2, Stat: 3 };

/**
 * Keywords where the grammar allows them (never at a declaration's name), names filtered by
 * the expected kind (the grammar's cross-reference types: only data after `observed`, only
 * stats after `classifies`, only the named scheme's bands after `as`…), `@keys` from every
 * bibliography and inline source matched on key, authors, year and title, and snippets.
 */
export class WarrantCompletionProvider extends DefaultCompletionProvider {
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['@', ' '] };
    private readonly support: WarrantLspSupport;
    private snippetsEnabled = true;
    private keySearch?: { keys: readonly string[]; texts: Map<string, KeySearchText> };

    constructor(private readonly services: WarrantServices) {
        super(services);
        this.support = services.warrant.LspSupport;
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken: CancellationToken = CancellationToken.None): Promise<CompletionList | undefined> {
        await interruptAndCheck(cancelToken);
        const manuscript = manuscriptOf(document);
        const offset = document.textDocument.offsetAt(params.position);
        if (manuscript && !inFence(manuscript.fences, offset)) {
            return this.proseCompletion(document.textDocument, offset, manuscript);
        }
        if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && params.context.triggerCharacter === ' '
            && !spaceTriggers(document.textDocument.getText({ start: { line: params.position.line, character: 0 }, end: params.position }))) {
            return { isIncomplete: false, items: [] };
        }
        // Inside the string of `code "…" in p` / `segment "…" in p`: the project's names, not the grammar's next tokens.
        if (inProjectKey(document.textDocument, offset)) {
            const analysis = await this.support.analysis(cancelToken);
            const found = analysis ? projectKeyItems(document.textDocument, offset, analysis) : { items: [], incomplete: false };
            return { isIncomplete: found.incomplete, items: found.items };
        }
        return super.getCompletion(document, params, cancelToken);
    }

    /**
     * Langium also completes the token after the one the cursor ends, when that token ends in
     * a non-letter: `@Smith2020` + `ch.` glued into `@Smith2020ch.`, `d1` + `cites` into
     * `d1cites`. In a snippet field the Tab meant to leave the field accepted that item. Only
     * after punctuation that a next token may follow without a space (`,` `{` `:` `=`) is the
     * next token offered; elsewhere the user types a space first.
     */
    protected override performNextTokenCompletion(_document: LangiumDocument, text: string): boolean {
        return /[,{:=]$/.test(text);
    }

    /** Keywords with what they mean and a line that uses them (not Langium's bare "Keyword"). */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) {
            return;
        }
        const doc = KEYWORD_DOCS[keyword.value];
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Keyword,
            detail: doc?.summary ?? 'Keyword',
            documentation: doc ? { kind: 'markdown', value: keywordMarkdown(doc) } : undefined,
            sortText: '1'
        });
    }

    /** `initializationOptions.completionSnippets: false` turns the snippets off (VS Code has them from snippets/warrant.json). */
    protected override initialize(params: InitializeParams): void {
        super.initialize(params);
        const options = params.initializationOptions as ReceivedInitializationOptions;
        this.snippetsEnabled = options?.completionSnippets !== false;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        try {
            const feature = next.feature;
            if (GrammarAST.isKeyword(feature)) {
                if (next.property === 'name') {
                    return; // a new name is being declared: keywords allowed as names are no suggestion
                }
                this.snippetFor(context, feature.value, acceptor);
                return super.completionFor(context, next, acceptor);
            }
            if (GrammarAST.isRuleCall(feature) && feature.rule.ref?.name === 'CITEKEY') {
                return this.completionForCitation(context, acceptor);
            }
            if (GrammarAST.isCrossReference(feature) && !next.type) {
                // In half-typed text the node at the cursor can be an ancestor of the one that
                // holds the reference (a claim for its `supported by` clause): complete for a
                // synthetic node of the right type, as Langium does for new elements.
                const owner = AstUtils.getContainerOfType(feature, GrammarAST.isParserRule)?.name;
                if (owner && context.node && context.node.$type !== owner) {
                    return super.completionFor(context, { ...next, type: owner }, acceptor);
                }
            }
            return super.completionFor(context, next, acceptor);
        } catch (error) {
            console.error('warrant: completion failed', error);
        }
    }

    private snippetFor(context: CompletionContext, keyword: string, acceptor: CompletionAcceptor): void {
        if (!this.snippetsEnabled || this.clientCapabilities?.completionItem?.snippetSupport !== true) {
            return;
        }
        const snippet = COMPLETION_SNIPPETS.find(s => s.keyword === keyword);
        if (snippet) {
            acceptor(context, {
                label: keyword,
                labelDetails: { description: 'snippet' },
                kind: CompletionItemKind.Snippet,
                detail: snippet.description,
                insertText: snippet.body.join('\n'),
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: '2' + keyword
            });
        }
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const container = refInfo.container;
        if (isClassification(container) && refInfo.property === 'band') {
            return stream(this.bandCandidates(container.scheme?.ref));
        }
        const excluded = new Set<string>();
        const listed = (refs: Array<{ $refText: string; $refNode?: { offset: number; end: number } }>) => {
            for (const ref of refs) {
                const node = ref.$refNode;
                if (!node || !(node.offset <= context.offset && context.offset <= node.end)) {
                    excluded.add(ref.$refText);
                }
            }
        };
        if (isSupport(container) || isOpposition(container)) {
            listed(isSupport(container) ? container.supporters : container.opponents);
            const claim = container.$container;
            if (isClaim(claim) && claim.name) {
                excluded.add(claim.name); // a claim cannot support itself
            }
        } else if (isObserved(container)) {
            listed(container.data);
        } else if (isDatum(container) && refInfo.property === 'respondents') {
            listed(container.respondents);
        }
        return super.getReferenceCandidates(refInfo, context).filter(description => !excluded.has(description.name));
    }

    /** The bands of the named scheme; when no scheme is named yet, every scheme's bands. */
    private bandCandidates(scheme: Scheme | undefined): AstNodeDescription[] {
        const schemes = scheme ? [scheme] : this.support.documentRoots().flatMap(root => root.elements.filter(isScheme));
        const descriptions = this.services.workspace.AstNodeDescriptionProvider;
        return schemes.flatMap(s => s.bands.filter(band => band.name).map(band => descriptions.createDescription(band, band.name)));
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const node = description.node;
        const item: CompletionValueItem = {
            nodeDescription: description,
            kind: COMPLETION_KINDS[description.type] ?? CompletionItemKind.Reference,
            labelDetails: { description: description.type.toLowerCase() },
            sortText: '0' + (KIND_ORDER[description.type] ?? 5) + description.name
        };
        if (!node) {
            return item;
        }
        if (isClaim(node)) {
            item.detail = excerpt(node.text, 80);
            // The claim's text is user text: escaped, so markup or `[x](command:…)` links in it stay inert.
            item.documentation = { kind: 'markdown', value: md(node.text) };
        } else if (isDatum(node)) {
            item.detail = [node.method, node.occurrence].filter(Boolean).join(' · ') + ' — ' + excerpt(node.text, 60);
            item.documentation = node.text;
        } else if (isStat(node)) {
            item.detail = `= ${statValue(node) ?? '?'} — ${excerpt(node.label, 60)}`;
        } else if (isPattern(node)) {
            item.detail = excerpt(node.label, 80);
        } else if (isRespondent(node)) {
            item.detail = node.label;
        } else if (isBand(node)) {
            this.bandItem(node, refInfo, context, item);
        } else if (isScheme(node)) {
            item.detail = node.label;
        }
        return item;
    }

    private bandItem(band: Band, refInfo: ReferenceInfo, context: CompletionContext, item: CompletionValueItem): void {
        const scheme = band.$container;
        item.detail = `${bandRange(band)}${band.label ? ' — ' + band.label : ''} (${scheme.name})`;
        item.labelDetails = { description: `band of ${scheme.name}` };
        const classification = refInfo.container;
        if (!isClassification(classification)) {
            return;
        }
        if (bandOf(scheme, classification.stat?.ref?.value) === band) {
            // The band the stat's value falls in comes first, but is not preselected: a Tab
            // meant to leave a snippet field would otherwise replace the band typed there.
            item.sortText = '00' + band.name;
            item.detail += ' ✓ contains the stat\'s value';
        }
        if (!classification.scheme?.ref) {
            // No scheme named yet: complete the rest of the clause too, unless `by` already follows.
            const rest = context.textDocument.getText().slice(context.offset).split(/\r?\n/, 1)[0];
            if (!/^\s*\w*\s+by\b/.test(rest)) {
                item.insertText = `${band.name} by ${scheme.name}`;
            }
        }
    }

    /** `@keys` of every bibliography and inline source, filtered by the typed text. */
    private completionForCitation(context: CompletionContext, acceptor: CompletionAcceptor): void {
        for (const item of this.citationItems(context.textDocument, context.offset, true) ?? []) {
            acceptor(context, item);
        }
    }

    /**
     * The `@key` items for the key being typed at `offset` (undefined when no `@` starts it):
     * keys of the bibliographies, and of the inline sources when `inline` (a manuscript's prose
     * cites only what Pandoc can find in a bibliography).
     */
    private citationItems(textDocument: TextDocument, offset: number, inline: boolean): Array<CompletionValueItem & { label: string }> | undefined {
        const text = textDocument.getText();
        let start = offset;
        while (start > 0 && KEY_CHAR.test(text[start - 1])) {
            start--;
        }
        const hasAt = start > 0 && text[start - 1] === '@';
        const from = hasAt ? start - 1 : start;
        if (!hasAt && start !== offset) {
            return undefined; // a bare word: not a citation being typed
        }
        let end = offset;
        while (end < text.length && KEY_CHAR.test(text[end])) {
            end++;
        }
        const typed = fold(text.slice(start, offset)).toLowerCase();
        const range = { start: textDocument.positionAt(from), end: textDocument.positionAt(end) };
        const candidates: Array<{ key: string; rank: number; detail: string; documentation?: string; search: string }> = [];
        const seen = new Set<string>();
        for (const [key, source] of inline ? this.support.inlineSources() : []) {
            const field = (name: string) => source.fields.find(f => f.key === name)?.value;
            const search = [key, field('author'), field('year'), field('title'), source.label].filter(v => v !== undefined).join(' ');
            const rank = matchRank(key, fold(search).toLowerCase(), typed);
            seen.add(key);
            if (rank >= 0) {
                const detail = [field('author'), field('year') !== undefined ? `(${field('year')})` : undefined, field('title') ?? source.label].filter(v => v !== undefined).join(' ');
                candidates.push({ key, rank, detail: `${detail} · inline`, documentation: inlineReference(source), search });
            }
        }
        const texts = this.keySearchTexts();
        for (const key of this.services.warrant.Files.store.keys()) {
            if (seen.has(key)) {
                continue;
            }
            const entry = texts.get(key);
            const rank = matchRank(key, entry?.folded ?? key.toLowerCase(), typed, entry?.words);
            if (rank >= 0) {
                candidates.push({ key, rank, detail: entry?.detail ?? '', search: entry?.folded ?? key });
            }
        }
        candidates.sort((a, b) => a.rank - b.rank || a.key.localeCompare(b.key));
        return candidates.slice(0, MAX_KEY_ITEMS).map((candidate, i) => ({
            // Plain text from a .bib or .warrant file: controls shown as markers, as in diagnostics.
            label: showHiddenCharacters('@' + candidate.key),
            kind: CompletionItemKind.Reference,
            detail: showHiddenCharacters(candidate.detail),
            documentation: candidate.documentation ? { kind: 'markdown', value: candidate.documentation } : undefined,
            filterText: `@${candidate.key} ${candidate.search}`,
            sortText: String(i).padStart(4, '0'),
            textEdit: { range, newText: '@' + candidate.key }
        }));
    }

    /** In a manuscript's prose: `@keys` after an `@` that starts a citation (not an address's), nothing else. */
    private proseCompletion(textDocument: TextDocument, offset: number, manuscript: Manuscript): CompletionList {
        const text = textDocument.getText();
        let at = offset;
        while (at > 0 && KEY_CHAR.test(text[at - 1])) {
            at--;
        }
        const citing = manuscript.checked && text[at - 1] === '@' && citesAfter(text[at - 2] === '-' ? text[at - 3] : text[at - 2]);
        return { isIncomplete: citing, items: citing ? this.citationItems(textDocument, offset, false) ?? [] : [] };
    }

    /**
     * The completion parser reads a manuscript as the document parser does: its fences only
     * (found when the document was built, not scanned again per request).
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const uri = URI.parse(document.uri);
        if (!isManuscriptUri(uri)) {
            return super.findFeaturesAt(document, offset);
        }
        const built = this.services.shared.workspace.LangiumDocuments.getDocument(uri);
        const current = built && built.textDocument.version === document.version ? manuscriptOf(built) : undefined;
        const masked = current ? maskOutside(document.getText(), current.fences) : parserText(document.getText());
        return super.findFeaturesAt(TextDocument.create(document.uri, document.languageId, document.version, masked), offset);
    }

    /** Author, year and title of each .bib key (cheap raw fields), cached until the bibliographies change. */
    private keySearchTexts(): Map<string, KeySearchText> {
        const store = this.services.warrant.Files.store;
        const keys = store.keys();
        if (this.keySearch?.keys === keys) {
            return this.keySearch.texts;
        }
        const texts = new Map<string, KeySearchText>();
        for (const key of keys) {
            const summary = store.summary(key);
            if (summary) {
                const authors = summary.familyNames.length > 2 ? `${summary.familyNames[0]} et al.` : summary.familyNames.join(' & ');
                const detail = [authors, summary.year ? `(${summary.year})` : '', summary.title ?? ''].filter(Boolean).join(' ');
                const folded = fold(searchText(summary)).toLowerCase();
                texts.set(key, { folded, words: words(folded), detail });
            }
        }
        this.keySearch = { keys, texts };
        return texts;
    }
}

/**
 * How well a key matches the typed text: 0 key prefix, 1 a word of author/year/title starts
 * with it, 2 it occurs anywhere, -1 no match. Everything matches an empty query.
 */
export function matchRank(key: string, foldedSearch: string, typed: string, searchWords = words(foldedSearch)): number {
    if (!typed) {
        return 0;
    }
    const lowerKey = fold(key).toLowerCase();
    if (lowerKey.startsWith(typed)) {
        return 0;
    }
    if (searchWords.some(word => word.startsWith(typed))) {
        return 1;
    }
    return lowerKey.includes(typed) || foldedSearch.includes(typed) ? 2 : -1;
}

/** Whether a space typed at the end of `line` (the line up to the cursor) should open completion. */
export function spaceTriggers(line: string): boolean {
    // Closed strings become a space; a quote left over opens a string the cursor is in.
    const code = line.replace(STRING_OR_COMMENT, match => (match.startsWith('"') ? ' ' : ''));
    return !code.includes('"') && SPACE_TRIGGER.test(code);
}
