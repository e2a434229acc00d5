import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type InitializeParams, type Range, type TextEdit } from 'vscode-languageserver';
import { IssueCodes } from '../analysis/issue-codes.js';
import { isClaim, isPattern, isSupport, type Claim, type Pattern } from '../generated/ast.js';
import type { DiagnosticData, ReceivedInitializationOptions } from '../protocol.js';
import type { WarrantServices } from '../warrant-module.js';
import { grammarKeywords } from '../parser/grammar-keywords.js';
import { bibliographyFixes } from './bibliography-fixes.js';
import { declareNameFixes } from './declare-name.js';
import { manuscriptOf } from '../manuscript/manuscript-documents.js';
import { inFence } from '../manuscript/manuscript.js';
import { appendPoint, escapeSnippet, snippetAction } from './snippet-action.js';

/**
 * Quick fixes for the rules where the fix is unambiguous or a short list of choices. Every
 * edit touches only the range it names (tested): no reformatting, no reordering.
 */
export class WarrantCodeActionProvider implements CodeActionProvider {
    /** Whether the client implements Warrant's editor commands (snippet insertion, file pickers): see snippet-action.ts. */
    private editorCommands = false;

    constructor(private readonly services: WarrantServices) {
        services.shared.lsp.LanguageServer.onInitialize(params => this.initialize(params));
    }

    initialize(params: InitializeParams): void {
        this.editorCommands = (params.initializationOptions as ReceivedInitializationOptions)?.editorCommands === true;
    }

