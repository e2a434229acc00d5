import { GrammarUtils, interruptAndCheck, type LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import { CancellationToken, LSPErrorCodes, ResponseError, type CodeLens, type CodeLensParams } from 'vscode-languageserver';
import { isClaim, isDocument, isPattern } from '../generated/ast.js';
import { commandOf, ShowTraceCommand } from '../protocol.js';
import type { WarrantServices } from '../warrant-module.js';
import { lensTitle } from './describe.js';
import type { WarrantLspSupport } from './support.js';

/**
 * A lens above each claim and pattern with its grounding at a glance:
 * "grounded · 4 data · 2 methods · 3 sources", "grounded · contradicted by its own statistic · …",
 * "contested · …", "ungrounded", "circular".
 */
export class WarrantCodeLensProvider implements CodeLensProvider {
    private readonly support: WarrantLspSupport;

    constructor(services: WarrantServices) {
        this.support = services.warrant.LspSupport;
    }

    async provideCodeLens(document: LangiumDocument, _params: CodeLensParams, cancelToken = CancellationToken.None): Promise<CodeLens[] | undefined> {
        const root = document.parseResult.value;
        if (!isDocument(root)) {
            return [];
        }
        const analysis = await this.support.analysis(cancelToken);
        if (!analysis) {
            throw new ResponseError(LSPErrorCodes.ContentModified, 'The workspace changed while the code lenses were computed.');
        }
        const uri = document.uri.toString();
        const lenses: CodeLens[] = [];
        for (const element of root.elements) {
            if (!isClaim(element) && !isPattern(element)) {
                continue;
            }
            await interruptAndCheck(cancelToken);
            const node = analysis.nodeOf(element);
            const nameNode = GrammarUtils.findNodeForProperty(element.$cstNode, 'name');
            const start = element.$cstNode?.range.start;
            if (!node || !nameNode || !start || !element.name) {
                continue;
            }
            lenses.push({
                range: { start, end: nameNode.range.end },
                command: commandOf(ShowTraceCommand, lensTitle(analysis, node), uri, element.name)
            });
        }
        return lenses;
    }
}
