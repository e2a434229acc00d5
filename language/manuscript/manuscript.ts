import type { URI } from 'langium';
import { MAP_FENCE, maskOutside, scanBlocks, warrantFences, type Fence, type MarkdownBlocks } from './fences.js';
import { frontMatterBibliographies, type FrontMatterPath } from './front-matter.js';
import { scanProse, type Prose } from './prose.js';

/** The file extensions read as Markdown manuscripts. */
export const MANUSCRIPT_EXTENSIONS = ['.md', '.qmd', '.markdown'] as const;

export function isManuscriptPath(path: string): boolean {
    const lower = path.toLowerCase();
    return MANUSCRIPT_EXTENSIONS.some(extension => lower.endsWith(extension));
}

export function isManuscriptUri(uri: URI): boolean {
    return isManuscriptPath(uri.path);
}

/** What Warrant reads in a Markdown manuscript. */
export interface Manuscript {
    blocks: MarkdownBlocks;
    /** The `warrant` fences, whose content is parsed as Warrant. */
    fences: Fence[];
    prose: Prose;
    bibliographies: FrontMatterPath[];
    /**
     * Whether the prose is checked: a Quarto document, or a Markdown file that takes part (a
     * `warrant` or `warrant-map` fence, a claim span or a front matter bibliography). A README's `@scope/package`
     * is no citation.
     */
    checked: boolean;
}

export function scanManuscript(text: string, quarto: boolean): Manuscript {
    const blocks = scanBlocks(text);
    const fences = warrantFences(blocks);
    const prose = scanProse(text, blocks.skipped);
    const bibliographies = frontMatterBibliographies(text, blocks.frontMatter);
    const mapFence = blocks.fences.some(fence => fence.language === MAP_FENCE);
    const checked = quarto || fences.length > 0 || mapFence || prose.claimSpans.length > 0 || bibliographies.length > 0;
    return { blocks, fences, prose, bibliographies, checked };
}

/** The text the Warrant parser reads for a manuscript: everything outside its `warrant` fences blanked (see fences.ts). */
export function parserText(text: string): string {
    return maskOutside(text, warrantFences(scanBlocks(text)));
}

/** Whether `offset` lies in the content of one of the fences (sorted by offset). */
export function inFence(fences: readonly Fence[], offset: number): boolean {
    let low = 0;
    let high = fences.length - 1;
    while (low <= high) {
        const mid = (low + high) >> 1;
        const fence = fences[mid];
        if (offset < fence.contentStart) {
            high = mid - 1;
        } else if (offset > fence.contentEnd) {
            low = mid + 1;
        } else {
            return true;
        }
    }
    return false;
}