    /**
     * Whether `key` can be declared as `source KEY`: an identifier that is no keyword, or one of
     * the keywords the grammar's `Name` rule admits. (A key such as `as` or `of` passed the
     * identifier test, and the stub `source as { … }` was a syntax error.)
     */
    private isName(key: string): boolean {
        if (!/^[A-Za-z_\u00C0-\u024F][A-Za-z0-9_\u00C0-\u024F]*$/.test(key)) {
            return false;
        }
        const tokens = this.services.parser.Lexer.tokenize(key).tokens;
        if (tokens.length !== 1 || tokens[0].image !== key) {
            return false;
        }
        if (tokens[0].tokenType.name === 'ID') {
            return true;
        }
        return grammarKeywords(this.services.Grammar).allowedAsNames.has(key);
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = (diagnostic.data ?? {}) as DiagnosticData;
            switch (diagnostic.code) {
                case IssueCodes.UnknownCitation:
                    actions.push(...this.citationFixes(document, diagnostic, data));
                    break;
                case IssueCodes.UnknownReference:
                    actions.push(...(data.suggestions ?? []).map((name, i) => this.replace(document, diagnostic, `Change to \`${name}\``, name, i === 0)));
                    actions.push(...declareNameFixes(document, diagnostic, this.services, this.editorCommands));
                    break;
                case IssueCodes.UnknownClaimSpan:
                    actions.push(...(data.suggestions ?? []).map((name, i) => this.replace(document, diagnostic, `Change to \`${name}\``, name, i === 0)));
                    break;
                case IssueCodes.BibliographyNotFound:
                    actions.push(...bibliographyFixes(document, diagnostic, this.editorCommands));
                    break;
                case IssueCodes.ClassificationMismatch:
                    if (data.band) {
                        actions.push(this.replace(document, diagnostic, `Classify as \`${data.band}\``, data.band, true));
                    }
                    break;
                case IssueCodes.SelfSupport:
                    actions.push(...this.removeSelfReference(document, diagnostic));
                    break;
                case IssueCodes.UnsupportedClaim:
                    actions.push(...this.addSupport(document, diagnostic));
                    break;
                case IssueCodes.PatternIncomplete:
                    actions.push(...this.completePattern(document, diagnostic));
                    break;
            }
        }
        return actions;
    }

    private replace(document: LangiumDocument, diagnostic: Diagnostic, title: string, text: string, preferred: boolean): CodeAction {
        return this.action(document, diagnostic, title, [{ range: diagnostic.range, newText: text }], preferred);
    }

    private action(document: LangiumDocument, diagnostic: Diagnostic, title: string, edits: TextEdit[], preferred = false): CodeAction {
        return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred || undefined, edit: { changes: { [document.uri.toString()]: edits } } };
    }

    private citationFixes(document: LangiumDocument, diagnostic: Diagnostic, data: DiagnosticData): CodeAction[] {
        const actions = (data.suggestions ?? []).map((key, i) => this.replace(document, diagnostic, `Change to @${key}`, `@${key}`, i === 0));
        const manuscript = manuscriptOf(document);
        const inProse = manuscript !== undefined && !inFence(manuscript.fences, document.textDocument.offsetAt(diagnostic.range.start));
        // Prose cites what Pandoc finds in a bibliography: an inline source would not resolve there.
        if (data.key && this.isName(data.key) && !inProse) {
            // Keys that are valid names can be declared inline; others (with `:` or `-`) belong in a .bib.
            // The fields stay empty until filled in, so the stub is reported as incomplete until then.
            const at = appendPoint(document);
            actions.push(snippetAction({
                title: `Create a source stub for @${data.key}`,
                diagnostic,
                uri: document.uri.toString(),
                position: at.position,
                snippet: `${at.separator}source ${escapeSnippet(data.key)} {\n  author "$1"\n  year \${2:0}\n  title "$3"\n}\n`
            }, this.editorCommands));
        }
        return actions;
    }

    private removeSelfReference(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const node = this.nodeAt(document, diagnostic.range);
        const clause = node && AstUtils.getContainerOfType(node, isSupport);
        if (!clause?.$cstNode) {
            return [];
        }
        const claim = clause.$container as Claim;
        const remaining = clause.supporters.filter(ref => ref.ref !== claim);
        if (remaining.length === 0) {
            return [this.action(document, diagnostic, 'Remove the self-reference', [{ range: clause.$cstNode.range, newText: '' }], true)];
        }
        const refs = clause.supporters.map(ref => ref.$refNode!).filter(Boolean);
        const index = clause.supporters.findIndex(ref => ref.ref === claim);
        // Remove the name with the comma on one side, leaving the rest of the list untouched.
        const range: Range = index > 0
            ? { start: refs[index - 1].range.end, end: refs[index].range.end }
            : { start: refs[0].range.start, end: refs[1].range.start };
        return [this.action(document, diagnostic, 'Remove the self-reference', [{ range, newText: '' }], true)];
    }

    private addSupport(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const node = this.nodeAt(document, diagnostic.range);
        const claim = node && AstUtils.getContainerOfType(node, isClaim);
        if (!claim?.$cstNode) {
            return [];
        }
        const analysis = this.services.warrant.Analysis.get();
        // Offer the grounded data and claims declared nearest above the claim in the same file.
        const candidates = AstUtils.streamAst(document.parseResult.value)
            .filter(n => (n.$type === 'Datum' || n.$type === 'Claim' || n.$type === 'Stat') && n !== claim && (n.$cstNode?.offset ?? Infinity) < claim.$cstNode!.offset)
            .filter(n => {
                const graphNode = analysis.nodeOf(n);
                return graphNode !== undefined && analysis.grounding.grounded[graphNode.index];
            })
            .toArray()
            .slice(-3)
            .reverse() as Array<AstNode & { name: string }>;
        const textEnd = GrammarUtils.findNodeForProperty(claim.$cstNode, 'text')?.range.end;
        if (!textEnd) {
            return [];
        }
        const existing = claim.clauses.find(isSupport);
        // A braced claim takes its clauses inside the braces: inserted after the text, before
        // `{`, the clause made `claim c "C" supported by d { }`, a syntax error.
        const open = GrammarUtils.findNodeForKeyword(claim.$cstNode, '{')?.range.end;
        const at = open ?? textEnd;
        return candidates.map(candidate => {
            const edit: TextEdit = existing?.$cstNode
                ? { range: { start: existing.$cstNode.range.end, end: existing.$cstNode.range.end }, newText: `, ${candidate.name}` }
                : { range: { start: at, end: at }, newText: ` supported by ${candidate.name}` };
            return this.action(document, diagnostic, `Add \`supported by ${candidate.name}\``, [edit]);
        });
    }

    private completePattern(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const node = this.nodeAt(document, diagnostic.range);
        const pattern = node && AstUtils.getContainerOfType(node, isPattern);
        const close = pattern?.$cstNode && GrammarUtils.findNodeForKeyword(pattern.$cstNode, '}');
        if (!pattern || !close) {
            return [];
        }
        const lines = missingParts(pattern, this.services).map(line => `  ${line}\n`);
        if (lines.length === 0) {
            return [];
        }
        const at = close.range.start;
        const prefix = at.character > 0 ? '\n' : '';
        return [this.action(document, diagnostic, 'Add the missing pattern parts', [{ range: { start: at, end: at }, newText: prefix + lines.join('') }], true)];
    }

    private nodeAt(document: LangiumDocument, range: Range): AstNode | undefined {
        const offset = document.textDocument.offsetAt(range.start);
        return CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, offset)?.astNode;
    }
}

/** Text parts get a placeholder to fill in; `strategic` names the claim the pattern supports, if one does. */
function missingParts(pattern: Pattern, services: WarrantServices): string[] {
    const has = (type: string) => pattern.parts.some(part => part.$type === type);
    const lines: string[] = [];
    if (!has('Unanticipated')) {
        lines.push('unanticipated "What was not expected?"');
    }
    if (!has('Anomalous')) {
        lines.push('anomalous "What did it contradict?"');
    }
    if (!has('Strategic')) {
        const supported = services.warrant.Analysis.get().elements.claims.find(claim =>
            claim.clauses.some(clause => isSupport(clause) && clause.supporters.some(ref => ref.ref === pattern)));
        if (supported) {
            lines.push(`strategic ${supported.name}`);
        }
    }
    return lines;
}
