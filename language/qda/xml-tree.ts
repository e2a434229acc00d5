/**
 * project.qde to a plain element tree, in one strict streaming pass of saxes.
 *
 * - A DOCTYPE is refused. Without one, only the five predefined entities and character
 *   references exist: nothing is ever expanded ("billion laughs"), and any other `&name;` is
 *   an error, as XML requires.
 * - Control characters XML forbids are read as they are, as some QDA programs write them
 *   (copied from a word processor); every other well-formedness error stops the read.
 * - The text goes to the parser in chunks with a chance to yield after each, so a project of
 *   thousands of selections never blocks the event loop for long.
 */
import { SaxesParser } from 'saxes';
import type { Pacer } from './pacing.js';

export interface XmlNode {
    readonly name: string;
    readonly attrs: Readonly<Record<string, string>>;
    readonly children: XmlNode[];
    /** The element's own text (character data and CDATA), entities decoded. */
    readonly text: string;
}

/** The document cannot be read as XML (or declares a DOCTYPE, which is refused); `offset` is where, in the text. */
export class XmlError extends Error {
    constructor(message: string, readonly offset: number, readonly doctype = false) {
        super(message);
    }
}

export interface XmlDocument {
    readonly root: XmlNode;
    /** Namespace URIs the root element declares (`xmlns`, `xmlns:prefix`), which the tree leaves out. */
    readonly namespaces: readonly string[];
}

/** Characters XML 1.0 forbids that are nevertheless read as written (the C0 controls but tab and line breaks, U+FFFE, U+FFFF). */
const TOLERATED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Characters handed to the parser at a time: a few milliseconds of work even before the parser is compiled. */
const CHUNK_CHARS = 16 * 1024;

interface OpenNode extends XmlNode {
    text: string;
}

/**
 * Parses a whole document. Throws XmlError when it is not well-formed or declares a DOCTYPE.
 * `chunkChars` is for tests, which put chunk boundaries everywhere.
 */
export async function parseXmlDocument(text: string, pacer: Pacer, chunkChars = CHUNK_CHARS): Promise<XmlDocument> {
    // Without position tracking saxes's messages carry no line and column of their own; `position` is still kept.
    const parser = new SaxesParser({ xmlns: false, position: false });
    const open: OpenNode[] = [];
    const namespaces: string[] = [];
    let root: XmlNode | undefined;
    let lastClosed = '';
    let prologEnd = 0;
    const markProlog = () => {
        prologEnd = parser.position;
    };

    parser.on('error', error => {
        if (error.message === 'disallowed character.' && TOLERATED.test(text[parser.position - 1] ?? '')) {
            return;
        }
        throw located(error.message, text, parser.position, lastClosed);
    });
    parser.on('xmldecl', markProlog);
    parser.on('comment', markProlog);
    parser.on('processinginstruction', markProlog);
    parser.on('doctype', () => {
        throw new XmlError('project.qde declares a DOCTYPE; REFI-QDA projects have none, and Warrant does not read one (it could expand entities without end)', text.indexOf('<!DOCTYPE', prologEnd), true);
    });
    // Attributes are taken as they come, so the element's own object is built once.
    let attrs: Record<string, string> = {};
    parser.on('attribute', ({ name, value }) => {
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
            if (!root) {
                namespaces.push(value);
            }
        } else {
            attrs[localName(name)] = value;
        }
    });
    parser.on('opentag', tag => {
        const node: OpenNode = { name: localName(tag.name), attrs, children: [], text: '' };
        attrs = {};
        const parent = open[open.length - 1];
        if (parent) {
            parent.children.push(node);
        } else {
            root = node;
        }
        open.push(node);
    });
    parser.on('closetag', tag => {
        lastClosed = tag.name;
        open.pop();
    });
    const addText = (chars: string) => {
        const node = open[open.length - 1];
        if (node) {
            node.text += chars;
        }
    };
    parser.on('text', addText);
    parser.on('cdata', addText);

    for (let at = 0; at < text.length; at += chunkChars) {
        parser.write(text.slice(at, at + chunkChars));
        await pacer.pace();
    }
    parser.close();
    return { root: root!, namespaces };
}

/** Names without their namespace prefix, as the REFI-QDA reader looks them up. */
function localName(name: string): string {
    return name.slice(name.indexOf(':') + 1);
}

/**
 * saxes's message located where the parser stopped (just after the character that broke the
 * rule), made specific for the mistakes a hand-edited project is likely to have.
 */
function located(message: string, text: string, position: number, lastClosed: string): XmlError {
    const at = Math.min(position, text.length);
    if (message === 'unexpected close tag.') {
        const lt = text.lastIndexOf('</', at - 1);
        return new XmlError(`<${lastClosed}> is closed by ${text.slice(lt, at).trim()}`, lt);
    }
    if (message === 'undefined entity.') {
        const amp = text.lastIndexOf('&', at);
        return new XmlError(`${text.slice(amp, at)} is not an entity XML defines (only &amp; &lt; &gt; &quot; &apos; and character references are)`, amp);
    }
    const unclosed = /^unclosed tag: (.*)$/.exec(message);
    if (unclosed) {
        return new XmlError(`<${unclosed[1]}> is never closed`, at);
    }
    return new XmlError(message.replace(/\.$/, ''), Math.max(0, at - 1));
}
