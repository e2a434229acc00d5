/**
 * The texts of groups (files, sections) keep a readable size on screen at every zoom: their
 * font grows as the map shrinks, and their text is cut to the box they belong to. Hidden
 * when even that does not fit, so nothing is drawn below the smallest readable size.
 */
import type { PositionedGroup } from '../../../language/graph/layout.js';
import { GROUP_TITLE_FONT, SCREEN_TEXT } from '../../../language/graph/level-of-detail.js';
import { captionLines, groupLabelFont } from '../../../language/graph/render-svg.js';
import { fitLine, textWidth } from '../../../language/graph/text-metrics.js';

interface Title { group: PositionedGroup; text: SVGTextElement; head: Text; summary: SVGTSpanElement | null }
interface Label { group: PositionedGroup; text: SVGTextElement; title: SVGTSpanElement; summary: SVGTSpanElement; fit: number }

/** The largest on-screen size of a group's label (px): bigger reads as shouting. */
const LARGEST_LABEL = 18;

export class GroupTexts {
    private readonly titles: Title[] = [];
    private readonly labels: Label[] = [];

    constructor(groups: readonly PositionedGroup[], boxes: SVGGElement, labels: SVGGElement) {
        const byKey = new Map(groups.map(g => [g.key, g]));
        for (const g of Array.from(boxes.querySelectorAll<SVGGElement>('.w-group'))) {
            const group = byKey.get(g.getAttribute('data-group') ?? '');
            const text = g.querySelector<SVGTextElement>('.w-group-title');
            if (!group || !text) continue;
            const head = document.createTextNode('');
            const summary = text.querySelector<SVGTSpanElement>('.w-group-summary');
            text.replaceChildren(head, ...(summary ? [summary] : []));
            this.titles.push({ group, text, head, summary });
        }
        for (const text of Array.from(labels.querySelectorAll<SVGTextElement>('.w-group-caption'))) {
            const group = byKey.get(text.getAttribute('data-group') ?? '');
            const title = text.querySelector<SVGTSpanElement>('.w-group-caption-title'), summary = text.querySelector<SVGTSpanElement>('.w-group-caption-summary');
            if (group && title && summary) this.labels.push({ group, text, title, summary, fit: groupLabelFont(group) });
        }
    }

    scaleTo(scale: number): void {
        for (const t of this.titles) this.scaleTitle(t, scale);
        for (const l of this.labels) this.scaleLabel(l, scale);
    }

    /** The title in the band at the top of the box: at least {@link SCREEN_TEXT.groupTitle} on screen. */
    private scaleTitle({ group, text, head, summary }: Title, scale: number): void {
        const font = Math.max(GROUP_TITLE_FONT, SCREEN_TEXT.groupTitle / scale);
        const room = group.width - 24;
        const title = fitLine(group.title, room, font);
        head.data = title;
        text.setAttribute('font-size', font.toFixed(2));
        text.classList.toggle('w-squeezed', title === '…' || title === '');
        if (summary) {
            const rest = room - textWidth(title, font) - 10;
            const line = rest > font ? fitLine(group.summary, rest, font * 0.85) : '';
            summary.textContent = line === '…' ? '' : line;
            summary.setAttribute('font-size', (font * 0.85).toFixed(2));
        }
    }

    /** The label across the box when groups are shown: the largest size that fits, cut to fit at {@link SCREEN_TEXT.readable}. */
    private scaleLabel({ group, text, title, summary, fit }: Label, scale: number): void {
        const screen = Math.min(LARGEST_LABEL, fit * scale);
        const readable = screen >= SCREEN_TEXT.readable;
        // a little above the readable size, so that rounding never takes it under
        const font = (readable ? screen : SCREEN_TEXT.readable + 0.5) / scale;
        const room = group.width * 0.92;
        const [first, second] = captionLines(group);
        const head = readable ? first : fitLine(first, room, font);
        const twoLines = group.height * scale >= 3 * SCREEN_TEXT.readable;
        title.textContent = head;
        summary.textContent = twoLines ? (readable ? second : fitLine(second, room, font)) : '';
        title.setAttribute('dy', twoLines ? '-0.2em' : '0.35em');
        text.setAttribute('font-size', font.toFixed(2));
        text.classList.toggle('w-squeezed', head === '…' || head === '' || group.height * scale < 1.4 * SCREEN_TEXT.readable);
    }
}
