import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { DiagnosticTag, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Finding } from '../analysis/finding.js';
import type { WarrantAstType, Document } from '../generated/ast.js';
import type { Severity } from '../protocol.js';
import type { WarrantServices } from '../warrant-module.js';

/**
 * Publishes the workspace analysis's findings for one document as diagnostics, at the
 * severity the configuration gives each code. All rules live in analysis/rules/ as pure
 * functions; this is only the bridge to Langium's validation.
 */
export class AnalysisValidator {
    constructor(private readonly services: WarrantServices) {}

    checkDocument(document: Document, accept: ValidationAcceptor): void {
        const analysis = this.services.warrant.Analysis.get();
        const findings = analysis.findings.get(document) ?? [];
        const settings = this.services.warrant.Settings;
        for (const finding of findings) {
            const configured = settings.level(finding.code);
            if (configured === 'off') {
                continue;
            }
            const level = finding.severity !== undefined && SEVERITY_RANK[finding.severity] < SEVERITY_RANK[configured] ? finding.severity : configured;
            const textDocument = finding.range && AstUtils.getDocument(document).textDocument;
            accept(level === 'information' ? 'info' : level, finding.message, {
                node: finding.node,
                range: finding.range && textDocument
                    ? { start: textDocument.positionAt(finding.range.offset), end: textDocument.positionAt(finding.range.offset + finding.range.length) }
                    : undefined,
                property: finding.property as never,
                index: finding.index,
                code: finding.code,
                data: { code: finding.code, ...finding.data },
                tags: finding.unnecessary ? [DiagnosticTag.Unnecessary] : undefined,
                relatedInformation: relatedInformation(finding)
            });
        }
        this.services.warrant.Staleness.recordValidated(document, findings);
    }
}

function relatedInformation(finding: Finding): DiagnosticRelatedInformation[] | undefined {
    if (!finding.related?.length) {
        return undefined;
    }
    return finding.related.flatMap(related => {
        const document = AstUtils.getDocument(related.node);
        const range = related.node.$cstNode?.range;
        return range ? [{ location: { uri: document.uri.toString(), range }, message: related.message }] : [];
    });
}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

/** Registers the injected AnalysisValidator's checks (Langium's way: the validator is a service, its checks are registered once). */
export function registerAnalysisValidator(services: WarrantServices): void {
    const validator = services.validation.AnalysisValidator;
    const checks: ValidationChecks<WarrantAstType> = {
        Document: validator.checkDocument.bind(validator)
    };
    services.validation.ValidationRegistry.register(checks, validator);
}
