import type { AstNode, Reference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isBand, isCitation, isClassification, isDatum, isObserved, isOpposition, isStrategic, isSupport
} from '../generated/ast.js';

/**
 * Semantic token types by element kind: claims, patterns, data, stats and sources each get a
 * standard type that common themes colour differently, on declarations (with the
 * `declaration` modifier) and on every reference or `@key` citation.
 */
export const TOKEN_TYPES: Record<string, string> = {
    Claim: SemanticTokenTypes.class,
    Pattern: SemanticTokenTypes.function,
    Datum: SemanticTokenTypes.variable,
    Stat: SemanticTokenTypes.number,
    Source: SemanticTokenTypes.enumMember,
    Scheme: SemanticTokenTypes.type,
    Band: SemanticTokenTypes.property,
    Respondent: SemanticTokenTypes.parameter,
    Annex: SemanticTokenTypes.namespace
};

const NAMED = new Set(Object.keys(TOKEN_TYPES));

export class WarrantSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | undefined | 'prune' {
        try {
            if (NAMED.has(node.$type) && typeof (node as { name?: unknown }).name === 'string') {
                acceptor({ node, property: 'name' as never, type: TOKEN_TYPES[node.$type], modifier: SemanticTokenModifiers.declaration });
            }
            if (isSupport(node)) {
                this.references(node, 'supporters', node.supporters, acceptor);
            } else if (isOpposition(node)) {
                this.references(node, 'opponents', node.opponents, acceptor);
            } else if (isObserved(node)) {
                this.references(node, 'data', node.data, acceptor);
            } else if (isStrategic(node)) {
                this.reference(node, 'claim', node.claim, acceptor);
            } else if (isDatum(node)) {
                this.references(node, 'respondents', node.respondents, acceptor);
            } else if (isClassification(node)) {
                this.reference(node, 'stat', node.stat, acceptor);
                this.reference(node, 'band', node.band, acceptor);
                this.reference(node, 'scheme', node.scheme, acceptor);
            } else if (isCitation(node) && node.key) {
                acceptor({ node, property: 'key', type: TOKEN_TYPES.Source });
            } else if (isBand(node)) {
                return 'prune';
            }
        } catch {
            // A partial AST: leave the rest to the TextMate grammar.
        }
        return undefined;
    }

    private references(node: AstNode, property: string, refs: Array<Reference<AstNode>>, acceptor: SemanticTokenAcceptor): void {
        refs.forEach((ref, index) => {
            const type = ref.ref ? TOKEN_TYPES[ref.ref.$type] : undefined;
            if (type) {
                acceptor({ node, property: property as never, index, type });
            }
        });
    }

    private reference(node: AstNode, property: string, ref: Reference<AstNode> | undefined, acceptor: SemanticTokenAcceptor): void {
        const type = ref?.ref ? TOKEN_TYPES[ref.ref.$type] : undefined;
        if (type) {
            acceptor({ node, property: property as never, type });
        }
    }
}
