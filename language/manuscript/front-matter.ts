import type { Region } from './fences.js';

/** A path named by the front matter's `bibliography`, with where it is written. */
export interface FrontMatterPath {
    path: string;
    offset: number;
    length: number;
}

/** The front matter paths a manuscript may name at most (more are not read). */
const MAX_BIBLIOGRAPHIES = 50;

/**
 * The bibliographies a manuscript's YAML front matter names, as Pandoc and Quarto read them:
 * `bibliography: refs.bib`, quoted, a flow list `[a.bib, "b.bib"]` or a block list of
 * `- a.bib` lines. Only a top-level `bibliography` key counts; other YAML is not interpreted.
 */
export function frontMatterBibliographies(text: string, frontMatter: Region | undefined): FrontMatterPath[] {
    if (!frontMatter) {
        return [];
    }
    const found: FrontMatterPath[] = [];
    const lines = /[^\r\n]*/g;
    lines.lastIndex = frontMatter.start;
    let inList = false;
    while (lines.lastIndex < frontMatter.end && found.length < MAX_BIBLIOGRAPHIES) {
        const start = lines.lastIndex;
        const line = lines.exec(text)![0];
        lines.lastIndex = skipBreak(text, start + line.length);
        const key = /^bibliography[ \t]*:[ \t]*/.exec(line);
        if (key) {
            const value = line.slice(key[0].length);
            inList = value.trim() === '';
            const listed = /^\[(.*)\][ \t]*$/.exec(value.trimEnd());
            if (listed) {
                let at = start + key[0].length + 1;
                for (const item of listed[1].split(',')) {
                    pushValue(found, item, at);
                    at += item.length + 1;
                }
            } else if (!inList) {
                pushValue(found, value, start + key[0].length);
            }
        } else if (inList && /^[ \t]*-[ \t]/.test(line)) {
            const dash = /^[ \t]*-[ \t]*/.exec(line)![0];
            pushValue(found, line.slice(dash.length), start + dash.length);
        } else if (line.trim() !== '' && !/^[ \t]/.test(line)) {
            inList = false;
        }
    }
    return found;
}

function pushValue(found: FrontMatterPath[], raw: string, offset: number): void {
    const lead = raw.length - raw.trimStart().length;
    let value = raw.trim().replace(/[ \t]+#.*$/, '');
    let at = offset + lead;
    if (/^(["']).*\1$/.test(value)) {
        value = value.slice(1, -1);
        at++;
    }
    if (value !== '') {
        found.push({ path: value, offset: at, length: value.length });
    }
}

function skipBreak(text: string, at: number): number {
    return text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1;
}
