import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixture(name: string): string {
    return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** 0-based line of the first occurrence of `needle` (throws if absent, to keep tests honest). */
export function lineOf(text: string, needle: string): number {
    const at = text.indexOf(needle);
    if (at < 0) {
        throw new Error(`fixture does not contain ${JSON.stringify(needle)}`);
    }
    return text.slice(0, at).split(/\r\n|\r|\n/).length - 1;
}
