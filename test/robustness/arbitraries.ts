/**
 * fast-check arbitraries for `.warrant` text: grammar-aware generation of plausible documents
 * (one arbitrary per construct, names from a small shared pool so references resolve, cycles
 * and duplicates happen, and hostile text in every string), plus byte- and character-level
 * mutation of the examples in `examples/`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { fraction, mutate, type Mutation } from '../helpers/text-mutation.js';
import { REPOSITORY } from './helpers.js';

/** Names shared by every generated element, keywords that double as names included. */
const NAME_POOL = ['a', 'b', 'c', 'claimA', 'claimB', 'd1', 'd2', 'd3', 's1', 's2', 'Hakim', 'low', 'mid', 'high', 'R1', 'R2', 'tea', 'p1', 'Src', 'band', 'lines', 'quote', 'to', 'below', 'above', 'interview', 'emergent', 'title', 'year', 'in', 'ÉtéÀ'];
const KEY_POOL = ['Src', 'Merton1948', 'Hall2005', 'd1', 'a', 'x:y/z-1', 'Hakim1993', 'ÉtéÀ'];
const METHODS = ['interview', 'observation', 'document', 'survey', 'focus-group', 'fieldnote', 'archive'];
const SOURCE_KEYS = ['author', 'editor', 'year', 'title', 'in', 'publisher', 'volume', 'issue', 'pages', 'doi', 'url', 'note'];

/** Text that tends to break things: markup, controls, bidi, surrogates, line breaks, huge numbers. */
const NASTY = [
    '<script>alert(1)</script>', '<svg onload=alert(1)>', '[x](command:workbench.action.quit)', '](javascript:alert(1))', '&amp;', '${x}', '`',
    '\u202E', '\u2066', '\u200F', '\u0000', '\u0007', '\u001b[31m', '\uFEFF', '\ud800', '\udc00', '😀', 'é', '\u2028', '\f', '\v',
    '%', '@', '{', '}', ',', ':', '-', '–', '/*', '*/', '//', '\\', '"', '\n', '\r', '\r\n', '99999999999999999999', '1e309', 'NaN'
];

export const name: fc.Arbitrary<string> = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...NAME_POOL) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/) }
);

const key: fc.Arbitrary<string> = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...KEY_POOL) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_:./+-]{0,12}$/) }
);

/** The inside of a string literal: plain words, nasty snippets, arbitrary unicode. */
const stringContent: fc.Arbitrary<string> = fc.oneof(
    { weight: 5, arbitrary: fc.lorem({ maxCount: 6 }) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...NASTY), { maxLength: 4 }).map(parts => parts.join(' ')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constant('') }
);

