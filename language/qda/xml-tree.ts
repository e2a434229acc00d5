/**
 * project.qde to a plain element tree, with fast-xml-parser doing the parsing and validation.
 *
 * - Entity processing is off and a DOCTYPE is refused before anything is parsed: nothing is
 *   ever expanded ("billion laughs"); the five predefined entities and character references
 *   are decoded here.
 * - Large elements are parsed in pieces of at most PIECE characters (an element's children in
 *   batches, recursively), with a yield between pieces, so a project of thousands of
 *   selections never blocks the event loop for long. The split only needs to find where child
 *   elements start and end; the pieces themselves are validated and parsed by fast-xml-parser.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
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

const PIECE = 64 * 1024;

const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    processEntities: false,
    htmlEntities: false,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    cdataPropName: '#cdata',
    commentPropName: false
});

export interface XmlDocument {
    readonly root: XmlNode;
    /** Namespace URIs the root element declares (`xmlns`, `xmlns:prefix`), which the tree leaves out. */
    readonly namespaces: readonly string[];
}

/** Parses a whole document. Throws XmlError when it is not well-formed or declares a DOCTYPE. */
export async function parseXmlDocument(text: string, pacer: Pacer): Promise<XmlDocument> {
    let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    at = skipMisc(text, at, true);
    if (text[at] !== '<' || !/[A-Za-z_:]/.test(text[at + 1] ?? '')) {
        throw new XmlError('no root element', at);
    }
    const root = await elementAt(text, at, pacer);
    if (skipMisc(text, root.end, false) < text.length) {
        throw new XmlError('text after the root element', root.end);
    }
    const startTag = text.slice(root.start, root.contentStart);
    const namespaces = [...startTag.matchAll(/\sxmlns(?::[^\s=]+)?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map(match => decodeEntities(match[1] ?? match[2]!));
    return { root: await parseSpan(text, root, pacer), namespaces };
}

interface Span {
    readonly name: string;
    readonly start: number;
    /** Just after the start tag's `>`. */
    readonly contentStart: number;
    /** At the end tag's `<` (= end for an empty-element tag). */
    readonly contentEnd: number;
    readonly end: number;
    /** Direct child elements, recorded only for the element a scan started at. */
    readonly children: readonly Span[];
}

/** Skips whitespace, comments and processing instructions; a DOCTYPE (allowed only before the root) is refused. */
function skipMisc(text: string, at: number, prolog: boolean): number {
    for (;;) {
        while (at < text.length && /\s/.test(text[at]!)) {
            at++;
        }
        if (text.startsWith('<?', at)) {
            at = after(text, '?>', at);
        } else if (text.startsWith('<!--', at)) {
            at = after(text, '-->', at);
        } else if (prolog && text.startsWith('<!', at)) {
            throw new XmlError('project.qde declares a DOCTYPE; REFI-QDA projects have none, and Warrant does not read one (it could expand entities without end)', at, true);
        } else {
            return at;
        }
    }
}

function after(text: string, token: string, from: number): number {
    const found = text.indexOf(token, from);
    if (found < 0) {
        throw new XmlError(`"${text.slice(from, from + 4)}" is never closed`, from);
    }
    return found + token.length;
}

/** After a comment, CDATA section or processing instruction starting at `lt`; undefined when none starts there. */
function afterMarkup(text: string, lt: number): number | undefined {
    if (text.startsWith('<!--', lt)) {
        return after(text, '-->', lt);
    }
    if (text.startsWith('<![CDATA[', lt)) {
        return after(text, ']]>', lt);
    }
    return text.startsWith('<?', lt) ? after(text, '?>', lt) : undefined;
}

const START_TAG = /<([^\s/>!?]+)(?:[^"'>]|"[^"]*"|'[^']*')*>/y;
const END_TAG = /<\/([^\s>]+)\s*>/y;

/**
 * The span of the element whose start tag is at `at`, found by matching start and end tags,
 * with the spans of its direct children (what parseSpan splits on). Yields while it scans.
 */
async function elementAt(text: string, at: number, pacer: Pacer): Promise<Span> {
    const stack: Array<{ name: string; start: number; contentStart: number }> = [];
    const children: Span[] = [];
    let pos = at;
    let steps = 0;
    for (;;) {
        if ((++steps & 1023) === 0) {
            await pacer.pace();
        }
        const lt = text.indexOf('<', pos);
        if (lt < 0) {
            throw new XmlError(`<${stack[stack.length - 1]?.name}> is never closed`, at);
        }
        const skipped = afterMarkup(text, lt);
        if (skipped !== undefined) {
            pos = skipped;
            continue;
        }
        const close = text.startsWith('</', lt);
        const match = (close ? END_TAG : START_TAG);
        match.lastIndex = lt;
        const found = match.exec(text);
        if (!found) {
            throw new XmlError(close ? 'a broken end tag' : 'a broken tag', lt);
        }
        pos = match.lastIndex;
        const empty = !close && text[pos - 2] === '/';
        if (close) {
            const open = stack.pop();
            if (!open || found[1] !== open.name) {
                throw new XmlError(open ? `<${open.name}> is closed by </${found[1]}>` : 'an end tag without a start tag', lt);
            }
            const span: Span = { name: open.name, start: open.start, contentStart: open.contentStart, contentEnd: lt, end: pos, children: [] };
            if (stack.length === 0) {
                return { ...span, children };
            }
            if (stack.length === 1) {
                children.push(span);
            }
        } else if (empty) {
            const span: Span = { name: found[1]!, start: lt, contentStart: pos, contentEnd: pos, end: pos, children: [] };
            if (stack.length === 0) {
                return span;
            }
            if (stack.length === 1) {
                children.push(span);
            }
        } else {
            stack.push({ name: found[1]!, start: lt, contentStart: pos });
        }
    }
}

async function parseSpan(text: string, span: Span, pacer: Pacer): Promise<XmlNode> {
    if (span.end - span.start <= PIECE) {
        return parsePiece(text, span.start, span.end)[0]!;
    }
    const children = span.children;
    if (children.length === 0) {
        // A large element of text only (inline PlainTextContent): one piece, the parser's work is linear in it.
        return parsePiece(text, span.start, span.end)[0]!;
    }
    const startTag = text.slice(span.start, span.contentStart);
    const shell = parseText(`${startTag}</${span.name}>`, span.start)[0]!;
    const node: XmlNode = { ...shell, children: [] };
    let batch: Span[] = [];
    const flush = () => {
        if (batch.length > 0) {
            const wrapped = parseText(`<${span.name}>${text.slice(batch[0]!.start, batch[batch.length - 1]!.end)}</${span.name}>`, batch[0]!.start, span.name.length + 2);
            node.children.push(...wrapped[0]!.children);
            batch = [];
        }
    };
    for (const child of children) {
        await pacer.pace();
        if (child.end - child.start > PIECE) {
            flush();
            node.children.push(await parseSpan(text, await elementAt(text, child.start, pacer), pacer));
        } else {
            if (batch.length > 0 && child.end - batch[0]!.start > PIECE) {
                flush();
                await pacer.pace();
            }
            batch.push(child);
        }
    }
    flush();
    return node;
}

function parsePiece(text: string, start: number, end: number): XmlNode[] {
    return parseText(text.slice(start, end), start);
}

/**
 * Validates and parses one piece. `offset` is where the piece starts in the document and
 * `prefix` how many characters were put before it (a wrapping start tag), to locate errors.
 */
function parseText(piece: string, offset: number, prefix = 0): XmlNode[] {
    const normalized = piece.includes('\r') ? piece.replace(/\r\n?/g, '\n') : piece;
    const valid = XMLValidator.validate(normalized);
    if (valid !== true) {
        const lines = normalized.split('\n', valid.err.line);
        const within = lines.slice(0, valid.err.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + valid.err.col - 1 - prefix;
        throw new XmlError(valid.err.msg, offset + Math.max(0, within));
    }
    return convert(parser.parse(normalized) as unknown[]);
}

type Parsed = Record<string, unknown>;

function convert(items: unknown[]): XmlNode[] {
    const out: XmlNode[] = [];
    for (const item of items as Parsed[]) {
        for (const key of Object.keys(item)) {
            if (key === ':@' || key === '#text' || key === '#cdata' || key.startsWith('?')) {
                continue;
            }
            const content = item[key] as Parsed[];
            const attrs: Record<string, string> = {};
            for (const [name, value] of Object.entries((item[':@'] ?? {}) as Record<string, string>)) {
                attrs[name] = decodeEntities(String(value));
            }
            out.push({ name: key, attrs, children: convert(content), text: textOf(content) });
        }
    }
    return out;
}

function textOf(content: Parsed[]): string {
    let text = '';
    for (const part of content) {
        if ('#text' in part) {
            text += decodeEntities(String(part['#text']));
        } else if ('#cdata' in part) {
            text += (part['#cdata'] as Parsed[]).map(inner => String(inner['#text'] ?? '')).join('');
        }
    }
    return text;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined entities and character references; any other `&name;` stays as written (never expanded). */
export function decodeEntities(value: string): string {
    if (!value.includes('&')) {
        return value;
    }
    return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, name: string) => {
        if (name[0] !== '#') {
            return PREDEFINED[name] ?? whole;
        }
        const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    });
}
