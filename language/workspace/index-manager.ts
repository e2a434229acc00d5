import { DefaultIndexManager, type AstNodeDescription, type LangiumDocument, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { PositionShifter } from './shift-positions.js';

/**
 * Langium's index, except that a document re-indexed after an edit keeps its place among the
 * others. Of several elements of one name a reference resolves to the first in the index;
 * Langium removed an edited document's entry and appended the new one, so typing in a file
 * moved the targets of its duplicated names to other files', and a dependent that was not
 * relinked (see DependentRelinking) would disagree with one that was.
 */
export class WarrantIndexManager extends DefaultIndexManager {
    private byName: Map<string, AstNodeDescription | AstNodeDescription[]> | undefined;

    override async updateContent(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        await super.updateContent(document, cancelToken);
        this.byName = undefined;
    }

    override removeContent(uri: URI): void {
        const key = uri.toString();
        if (this.symbolIndex.has(key)) {
            this.symbolIndex.set(key, []);
            this.symbolByTypeIndex.clear(key);
            this.byName = undefined;
        }
    }

    /** A deleted document leaves the index, place and all. */
    override remove(uri: URI): void {
        super.remove(uri);
        this.symbolIndex.delete(uri.toString());
        this.byName = undefined;
    }

    /**
     * Every exported element under its name, several of one name in index order (the first
     * one a reference may resolve to wins): one map for all reference types, built once per
     * state of the index (see WarrantScopeProvider).
     */
    descriptionsByName(): ReadonlyMap<string, AstNodeDescription | readonly AstNodeDescription[]> {
        if (!this.byName) {
            const byName = new Map<string, AstNodeDescription | AstNodeDescription[]>();
            for (const descriptions of this.symbolIndex.values()) {
                for (const description of descriptions) {
                    const existing = byName.get(description.name);
                    if (existing === undefined) {
                        byName.set(description.name, description);
                    } else if (Array.isArray(existing)) {
                        existing.push(description);
                    } else {
                        byName.set(description.name, [existing, description]);
                    }
                }
            }
            this.byName = byName;
        }
        return this.byName;
    }

    /** Moves the positions of a document's entries by an edit applied in place (see applyFreeTextEdit). */
    shiftPositions(uri: URI, shifter: PositionShifter): void {
        const key = uri.toString();
        this.symbolIndex.get(key)?.forEach(description => shifter.description(description));
        this.referenceIndex.get(key)?.forEach(reference => shifter.reference(reference));
    }
}
