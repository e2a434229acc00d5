import path from 'node:path';
import { AstUtils, CstUtils, GrammarUtils, interruptAndCheck, URI, type CstNode, type LangiumDocument } from 'langium';
import { DefaultDefinitionProvider, DefaultDocumentHighlightProvider, DefaultReferencesProvider } from 'langium/lsp';
import {
    CancellationToken, DocumentHighlight, DocumentHighlightKind, Location, LocationLink,
    type DefinitionParams, type DocumentHighlightParams, type Range, type ReferenceParams
} from 'vscode-languageserver';
import { isBibliography, isProjectEvidence, isSource, type Citation, type Source } from '../generated/ast.js';
import { sameEvidence, segmentLocations } from './project-navigation.js';
import type { WarrantServices } from '../warrant-module.js';
import { manuscriptOf } from '../manuscript/manuscript-documents.js';
import { proseTargetAt, type ProseTarget } from './prose-targets.js';
import { citationAt, uriOf, type KeyTarget, type WarrantLspSupport } from './support.js';

/** The `@key` token of a citation. */
export function keyLeaf(citation: Citation): CstNode | undefined {
    return GrammarUtils.findNodeForProperty(citation.$cstNode, 'key');
}

/** The source whose name the cursor is on, if any. */
export function sourceNameAt(document: LangiumDocument, offset: number, services: WarrantServices): Source | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root ? CstUtils.findDeclarationNodeAtOffset(root, offset, services.parser.GrammarConfig.nameRegexp) : undefined;
    const nameNode = leaf && isSource(leaf.astNode) ? services.references.NameProvider.getNameNode(leaf.astNode) : undefined;
    if (leaf && nameNode && nameNode.offset <= leaf.offset && leaf.end <= nameNode.end) {
        return leaf.astNode as Source;
    }
    return undefined;
}

/** A key's declaration: the inline source's name or the .bib entry's key. */
export function keyDeclaration(target: KeyTarget): { uri: string; range: Range; fullRange: Range } | undefined {
    if (target.kind === 'inline') {
        const name = GrammarUtils.findNodeForProperty(target.source.$cstNode, 'name');
        const full = target.source.$cstNode;
        return name && full ? { uri: uriOf(target.source), range: name.range, fullRange: full.range } : undefined;
    }
    const { location } = target;
    const range = { start: { line: location.line, character: location.column }, end: { line: location.line, character: location.column + target.key.length } };
    return { uri: location.uri, range, fullRange: { start: { line: location.entryLine, character: 0 }, end: { line: location.endLine + 1, character: 0 } } };
}

/** Every citation of a key in the workspace (optionally in one document), as located key tokens. */
export function keyCitations(support: WarrantLspSupport, key: string, documentUri?: string): Array<{ uri: string; range: Range }> {
    const found: Array<{ uri: string; range: Range }> = [];
    for (const citation of support.citationIndex().citations.get(key) ?? []) {
        const uri = uriOf(citation);
        if (documentUri !== undefined && uri !== documentUri) {
            continue;
        }
        const leaf = keyLeaf(citation);
        if (leaf) {
            found.push({ uri, range: leaf.range });
        }
    }
    return found;
}

/**
 * Go to definition: names through Langium's linking; an `@key` to its inline source or to
 * the line of its entry in the .bib file; a `bibliography "…"` path to the file; a project's
 * `segment "…"` (or each segment of a `code "…"`) to its excerpt in the source's text.
 */
export class WarrantDefinitionProvider extends DefaultDefinitionProvider {
    private readonly support: WarrantLspSupport;

    constructor(private readonly services: WarrantServices) {
        super(services);
        this.support = services.warrant.LspSupport;
    }

    /** From a manuscript's prose: a citation to its entry, a claim span to the claim. */
    private proseDefinition(prose: ProseTarget): LocationLink[] | undefined {
        if (prose.kind === 'citation') {
            const target = this.support.resolveKey(prose.citation.key);
            const declaration = target && keyDeclaration(target);
            return declaration ? [LocationLink.create(declaration.uri, declaration.fullRange, declaration.range, prose.range)] : undefined;
        }
        const name = prose.claim && GrammarUtils.findNodeForProperty(prose.claim.$cstNode, 'name');
        const full = prose.claim?.$cstNode;
        return prose.claim && name && full ? [LocationLink.create(uriOf(prose.claim), full.range, name.range, prose.range)] : undefined;
    }

