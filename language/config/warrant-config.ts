import { AllIssueCodes, DefaultSeverities, isIssueCode, type IssueCode, type Severity } from '../analysis/issue-codes.js';
import { showHiddenCharacters } from '../safety/characters.js';
import { MAX_GLOB_LENGTH } from './glob.js';

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

const LEVELS: readonly RuleLevel[] = ['off', 'hint', 'information', 'warning', 'error'];

export interface ConfigParseResult {
    config: WarrantConfig;
    /** Human-readable problems; the valid parts of the file still apply. */
    problems: string[];
}

/**
 * Tolerant: unknown codes, bad levels and bad types are reported and skipped, never thrown.
 * Problems quote the file's own text with control and bidi characters made visible, so printing
 * them cannot drive a terminal.
 */
export function parseConfig(text: string): ConfigParseResult {
    const problems: string[] = [];
    const config = parseConfigText(text, problems);
    return { config, problems: problems.map(problem => showHiddenCharacters(problem)) };
}

function parseConfigText(text: string, problems: string[]): WarrantConfig {
    let raw: unknown;
    try {
        raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
        problems.push(`${CONFIG_FILE_NAME} is not valid JSON: ${(error as Error).message}`);
        return EmptyConfig;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        problems.push(`${CONFIG_FILE_NAME} must contain a JSON object`);
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

export function parseRules(value: unknown, problems: string[]): WarrantConfig['rules'] {
    const rules: WarrantConfig['rules'] = {};
    if (value === undefined || value === null) {
        return rules;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push('"rules" must be an object mapping rule codes to off|hint|information|warning|error');
        return rules;
    }
    for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
        if (!isIssueCode(code)) {
            problems.push(`unknown rule code "${code}" (known: ${AllIssueCodes.join(', ')})`);
        } else if (typeof level !== 'string' || !LEVELS.includes(level as RuleLevel)) {
            problems.push(`rule "${code}": level must be one of ${LEVELS.join(', ')}`);
        } else {
            rules[code] = level as RuleLevel;
        }
    }
    return rules;
}

function parsePaths(key: string, value: unknown, problems: string[]): string[] {
    if (value === undefined || value === null) {
        return [];
    }
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.some(item => typeof item !== 'string')) {
        problems.push(`"${key}" must be a ${key === 'bibliography' ? 'path' : 'glob'} or a list of them`);
        return [];
    }
    return list as string[];
}

function parseGlobs(key: 'include' | 'exclude', value: unknown, problems: string[]): string[] {
    return parsePaths(key, value, problems).filter(glob => {
        if (glob.length > MAX_GLOB_LENGTH) {
            problems.push(`"${key}": a pattern longer than ${MAX_GLOB_LENGTH} characters is ignored`);
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
