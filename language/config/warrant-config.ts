import { AllIssueCodes, DefaultSeverities, isIssueCode, type IssueCode } from '../analysis/issue-codes.js';
import { RuleLevels } from '../analysis/rule-table.js';
import { LineIndex, type Position } from '../bibliography/line-index.js';
import type { Severity } from '../protocol.js';
import { showHiddenCharacters } from '../safety/characters.js';
import { MAX_GLOB_LENGTH } from './glob.js';
import { locateMember } from './json-locations.js';

export type RuleLevel = Severity | 'off';

/** `warrant.config.json` at the workspace root, read by the language server and the CLI alike. */
export interface WarrantConfig {
    /** Severity per rule code, overriding the defaults. */
    rules: Partial<Record<IssueCode, RuleLevel>>;
    /** Bibliographies loaded for the whole workspace, relative to the config file. */
    bibliography: string[];
    /** Globs (relative to the config file) a folder search takes `.warrant` files from; empty: all. */
    include: string[];
    /** Globs of files and folders a folder search leaves out. */
    exclude: string[];
}

export const CONFIG_FILE_NAME = 'warrant.config.json';

export const EmptyConfig: WarrantConfig = { rules: {}, bibliography: [], include: [], exclude: [] };

const LEVELS: readonly RuleLevel[] = RuleLevels;

interface LspPosition {
    line: number;
    character: number;
}

export interface ConfigProblem {
    message: string;
    /** Where in the file, as an LSP range; absent when the problem has no place of its own. */
    range?: { start: LspPosition; end: LspPosition };
}

/** A problem as the parts of the parser see it: at a member's key or value, or at an offset. */
export interface ProblemAt {
    message: string;
    member?: { path: string[]; part: 'key' | 'value' };
    offset?: number;
}

export interface ConfigParseResult {
    config: WarrantConfig;
    /** Human-readable, located problems; the valid parts of the file still apply. */
    problems: ConfigProblem[];
}

/**
 * Tolerant: unknown codes, bad levels and bad types are reported and skipped, never thrown.
 * Problems quote the file's own text with control and bidi characters made visible, so printing
 * them cannot drive a terminal.
 */
export function parseConfig(text: string): ConfigParseResult {
    const problems: ProblemAt[] = [];
    const config = parseConfigText(text, problems);
    let lines: LineIndex | undefined;
    return {
        config,
        problems: problems.map(problem => {
            const span = locate(text, problem);
            lines ??= new LineIndex(text);
            const range = span && { start: toLsp(lines.position(span[0])), end: toLsp(lines.position(span[1])) };
            return { message: showHiddenCharacters(problem.message), ...(range ? { range } : {}) };
        })
    };
}

function locate(text: string, problem: ProblemAt): [number, number] | undefined {
    if (problem.offset !== undefined) {
        const at = Math.min(problem.offset, text.length);
        return [at, Math.min(at + 1, text.length)];
    }
    const member = problem.member && locateMember(text, problem.member.path);
    return member?.[problem.member!.part];
}

function toLsp(position: Position): LspPosition {
    return { line: position.line, character: position.column };
}

function parseConfigText(text: string, problems: ProblemAt[]): WarrantConfig {
    let raw: unknown;
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    try {
        raw = JSON.parse(text.slice(bom));
    } catch (error) {
        const message = (error as Error).message;
        problems.push({ message: `${CONFIG_FILE_NAME} is not valid JSON: ${message}`, offset: syntaxErrorOffset(text.slice(bom)) + bom });
        return EmptyConfig;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        problems.push({ message: `${CONFIG_FILE_NAME} must contain a JSON object` });
        return EmptyConfig;
    }
    const object = raw as Record<string, unknown>;
    return {
        rules: parseRules(object.rules, problems),
        bibliography: parsePaths('bibliography', object.bibliography, problems),
        include: parseGlobs('include', object.include, problems),
        exclude: parseGlobs('exclude', object.exclude, problems)
    };
}

/**
 * Where JSON.parse gives up. Node 20's V8 names no position for an unexpected token, so this
 * is the shortest prefix that fails for a reason other than ending too early: its last
 * character is the culprit (a few parses, only for a broken file).
 */
function syntaxErrorOffset(text: string): number {
    const failsBeforeEnd = (length: number): boolean => {
        try {
            JSON.parse(text.slice(0, length));
            return false;
        } catch (error) {
            const message = (error as Error).message;
            const position = /at position (\d+)/.exec(message)?.[1];
            return !/end of JSON/.test(message) && (position === undefined || Number(position) < length);
        }
    };
    if (!failsBeforeEnd(text.length)) {
        return text.length;
    }
    let lo = 0;
    let hi = text.length;
    while (lo + 1 < hi) {
        const mid = (lo + hi) >>> 1;
        if (failsBeforeEnd(mid)) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    return hi - 1;
}

export function parseRules(value: unknown, problems: ProblemAt[]): WarrantConfig['rules'] {
    const rules: WarrantConfig['rules'] = {};
    if (value === undefined || value === null) {
        return rules;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push({ message: '"rules" must be an object mapping rule codes to off|hint|information|warning|error', member: { path: ['rules'], part: 'value' } });
        return rules;
    }
    for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
        if (!isIssueCode(code)) {
            problems.push({ message: `unknown rule code "${code}" (known: ${AllIssueCodes.join(', ')})`, member: { path: ['rules', code], part: 'key' } });
        } else if (typeof level !== 'string' || !LEVELS.includes(level as RuleLevel)) {
            problems.push({ message: `rule "${code}": level must be one of ${LEVELS.join(', ')}`, member: { path: ['rules', code], part: 'value' } });
        } else {
            rules[code] = level as RuleLevel;
        }
    }
    return rules;
}

function parsePaths(key: string, value: unknown, problems: ProblemAt[]): string[] {
    if (value === undefined || value === null) {
        return [];
    }
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.some(item => typeof item !== 'string')) {
        problems.push({ message: `"${key}" must be a ${key === 'bibliography' ? 'path' : 'glob'} or a list of them`, member: { path: [key], part: 'value' } });
        return [];
    }
    return list as string[];
}

function parseGlobs(key: 'include' | 'exclude', value: unknown, problems: ProblemAt[]): string[] {
    return parsePaths(key, value, problems).filter(glob => {
        if (glob.length > MAX_GLOB_LENGTH) {
            problems.push({ message: `"${key}": a pattern longer than ${MAX_GLOB_LENGTH} characters is ignored`, member: { path: [key], part: 'value' } });
            return false;
        }
        return glob.trim() !== '';
    });
}

/** Later layers win: defaults, then the config file, then user settings. */
export function ruleLevel(code: IssueCode, ...layers: Array<WarrantConfig['rules'] | undefined>): RuleLevel {
    let level: RuleLevel = DefaultSeverities[code];
    for (const layer of layers) {
        level = layer?.[code] ?? level;
    }
    return level;
}
