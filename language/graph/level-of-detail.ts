/**
 * Level of detail: text is never drawn smaller than a person can read. As the map is zoomed
 * out, elements first show only their kind (the shape) and name in a large font, then the map
 * shows its groups (files, sections) as labelled boxes with counts and problems. The same
 * thresholds drive the preview (a class on the map, switched on zoom) and the exported HTML
 * page before its script runs (media queries on the window size, which fixes the scale of
 * the fitted picture).
 */
import { METRICS } from './layout.js';

export type DetailLevel = 'full' | 'name' | 'group';

/** On-screen sizes (CSS px): nothing smaller is drawn; labels at `readable` or more count as readable. */
export const SCREEN_TEXT = { min: 7, readable: 10, groupTitle: 12, groupLabel: 14 } as const;
/** The font of an element's name when only names are shown (map px). */
export const NAME_FONT = 20;
/** The font of a group's title in the band at its top, when the zoom makes it larger than {@link SCREEN_TEXT.groupTitle} (map px). */
export const GROUP_TITLE_FONT = 15;

const SMALLEST_DETAIL_FONT = Math.min(METRICS.headerSize, METRICS.detailSize, METRICS.labelSize, METRICS.edgeLabelSize);
/**
 * The smallest zoom that shows every text of an element: its smallest text (the 10 px header)
 * is then 8 px on screen, a step above {@link SCREEN_TEXT.min} so it stays legible.
 */
export const FULL_DETAIL_SCALE = (SCREEN_TEXT.min + 1) / SMALLEST_DETAIL_FONT;
/** The smallest zoom at which names are at least {@link SCREEN_TEXT.min} on screen. */
export const NAME_SCALE = Math.ceil(SCREEN_TEXT.min / NAME_FONT * 100) / 100;
/** A zoom at which element text is readable ({@link SCREEN_TEXT.readable} or more): where the map opens and search zooms to. */
export const READABLE_SCALE = Math.ceil(SCREEN_TEXT.readable / METRICS.labelSize * 100) / 100 + 0.02;

export function detailLevel(scale: number): DetailLevel {
    return scale >= FULL_DETAIL_SCALE ? 'full' : scale >= NAME_SCALE ? 'name' : 'group';
}

/** What each level hides or shows, as CSS under `scope` (a class on the map, or a page's map inside a media query). */
export function detailLevelCss(level: Exclude<DetailLevel, 'full'>, scope: string): string {
    const under = (selectors: string[]) => selectors.map(s => `${scope} ${s}`).join(', ');
    const elementText = ['.w-node .w-header', '.w-node .w-label', '.w-node .w-detail', '.w-edge-label', '.w-edge-label-bg'];
    if (level === 'name') {
        return `${under(elementText)} { display: none; }\n${under(['.w-node .w-name'])} { display: inline; }\n`;
    }
    return `${under([...elementText, '.w-node .w-name', '.w-group-title', '.w-edge-between'])} { display: none; }\n`
        + `${under(['.w-bundle', '.w-group-caption'])} { display: inline; }\n`
        + `${under(['.w-node'])} { opacity: .5; }\n`;
}

/**
 * CSS for a picture drawn fitted into the whole window (viewBox `width`×`height`, scaled to
 * `min(window width / width, window height / height)`): each level applies below its scale,
 * and a group's label disappears where it would be smaller than {@link SCREEN_TEXT.min}.
 */
export function fittedDetailCss(scope: string, width: number, height: number, groupLabelFonts: { selector: string; font: number }[]): string {
    const below = (scale: number) => `@media not all and (min-width: ${Math.ceil(width * scale)}px) and (min-height: ${Math.ceil(height * scale)}px)`;
    const rules = [
        `${below(FULL_DETAIL_SCALE)} {\n${detailLevelCss('name', scope)}${scope} .w-group-title { display: none; }\n}`,
        `${below(NAME_SCALE)} {\n${detailLevelCss('group', scope)}}`
    ];
    for (const { selector, font } of groupLabelFonts) rules.push(`${below(SCREEN_TEXT.min / font)} { ${scope} ${selector} { display: none; } }`);
    return rules.join('\n');
}
