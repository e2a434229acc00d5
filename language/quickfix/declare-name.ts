import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { isAnnex, type Document } from '../generated/ast.js';
import { commandOf, DeclareInFileCommand, type DeclarationKind, type DeclareInFileArgs, type DiagnosticData } from '../protocol.js';
import type { WarrantServices } from '../warrant-module.js';
import { appendPoint, escapeSnippet, snippetAction } from './snippet-action.js';

/** What an unknown name may be declared as, by the type its reference expects. */
const KINDS_BY_TYPE: Record<string, DeclarationKind[]> = {
    Supporter: ['claim', 'datum', 'stat'],
    Claim: ['claim'],
    Datum: ['datum'],
    Stat: ['stat'],
    Respondent: ['respondent']
};

const METHODS = 'interview,observation,document,survey,focus-group,fieldnote,archive';

/**
 * The declaration of `name` as a snippet, placeholders for what only the author knows. A
 * datum lives in an annex: on its own (`inAnnex`) it is the datum line, else a new annex
 * holding it. The unfilled stat cites `@key`, which stays an error until a real key is given.
 */
export function declarationSnippet(kind: DeclarationKind, name: string, inAnnex = false): string {
    const n = escapeSnippet(name);
    switch (kind) {
        case 'claim':
            return `claim ${n} "\${1:proposition}"\n`;
        case 'stat':
            return `stat ${n} "\${1:label}" = \${2:50}% in \${3:2020} cites @\${4:key}\n`;
        case 'respondent':
            return `respondent ${n} "\${1:label}"\n`;
        case 'datum':
            return inAnnex
                ? `  datum ${n} \${1|${METHODS}|} "\${2:text}"\n`
                : `annex \${1:Data} "\${2:label}" {\n  datum ${n} \${3|${METHODS}|} "\${4:text}"\n}\n`;
    }
}

/**
 * "Declare `x` as a claim here" (at the end of the file; a datum goes into the file's last
 * annex, or a new one at the end) for each kind the reference admits; and, in a client with
 * Warrant's editor commands, "Declare `x` in another file…", which asks for the kind and the file.
 */
export function declareNameFixes(document: LangiumDocument, diagnostic: Diagnostic, services: WarrantServices, editorCommands: boolean): CodeAction[] {
    const data = (diagnostic.data ?? {}) as DiagnosticData;
    const name = data.refText;
    if (!name || !data.containerType || !data.property) {
        return [];
    }
    let type: string;
    try {
        type = services.shared.AstReflection.getReferenceType({ container: { $type: data.containerType } as AstNode, property: data.property, reference: undefined! });
    } catch {
        return [];
    }
    const kinds = KINDS_BY_TYPE[type] ?? [];
    const uri = document.uri.toString();
    const actions = kinds.map(kind => {
        const annexEnd = kind === 'datum' ? lastAnnexEnd(document) : undefined;
        const at = appendPoint(document);
        return snippetAction({
            title: `Declare \`${name}\` as a ${kind} here`,
            diagnostic,
            uri,
            position: annexEnd ?? at.position,
            snippet: annexEnd ? declarationSnippet(kind, name, true) : at.separator + declarationSnippet(kind, name)
        }, editorCommands);
    });
    if (editorCommands && kinds.length > 0) {
        const args: DeclareInFileArgs = { name, choices: kinds.map(kind => ({ kind, snippet: declarationSnippet(kind, name) })) };
        const title = `Declare \`${name}\` in another file…`;
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: commandOf(DeclareInFileCommand, title, args) });
    }
    return actions;
}

/** The start of the line holding the last annex's closing brace, when it is on a line of its own. */
function lastAnnexEnd(document: LangiumDocument): { line: number; character: number } | undefined {
    const annexes = (document.parseResult.value as Document).elements.filter(isAnnex);
    const annex = annexes[annexes.length - 1];
    const close = annex?.$cstNode && GrammarUtils.findNodeForKeyword(annex.$cstNode, '}');
    if (!close) {
        return undefined;
    }
    const lineStart = { line: close.range.start.line, character: 0 };
    const before = document.textDocument.getText({ start: lineStart, end: close.range.start });
    return before.trim() === '' ? lineStart : undefined;
}