/** A string literal, escaped as the grammar wants; rarely broken (unterminated, raw line break). */
export const str: fc.Arbitrary<string> = fc.oneof(
    { weight: 20, arbitrary: stringContent.map(s => '"' + s.replace(/[\\"]/g, m => '\\' + m).replace(/\r|\n/g, ' ') + '"') },
    { weight: 1, arbitrary: stringContent.map(s => '"' + s.replace(/"/g, '')) }
);

const number: fc.Arbitrary<string> = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 120 }).map(String) },
    { weight: 2, arbitrary: fc.double({ min: 0, max: 200, noNaN: true }).map(n => n.toFixed(2)) },
    { weight: 1, arbitrary: fc.constantFrom('0', '100', '99999999999999999999', '000', '1.0', '0.000001') }
);

const percent = fc.tuple(fc.boolean(), number).map(([negative, n]) => `${negative ? '-' : ''}${n}%`);
const range = fc.tuple(number, fc.option(fc.tuple(fc.constantFrom('-', '–'), number))).map(([from, to]) => to ? `${from}${to[0]}${to[1]}` : from);
const locator = fc.oneof(
    fc.tuple(fc.constantFrom('p.', 'pp.', 'ch.', 'sec.', 'para.', 'fig.'), range).map(([unit, r]) => `${unit} ${r}`),
    str
);
const citation = fc.tuple(key, fc.option(locator, { freq: 3 })).map(([k, l]) => `@${k}${l ? ' ' + l : ''}`);
const list = <T extends string>(item: fc.Arbitrary<T>, max = 4) => fc.array(item, { minLength: 1, maxLength: max }).map(items => items.join(', '));
const optional = (arb: fc.Arbitrary<string>, freq = 2) => fc.option(arb, { freq }).map(v => v ?? '');

const bibliography = fc.oneof(str, fc.constantFrom('"references.bib"', '"../outside.bib"', '"/dev/zero"', '"."', '""')).map(p => `bibliography ${p}`);

const source = fc.tuple(name, optional(str), fc.array(fc.tuple(fc.constantFrom(...SOURCE_KEYS), fc.oneof(str, number)), { maxLength: 5 }))
    .map(([n, label, fields]) => `source ${n} ${label} { ${fields.map(([k, v]) => `${k} ${v}`).join(' ')} }`);

const attribute = fc.tuple(name, fc.oneof(name, str, number)).map(([k, v]) => `${k}: ${v}`);
const respondent = fc.tuple(fc.constantFrom('respondent', 'subject'), name, optional(str), fc.option(fc.array(attribute, { maxLength: 4 })))
    .map(([kind, n, label, attributes]) => `${kind} ${n} ${label}${attributes ? ` { ${attributes.join('  ')} }` : ''}`);

const origin = fc.tuple(fc.oneof(str, fc.constantFrom('"t.txt"', '"../../etc/passwd"', '"/dev/urandom"')), optional(range.map(r => `lines ${r}`)), optional(str.map(q => `quote ${q}`)))
    .map(([file, lines, quote]) => `in ${file} ${lines} ${quote}`);
const datum = fc.tuple(name, fc.constantFrom(...METHODS), optional(fc.tuple(fc.constantFrom('of', 'about'), list(name, 3)).map(([w, l]) => `${w} ${l}`)), optional(fc.constantFrom('emergent', 'prompted')), str, optional(origin, 4))
    .map(([n, method, who, occurrence, text, from]) => `datum ${n} ${method} ${who} ${occurrence} ${text} ${from}`);
const annex = fc.tuple(name, optional(str), fc.array(datum, { maxLength: 4 }))
    .map(([n, label, data]) => `annex ${n} ${label} {\n  ${data.join('\n  ')}\n}`);

const quantity = fc.oneof(percent, fc.tuple(number, number).map(([c, t]) => `${c} of ${t}`));
const stat = fc.tuple(name, str, quantity, optional(number.map(y => `in ${y}`)), optional(list(citation).map(l => `cites ${l}`), 1))
    .map(([n, label, q, year, cites]) => `stat ${n} ${label} = ${q} ${year} ${cites}`);

const bandRange = fc.oneof(percent.map(p => `below ${p}`), percent.map(p => `above ${p}`), fc.tuple(percent, percent).map(([a, b]) => `${a} to ${b}`));
const band = fc.tuple(name, optional(str), bandRange).map(([n, label, r]) => `band ${n} ${label} ${r}`);
const scheme = fc.tuple(name, optional(str), optional(list(citation).map(l => `cites ${l}`)), fc.array(band, { maxLength: 4 }))
    .map(([n, label, cites, bands]) => `scheme ${n} ${label} ${cites} { ${bands.join('\n  ')} }`);

const clause = fc.oneof(
    { weight: 4, arbitrary: list(name).map(l => `supported by ${l}`) },
    { weight: 1, arbitrary: list(name).map(l => `opposed by ${l}`) },
    { weight: 2, arbitrary: list(citation).map(l => `cites ${l}`) },
    { weight: 1, arbitrary: fc.tuple(name, name, name).map(([s, b, sc]) => `classifies ${s} as ${b} by ${sc}`) },
    { weight: 1, arbitrary: str.map(t => `qualifier ${t}`) },
    { weight: 1, arbitrary: str.map(t => `warrant ${t}`) }
);
const claim = fc.tuple(name, str, fc.boolean(), fc.array(clause, { maxLength: 4 }))
    .map(([n, text, braced, clauses]) => braced ? `claim ${n} ${text} {\n  ${clauses.join('\n  ')}\n}` : `claim ${n} ${text}\n  ${clauses.join('\n  ')}`);

const part = fc.oneof(
    str.map(t => `unanticipated ${t}`),
    str.map(t => `anomalous ${t}`),
    list(name).map(l => `observed ${l}`),
    name.map(n => `strategic ${n}`),
    list(citation).map(l => `cites ${l}`)
);
const pattern = fc.tuple(name, str, fc.array(part, { maxLength: 5 })).map(([n, label, parts]) => `pattern ${n} ${label} {\n  ${parts.join('\n  ')}\n}`);

/** Things a half-typed or hostile file contains between elements. */
const noise = fc.oneof(
    fc.constantFrom('{', '}', ',', '@', '%', 'claim', 'supported by', '"', '/*', '*/', '-', '\u0000', '\u202E', '\ud800', '\uFEFF', '{'.repeat(50), '}'.repeat(50)),
    fc.string({ unit: 'binary', maxLength: 6 })
);

export const element: fc.Arbitrary<string> = fc.oneof(
    { weight: 1, arbitrary: bibliography },
    { weight: 1, arbitrary: source },
    { weight: 2, arbitrary: respondent },
    { weight: 3, arbitrary: annex },
    { weight: 2, arbitrary: stat },
    { weight: 1, arbitrary: scheme },
    { weight: 6, arbitrary: claim },
    { weight: 2, arbitrary: pattern },
    { weight: 1, arbitrary: noise }
);

const separator = fc.constantFrom('\n', '\n\n', ' ', '\r\n', '\r', '\t', '\n// a comment\n', ' /* block\n comment */ ', '\n\f\n', '\u00a0\n');

/** A plausible document: 0–12 elements joined by whitespace and comments. */
export const document: fc.Arbitrary<string> = fc.array(fc.tuple(element, separator), { maxLength: 12 })
    .map(parts => parts.map(([e, s]) => e + s).join(''));

/** A document made of valid elements only (no noise), for formatting properties. */
export const cleanDocument: fc.Arbitrary<string> = fc.array(fc.tuple(fc.oneof(source, respondent, annex, stat, scheme, claim, pattern), separator), { maxLength: 10 })
    .map(parts => parts.map(([e, s]) => e + s).join(''));


/** The examples' `.warrant` files, the seeds of mutation. */
export function exampleTexts(): string[] {
    const found: string[] = [];
    const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full);
            } else if (entry.name.endsWith('.warrant')) {
                found.push(readFileSync(full, 'utf8'));
            }
        }
    };
    walk(path.join(REPOSITORY, 'examples'));
    return found;
}

