/**
 * The same argument twice, for the Argdown baseline (issue 19): an argument graph of N claims
 * written as an Argdown document and as the equivalent Warrant workspace.
 *
 * - Every claim is an Argdown statement `[name]: text` (three in four) or argument
 *   `<name>: text`, and a Warrant `claim name "text"`.
 * - Every support is `+ [supporter]` under its target in Argdown and `supported by` in Warrant;
 *   every attack `- [attacker]` and `opposed by`. Supporters and attackers are earlier claims,
 *   mostly recent ones of the same file (8 % of another file), so there are no cycles.
 * - Every fourth claim is a leaf: no claim supports it. Warrant wants a leaf grounded, so each
 *   leaf is `supported by` one datum of its own, in annex files of ≤ 500 data. The data are
 *   Warrant's alone: they are not in the Argdown document (turning them into statements would
 *   give Argdown more to parse than the argument and flatter Warrant).
 *
 * Warrant files hold `claimsPerFile` claims (default 500); `singleFile` puts claims and data in
 * one file. Same spec → byte-identical files.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../test/helpers/random.js';
import { Random, sentenceOf, writeFiles } from './generate.js';

export interface ArgumentSpec {
    claims: number;
    seed?: number;
    claimsPerFile?: number;
    singleFile?: boolean;
}

interface ArgumentClaim {
    name: string;
    argument: boolean;
    text: string;
    supports: string[];
    opposes: string[];
    /** The datum grounding a leaf (Warrant only). */
    datum?: { name: string; text: string };
}

export interface ArgumentWorkspace {
    root: string;
    /** Workspace-relative paths of the .warrant files. */
    files: string[];
    /** The Argdown document of the same argument. */
    argdownFile: string;
    counts: { claims: number; statements: number; arguments: number; supports: number; attacks: number; data: number; files: number; warrantBytes: number; argdownBytes: number; largestFileCharacters: number };
    /** A claim in a middle file, the one the keystroke benchmark types into: its file and the text up to where typing starts. */
    probe: { file: string; before: string };
}

const DATA_PER_FILE = 500;

function buildArgument(spec: Required<Omit<ArgumentSpec, 'singleFile'>>): ArgumentClaim[][] {
    const r = new Random(mulberry32(spec.seed));
    const N = spec.claims;
    const fileCount = Math.max(1, Math.ceil(N / spec.claimsPerFile));
    const files: ArgumentClaim[][] = Array.from({ length: fileCount }, () => []);
    const names: string[] = [];
    let firstOfFile = 0;
    for (let i = 0; i < N; i++) {
        const file = Math.floor(i / spec.claimsPerFile);
        if (i % spec.claimsPerFile === 0) {
            firstOfFile = i;
        }
        const argument = r.chance(0.25);
        const claim: ArgumentClaim = { name: `${argument ? 'a' : 's'}${i}`, argument, text: sentenceOf(r, 6, 22), supports: [], opposes: [] };
        const earlier = (): string => {
            const crossFile = r.chance(0.08) || i === firstOfFile;
            return names[crossFile ? r.int(0, i - 1) : i - r.int(1, Math.min(60, i - firstOfFile))]!;
        };
        if (i % 4 === 0) {
            claim.datum = { name: `d${i}`, text: sentenceOf(r, 8, 20) };
        } else {
            const wanted = 1 + r.weighted([0.4, 0.4, 0.2]);
            const supports = new Set<string>();
            for (let attempt = 0; attempt < 3 * wanted && supports.size < wanted; attempt++) {
                supports.add(earlier());
            }
            claim.supports = [...supports];
        }
        if (i > 0 && r.chance(0.1)) {
            const attacker = earlier();
            if (!claim.supports.includes(attacker)) {
                claim.opposes = [attacker];
            }
        }
        files[file]!.push(claim);
        names.push(claim.name);
    }
    return files;
}

