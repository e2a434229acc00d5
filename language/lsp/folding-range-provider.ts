import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import { sectionsOf } from '../analysis/sections.js';
import { isAnnex, isClaim, isDocument, isPattern, isRespondent, isScheme, isSource } from '../generated/ast.js';

/**
 * Folds every section (from its heading to its last non-blank line), every element and block
 * item spanning two lines or more (a closing `}` stays visible), block comments, and runs of
 * line comments on consecutive lines.
 */
export class WarrantFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        const root = document.parseResult?.value;
        if (!isDocument(root)) {
            return;
        }
        // Before the comment runs: of two folds starting on one line, the editor keeps the first.
        const { headings } = sectionsOf(document);
        for (const heading of headings) {
            const { start, end } = heading.sectionRange;
            if (end.line > start.line) {
                acceptor(FoldingRange.create(start.line, end.line, undefined, undefined, FoldingRangeKind.Region));
            }
        }
        for (const element of root.elements) {
            this.fold(element, acceptor);
            const items: AstNode[] = isAnnex(element) ? element.data
                : isClaim(element) ? element.clauses
                    : isPattern(element) ? element.parts
                        : isScheme(element) ? element.bands
                            : isSource(element) ? element.fields
                                : isRespondent(element) ? element.attributes
                                    : [];
            for (const item of items) {
                this.fold(item, acceptor);
            }
        }
        this.foldComments(document, new Set(headings.map(heading => heading.line)), acceptor);
    }

    private fold(node: AstNode, acceptor: FoldingRangeAcceptor): void {
        const cst = node.$cstNode;
        if (!cst) {
            return;
        }
        const { start, end } = cst.range;
        let endLine = end.line;
        if (cst.text.endsWith('}')) {
            endLine--; // keep the closing brace visible
        }
        if (endLine > start.line) {
            acceptor(FoldingRange.create(start.line, endLine, undefined, undefined, FoldingRangeKind.Region));
        }
    }

    /** A heading is not part of a run of comments: the comments under it fold on their own. */
    private foldComments(document: LangiumDocument, headingLines: ReadonlySet<number>, acceptor: FoldingRangeAcceptor): void {
        const root = document.parseResult.value.$cstNode;
        if (!root) {
            return;
        }
        const text = document.textDocument.getText();
        let run: { start: number; end: number } | undefined;
        const flush = () => {
            if (run && run.end > run.start) {
                acceptor(FoldingRange.create(run.start, run.end, undefined, undefined, FoldingRangeKind.Comment));
            }
            run = undefined;
        };
        for (const leaf of CstUtils.flattenCst(root)) {
            if (!leaf.hidden) {
                flush();
                continue;
            }
            const name = leaf.tokenType.name;
            const { start, end } = leaf.range;
            if (name === 'ML_COMMENT') {
                flush();
                if (end.line > start.line) {
                    acceptor(FoldingRange.create(start.line, end.line, undefined, undefined, FoldingRangeKind.Comment));
                }
            } else if (name === 'SL_COMMENT') {
                const lineStart = document.textDocument.offsetAt({ line: start.line, character: 0 });
                const ownLine = text.slice(lineStart, leaf.offset).trim() === '';
                if (!ownLine || headingLines.has(start.line)) {
                    flush();
                } else if (run && run.end === start.line - 1) {
                    run.end = start.line;
                } else {
                    flush();
                    run = { start: start.line, end: start.line };
                }
            }
        }
        flush();
    }
}
