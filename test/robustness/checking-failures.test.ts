import assert from 'node:assert/strict';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { WarrantAstType } from '../../language/generated/ast.js';
import { createWarrantServices, type WarrantServices } from '../../language/warrant-module.js';

const GOOD = 'claim good "Rests on nothing declared" supported by missing\n';
const BAD = 'claim bad "FAIL HERE" supported by missing\n';

const codes = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).map(d => d.code);

/**
 * A failure inside the checker (a bug, or input no one foresaw) while one file is parsed,
 * built or validated: that file gets an `internal-error`, never passes for a clean file, and
 * every other file is still checked. The failures are injected into the services the CLI and
 * the server share; nothing else about them is replaced.
 */
describe('a failure while checking one file', function () {
    let services: WarrantServices;
    let logged: unknown[][];
    const original = console.error;

    beforeEach(() => {
        services = createWarrantServices(EmptyFileSystem).Warrant;
        logged = [];
        console.error = (...args: unknown[]) => logged.push(args);
    });

    afterEach(() => {
        console.error = original;
    });

    async function build(texts: Record<string, string>): Promise<Record<string, LangiumDocument>> {
        const shared = services.shared.workspace;
        const documents = Object.entries(texts).map(([name, text]) => shared.LangiumDocumentFactory.fromString(text, URI.parse(`file:///failures/${name}`)));
        documents.forEach(document => shared.LangiumDocuments.addDocument(document));
        await shared.DocumentBuilder.build(documents, { validation: true });
        return Object.fromEntries(documents.map(document => [document.uri.path.split('/').pop()!, document]));
    }

    function assertReported(document: LangiumDocument, reason: RegExp): Diagnostic {
        const failure = document.diagnostics?.find(d => d.code === 'internal-error');
        assert.ok(failure, `an internal-error on ${document.uri.path}: ${JSON.stringify(codes(document.diagnostics))}`);
        assert.equal(failure.severity, 1);
        assert.match(String(failure.message), reason);
        assert.ok(logged.length > 0, 'and the failure is logged for a bug report');
        return failure;
    }

    it('the parser throws: the file is checked as empty, with the error; the next parse works', async () => {
        // Where both parsers' value conversions end up (the fast parser does not go through `convert`).
        const converter = services.parser.ValueConverter as unknown as { runConverter(rule: unknown, input: string, node: unknown): unknown };
        const run = converter.runConverter.bind(converter);
        converter.runConverter = (rule, input, node) => {
            if (input.includes('FAIL HERE')) {
                throw new RangeError('Maximum call stack size exceeded');
            }
            return run(rule, input, node);
        };
        const { 'bad.warrant': bad, 'good.warrant': good } = await build({ 'bad.warrant': BAD, 'good.warrant': GOOD });
        assertReported(bad, /could not read this file \(Maximum call stack size exceeded\)/);
        assert.deepEqual(bad.parseResult.value.$type, 'Document');
        assert.deepEqual(codes(good.diagnostics).sort(), ['unknown-reference', 'unsupported-claim']);
        assert.deepEqual(good.parseResult.parserErrors, [], 'the parser failed mid-rule and recovered for the next file');
    });

    it('a build phase throws (indexing its names): the file gets the error, the others are built and checked', async () => {
        const computation = services.references.ScopeComputation;
        const collect = computation.collectExportedSymbols.bind(computation);
        computation.collectExportedSymbols = (document, token) => {
            if (document.uri.path.endsWith('bad.warrant')) {
                throw new TypeError('cannot read properties of undefined');
            }
            return collect(document, token);
        };
        const { 'bad.warrant': bad, 'good.warrant': good } = await build({ 'bad.warrant': BAD, 'good.warrant': GOOD });
        assertReported(bad, /cannot read properties of undefined/);
        assert.ok(codes(bad.diagnostics).includes('unknown-reference'), 'its other findings are still reported');
        assert.deepEqual(codes(good.diagnostics).sort(), ['unknown-reference', 'unsupported-claim']);
    });

    it('a check throws: an internal-error where it failed, next to the other findings', async () => {
        services.validation.ValidationRegistry.register<WarrantAstType>({
            Claim: node => {
                if (node.name === 'bad') {
                    throw new Error('unexpected shape');
                }
            }
        });
        const { 'bad.warrant': bad, 'good.warrant': good } = await build({ 'bad.warrant': BAD, 'good.warrant': GOOD });
        const failure = assertReported(bad, /unexpected shape/);
        assert.equal(failure.range.start.line, 0);
        assert.ok(codes(bad.diagnostics).includes('unknown-reference'));
        assert.deepEqual(codes(good.diagnostics).sort(), ['unknown-reference', 'unsupported-claim']);
    });

    it('validation itself fails: the file is not clean, and keeps the findings made before the failure', async () => {
        const validator = services.validation.DocumentValidator as unknown as { validateAst: () => Promise<Diagnostic[]> };
        validator.validateAst = () => Promise.reject(new RangeError('Maximum call stack size exceeded'));
        const { 'bad.warrant': bad } = await build({ 'bad.warrant': BAD });
        assertReported(bad, /could not finish checking this file \(Maximum call stack size exceeded\); the results may be incomplete/);
        assert.ok(codes(bad.diagnostics).includes('unknown-reference'));
    });
});
