/**
 * Deterministic generator of realistic Warrant workspaces for the benchmark (the Argdown
 * baseline's argument is bench/argument.ts). Same seed, same spec → byte-identical files.
 *
 * A workspace of N claims has:
 *   claims/part-NNN.warrant      ~500 claims per file, each supported by 1–4 data, earlier claims
 *                                (mostly of the same file, some cross-file), stats or patterns;
 *                                some cite bib keys (with locators), classify stats by a scheme,
 *                                are opposed; two small support cycles and one self-support
 *   annex/annex-NNN.warrant      0.4·N data (≤500 per file, 2 annexes per file): methods,
 *                                respondents, emergent/prompted, ~8 % with a transcript file,
 *                                a line range and a quote (a few quotes are not in the file)
 *   statistics/stats-NNN.warrant 0.05·N stats (percentages and counts) citing bib keys (a few
 *                                values out of range, a few unknown keys)
 *   patterns.warrant             N/200 serendipity patterns (a few incomplete)
 *   schemes.warrant              Hakim's bands, a second valid scheme and one with a gap
 *   respondents.warrant          N/40 respondents with attributes
 *   sources.warrant              the `bibliography` statement and a few inline sources
 *   references.bib               M entries (Better BibTeX style; a few malformed, one duplicate)
 *   transcripts/*.txt            the interview transcripts the quotes come from
 *
 * plus the probes the keystroke benchmark edits (see `Probes`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../test/helpers/random.js';

export interface WorkspaceSpec {
    claims: number;
    seed?: number;
    claimsPerFile?: number;
    /** Entries of references.bib (default max(200, claims / 5)). */
    bibEntries?: number;
}

/** Edges of the argument graph, counted as the analysis builds them (see argument-graph.ts). */
export interface LinkCounts {
    supports: number;
    opposes: number;
    /** `cites @key` of claims, patterns, stats and schemes. */
    cites: number;
    /** `classifies S as B by H`: one edge to the stat and one to the scheme. */
    classifies: number;
    observes: number;
    interprets: number;
    /** All argument-graph edges (the figure the budget's "30,000 links" refers to). */
    total: number;
    /** Cross-references Langium links (supporters, opponents, classifies' stat/band/scheme, observed, strategic, datum respondents). */
    references: number;
    /** Of `supports`, those between claims of different files. */
    crossFileClaimSupports: number;
}

export interface WorkspaceCounts {
    files: number;
    claimFiles: number;
    claims: number;
    data: number;
    dataWithOrigin: number;
    transcripts: number;
    stats: number;
    patterns: number;
    respondents: number;
    schemes: number;
    inlineSources: number;
    bibEntries: number;
    bibMalformed: number;
    bytes: number;
    cycles: number;
}

/** Text the keystroke benchmark edits; every snippet occurs exactly once in its file. */
export interface Probes {
    /** The datum the chain probeChainA → probeChainB (same file) → probeChainC (next file) rests on: its whole text, line break included. */
    datum: { file: string; block: string };
    chainFile: string;
    chainNextFile: string;
    /** A stat whose only source is `key`; probeStatClaim (in chainFile) rests on it alone. */
    stat: { file: string; snippet: string; key: string };
    /** A claim whose supporter list ends with `after`; the benchmark types `, typedTargetDatum` after it. */
    typing: { file: string; after: string; target: string };
    /** A claim text the benchmark types words into. */
    text: { file: string; snippet: string };
}

export interface GeneratedWorkspace {
    root: string;
    files: string[];
    counts: WorkspaceCounts;
    links: LinkCounts;
    probes: Probes;
}

// --- deterministic randomness ---------------------------------------------------------

