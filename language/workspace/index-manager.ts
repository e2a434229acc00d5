import { DefaultIndexManager, type URI } from 'langium';
import type { PositionShifter } from './shift-positions.js';

/**
 * Langium's index, except that a document re-indexed after an edit keeps its place among the
 * others. Of several elements of one name a reference resolves to the first in the index;
 * Langium removed an edited document's entry and appended the new one, so typing in a file
 * moved the targets of its duplicated names to other files', and a dependent that was not
 * relinked (see DependentRelinking) would disagree with one that was.
 */
export class WarrantIndexManager extends DefaultIndexManager {
    override removeContent(uri: URI): void {
        const key = uri.toString();
        if (this.symbolIndex.has(key)) {
            this.symbolIndex.set(key, []);
            this.symbolByTypeIndex.clear(key);
        }
    }

    /** A deleted document leaves the index, place and all. */
    override remove(uri: URI): void {
        super.remove(uri);
        this.symbolIndex.delete(uri.toString());
    }

    /** Moves the positions of a document's entries by an edit applied in place (see applyFreeTextEdit). */
    shiftPositions(uri: URI, shifter: PositionShifter): void {
        const key = uri.toString();
        this.symbolIndex.get(key)?.forEach(description => shifter.description(description));
        this.referenceIndex.get(key)?.forEach(reference => shifter.reference(reference));
    }
}