function warrantClaim(c: ArgumentClaim): string {
    const supporters = c.datum ? [c.datum.name] : c.supports;
    return `claim ${c.name} "${c.text}"\n  supported by ${supporters.join(', ')}\n${c.opposes.length ? `  opposed by ${c.opposes.join(', ')}\n` : ''}`;
}

function annex(name: string, label: string, data: Array<{ name: string; text: string }>): string {
    return `annex ${name} "${label}" {\n${data.map(d => `  datum ${d.name} interview "${d.text}"\n`).join('')}}\n`;
}

function argdownElement(c: ArgumentClaim): string {
    const ref = (name: string) => name.startsWith('a') ? `<${name}>` : `[${name}]`;
    return `${ref(c.name)}: ${c.text}\n${c.supports.map(s => `  + ${ref(s)}\n`).join('')}${c.opposes.map(o => `  - ${ref(o)}\n`).join('')}`;
}

/** Writes the Warrant workspace and the Argdown document (`argument.argdown`, outside the workspace folder) under `root`. */
export function generateArgument(input: ArgumentSpec, root: string): ArgumentWorkspace {
    const spec = { claims: input.claims, seed: input.seed ?? 20180501, claimsPerFile: input.singleFile ? input.claims : input.claimsPerFile ?? 500 };
    const claimFiles = buildArgument(spec);
    const all = claimFiles.flat();
    const data = all.flatMap(c => c.datum ? [c.datum] : []);

    const texts = new Map<string, string>();
    const header = (what: string) => `// ${what}: the Argdown baseline's argument (bench/argument.ts).\n\n`;
    if (input.singleFile) {
        texts.set('argument.warrant', header('The whole argument') + all.map(warrantClaim).join('\n') + '\n' + annex('leaves', 'The data under the leaves', data));
    } else {
        claimFiles.forEach((claims, f) => texts.set(`claims/part-${String(f + 1).padStart(3, '0')}.warrant`, header(`The argument, part ${f + 1}`) + claims.map(warrantClaim).join('\n')));
        for (let f = 0; f * DATA_PER_FILE < data.length; f++) {
            texts.set(`annex/leaves-${String(f + 1).padStart(3, '0')}.warrant`, header(`Data under the leaves, part ${f + 1}`) + annex(`leaves${f + 1}`, `The data under the leaves, part ${f + 1}`, data.slice(f * DATA_PER_FILE, (f + 1) * DATA_PER_FILE)));
        }
    }
    const workspace = path.join(root, 'warrant');
    const warrantBytes = writeFiles(workspace, texts);
    const argdown = ['===\ntitle: Warrant benchmark (the same argument)\n===\n', ...claimFiles.map((claims, f) => `# Part ${f + 1}\n\n${claims.map(argdownElement).join('\n')}`)].join('\n');
    const argdownFile = path.join(root, 'argument.argdown');
    writeFileSync(argdownFile, argdown);

    const middle = claimFiles[Math.floor(claimFiles.length / 2)]!;
    const probe = middle[Math.floor(middle.length / 2) + (middle[Math.floor(middle.length / 2)]!.datum ? 1 : 0)]!;
    const probeFile = input.singleFile ? 'argument.warrant' : `claims/part-${String(Math.floor(claimFiles.length / 2) + 1).padStart(3, '0')}.warrant`;
    return {
        root: workspace,
        files: [...texts.keys()],
        argdownFile,
        counts: {
            claims: all.length,
            statements: all.filter(c => !c.argument).length,
            arguments: all.filter(c => c.argument).length,
            supports: all.reduce((n, c) => n + c.supports.length, 0),
            attacks: all.reduce((n, c) => n + c.opposes.length, 0),
            data: data.length,
            files: texts.size,
            warrantBytes,
            argdownBytes: Buffer.byteLength(argdown),
            largestFileCharacters: Math.max(...[...texts.values()].map(t => t.length))
        },
        probe: { file: probeFile, before: `claim ${probe.name} "${probe.text}` }
    };
}
