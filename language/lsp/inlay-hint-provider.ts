import type { AstNode } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor, type LangiumSharedServices } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import { bandOf, formatQuantity, percentText } from '../analysis/quantities.js';
import { isClassification, isCount, isStat } from '../generated/ast.js';
import { bandRange } from './describe.js';
import { serverErrorLog, type ErrorLog } from './error-log.js';

/**
 * After each `classifies` clause, the stat's value and the band of the named scheme it
 * falls in (` 26% → integrated`); after a stat given as `n of total`, its percentage.
 */
export class WarrantInlayHintProvider extends AbstractInlayHintProvider {
    private readonly log: ErrorLog;

    constructor(shared: LangiumSharedServices) {
        super();
        this.log = serverErrorLog(shared);
    }

    override computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        try {
            if (isClassification(node)) {
                const end = node.$cstNode?.range.end;
                const stat = node.stat?.ref;
                const percent = percentText(stat?.value);
                const value = formatQuantity(stat?.value);
                if (!end || percent === undefined || value === undefined) {
                    return;
                }
                const scheme = node.scheme?.ref;
                const band = scheme ? bandOf(scheme, stat!.value) : undefined;
                const label = scheme ? `${percent} → ${band?.name ?? 'no band'}` : percent;
                const claimed = node.band?.ref;
                const tooltip = !scheme ? `${stat!.name} = ${value}`
                    : band ? `${stat!.name} = ${value} falls in ${band.name} (${bandRange(band)}) of ${scheme.name}${claimed && claimed !== band ? `, not in ${claimed.name} (${bandRange(claimed)})` : ''}`
                        : `${stat!.name} = ${value} falls in no band of ${scheme.name}`;
                acceptor({ position: end, label, paddingLeft: true, kind: InlayHintKind.Type, tooltip });
            } else if (isStat(node) && isCount(node.value)) {
                const percent = percentText(node.value);
                const end = node.value.$cstNode?.range.end;
                if (percent !== undefined && end) {
                    acceptor({ position: end, label: percent.startsWith('≈') ? percent : `= ${percent}`, paddingLeft: true, kind: InlayHintKind.Type });
                }
            }
        } catch (error) {
            // A partial AST the checks above missed: no hint on this node, the others still show.
            this.log('An inlay hint', error);
        }
    }
}
