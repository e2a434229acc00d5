/**
 * A tiny SVG element tree: the renderer builds one, then it is either serialised to a string
 * (exports, CLI) or turned into DOM nodes with `createElementNS`/`setAttribute`/`textContent`
 * (webview) — so the webview never parses markup, and the string form escapes in one place.
 */
import { escapeXmlChars } from './escape.js';

export interface SvgElement {
    tag: string;
    attrs: Record<string, string | number | undefined>;
    /** Child elements, or plain text (not yet escaped). */
    children?: (SvgElement | string)[];
}

export function el(tag: string, attrs: SvgElement['attrs'] = {}, children?: (SvgElement | string)[]): SvgElement {
    return children ? { tag, attrs, children } : { tag, attrs };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

/**
 * Serialises a tree; attribute values and text are escaped here and only here. Each element is
 * joined on its own, so the pieces of one node or edge can be collected as soon as it is written
 * (one flat list of pieces for a 5,000-node map held millions of small strings at once).
 */
export function serializeSvg(root: SvgElement, indent = false): string {
    const write = (node: SvgElement, depth: number): string => {
        if (!NAME.test(node.tag)) throw new Error(`invalid element name ${JSON.stringify(node.tag)}`);
        const out: string[] = [indent ? '\n' + '  '.repeat(depth) : '', '<', node.tag];
        for (const [name, value] of Object.entries(node.attrs)) {
            if (value === undefined) continue;
            if (!NAME.test(name) || /^on/i.test(name)) throw new Error(`invalid attribute name ${JSON.stringify(name)}`);
            out.push(' ', name, '="', escapeXmlChars(String(value)), '"');
        }
        const children = node.children ?? [];
        if (children.length === 0) { out.push('/>'); return out.join(''); }
        out.push('>');
        let hasElements = false;
        for (const child of children) {
            if (typeof child === 'string') out.push(escapeXmlChars(child));
            else { hasElements = true; out.push(write(child, depth + 1)); }
        }
        if (hasElements && indent) out.push('\n' + '  '.repeat(depth));
        out.push('</', node.tag, '>');
        return out.join('');
    };
    return write(root, 0).replace(/^\n/, '');
}
