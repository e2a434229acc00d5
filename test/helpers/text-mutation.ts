/**
 * Character- and byte-level mutation of text at relative positions, for the fuzz tests of the
 * .warrant parser (test/robustness) and of the BibTeX scanner (test/bibliography).
 */
import fc from 'fast-check';

export type Mutation =
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'duplicate'; at: number; length: number; to: number }
    | { kind: 'replace'; at: number; text: string }
    | { kind: 'flip'; at: number; bits: number }
    | { kind: 'dropWord'; at: number }
    | { kind: 'truncate'; at: number };

/** A relative position in a text, in [0, 1). */
export const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** An insertion, deletion, duplication or replacement at a position drawn from `at`, putting in text drawn from `snippet`. */
export function editMutation(snippet: fc.Arbitrary<string>, at: fc.Arbitrary<number> = fraction): fc.Arbitrary<Mutation> {
    return fc.oneof(
        fc.record({ kind: fc.constant('insert' as const), at, text: snippet }),
        fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }),
        fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 200 }), to: at }),
        fc.record({ kind: fc.constant('replace' as const), at, text: snippet }),
    );
}

/** Applies mutations at relative positions; `flip` XORs one byte of the UTF-8 encoding (invalid UTF-8 decodes to U+FFFD). */
export function mutate(base: string, mutations: readonly Mutation[]): string {
    let text = base;
    for (const m of mutations) {
        const at = Math.floor(m.at * (text.length + 1));
        switch (m.kind) {
            case 'insert':
                text = text.slice(0, at) + m.text + text.slice(at);
                break;
            case 'delete':
                text = text.slice(0, at) + text.slice(at + m.length);
                break;
            case 'duplicate': {
                const piece = text.slice(at, at + m.length);
                const to = Math.floor(m.to * (text.length + 1));
                text = text.slice(0, to) + piece + text.slice(to);
                break;
            }
            case 'replace':
                text = text.slice(0, at) + m.text + text.slice(at + m.text.length);
                break;
            case 'dropWord': {
                const words = [...text.matchAll(/[^\s]+/g)];
                const word = words[Math.floor(m.at * words.length)];
                if (word?.index !== undefined) {
                    text = text.slice(0, word.index) + text.slice(word.index + word[0].length);
                }
                break;
            }
            case 'truncate':
                text = text.slice(0, at);
                break;
            case 'flip': {
                const bytes = Buffer.from(text, 'utf8');
                if (bytes.length > 0) {
                    const i = Math.floor(m.at * bytes.length);
                    bytes[i] ^= m.bits;
                    text = bytes.toString('utf8');
                }
                break;
            }
        }
    }
    return text;
}
