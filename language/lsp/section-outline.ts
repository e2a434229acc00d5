import { SymbolKind, type DocumentSymbol, type Position } from 'vscode-languageserver';
import type { Heading } from '../analysis/sections.js';
import { neutralize } from '../graph/escape.js';

/**
 * Builds the outline of a file with sections: each heading becomes a Namespace symbol, `##`
 * under the `#` before it, and each declaration goes under the innermost section it starts in.
 * Without headings the element symbols come back unchanged, in order.
 */
export class SectionOutline {
    private readonly roots: DocumentSymbol[] = [];
    /** The sections still open, outermost first, with their levels. */
    private readonly open: Array<{ level: number; symbol: DocumentSymbol }> = [];
    private next = 0;

    constructor(private readonly headings: readonly Heading[]) {}

    /** Symbols of a declaration starting at `offset` (declarations come in document order). */
    add(offset: number, symbols: DocumentSymbol[]): void {
        this.openUntil(offset);
        this.current().push(...symbols);
    }

    finish(): DocumentSymbol[] {
        this.openUntil(Infinity);
        for (const symbol of this.roots) {
            enclose(symbol);
        }
        return this.roots;
    }

    private openUntil(offset: number): void {
        while (this.next < this.headings.length && this.headings[this.next].offset < offset) {
            const heading = this.headings[this.next++];
            while (this.open.length > 0 && this.open[this.open.length - 1].level >= heading.level) {
                this.open.pop();
            }
            const symbol: DocumentSymbol = {
                // Shown in the outline and breadcrumbs: hidden characters as visible markers.
                name: neutralize(heading.text, 'tooltip'),
                kind: SymbolKind.Namespace,
                range: heading.sectionRange,
                selectionRange: heading.range,
                children: []
            };
            this.current().push(symbol);
            this.open.push({ level: heading.level, symbol });
        }
    }

    private current(): DocumentSymbol[] {
        return this.open.length > 0 ? this.open[this.open.length - 1].symbol.children! : this.roots;
    }
}

/**
 * Widens a section's range over its children (a declaration that a heading interrupts ends
 * after its section does), so that breadcrumbs follow the cursor; drops empty child lists.
 */
function enclose(symbol: DocumentSymbol): void {
    if (symbol.kind !== SymbolKind.Namespace || !symbol.children) {
        return;
    }
    let end = symbol.range.end;
    for (const child of symbol.children) {
        enclose(child);
        end = later(end, child.range.end);
    }
    symbol.range = { start: symbol.range.start, end };
    if (symbol.children.length === 0) {
        symbol.children = undefined;
    }
}

function later(a: Position, b: Position): Position {
    return b.line > a.line || (b.line === a.line && b.character > a.character) ? b : a;
}
