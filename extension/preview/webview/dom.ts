/**
 * SVG element tree → DOM, with `createElementNS`, `setAttribute` and text nodes only: no
 * markup is ever parsed, so no string can become an element or a handler.
 */
import type { SvgElement } from '../../../language/graph/svg-tree.js';

export const SVG_NS = 'http://www.w3.org/2000/svg';
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

export function toDom(node: SvgElement, doc: Document = document): SVGElement {
    if (!SAFE_NAME.test(node.tag) || node.tag.toLowerCase() === 'script' || node.tag.toLowerCase() === 'foreignobject') {
        throw new Error(`refusing element ${node.tag}`);
    }
    const element = doc.createElementNS(SVG_NS, node.tag);
    for (const [name, value] of Object.entries(node.attrs)) {
        if (value === undefined) continue;
        if (!SAFE_NAME.test(name) || /^on/i.test(name) || name === 'style' || /href$/i.test(name)) throw new Error(`refusing attribute ${name}`);
        element.setAttribute(name, String(value));
    }
    for (const child of node.children ?? []) {
        element.appendChild(typeof child === 'string' ? doc.createTextNode(child) : toDom(child, doc));
    }
    return element;
}

/** An HTML element with classes, attributes and text (never markup). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: { class?: string; text?: string; attrs?: Record<string, string> } = {}, children: Node[] = []): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    if (props.class) element.className = props.class;
    if (props.text !== undefined) element.textContent = props.text;
    for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
    for (const child of children) element.appendChild(child);
    return element;
}
