import { DefaultDocumentValidator, DocumentValidator, interruptAndCheck, isOperationCancelled, type AstNode, type DiagnosticInfo, type LangiumDocument, type LinkingErrorData, type ParseResult, type ValidationOptions, type ValidationSeverity } from 'langium';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { KeyMatcher, nearestKeys } from '../bibliography/nearest-keys.js';
import { CheckingCodes, IssueCodes } from '../analysis/issue-codes.js';
import { checkingNoticeCode, failureReason } from '../parser/checking-notices.js';
import type { WarrantServices } from '../warrant-module.js';
import { showHiddenCharacters } from '../safety/characters.js';
import { findNodeForProperty } from './property-node.js';

const EXPECTED: Record<string, string> = {
    Supporter: 'claim, datum, stat or pattern',
    Claim: 'claim',
    Datum: 'datum',
    Stat: 'stat',
    Scheme: 'scheme',
    Respondent: 'respondent or subject',
    Band: 'band'
};

/** Beyond this, a file's diagnostics are summarised: editors and CI logs stay usable on garbage input. */
export const MAX_DIAGNOSTICS_PER_FILE = 500;

/** Notices that the checking itself was cut short: never among the diagnostics left out. */
const KEPT_CODES = new Set<unknown>([CheckingCodes.InternalError, CheckingCodes.TooManySyntaxErrors]);

/** 0 for the notices always kept, then by severity. */
function rank(diagnostic: Diagnostic): number {
    return KEPT_CODES.has(diagnostic.code) ? 0 : diagnostic.severity ?? 1;
}

/** Keeps the most severe (then earliest) diagnostics and says how many were left out. */
export function capDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
    if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) {
        return diagnostics;
    }
    const kept = [...diagnostics]
        .sort((a, b) => rank(a) - rank(b) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
        .slice(0, MAX_DIAGNOSTICS_PER_FILE - 1);
    const last = kept[kept.length - 1];
    kept.push({
        severity: 3,
        range: { start: last.range.start, end: last.range.start },
        code: CheckingCodes.TooManyProblems,
        message: `${diagnostics.length - kept.length} more problems in this file are not shown (limit ${MAX_DIAGNOSTICS_PER_FILE}). Fix the ones above first.`,
        source: 'warrant'
    });
    return kept;
}

/** A failure while checking a file, reported on the file (at its start) instead of passing for a clean result. */
function internalError(error: unknown): Diagnostic {
    return {
        severity: 1,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        code: CheckingCodes.InternalError,
        message: `Warrant could not finish checking this file (${failureReason(error)}); the results may be incomplete. Please report this, with the file if you can.`,
        source: 'warrant'
    };
}

/**
 * Gives every diagnostic a visible code: parse errors keep Langium's `lexing-error` /
 * `parsing-error`, and unresolved names become `unknown-reference` with a message that says
 * what kind of element was expected and suggests the nearest declared names.
 */
export class WarrantDocumentValidator extends DefaultDocumentValidator {
    private readonly services: WarrantServices;

    constructor(services: WarrantServices) {
        super(services);
        this.services = services;
    }

    /**
     * Langium visits every AST node of a document, awaiting between nodes, to run the checks
     * registered for its type. All of Warrant's checks are registered on the root (the rules
     * run once over the workspace analysis), so when no check targets any other type the walk
     * stops at the root: a tenth of a keystroke's work in a 2,000-claim workspace.
     */
    protected override validateSingleNodeOptions(node: AstNode, options: ValidationOptions): { validateNode: boolean; validateChildren: boolean } {
        const result = super.validateSingleNodeOptions(node, options);
        if (node.$container === undefined && !this.childTypesHaveChecks(node.$type, options)) {
            return { validateNode: result.validateNode, validateChildren: false };
        }
        return result;
    }

    /** Per root type and categories; checks are registered when the services are created. */
    private readonly childChecks = new Map<string, boolean>();

    private get builder() {
        return this.services.shared.workspace.DocumentBuilder;
    }

    private childTypesHaveChecks(rootType: string, options: ValidationOptions): boolean {
        const key = `${rootType} ${options.categories?.join(',') ?? '*'}`;
        let found = this.childChecks.get(key);
        if (found === undefined) {
            const registry = this.services.validation.ValidationRegistry;
            found = this.services.shared.AstReflection.getAllTypes()
                .some(type => type !== rootType && !registry.getChecks(type, options.categories).isEmpty());
            this.childChecks.set(key, found);
        }
        return found;
    }

    /**
     * Langium's, except for two things. A check that fails (a bug, or input no one foresaw) is
     * no longer only logged, which left the file looking clean: the file gets an
     * `internal-error` and whatever the other checks found. And the checks' findings are added
     * one by one: Langium passes them as spread arguments, which overflowed the call stack
     * beyond about 120,000 (one finding per claim in a 130,000-claim file).
     */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        const diagnostics = this.builder.failuresOf(document).map(internalError);
        try {
            await this.collectDiagnostics(document, options, diagnostics, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            console.error(`warrant: checking ${document.uri.toString()} failed:`, error);
            diagnostics.push(internalError(error));
        }
        for (const diagnostic of diagnostics) {
            const data = diagnostic.data as { code?: string } | undefined;
            if (diagnostic.code === undefined && data?.code) {
                diagnostic.code = data.code;
            } else if (diagnostic.code === undefined) {
                // Every finding and built-in error has a code: this is Langium's report of a check that threw.
                Object.assign(diagnostic, internalError(diagnostic.message), { range: diagnostic.range });
            }
            if (typeof diagnostic.message === 'string') {
                diagnostic.message = showHiddenCharacters(diagnostic.message);
            }
        }
        return capDiagnostics(diagnostics);
    }

