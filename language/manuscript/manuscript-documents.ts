import type { AstNode, LangiumDocument } from 'langium';
import { isManuscriptUri, scanManuscript, type Manuscript } from './manuscript.js';

/** Per parse: a new parse makes a new root, so an edited manuscript is scanned again, once. */
const scanned = new WeakMap<AstNode, Manuscript>();

/** The manuscript a document is, or undefined for a `.warrant` document. */
export function manuscriptOf(document: LangiumDocument): Manuscript | undefined {
    if (!isManuscriptUri(document.uri)) {
        return undefined;
    }
    const root = document.parseResult.value;
    let manuscript = scanned.get(root);
    if (!manuscript) {
        manuscript = scanManuscript(document.textDocument.getText(), document.uri.path.toLowerCase().endsWith('.qmd'));
        scanned.set(root, manuscript);
    }
    return manuscript;
}
