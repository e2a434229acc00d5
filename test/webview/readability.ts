/**
 * What a reader can read: every piece of map text drawn inside the window, with its size on
 * screen (font size × the zoom applied to it). Runs in the page (`page.evaluate`, also inside
 * VS Code's webview frame); no imports, so it can be serialised.
 */
export interface TextReading {
    /** Text pieces drawn (visible, non-empty, inside the window). */
    drawn: number;
    /** Pieces at {@link READABLE_PX} px or more on screen. */
    readable: number;
    /** Pieces under {@link MIN_PX} px on screen (must be none). */
    tooSmall: number;
    /** Median on-screen size of the pieces drawn, px. */
    median: number;
    /** A few of the smallest pieces, for failure messages. */
    smallest: { text: string; px: number }[];
}

export const READABLE_PX = 10;
export const MIN_PX = 7;

/** Measures the texts of the `svg.warrant-map` elements in the document (excluding the legend). */
export function readMapText(limits: { readable: number; min: number }): TextReading {
    const sizes: { text: string; px: number }[] = [];
    const width = window.innerWidth, height = window.innerHeight;
    const maps = Array.from(document.querySelectorAll('svg.warrant-map:not(.w-legend-map)'));
    for (const map of maps) {
        for (const el of Array.from(map.querySelectorAll<SVGTextContentElement>('text, tspan'))) {
            const own = Array.from(el.childNodes).filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent ?? '').join('').trim();
            if (!own || el.getClientRects().length === 0) continue;
            const style = getComputedStyle(el);
            if (style.visibility === 'hidden' || style.display === 'none') continue;
            let hidden = false;
            for (let a: Element | null = el; a && a !== map.parentElement; a = a.parentElement) {
                const s = getComputedStyle(a);
                if (s.display === 'none' || Number(s.opacity) === 0) { hidden = true; break; }
            }
            if (hidden) continue;
            const box = el.getBoundingClientRect();
            if (box.right <= 0 || box.bottom <= 0 || box.left >= width || box.top >= height || box.width === 0) continue;
            const ctm = (el as unknown as SVGGraphicsElement).getScreenCTM();
            const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
            sizes.push({ text: own.slice(0, 40), px: parseFloat(style.fontSize) * scale });
        }
    }
    const sorted = [...sizes].sort((a, b) => a.px - b.px);
    return {
        drawn: sizes.length,
        readable: sizes.filter(s => s.px >= limits.readable).length,
        tooSmall: sizes.filter(s => s.px < limits.min).length,
        median: sorted.length ? sorted[Math.floor(sorted.length / 2)].px : 0,
        smallest: sorted.slice(0, 5).map(s => ({ text: s.text, px: Math.round(s.px * 100) / 100 }))
    };
}
