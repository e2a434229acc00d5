import type { LangiumSharedCoreServices } from 'langium';
import type { IssueCode } from '../analysis/issue-codes.js';
import { parseRules, ruleLevel, type RuleLevel, type WarrantConfig } from '../config/warrant-config.js';
import type { WorkspaceFiles } from './workspace-files.js';

/**
 * The severity of each rule: defaults, overridden by `warrant.config.json`, overridden by the
 * user's editor settings (`warrant.rules`), which are read once per build.
 */
export class RuleSettings {
    private userRules: WarrantConfig['rules'] = {};

    constructor(private readonly shared: LangiumSharedCoreServices, private readonly files: WorkspaceFiles) {}

    level(code: IssueCode): RuleLevel {
        return ruleLevel(code, this.files.config.rules, this.userRules);
    }

    async refresh(): Promise<void> {
        const rules: unknown = await this.shared.workspace.ConfigurationProvider.getConfiguration('warrant', 'rules');
        this.userRules = parseRules(rules, []);
    }
}
