import assert from 'node:assert/strict';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { DocumentSymbol, Range } from 'vscode-languageserver';
import { createWarrantServices, type WarrantServices } from '../../language/warrant-module.js';

/** Services without a workspace, and a parser that makes documents without building them (outline, folding and sections need only the parse). */
export function parseOnly(): { services: WarrantServices; parse: (text: string) => LangiumDocument } {
    const services = createWarrantServices(EmptyFileSystem).Warrant;
    let count = 0;
    return { services, parse: text => services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///parsed/${count++}.warrant`)) };
}

function contains(outer: Range, inner: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Every symbol's range holds its selection range and its children: breadcrumbs follow the cursor. */
export function assertNested(list: DocumentSymbol[], parent?: DocumentSymbol): void {
    for (const symbol of list) {
        assert.ok(contains(symbol.range, symbol.selectionRange), symbol.name);
        assert.ok(!parent || contains(parent.range, symbol.range), `${parent?.name} ⊇ ${symbol.name}`);
        assertNested(symbol.children ?? [], symbol);
    }
}