const snippet = fc.oneof(fc.constantFrom(...NASTY), element, fc.string({ maxLength: 8 }));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fraction, text: snippet }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 80 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fraction, length: fc.integer({ min: 1, max: 400 }), to: fraction }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fraction, text: snippet }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fraction, bits: fc.integer({ min: 1, max: 255 }) }) },
    // A token left out (a name, a keyword, a brace): the parser recovers nodes with properties missing.
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('dropWord' as const), at: fraction }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }) }
);

/** An example file with one to eight mutations. */
export function mutatedExample(examples: string[]): fc.Arbitrary<string> {
    return fc.tuple(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([base, mutations]) => mutate(base, mutations));
}

/** Seed and run count: deterministic in CI (printed), overridable with FUZZ_SEED and FUZZ_RUNS (runs per property). */
export function fuzzSettings(defaultRuns: number, label: string): { seed: number; numRuns: number } {
    const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : 20260611;
    const numRuns = process.env.FUZZ_RUNS !== undefined ? Math.max(1, Number(process.env.FUZZ_RUNS)) : defaultRuns;
    console.log(`      ${label}: seed ${seed} (FUZZ_SEED), ${numRuns} runs (FUZZ_RUNS)`);
    return { seed, numRuns };
}

/** A small workspace: one to three documents that share the name pool, some with tokens dropped or mangled. */
export const workspace: fc.Arbitrary<string[]> = fc.array(
    fc.oneof(
        { weight: 3, arbitrary: document },
        { weight: 1, arbitrary: fc.tuple(document, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([d, m]) => mutate(d, m)) }
    ),
    { minLength: 1, maxLength: 3 }
);
