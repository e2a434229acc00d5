import type { AstNodeDescription, DocumentSegment, ReferenceDescription } from 'langium';
import type { Position } from 'vscode-languageserver';
import type { TextShift } from '../parser/free-text-edit.js';

/**
 * Moves the positions Langium keeps of a document's names and references (in the index, and
 * in the descriptions its references carry) by an edit applied in place (see
 * applyFreeTextEdit). Segments and positions are shared between descriptions and cached
 * ranges, so each object is moved once.
 */
export class PositionShifter {
    private readonly seen = new Set<object>();

    constructor(private readonly shift: TextShift) {}

    description(description: AstNodeDescription): void {
        // The name's segment is computed on first use and then kept: compute it from the
        // positions before the edit, so that it is moved like every other.
        this.segment(description.nameSegment);
        this.segment(description.selectionSegment);
    }

    reference(reference: ReferenceDescription): void {
        this.segment(reference.segment);
    }

    private segment(segment: DocumentSegment | undefined): void {
        if (!segment || this.seen.has(segment)) {
            return;
        }
        this.seen.add(segment);
        const { from, delta } = this.shift;
        const mutable = segment as { offset: number; end: number; length: number };
        if (segment.offset >= from) {
            mutable.offset += delta;
        }
        if (segment.end >= from) {
            mutable.end += delta;
        }
        mutable.length = mutable.end - mutable.offset;
        this.position(segment.range.start);
        this.position(segment.range.end);
    }

    private position(position: Position): void {
        if (this.seen.has(position)) {
            return;
        }
        this.seen.add(position);
        if (position.line === this.shift.line && position.character >= this.shift.column) {
            position.character += this.shift.delta;
        }
    }
}
