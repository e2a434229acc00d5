/**
 * Which `.warrant` files and Markdown manuscripts a folder search takes — `warrant check FOLDER` and the language
 * server's workspace indexing alike, so both check the same files:
 *
 * - never `node_modules`, `out` or a file or folder whose name starts with a dot;
 * - not what the `.gitignore` files from the root down to the file ignore (the common subset:
 *   blank lines and `#` comments, `!` re-including, a trailing `/` for folders only, a `/` at
 *   the start or in the middle anchoring the pattern to the `.gitignore`'s folder, `*`, `?`,
 *   `[…]` and `**`; not `.git/info/exclude` or a global excludes file);
 * - not what `exclude` in the root's `warrant.config.json` matches (the file, or a folder above it);
 * - and, when `include` is given, only what it matches (the file, or a folder above it).
 *
 * Symbolic links are never followed. Patterns are relative to the root, the folder that holds
 * `warrant.config.json`: the workspace folder, or the folder `warrant check` was given.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, isInside } from '../safety/path-containment.js';
import { readContainedText } from '../workspace/safe-read.js';
import { isManuscriptPath } from '../manuscript/manuscript.js';
import { Glob, MAX_GLOB_LENGTH } from './glob.js';
import { CONFIG_FILE_NAME, parseConfig } from './warrant-config.js';

const ALWAYS_SKIPPED = new Set(['node_modules', 'out']);
export const WARRANT_EXTENSION = '.warrant';
/**
 * A `.gitignore` is a short list (GitHub's templates have a few hundred lines). A larger file is
 * not read, and rules past the first thousand are not used: each file found is tested against
 * every rule above it, so a hostile `.gitignore` must not make a search quadratic.
 */
const MAX_GITIGNORE_BYTES = 256 * 1024;
const MAX_GITIGNORE_RULES = 1000;

interface IgnoreRule {
    glob: Glob;
    /** The folder of the `.gitignore` the rule comes from. */
    base: string;
    negated: boolean;
    foldersOnly: boolean;
}

/**
 * The `.warrant` files under `folder` (absolute paths, sorted), selected as described above with
 * the config and `.gitignore` files of `root` (a folder that contains `folder`, or `folder` itself).
 */
export async function selectWarrantFiles(folder: string, root: string = folder): Promise<string[]> {
    const start = path.resolve(folder);
    const base = isInside(start, path.resolve(root)) ? path.resolve(root) : start;
    const { include, exclude } = await readSelection(base);
    const excluded = (relative: string) => exclude.some(glob => glob.matches(relative));
    const included = (relative: string) => include.length === 0 || include.some(glob => glob.matches(relative));
    const excludedHere = (relative: string) => excluded(relative) || foldersOf(relative).some(excluded);
    const includedHere = (relative: string) => included(relative) || foldersOf(relative).some(included);
    // The .gitignore files from the root down to the start folder apply, and the start folder
    // itself may be ignored or excluded.
    let rules: IgnoreRule[] = [];
    for (const folderOnTheWay of foldersFrom(base, start)) {
        if (folderOnTheWay !== base && (ignored(rules, folderOnTheWay, true) || excludedHere(relativeTo(base, folderOnTheWay)))) {
            return [];
        }
        rules = [...rules, ...(await readGitignore(folderOnTheWay))];
    }
    const found: string[] = [];
    const pending: Array<{ folder: string; rules: IgnoreRule[] }> = [{ folder: start, rules }];
    while (pending.length > 0) {
        const current = pending.pop()!;
        let entries;
        try {
            entries = await fs.readdir(current.folder, { withFileTypes: true });
        } catch {
            continue;
        }
        for (const entry of entries) {
            if (entry.name.startsWith('.') || ALWAYS_SKIPPED.has(entry.name)) {
                continue;
            }
            const file = path.join(current.folder, entry.name);
            const relative = relativeTo(base, file);
            if (entry.isDirectory()) {
                if (!ignored(current.rules, file, true) && !excluded(relative)) {
                    pending.push({ folder: file, rules: [...current.rules, ...(await readGitignore(file))] });
                }
            } else if (entry.isFile() && isWorkspaceFile(entry.name)) {
                if (!ignored(current.rules, file, false) && !excludedHere(relative) && includedHere(relative)) {
                    found.push(file);
                }
            }
        }
    }
    return found.sort();
}

/** A `.warrant` file or a Markdown manuscript (`.md`, `.qmd`, `.markdown`), whose `warrant` fences are read. */
export function isWorkspaceFile(name: string): boolean {
    return name.endsWith(WARRANT_EXTENSION) || isManuscriptPath(name);
}

async function readSelection(root: string): Promise<{ include: Glob[]; exclude: Glob[] }> {
    const read = await readContainedText(path.join(root, CONFIG_FILE_NAME), CONFIG_FILE_NAME, root, DEFAULT_MAX_FILE_BYTES);
    // A missing or broken config selects everything; its problems are reported where it is loaded for the rules.
    const { config } = read.ok ? parseConfig(read.text) : { config: { include: [], exclude: [] } };
    return { include: config.include.map(glob => new Glob(glob)), exclude: config.exclude.map(glob => new Glob(glob)) };
}

async function readGitignore(folder: string): Promise<IgnoreRule[]> {
    const read = await readContainedText(path.join(folder, '.gitignore'), '.gitignore', folder, MAX_GITIGNORE_BYTES);
    if (!read.ok) {
        return [];
    }
    const rules: IgnoreRule[] = [];
    for (const raw of read.text.split(/\r?\n/)) {
        if (rules.length === MAX_GITIGNORE_RULES) {
            break;
        }
        if (raw.length > MAX_GLOB_LENGTH) {
            continue;
        }
        // Trailing spaces are not part of a pattern unless escaped (`\ ` keeps one).
        let line = raw.trimEnd();
        if (line.endsWith('\\') && line.length < raw.length) {
            line += raw[line.length];
        }
        if (line === '' || line.startsWith('#')) {
            continue;
        }
        const negated = line.startsWith('!');
        line = negated ? line.slice(1) : line.replace(/^\\([!#])/, '$1');
        const foldersOnly = line.endsWith('/');
        line = line.replace(/\/+$/, '');
        if (line === '') {
            continue;
        }
        // Without a slash (but a trailing one) a pattern matches a name at any depth.
        const anchored = line.includes('/');
        rules.push({ glob: new Glob(anchored ? line : `**/${line}`), base: folder, negated, foldersOnly });
    }
    return rules;
}

/** Git's rule: the last matching pattern decides; a file in an ignored folder is never reached. */
function ignored(rules: IgnoreRule[], file: string, isFolder: boolean): boolean {
    let result = false;
    for (const rule of rules) {
        if ((!rule.foldersOnly || isFolder) && rule.glob.matches(relativeTo(rule.base, file))) {
            result = !rule.negated;
        }
    }
    return result;
}

/** `a/b/c.warrant` → `a`, `a/b`. */
function foldersOf(relative: string): string[] {
    const parts = relative.split('/');
    return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** `root`, each folder below it on the way to `folder`, and `folder`. */
function foldersFrom(root: string, folder: string): string[] {
    const parts = path.relative(root, folder).split(path.sep).filter(Boolean);
    return [root, ...parts.map((_, i) => path.join(root, ...parts.slice(0, i + 1)))];
}

/** The `/`-separated path of `file` relative to `folder`, as patterns are written. */
function relativeTo(folder: string, file: string): string {
    return path.relative(folder, file).split(path.sep).join('/');
}