export class Random {
    constructor(readonly next: () => number) {}
    int(lo: number, hi: number): number {
        return lo + Math.floor(this.next() * (hi - lo + 1));
    }
    pick<T>(list: readonly T[]): T {
        return list[Math.floor(this.next() * list.length)]!;
    }
    chance(p: number): boolean {
        return this.next() < p;
    }
    weighted(weights: readonly number[]): number {
        let r = this.next() * weights.reduce((a, b) => a + b, 0);
        for (let i = 0; i < weights.length; i++) {
            r -= weights[i]!;
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}

// --- vocabulary ---------------------------------------------------------------------------

const NOUNS = ['trust', 'referral', 'partnership', 'gender', 'culture', 'meeting', 'threshold', 'police', 'nursing', 'teacher', 'agency',
    'protocol', 'board', 'chair', 'safeguarding', 'welfare', 'profession', 'identity', 'norm', 'hierarchy', 'training', 'caseload',
    'workforce', 'silence', 'conflict', 'leadership', 'budget', 'inspection', 'review', 'failure', 'dissonance', 'status', 'power',
    'routine', 'handover', 'information', 'record', 'risk', 'family', 'child', 'school', 'health', 'court', 'housing', 'youth'];
const ADJECTIVES = ['informal', 'statutory', 'gendered', 'professional', 'shared', 'local', 'hidden', 'persistent', 'weak', 'strong',
    'feminised', 'masculine', 'integrated', 'segregated', 'collaborative', 'reluctant', 'formal', 'tacit', 'frontline', 'senior'];
const VERBS = ['shapes', 'undermines', 'supports', 'explains', 'predicts', 'reinforces', 'weakens', 'follows from', 'depends on',
    'mediates', 'constrains', 'reflects', 'obscures', 'amplifies', 'accompanies'];
const QUALIFIERS = ['in this case', 'probably', 'at least partially', 'in most boards observed', 'we think', 'for the period studied'];
const METHODS = ['interview', 'interview', 'interview', 'observation', 'observation', 'document', 'survey', 'focus-group', 'fieldnote', 'archive'];
const ROLES: Array<[string, string, string]> = [['SW', 'Social worker', 'social care'], ['PO', 'Police officer', 'police'],
    ['HT', 'Head teacher', 'education'], ['NR', 'Nurse', 'health'], ['YW', 'Youth worker', 'youth services'], ['GP', 'General practitioner', 'health'],
    ['CH', 'LSCB chair', 'board'], ['HV', 'Health visitor', 'health'], ['PR', 'Probation officer', 'probation']];
const FAMILIES = ['Smith', 'Hakim', 'Hall', 'Merton', 'M{\\"u}ller', 'Garc{\\\'\\i}a', 'Dudau', 'McAllister', 'Kov{\\\'a}cs', 'Andersson',
    'Rossi', 'de la Cruz', 'Tanaka', 'Okafor', 'Fran{\\c c}ois', 'Bourdieu', 'Goffman', 'Strauss', 'Charmaz', 'Yin', 'Flyvbjerg', 'Ostrom',
    'Annesley', 'Gherardi', 'Henriksson', 'Leathard', 'Molyneux', 'Sprague', 'Nguyen', 'O\'Brien', 'van der Berg', 'Evans', 'Currie'];
const GIVENS = ['John', 'Catherine', 'Robert K.', 'Jos{\\\'e}', 'Anne-Marie', 'Li', 'Chidi', 'Bj{\\"o}rn', 'Pierre', 'Elinor', 'Anselm',
    'Kathy', 'Bent', 'Erving', 'Adina', 'Graeme', 'Yuki', 'P.', 'S. J.'];
const TITLE_WORDS = ['collaboration', 'welfare', 'partnerships', 'gender', 'segregation', 'occupational', 'failure', 'evidence', 'qualitative',
    'research', 'theory', 'serendipity', 'empirical', 'inter-professional', 'safeguarding', 'children', 'police', 'social', 'work',
    'institutional', 'analysis', 'governance', 'networks', 'trust', 'accountability', 'policy', 'outcomes', 'case', 'study', 'identity'];
const PROTECTED = ['{England}', '{Wales}', '{UK}', '{NHS}', '{LSCB}', '{Merton}', '{OECD}', '{Every Child Matters}'];
const JOURNALS = ['American Sociological Review', 'Public Management Review', 'Journal of Interprofessional Care', 'Gender, Work \\& Organization',
    'Policy \\& Politics', 'Social Policy and Administration', 'Child Abuse Review', 'European Sociological Review'];
const PUBLISHERS = ['Oxford University Press', 'Cambridge University Press', 'Routledge', 'Sage', 'Policy Press', 'Free Press'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (s: string): string => s.endsWith('y') ? `${s.slice(0, -1)}ies` : /(s|h)$/.test(s) ? `${s}es` : `${s}s`;

/** A sentence of `min`–`max` words from the vocabulary, capitalised, without a full stop. */
export function sentenceOf(r: Random, min: number, max: number): string {
    const n = r.int(min, max);
    const words: string[] = [];
    while (words.length < n) {
        const form = r.int(0, 2);
        if (form === 0) {
            words.push(r.pick(ADJECTIVES), r.pick(NOUNS));
        } else if (form === 1) {
            words.push(r.pick(VERBS));
        } else {
            words.push('the', r.pick(NOUNS), 'of', r.pick(ADJECTIVES), plural(r.pick(NOUNS)));
        }
    }
    return cap(words.slice(0, n).join(' '));
}

// --- the abstract model (serialised by generateWorkspace) ----------------------------------

interface Citation { key: string; locator?: string }
interface Datum { name: string; method: string; respondents: string[]; occurrence?: 'emergent' | 'prompted'; text: string; origin?: { file: string; from: number; to: number; quote: string } }
interface Annex { name: string; label: string; data: Datum[] }
interface Stat { name: string; label: string; pct?: number; count?: [number, number]; year?: number; cites: Citation[] }
interface Claim {
    name: string; text: string; file: number;
    supports: string[]; opposes: string[]; cites: Citation[]; classifies: Array<{ stat: string; band: string; scheme: string }>;
    qualifier?: string; warrant?: string; braces: boolean;
}
interface Pattern { name: string; label: string; unanticipated?: string; anomalous?: string; observed: string[]; strategic?: string; cites: Citation[] }
interface Band { name: string; label: string; lower?: number; upper?: number }
interface Scheme { name: string; label: string; cites: Citation[]; bands: Band[] }

export interface WorkspaceModel {
    spec: Required<WorkspaceSpec>;
    respondents: Array<{ name: string; label: string; attrs: Array<[string, string]> }>;
    annexFiles: Annex[][];
    transcripts: string[][];
    statFiles: Stat[][];
    schemes: Scheme[];
    inlineSources: Array<{ name: string; author: string; year: number; title: string }>;
    patterns: Pattern[];
    claimFiles: Claim[][];
    bib: { text: string; keys: string[]; malformed: number };
    cycles: number;
}

const HAKIM: Scheme = {
    name: 'Hakim', label: 'Occupational gender segregation', cites: [{ key: 'Hakim1993' }],
    bands: [{ name: 'maleDominated', label: 'male-dominated', upper: 25 }, { name: 'integrated', label: 'integrated', lower: 25, upper: 55 },
        { name: 'femaleDominated', label: 'female-dominated', lower: 55 }]
};

function bandOf(scheme: Scheme, pct: number): Band {
    for (const band of scheme.bands) {
        const above = band.lower === undefined || pct >= band.lower;
        const below = band.upper === undefined || pct <= band.upper;
        if (above && below) {
            return band;
        }
    }
    return scheme.bands[0]!;
}

export function buildModel(input: WorkspaceSpec): WorkspaceModel {
    const spec: Required<WorkspaceSpec> = {
        claims: input.claims,
        seed: input.seed ?? 20180501,
        claimsPerFile: input.claimsPerFile ?? 500,
        bibEntries: input.bibEntries ?? Math.max(200, Math.round(input.claims / 5))
    };
    const r = new Random(mulberry32(spec.seed));
    const N = spec.claims;
    const sentence = (min: number, max: number): string => sentenceOf(r, min, max);

    // Bibliography first: everything else cites its keys.
    const bib = generateBib(r, spec.bibEntries);
    const citable = bib.keys;
    const citeKey = (): string => {
        const key = citable[Math.floor(citable.length * r.next() * r.next())]!; // skewed: a few works are cited a lot
        if (r.chance(0.02)) {
            return key.slice(0, -1) + (key.endsWith('x') ? 'y' : 'x'); // a typo: unknown-citation with a suggestion
        }
        return key;
    };
    const citation = (): Citation => {
        const c: Citation = { key: citeKey() };
        const kind = r.int(0, 5);
        if (kind <= 1) {
            const from = r.int(1, 400);
            c.locator = kind === 0 ? `p. ${from}` : `pp. ${from}-${from + r.int(1, 12)}`;
        } else if (kind === 2) {
            c.locator = `ch. ${r.int(1, 12)}`;
        }
        return c;
    };

    // Respondents.
    const respondents: WorkspaceModel['respondents'] = [];
    const respondentCount = Math.max(12, Math.round(N / 40));
    for (let i = 0; i < respondentCount; i++) {
        const [prefix, label, agency] = ROLES[i % ROLES.length]!;
        const attrs: Array<[string, string]> = [['gender', r.pick(['female', 'male', 'female', 'male', 'nonbinary'])], ['agency', `"${agency}"`]];
        if (r.chance(0.5)) {
            attrs.push(['seniority', r.pick(['junior', 'senior', 'manager'])]);
        }
        if (r.chance(0.3)) {
            attrs.push(['years', String(r.int(1, 35))]);
        }
        respondents.push({ name: `${prefix}${Math.floor(i / ROLES.length) + 1}`, label: `${label} ${Math.floor(i / ROLES.length) + 1}`, attrs });
    }

    // Transcripts.
    const dataCount = Math.round(0.4 * N);
    const transcriptCount = Math.max(2, Math.ceil(dataCount * 0.08 / 10));
    const transcripts: string[][] = [];
    for (let t = 0; t < transcriptCount; t++) {
        const lines: string[] = [`Interview transcript ${t + 1} (anonymised)`, ''];
        const length = r.int(200, 400);
        for (let l = 0; l < length; l++) {
            lines.push(`${l % 2 === 0 ? 'I' : 'R'}: ${sentence(10, 18).toLowerCase()}.`);
        }
        transcripts.push(lines);
    }

    // Annexes of data: 2 annexes per file, ≤ 500 data per file.
    const annexFiles: Annex[][] = [];
    const dataNames: string[] = [];
    const dataFile: number[] = [];
    const perAnnexFile = 500;
    const annexFileCount = Math.max(1, Math.ceil(dataCount / perAnnexFile));
    for (let f = 0; f < annexFileCount; f++) {
        const inFile = Math.min(perAnnexFile, dataCount - f * perAnnexFile);
        const annexes: Annex[] = [];
        for (let a = 0; a < 2; a++) {
            const size = a === 0 ? Math.ceil(inFile / 2) : Math.floor(inFile / 2);
            const annex: Annex = { name: `annex${f + 1}${a === 0 ? 'Interviews' : 'Observations'}`, label: `Annex ${f + 1}${a === 0 ? 'a' : 'b'}: ${sentence(3, 7)}`, data: [] };
            for (let i = 0; i < size; i++) {
                const index = dataNames.length;
                const method = r.pick(METHODS);
                const name = `${method === 'focus-group' ? 'fg' : method.slice(0, 3)}${cap(r.pick(NOUNS))}${cap(r.pick(NOUNS))}${index}`;
                const who = r.chance(0.85) ? Array.from(new Set(Array.from({ length: r.weighted([0, 0.8, 0.2]) }, () => r.pick(respondents).name))) : [];
                const occurrence = r.weighted([0.5, 0.35, 0.15]);
                const datum: Datum = {
                    name, method, respondents: who,
                    occurrence: occurrence === 0 ? 'emergent' : occurrence === 1 ? 'prompted' : undefined,
                    text: `${sentence(8, 30)}…`
                };
                if (r.chance(0.08)) {
                    const t = r.int(0, transcripts.length - 1);
                    const lines = transcripts[t]!;
                    const from = r.int(3, lines.length - 6);
                    const to = from + r.int(0, 4);
                    const words = lines[from - 1]!.slice(3).split(' ');
                    const start = r.int(0, Math.max(0, words.length - 6));
                    let quote = words.slice(start, start + r.int(4, 8)).join(' ').replace(/\.$/, '');
                    if (r.chance(0.05)) {
                        quote = `${quote} indeed`; // not in the file: quote-not-found
                    }
                    datum.origin = { file: `../transcripts/interview-${String(t + 1).padStart(3, '0')}.txt`, from, to, quote };
                }
                annex.data.push(datum);
                dataNames.push(name);
                dataFile.push(f);
            }
            annexes.push(annex);
        }
        annexFiles.push(annexes);
    }

    // Stats.
    const statCount = Math.max(10, Math.round(0.05 * N));
    const statFiles: Stat[][] = [];
    const statNames: string[] = [];
    const percentStats: Stat[] = [];
    for (let i = 0; i < statCount; i++) {
        if (i % 500 === 0) {
            statFiles.push([]);
        }
        const group = r.pick(['women', 'men', 'parttime', 'agency', 'graduates']);
        const profession = r.pick(['police', 'nurses', 'socialWorkers', 'teachers', 'heads', 'gps', 'healthVisitors', 'youthWorkers']);
        const stat: Stat = { name: `${profession}${cap(group)}${i}`, label: `${cap(group)} among ${profession} in region ${r.int(1, 40)}`, cites: [] };
        if (r.chance(0.7)) {
            stat.pct = Math.round(r.next() * 1000) / 10;
            if (r.chance(0.02)) {
                stat.pct += 100; // value-out-of-range
            }
            percentStats.push(stat);
        } else {
            const total = r.int(50, 20000);
            stat.count = [r.chance(0.01) ? total + r.int(1, 50) : r.int(0, total), total];
        }
        if (r.chance(0.6)) {
            stat.year = r.int(1995, 2016);
        }
        const cites = r.weighted([0.05, 0.8, 0.15]);
        for (let c = 0; c < cites; c++) {
            stat.cites.push(r.chance(0.3) ? citation() : { key: citeKey() });
        }
        statFiles[statFiles.length - 1]!.push(stat);
        statNames.push(stat.name);
    }

    // Schemes.
    const schemes: Scheme[] = [
        HAKIM,
        {
            name: 'Catalyst', label: 'Representation in leadership', cites: [{ key: citeKey() }],
            bands: [{ name: 'token', label: 'token', upper: 15 }, { name: 'minority', label: 'minority', lower: 15, upper: 35 },
                { name: 'balanced', label: 'balanced', lower: 35, upper: 65 }, { name: 'majority', label: 'majority', lower: 65 }]
        },
        {
            // A gap between 40% and 45%: scheme-invalid.
            name: 'DraftBands', label: 'Draft bands (to be revised)', cites: [],
            bands: [{ name: 'low', label: 'low', upper: 40 }, { name: 'mid', label: 'mid', lower: 45, upper: 70 }, { name: 'high', label: 'high', lower: 70 }]
        }
    ];

    const inlineSources = [
        { name: 'Merton1948', author: 'Merton, R.K.', year: 1948, title: 'The Bearing of Empirical Research upon the Development of Sociological Theory' },
        { name: 'Hakim1993', author: 'Hakim, C.', year: 1993, title: 'Segregated and integrated occupations: a new approach to analysing social change' },
        { name: 'HomeOffice2013', author: 'Home Office', year: 2013, title: 'Police workforce, England and Wales, 31 March 2013' },
        { name: 'Sprague2005', author: 'Sprague, J.', year: 2005, title: 'Feminist Methodologies for Critical Researchers' },
        { name: 'UnusedDraft2020', author: 'Nobody, N.', year: 2020, title: 'A source nobody cites' }
    ];

    // Claims: names first (patterns reference claims as their strategic interpretation).
    const claimFileCount = Math.max(2, Math.ceil(N / spec.claimsPerFile));
    const claimNames: string[] = [];
    const claimFileOf: number[] = [];
    for (let i = 0; i < N; i++) {
        claimNames.push(`${r.pick(ADJECTIVES)}${cap(r.pick(NOUNS))}${i}`);
        claimFileOf.push(Math.min(claimFileCount - 1, Math.floor(i * claimFileCount / N)));
    }

    // Patterns.
    const patternCount = Math.max(2, Math.round(N / 200));
    const patterns: Pattern[] = [];
    for (let p = 0; p < patternCount; p++) {
        const observed = Array.from(new Set(Array.from({ length: r.int(2, 4) }, () => dataNames[r.int(0, dataNames.length - 1)]!)));
        const pattern: Pattern = {
            name: `${r.pick(NOUNS)}Pattern${p}`, label: `${cap(r.pick(NOUNS))} as a hidden variable of ${r.pick(NOUNS)} work`,
            unanticipated: `${sentence(6, 14)} was not in the interview protocol`,
            anomalous: r.chance(0.9) ? `${sentence(6, 14)}, not the organisational rules` : undefined,
            observed,
            strategic: claimNames[r.int(0, N - 1)],
            cites: r.chance(0.5) ? [{ key: 'Merton1948', locator: 'p. 506' }] : []
        };
        if (r.chance(0.05)) {
            pattern.observed = []; // pattern-incomplete
        }
        patterns.push(pattern);
    }

    // Claims.
    const claimFiles: Claim[][] = Array.from({ length: claimFileCount }, () => []);
    const firstOfFile: number[] = [];
    for (let i = 0; i < N; i++) {
        const file = claimFileOf[i]!;
        if (firstOfFile[file] === undefined) {
            firstOfFile[file] = i;
        }
        const claim: Claim = { name: claimNames[i]!, text: `${sentence(6, 22)}`, file, supports: [], opposes: [], cites: [], classifies: [], braces: r.chance(0.6) };
        const unsupported = r.chance(0.04);
        const supporterCount = unsupported ? 0 : 1 + r.weighted([0.18, 0.34, 0.3, 0.18]);
        const chosen = new Set<string>();
        for (let s = 0; s < supporterCount * 3 && chosen.size < supporterCount; s++) {
            const kind = r.weighted([0.45, 0.38, 0.12, 0.05]);
            if (kind === 1 && i > 0) {
                // An earlier claim: usually a recent one of the same file, sometimes one of another file.
                const sameFileFrom = firstOfFile[file]!;
                const crossFile = r.chance(0.08) || i === sameFileFrom;
                const target = crossFile ? r.int(0, i - 1) : i - r.int(1, Math.min(60, i - sameFileFrom));
                chosen.add(claimNames[target]!);
            } else if (kind === 2) {
                chosen.add(statNames[r.int(0, statNames.length - 1)]!);
            } else if (kind === 3) {
                chosen.add(patterns[r.int(0, patterns.length - 1)]!.name);
            } else {
                // A datum, mostly from the annex file matching this part of the argument.
                const local = Math.min(annexFileCount - 1, Math.floor(file * annexFileCount / claimFileCount));
                const d = r.chance(0.7) ? local * perAnnexFile + r.int(0, Math.min(perAnnexFile, dataCount - local * perAnnexFile) - 1) : r.int(0, dataCount - 1);
                chosen.add(dataNames[d]!);
            }
        }
        claim.supports = [...chosen];
        if (!unsupported && r.chance(0.3)) {
            claim.cites = Array.from({ length: r.weighted([0, 0.6, 0.4]) }, () => citation());
        } else if (unsupported && r.chance(0.3)) {
            claim.cites = [{ key: `Missing${r.int(1990, 2020)}${r.pick(['a', 'b', 'c'])}` }];
        }
        if (r.chance(0.03)) {
            claim.opposes = [r.chance(0.5) ? claimNames[r.int(0, N - 1)]! : dataNames[r.int(0, dataCount - 1)]!].filter(n => n !== claim.name);
        }
        if (r.chance(0.04) && percentStats.length > 0) {
            const stat = r.pick(percentStats);
            const scheme = r.chance(0.85) ? HAKIM : schemes[1]!;
            const right = bandOf(scheme, Math.min(100, stat.pct!));
            const band = r.chance(0.9) ? right : r.pick(scheme.bands); // a few classification-mismatch
            claim.classifies.push({ stat: stat.name, band: band.name, scheme: scheme.name });
        }
        if (r.chance(0.15)) {
            claim.qualifier = r.pick(QUALIFIERS);
        }
        if (r.chance(0.1)) {
            claim.warrant = sentence(10, 30);
        }
        claimFiles[file]!.push(claim);
    }
    const claimAt = (i: number): Claim => claimFiles[claimFileOf[i]!]![i - firstOfFile[claimFileOf[i]!]!]!;
    // Two support cycles (one in a file, one across files) and a self-support.
    let cycles = 0;
    if (N >= 20) {
        const a = claimAt(10), b = claimAt(11), c = claimAt(12);
        b.supports.push(a.name);
        c.supports.push(b.name);
        a.supports.push(c.name);
        cycles++;
        const last = firstOfFile[1]! + 5;
        claimAt(5).supports.push(claimAt(last).name);
        claimAt(last).supports.push(claimAt(5).name);
        cycles++;
        claimAt(15).supports.push(claimAt(15).name);
    }

    // Probes for the keystroke benchmark.
    const probeFile = Math.floor(claimFileCount / 2) - (claimFileCount % 2 === 0 ? 1 : 0);
    const lastAnnex = annexFiles[0]![annexFiles[0]!.length - 1]!;
    lastAnnex.data.push({ name: 'probeInterview', method: 'interview', respondents: [respondents[0]!.name], occurrence: 'emergent', text: 'The officer asked the social worker to make him a cup of tea' });
    lastAnnex.data.push({ name: 'typedTargetDatum', method: 'observation', respondents: [respondents[1]!.name], occurrence: 'emergent', text: 'Minutes were taken by the most junior woman present' });
    const bibProbeKey = citable[1]!;
    statFiles[0]!.push({ name: 'probeStat', label: 'Women among LSCB chairs', pct: 31.5, year: 2014, cites: [{ key: bibProbeKey }] });
    const probeClaims: Claim[] = [
        { name: 'probeChainA', text: 'Tea requests mark status in multi-agency meetings', file: probeFile, supports: ['probeInterview'], opposes: [], cites: [], classifies: [], braces: true },
        { name: 'probeChainB', text: 'Status markers shape who speaks at the board', file: probeFile, supports: ['probeChainA'], opposes: [], cites: [], classifies: [], braces: true },
        { name: 'probeStatClaim', text: 'Women are a minority of LSCB chairs', file: probeFile, supports: ['probeStat'], opposes: [], cites: [], classifies: [], braces: true },
        { name: 'probeTyping', text: 'Junior staff carry the administrative load of partnerships', file: probeFile, supports: [dataNames[0]!], opposes: [], cites: [], classifies: [], braces: false },
        { name: 'probeText', text: 'Partnership meetings reproduce the gender order of the professions', file: probeFile, supports: [dataNames[1]!], opposes: [], cites: [], classifies: [], braces: true }
    ];
    claimFiles[probeFile]!.splice(Math.floor(claimFiles[probeFile]!.length / 2), 0, ...probeClaims);
    claimFiles[probeFile + 1]!.splice(10, 0, { name: 'probeChainC', text: 'Who speaks at the board decides which risks are heard', file: probeFile + 1, supports: ['probeChainB'], opposes: [], cites: [], classifies: [], braces: true });

    return { spec, respondents, annexFiles, transcripts, statFiles, schemes, inlineSources, patterns, claimFiles, bib, cycles };
}

/** A BibTeX library of `count` entries (a few malformed, one duplicate key), as the workspaces use. */
export function generateBibliography(count: number, seed = 20180501): { text: string; keys: string[]; malformed: number } {
    return generateBib(new Random(mulberry32(seed)), count);
}

function generateBib(r: Random, count: number): { text: string; keys: string[]; malformed: number } {
    const used = new Map<string, number>();
    const keys: string[] = [];
    const parts: string[] = ['% Exported by Better BibTeX for Zotero (generated for the Warrant benchmark)\n', '@string{pmr = {Public Management Review}}\n\n'];
    let malformed = 0;
    const name = (): string => `${r.pick(FAMILIES)}, ${r.pick(GIVENS)}`;
    const title = (): string => {
        const words = Array.from({ length: r.int(4, 13) }, () => r.chance(0.12) ? r.pick(PROTECTED) : r.pick(TITLE_WORDS));
        const main = words.map((w, i) => i === 0 || r.chance(0.3) ? cap(w) : w).join(' ');
        return r.chance(0.35) ? `${main}: {A} ${r.pick(TITLE_WORDS)} of ${r.pick(TITLE_WORDS)}` : main;
    };
    for (let i = 0; i < count; i++) {
        const authors = Array.from({ length: r.weighted([0, 0.35, 0.3, 0.2, 0.1, 0.05]) }, name);
        const year = r.int(1948, 2018);
        const stem = authors[0]!.split(',')[0]!.replace(/[^A-Za-z]/g, '') + year;
        const n = used.get(stem) ?? 0;
        used.set(stem, n + 1);
        const key = n === 0 ? stem : stem + String.fromCharCode(96 + Math.min(26, n)) + (n > 26 ? n : '');
        const type = r.pick(['article', 'article', 'article', 'book', 'incollection', 'techreport', 'phdthesis', 'misc']);
        const fields: string[] = [`  author = {${authors.join(' and ')}}`, `  title = {${title()}}`, `  year = {${year}}`];
        if (type === 'article') {
            fields.push(r.chance(0.1) ? '  journal = pmr' : `  journal = {${r.pick(JOURNALS)}}`, `  volume = {${r.int(1, 60)}}`, `  number = {${r.int(1, 12)}}`,
                `  pages = {${r.int(1, 400)}--${r.int(401, 800)}}`);
            if (r.chance(0.6)) {
                fields.push(`  doi = {10.${r.int(1000, 9999)}/${r.pick(TITLE_WORDS)}.${year}.${r.int(100, 99999)}}`);
            }
        } else if (type === 'book' || type === 'phdthesis') {
            fields.push(`  ${type === 'book' ? 'publisher' : 'school'} = {${r.pick(PUBLISHERS)}}`, `  address = {${r.pick(['London', 'Oxford', 'Bristol', 'New York'])}}`);
        } else if (type === 'incollection') {
            fields.push(`  booktitle = {${title()}}`, `  editor = {${name()} and ${name()}}`, `  publisher = {${r.pick(PUBLISHERS)}}`, `  pages = {${r.int(1, 300)}--${r.int(301, 500)}}`);
        } else if (type === 'techreport') {
            fields.push(`  institution = {${r.pick(['Home Office', 'Department for Education', 'NSPCC', 'Skills for Care'])}}`, `  number = {${r.int(1, 99)}/${year}}`);
        } else {
            fields.push(`  howpublished = {\\url{https://example.org/${r.pick(TITLE_WORDS)}/${r.int(1, 9999)}}}`, `  urldate = {${r.int(2010, 2018)}-0${r.int(1, 9)}-1${r.int(0, 9)}}`);
        }
        if (r.chance(0.3)) {
            fields.push(`  month = ${r.pick(MONTHS)}`);
        }
        if (r.chance(0.25)) {
            fields.push(`  abstract = {${Array.from({ length: r.int(30, 90) }, () => r.pick(TITLE_WORDS)).join(' ')}.}`);
        }
        if (r.chance(0.2)) {
            fields.push(`  keywords = {${r.pick(TITLE_WORDS)}, ${r.pick(TITLE_WORDS)}}`);
        }
        let entry = `@${type}{${key},\n${fields.join(',\n')}\n}\n\n`;
        if (i > 10 && r.chance(0.004)) {
            // Malformed (never cited): an unclosed brace, a missing comma or a missing `=`.
            malformed++;
            const damage = r.int(0, 2);
            entry = damage === 0 ? entry.replace('title = {', 'title = {{') : damage === 1 ? entry.replace(/,\n  year/, '\n  year') : entry.replace('year = ', 'year ');
        } else {
            keys.push(key);
        }
        parts.push(entry);
    }
    // One duplicate key (a copy-paste mistake), far from the original.
    parts.push(`@misc{${keys[3]},\n  title = {Duplicate of an earlier entry},\n  year = {2001}\n}\n`);
    malformed++;
    return { text: parts.join(''), keys, malformed };
}

const CSL_FAMILIES = ['Smith', 'Hakim', 'Hall', 'Merton', 'Müller', 'García', 'Dudau', 'McAllister', 'Kovács', 'Andersson', 'Okafor', 'Nguyen'];
const CSL_GIVENS = ['John', 'Catherine', 'Robert K.', 'José', 'Anne-Marie', 'Li', 'Chidi', 'Björn', 'Pierre', 'Elinor'];

/** A CSL-JSON library of N items as Better BibTeX exports it: 0.4 % broken items (never cited) and one duplicate key. */
export function generateCslLibrary(count: number, seed = 20180501): { text: string; keys: string[]; malformed: number } {
    const r = new Random(mulberry32(seed));
    const words = (n: number) => Array.from({ length: n }, () => r.pick(TITLE_WORDS)).join(' ');
    const name = () => r.chance(0.05) ? { family: r.pick(CSL_FAMILIES), given: r.pick(CSL_GIVENS), 'non-dropping-particle': 'van' } : { family: r.pick(CSL_FAMILIES), given: r.pick(CSL_GIVENS) };
    const used = new Map<string, number>();
    const keys: string[] = [];
    const items: string[] = [];
    let malformed = 0;
    for (let i = 0; i < count; i++) {
        const author = Array.from({ length: r.int(1, 5) }, name);
        const year = r.int(1948, 2018);
        const stem = author[0]!.family.normalize('NFD').replace(/[^A-Za-z]/g, '') + year;
        const n = used.get(stem) ?? 0;
        used.set(stem, n + 1);
        const key = n === 0 ? stem : `${stem}${String.fromCharCode(96 + Math.min(26, n))}${n > 26 ? n : ''}`;
        const type = r.pick(['article-journal', 'article-journal', 'article-journal', 'book', 'chapter', 'report', 'thesis', 'webpage']);
        const item: Record<string, unknown> = { id: key, author, 'citation-key': key, issued: { 'date-parts': [[year, r.int(1, 12)]] }, title: words(r.int(4, 13)), type };
        if (type === 'article-journal') {
            Object.assign(item, { 'container-title': r.pick(JOURNALS).replace('\\&', '&'), volume: String(r.int(1, 60)), issue: String(r.int(1, 12)), page: `${r.int(1, 400)}-${r.int(401, 800)}` });
            if (r.chance(0.6)) {
                item.DOI = `10.${r.int(1000, 9999)}/${r.pick(TITLE_WORDS)}.${year}.${r.int(100, 99999)}`;
            }
        } else if (type === 'chapter') {
            Object.assign(item, { 'container-title': words(6), editor: [name()], publisher: r.pick(PUBLISHERS), page: `${r.int(1, 300)}-${r.int(301, 500)}` });
        } else if (type === 'webpage') {
            Object.assign(item, { URL: `https://example.org/${r.pick(TITLE_WORDS)}/${r.int(1, 9999)}`, accessed: { 'date-parts': [[r.int(2010, 2018), r.int(1, 12), r.int(1, 28)]] } });
        } else {
            item.publisher = r.pick(PUBLISHERS);
        }
        if (r.chance(0.25)) {
            item.abstract = `${words(r.int(30, 90))}.`;
        }
        let text = JSON.stringify(item, null, 2).replace(/^/gm, '  ');
        if (i > 10 && r.chance(0.004)) {
            malformed++;
            text = text.replace('"title": "', '"title": ');
        } else {
            keys.push(key);
        }
        items.push(text);
    }
    items.push(`  {\n    "id": "${keys[3]}",\n    "title": "Duplicate of an earlier item"\n  }`);
    malformed++;
    return { text: `[\n${items.join(',\n')}\n]\n`, keys, malformed };
}

// --- serialisation --------------------------------------------------------------------------

const pad = (n: number): string => String(n).padStart(3, '0');
const cite = (c: Citation): string => `@${c.key}${c.locator ? ` ${c.locator}` : ''}`;
const pct = (v: number): string => `${v}%`;

function bandRange(b: Band): string {
    if (b.lower === undefined) {
        return `below ${pct(b.upper!)}`;
    }
    if (b.upper === undefined) {
        return `above ${pct(b.lower)}`;
    }
    return `${pct(b.lower)} to ${pct(b.upper)}`;
}

/** A datum's lines, without the final line break. */
function datumText(d: Datum): string {
    const who = d.respondents.length > 0 ? ` of ${d.respondents.join(', ')}` : '';
    const occurrence = d.occurrence ? ` ${d.occurrence}` : '';
    const origin = d.origin ? `\n    in "${d.origin.file}" lines ${d.origin.from}-${d.origin.to} quote "${d.origin.quote}"` : '';
    return `  datum ${d.name} ${d.method}${who}${occurrence}\n    "${d.text}"${origin}`;
}

function claimText(c: Claim): string {
    const clauses: string[] = [];
    if (c.supports.length > 0) {
        clauses.push(`supported by ${c.supports.join(', ')}`);
    }
    if (c.opposes.length > 0) {
        clauses.push(`opposed by ${c.opposes.join(', ')}`);
    }
    for (const k of c.classifies) {
        clauses.push(`classifies ${k.stat} as ${k.band} by ${k.scheme}`);
    }
    if (c.cites.length > 0) {
        clauses.push(`cites ${c.cites.map(cite).join(', ')}`);
    }
    if (c.qualifier) {
        clauses.push(`qualifier "${c.qualifier}"`);
    }
    if (c.warrant) {
        clauses.push(`warrant "${c.warrant}"`);
    }
    const head = `claim ${c.name} "${c.text}"`;
    if (c.braces) {
        return `${head} {\n${clauses.map(x => `  ${x}\n`).join('')}}\n`;
    }
    return `${head}\n${clauses.map(x => `  ${x}\n`).join('')}`;
}

/** Writes the workspace under `root` (created); returns what was written and counted. */
/** Writes the files (paths relative to `root`) and returns how many bytes they hold. */
export function writeFiles(root: string, files: ReadonlyMap<string, string>): number {
    let bytes = 0;
    for (const [file, text] of files) {
        const full = path.join(root, file);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, text);
        bytes += Buffer.byteLength(text);
    }
    return bytes;
}

export function generateWorkspace(spec: WorkspaceSpec, root: string): GeneratedWorkspace {
    const model = buildModel(spec);
    const files = new Map<string, string>();
    const links: LinkCounts = { supports: 0, opposes: 0, cites: 0, classifies: 0, observes: 0, interprets: 0, total: 0, references: 0, crossFileClaimSupports: 0 };

    // sources.warrant
    files.set('sources.warrant', [
        '// Works cited: the BibTeX export of the project library, and a few sources declared inline.',
        'bibliography "references.bib"',
        '',
        ...model.inlineSources.map(s => `source ${s.name} {\n  author "${s.author}"  year ${s.year}\n  title "${s.title}"\n}\n`)
    ].join('\n'));

    // respondents.warrant
    files.set('respondents.warrant', `// The people interviewed or observed.\n\n${model.respondents
        .map(p => `respondent ${p.name} "${p.label}" { ${p.attrs.map(([k, v]) => `${k}: ${v}`).join('  ')} }`).join('\n')}\n`);

    // annex files
    const annexPaths: string[] = [];
    model.annexFiles.forEach((annexes, f) => {
        const out: string[] = [`// Annex part ${f + 1}: primary data, one datum per row of the annex table.\n`];
        for (const annex of annexes) {
            out.push(`annex ${annex.name} "${annex.label}" {`);
            for (const d of annex.data) {
                links.references += d.respondents.length;
                out.push(datumText(d));
            }
            out.push('}\n');
        }
        const file = `annex/annex-${pad(f + 1)}.warrant`;
        annexPaths.push(file);
        files.set(file, out.join('\n'));
    });
    model.transcripts.forEach((lines, t) => files.set(`transcripts/interview-${pad(t + 1)}.txt`, lines.join('\n') + '\n'));

    // statistics
    model.statFiles.forEach((stats, f) => {
        const out = [`// Secondary statistics, part ${f + 1}.\n`];
        for (const s of stats) {
            links.cites += s.cites.length;
            const value = s.pct !== undefined ? pct(s.pct) : `${s.count![0]} of ${s.count![1]}`;
            out.push(`stat ${s.name} "${s.label}" = ${value}${s.year ? ` in ${s.year}` : ''}${s.cites.length ? ` cites ${s.cites.map(cite).join(', ')}` : ''}`);
        }
        files.set(`statistics/stats-${pad(f + 1)}.warrant`, out.join('\n') + '\n');
    });

    // schemes
    files.set('schemes.warrant', model.schemes.map(s => {
        links.cites += s.cites.length;
        return `scheme ${s.name} "${s.label}"${s.cites.length ? ` cites ${s.cites.map(cite).join(', ')}` : ''} {\n${s.bands.map(b => `  band ${b.name} "${b.label}" ${bandRange(b)}\n`).join('')}}\n`;
    }).join('\n'));

    // patterns
    files.set('patterns.warrant', `// Serendipity patterns (Merton 1948).\n\n${model.patterns.map(p => {
        links.observes += p.observed.length;
        links.references += p.observed.length + (p.strategic ? 1 : 0);
        links.interprets += p.strategic ? 1 : 0;
        links.cites += p.cites.length;
        const parts = [
            p.unanticipated ? `  unanticipated "${p.unanticipated}"` : undefined,
            p.anomalous ? `  anomalous "${p.anomalous}"` : undefined,
            p.observed.length ? `  observed ${p.observed.join(', ')}` : undefined,
            p.strategic ? `  strategic ${p.strategic}` : undefined,
            p.cites.length ? `  cites ${p.cites.map(cite).join(', ')}` : undefined
        ].filter(Boolean);
        return `pattern ${p.name} "${p.label}" {\n${parts.join('\n')}\n}\n`;
    }).join('\n')}`);

    // claims
    const fileOfClaim = new Map<string, number>();
    model.claimFiles.forEach((claims, f) => claims.forEach(c => fileOfClaim.set(c.name, f)));
    const claimPaths: string[] = [];
    model.claimFiles.forEach((claims, f) => {
        const out = [`// The argument, part ${f + 1}.\n`];
        for (const c of claims) {
            links.supports += c.supports.length;
            links.opposes += c.opposes.length;
            links.cites += c.cites.length;
            links.classifies += 2 * c.classifies.length;
            links.references += c.supports.length + c.opposes.length + 3 * c.classifies.length;
            links.crossFileClaimSupports += c.supports.filter(s => fileOfClaim.has(s) && fileOfClaim.get(s) !== f).length;
            out.push(claimText(c));
        }
        const file = `claims/part-${pad(f + 1)}.warrant`;
        claimPaths.push(file);
        files.set(file, out.join('\n'));
    });
    links.total = links.supports + links.opposes + links.cites + links.classifies + links.observes + links.interprets;

    files.set('references.bib', model.bib.text);

    const bytes = writeFiles(root, files);

    const probeFile = model.claimFiles.findIndex(claims => claims.some(c => c.name === 'probeChainA'));
    const probeDatum = model.annexFiles[0]!.flatMap(a => a.data).find(d => d.name === 'probeInterview')!;
    const probeTyping = model.claimFiles[probeFile]!.find(c => c.name === 'probeTyping')!;
    const probeStat = model.statFiles[0]!.find(s => s.name === 'probeStat')!;
    const counts: WorkspaceCounts = {
        files: [...files.keys()].filter(f => f.endsWith('.warrant')).length,
        claimFiles: model.claimFiles.length,
        claims: model.claimFiles.reduce((n, c) => n + c.length, 0),
        data: model.annexFiles.flat().reduce((n, a) => n + a.data.length, 0),
        dataWithOrigin: model.annexFiles.flat().reduce((n, a) => n + a.data.filter(d => d.origin).length, 0),
        transcripts: model.transcripts.length,
        stats: model.statFiles.reduce((n, s) => n + s.length, 0),
        patterns: model.patterns.length,
        respondents: model.respondents.length,
        schemes: model.schemes.length,
        inlineSources: model.inlineSources.length,
        bibEntries: model.bib.keys.length + model.bib.malformed,
        bibMalformed: model.bib.malformed,
        bytes,
        cycles: model.cycles
    };
    return {
        root,
        files: [...files.keys()],
        counts,
        links,
        probes: {
            datum: { file: annexPaths[0]!, block: `${datumText(probeDatum)}\n` },
            chainFile: claimPaths[probeFile]!,
            chainNextFile: claimPaths[probeFile + 1]!,
            stat: { file: 'statistics/stats-001.warrant', snippet: `stat probeStat "Women among LSCB chairs" = 31.5% in 2014 cites @${probeStat.cites[0]!.key}`, key: probeStat.cites[0]!.key },
            typing: { file: claimPaths[probeFile]!, after: `claim probeTyping "${probeTyping.text}"\n  supported by ${probeTyping.supports[0]}`, target: 'typedTargetDatum' },
            text: { file: claimPaths[probeFile]!, snippet: 'claim probeText "Partnership meetings reproduce the gender order of the professions' }
        }
    };
}
