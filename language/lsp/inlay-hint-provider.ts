import type { AstNode } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import { formatPercent, quantityPercent } from '../analysis/quantities.js';
import { isClassification, isCount, isStat } from '../generated/ast.js';
import { bandOf } from '../analysis/quantities.js';
import { bandRange } from './describe.js';

/**
 * After each `classifies` clause, the stat's value and the band of the named scheme it
 * falls in (` 26% → integrated`); after a stat given as `n of total`, its percentage.
 */
export class WarrantInlayHintProvider extends AbstractInlayHintProvider {
    override computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        try {
            if (isClassification(node)) {
                const end = node.$cstNode?.range.end;
                const stat = node.stat?.ref;
                const value = stat ? quantityPercent(stat.value) : undefined;
                if (!end || value === undefined) {
                    return;
                }
                const scheme = node.scheme?.ref;
                const band = scheme ? bandOf(scheme, value) : undefined;
                const label = scheme ? `${formatPercent(value)} → ${band?.name ?? 'no band'}` : formatPercent(value);
                const claimed = node.band?.ref;
                const tooltip = !scheme ? `${stat!.name} = ${formatPercent(value)}`
                    : band ? `${stat!.name} = ${formatPercent(value)} falls in ${band.name} (${bandRange(band)}) of ${scheme.name}${claimed && claimed !== band ? `, not in ${claimed.name} (${bandRange(claimed)})` : ''}`
                        : `${stat!.name} = ${formatPercent(value)} falls in no band of ${scheme.name}`;
                acceptor({ position: end, label, paddingLeft: true, kind: InlayHintKind.Type, tooltip });
            } else if (isStat(node) && isCount(node.value)) {
                const percent = quantityPercent(node.value);
                const end = node.value.$cstNode?.range.end;
                if (percent !== undefined && end) {
                    acceptor({ position: end, label: `= ${formatPercent(percent)}`, paddingLeft: true, kind: InlayHintKind.Type });
                }
            }
        } catch {
            // partial AST: no hint
        }
    }
}
