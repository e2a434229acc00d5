import { GrammarUtils, type AstNode, type AstNodeDescription, type LangiumDocument } from 'langium';
import { DefaultNodeKindProvider, type DocumentSymbolProvider, type NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import {
    isAnnex, isBibliography, isClaim, isDocument, isPattern, isRespondent, isScheme, isSource, isStat,
    type Band, type Datum, type Element
} from '../generated/ast.js';
import type { WarrantServices } from '../warrant-module.js';
import { COMPLETION_KINDS } from './completion-provider.js';
import { bandRange, excerpt, statValue } from './describe.js';
import { SectionOutline } from './section-outline.js';
import { sectionsOf } from '../analysis/sections.js';

/** Symbol kinds by element type (the outline, breadcrumbs and workspace symbols agree). */
export const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Claim: SymbolKind.Class,
    Pattern: SymbolKind.Function,
    Datum: SymbolKind.Variable,
    Stat: SymbolKind.Number,
    Scheme: SymbolKind.Enum,
    Band: SymbolKind.EnumMember,
    Respondent: SymbolKind.Object,
    Source: SymbolKind.Key,
    Annex: SymbolKind.Module,
    Bibliography: SymbolKind.File
};

function typeOf(node: AstNode | AstNodeDescription): string {
    return 'type' in node && typeof node.type === 'string' ? node.type : (node as AstNode).$type;
}

/** Kinds for workspace symbols and completion items (a shared service: see WarrantSharedLspModule). */
export class WarrantNodeKindProvider extends DefaultNodeKindProvider implements NodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? SymbolKind.Field;
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? CompletionItemKind.Reference;
    }
}

/**
 * The outline in document order: annexes with their data, schemes with their bands, claims,
 * patterns, stats, sources, respondents and bibliographies, each with a short detail, nested
 * under the file's sections (see section-outline.ts). Every range contains its children and its
 * selection range, so breadcrumbs follow the cursor.
 * Works on the parse result alone (partial ASTs included: nameless elements are skipped).
 */
export class WarrantDocumentSymbolProvider implements DocumentSymbolProvider {
    constructor(_services: WarrantServices) {}

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const root = document.parseResult.value;
        if (!isDocument(root)) {
            return [];
        }
        const outline = new SectionOutline(sectionsOf(document).headings);
        for (const element of root.elements) {
            try {
                outline.add(element.$cstNode?.offset ?? 0, this.elementSymbols(element));
            } catch (error) {
                console.error('warrant: document symbols failed', error);
            }
        }
        return outline.finish();
    }

    private elementSymbols(element: Element): DocumentSymbol[] {
        if (isBibliography(element)) {
            const node = element.$cstNode;
            return node && element.path ? [{ name: element.path, detail: 'bibliography', kind: SymbolKind.File, range: node.range, selectionRange: node.range }] : [];
        }
        const children = isAnnex(element) ? element.data.flatMap(datum => this.symbol(datum, datumDetail(datum)))
            : isScheme(element) ? element.bands.flatMap(band => this.symbol(band, bandDetail(band)))
                : [];
        const detail = isClaim(element) ? excerpt(element.text, 60)
            : isPattern(element) ? excerpt(element.label, 60)
                : isStat(element) ? `${statValue(element) ?? '?'} — ${excerpt(element.label, 40)}`
                    : isScheme(element) ? element.label ?? ''
                        : isAnnex(element) ? `${element.data.length} ${element.data.length === 1 ? 'datum' : 'data'}`
                            : isRespondent(element) ? element.label ?? element.kind
                                : isSource(element) ? sourceDetail(element)
                                    : '';
        const own = this.symbol(element, detail, children);
        // A nameless container (a parse error) still shows what it contains.
        return own.length > 0 ? own : children;
    }

    private symbol(node: AstNode & { name?: string }, detail: string | undefined, children?: DocumentSymbol[]): DocumentSymbol[] {
        const full = node.$cstNode;
        const nameNode = GrammarUtils.findNodeForProperty(full, 'name');
        if (!node.name || !full || !nameNode) {
            return [];
        }
        return [{
            name: node.name,
            detail: detail || undefined,
            kind: SYMBOL_KINDS[node.$type] ?? SymbolKind.Field,
            range: full.range,
            selectionRange: nameNode.range,
            children: children && children.length > 0 ? children : undefined
        }];
    }
}

function datumDetail(datum: Datum): string {
    return [datum.method, datum.occurrence].filter(Boolean).join(' · ');
}

function bandDetail(band: Band): string {
    return bandRange(band);
}

function sourceDetail(source: { fields: Array<{ key: string; value: string | number }>; label?: string }): string {
    const field = (name: string) => source.fields.find(f => f.key === name)?.value;
    return [field('author'), field('year') !== undefined ? `(${field('year')})` : undefined].filter(v => v !== undefined).join(' ') || source.label || 'source';
}