    override async getDefinition(document: LangiumDocument, params: DefinitionParams, cancelToken = CancellationToken.None): Promise<LocationLink[] | undefined> {
        await interruptAndCheck(cancelToken);
        const offset = document.textDocument.offsetAt(params.position);
        if (manuscriptOf(document)) {
            const prose = proseTargetAt(document, offset, await this.support.analysis(cancelToken));
            if (prose) {
                return this.proseDefinition(prose);
            }
        }
        const cited = citationAt(document, offset);
        if (cited) {
            const target = this.support.resolveKey(cited.key);
            const declaration = target && keyDeclaration(target);
            return declaration ? [LocationLink.create(declaration.uri, declaration.fullRange, declaration.range, cited.leaf.range)] : undefined;
        }
        const bibliography = this.bibliographyAt(document, offset);
        if (bibliography) {
            return [bibliography];
        }
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
        if (leaf && isProjectEvidence(leaf.astNode) && leaf.text.startsWith('"')) {
            const analysis = await this.support.analysis(cancelToken);
            return analysis ? segmentLocations(leaf.astNode, analysis, leaf.range) : undefined;
        }
        return super.getDefinition(document, params, cancelToken);
    }

    private bibliographyAt(document: LangiumDocument, offset: number): LocationLink | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
        if (!leaf || !isBibliography(leaf.astNode) || !leaf.astNode.path || !leaf.text.startsWith('"') || document.uri.scheme !== 'file') {
            return undefined;
        }
        const file = path.resolve(path.dirname(document.uri.fsPath), leaf.astNode.path);
        const uri = URI.file(file).toString();
        if (!this.services.warrant.Files.store.uris().includes(uri)) {
            return undefined; // not loaded: missing or outside the workspace (diagnosed elsewhere)
        }
        const start = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        return LocationLink.create(uri, start, start, leaf.range);
    }
}

/**
 * Find all references: Langium's index for names; for an `@key` (or an inline source's
 * name) every citation of the key in the workspace, plus its declaration when asked.
 */
export class WarrantReferencesProvider extends DefaultReferencesProvider {
    private readonly support: WarrantLspSupport;

    constructor(private readonly services: WarrantServices) {
        super(services);
        this.support = services.warrant.LspSupport;
    }

    override async findReferences(document: LangiumDocument, params: ReferenceParams, cancelToken = CancellationToken.None): Promise<Location[]> {
        await interruptAndCheck(cancelToken);
        const key = this.keyAt(document, document.textDocument.offsetAt(params.position));
        if (key !== undefined) {
            const locations = keyCitations(this.support, key).map(c => Location.create(c.uri, c.range));
            const target = this.support.resolveKey(key);
            const declaration = target && keyDeclaration(target);
            if (params.context.includeDeclaration && declaration) {
                locations.unshift(Location.create(declaration.uri, declaration.range));
            }
            return locations;
        }
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position)) : undefined;
        if (leaf && isProjectEvidence(leaf.astNode) && leaf.text.startsWith('"')) {
            const analysis = await this.support.analysis(cancelToken);
            return analysis ? sameEvidence(leaf.astNode, analysis) : [];
        }
        return super.findReferences(document, params, cancelToken);
    }

    private keyAt(document: LangiumDocument, offset: number): string | undefined {
        return citationAt(document, offset)?.key ?? sourceNameAt(document, offset, this.services)?.name;
    }
}

/** Highlights in the current document: declaration as Write, references and citations as Read. */
export class WarrantDocumentHighlightProvider extends DefaultDocumentHighlightProvider {
    private readonly support: WarrantLspSupport;

    constructor(private readonly services: WarrantServices) {
        super(services);
        this.support = services.warrant.LspSupport;
    }

    override async getDocumentHighlight(document: LangiumDocument, params: DocumentHighlightParams, cancelToken = CancellationToken.None): Promise<DocumentHighlight[] | undefined> {
        await interruptAndCheck(cancelToken);
        const offset = document.textDocument.offsetAt(params.position);
        const key = citationAt(document, offset)?.key ?? sourceNameAt(document, offset, this.services)?.name;
        const uri = document.uri.toString();
        if (key !== undefined) {
            const highlights = keyCitations(this.support, key, uri).map(c => DocumentHighlight.create(c.range, DocumentHighlightKind.Read));
            const target = this.support.resolveKey(key);
            const declaration = target && keyDeclaration(target);
            if (declaration && declaration.uri === uri) {
                highlights.unshift(DocumentHighlight.create(declaration.range, DocumentHighlightKind.Write));
            }
            return highlights;
        }
        const highlights = await super.getDocumentHighlight(document, params, cancelToken);
        if (!highlights) {
            return highlights;
        }
        // The declaration's name is the write; everything else reads it.
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp) : undefined;
        const declarations = leaf ? this.references.findDeclarations(leaf) : [];
        const names = declarations.map(node => this.nameProvider.getNameNode(node)).filter((n): n is CstNode => n !== undefined && AstUtils.getDocument(n.astNode).uri.toString() === uri);
        return highlights.map(h => ({
            ...h,
            kind: names.some(n => sameRange(n.range, h.range)) ? DocumentHighlightKind.Write : DocumentHighlightKind.Read
        }));
    }
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