    private async collectDiagnostics(document: LangiumDocument, options: ValidationOptions, diagnostics: Diagnostic[], cancelToken: CancellationToken): Promise<void> {
        const parseResult = document.parseResult;
        const hasError = (code: string) => diagnostics.some(d => (d.data as { code?: string } | undefined)?.code === code);
        await interruptAndCheck(cancelToken);
        if (!options.categories || options.categories.includes('built-in')) {
            this.processLexingErrors(parseResult, diagnostics, options);
            if (options.stopAfterLexingErrors && hasError(DocumentValidator.LexingError)) {
                return;
            }
            this.processParsingErrors(parseResult, diagnostics, options);
            if (options.stopAfterParsingErrors && hasError(DocumentValidator.ParsingError)) {
                return;
            }
            this.processLinkingErrors(document, diagnostics, options);
            if (options.stopAfterLinkingErrors && hasError(DocumentValidator.LinkingError)) {
                return;
            }
        }
        for (const diagnostic of await this.validateAst(parseResult.value, options, cancelToken)) {
            diagnostics.push(diagnostic);
        }
        await interruptAndCheck(cancelToken);
    }

    /** Langium's, with the node of a finding's property found the faster way (see property-node.ts). */
    protected override toDiagnostic<N extends AstNode>(severity: ValidationSeverity, message: string, info: DiagnosticInfo<N, string>): Diagnostic {
        if (!info.range && typeof info.property === 'string') {
            // Set on the check's own object (a new one per finding), not a copy: one per finding of a large workspace.
            info.range = (findNodeForProperty(info.node.$cstNode, info.property, info.index) ?? info.node.$cstNode)?.range;
        }
        return super.toDiagnostic(severity, message, info);
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        this.withCheckingNotices(parseResult, 'lexerErrors', diagnostics, (result, into) => super.processLexingErrors(result, into, options));
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        this.withCheckingNotices(parseResult, 'parserErrors', diagnostics, (result, into) => super.processParsingErrors(result, into, options));
    }

    /** Langium's diagnostics for the syntax errors, with the notices about the checking under their own codes (see checking-notices.ts). */
    private withCheckingNotices(parseResult: ParseResult, errors: 'lexerErrors' | 'parserErrors', diagnostics: Diagnostic[], process: (result: ParseResult, into: Diagnostic[]) => void): void {
        const all: Array<ParseResult[typeof errors][number]> = parseResult[errors];
        const notices = all.filter(error => checkingNoticeCode(error) !== undefined);
        if (notices.length === 0) {
            process(parseResult, diagnostics);
            return;
        }
        process({ ...parseResult, [errors]: all.filter(error => checkingNoticeCode(error) === undefined) }, diagnostics);
        for (const notice of notices) {
            const located: Diagnostic[] = [];
            process({ ...parseResult, lexerErrors: [], parserErrors: [], lexerReport: undefined, [errors]: [notice] }, located);
            for (const diagnostic of located) {
                diagnostic.code = checkingNoticeCode(notice);
                diagnostics.push(diagnostic);
            }
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        // Robustness: one matcher per expected type and build, not one per unresolved name
        // (5,000 unknown names among 5,000 declared ones took 20 s, quadratic); and no
        // suggestions beyond what the per-file cap can show.
        let suggested = 0;
        for (const reference of document.references) {
            const error = reference.error;
            // Only for an error: a range asked of a CST node is kept on it (three objects).
            const range = error && reference.$refNode?.range;
            if (!error || !range) {
                continue;
            }
            const name = error.info.reference.$refText;
            const type = this.services.shared.AstReflection.getReferenceType(error.info);
            let suggestions: string[] = [];
            if (suggested++ < MAX_DIAGNOSTICS_PER_FILE) {
                if (type === 'Band') {
                    suggestions = nearestKeys(name, this.bandNames(error.info.container));
                } else {
                    suggestions = this.nameMatcher(type).nearest(name);
                }
            }
            const expected = EXPECTED[type] ?? type.toLowerCase();
            const where = type === 'Band' ? 'among the bands of the scheme named after `by`' : 'in the workspace';
            const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map(s => `\`${s}\``).join(', ')}?` : '';
            const data: LinkingErrorData & { suggestions: string[] } = {
                code: DocumentValidator.LinkingError,
                containerType: error.info.container.$type,
                property: error.info.property,
                refText: name,
                suggestions
            };
            diagnostics.push({
                severity: 1,
                range,
                code: IssueCodes.UnknownReference,
                message: `Unknown ${expected} \`${name}\`: none is declared ${where}.${hint}`,
                source: this.getSource(),
                data
            });
        }
    }

    /**
     * The declared names of a type, as a matcher shared by every document validated in one
     * build (the index does not change within a build), so its memo serves them all.
     */
    private nameMatchers: { generation: number; byType: Map<string, KeyMatcher> } | undefined;

    private nameMatcher(type: string): KeyMatcher {
        const generation = this.builder.buildGeneration;
        if (this.nameMatchers?.generation !== generation) {
            this.nameMatchers = { generation, byType: new Map() };
        }
        let matcher = this.nameMatchers.byType.get(type);
        if (!matcher) {
            matcher = new KeyMatcher(this.services.shared.workspace.IndexManager.allElements(type).map(description => description.name));
            this.nameMatchers.byType.set(type, matcher);
        }
        return matcher;
    }

    private bandNames(container: unknown): string[] {
        const scheme = (container as { scheme?: { ref?: { bands: Array<{ name: string }> } } }).scheme?.ref;
        return scheme?.bands.map(band => band.name) ?? [];
    }
}
