// The build's shortcuts past Langium's generic walks (value conversion, reference walking,
// validation stopping at the root) must not change what a build finds.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AstUtils, EmptyFileSystem, GrammarUtils, OperationCancelled, URI, type AstNode, type LangiumDocument, type ReferenceInfo } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver';
import { createWarrantServices } from '../../language/warrant-module.js';
import { ReferenceWalker, streamReferencingNodes } from '../../language/references/reference-walk.js';
import { findNodeForProperty } from '../../language/validation/property-node.js';
import type { Claim, Document } from '../../language/generated/ast.js';

const CASE_STUDY = path.resolve('examples/lscb-gender-hypothesis');

async function build(files: Record<string, string>): Promise<{ services: ReturnType<typeof createWarrantServices>; documents: LangiumDocument[] }> {
    const services = createWarrantServices(EmptyFileSystem);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = Object.entries(files).map(([name, text]) => {
        const document = factory.fromString(text, URI.parse(`file:///walks/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, documents };
}

function caseStudyFiles(): Record<string, string> {
    return Object.fromEntries(readdirSync(CASE_STUDY).filter(name => name.endsWith('.warrant')).map(name => [name, readFileSync(path.join(CASE_STUDY, name), 'utf8')]));
}

const describeReference = (info: ReferenceInfo) => `${info.container.$type}.${info.property}[${info.index ?? ''}] ${info.reference.$refText}`;

describe('STRING values', () => {
    it('are the text between the quotes, with escapes undone', async () => {
        const { documents } = await build({ 'a.warrant': 'claim plain "no escapes here"\nclaim escaped "a \\"quoted\\" word and a \\\\ backslash"\nclaim empty ""\n' });
        const claims = (documents[0]!.parseResult.value as Document).elements as Claim[];
        assert.deepEqual(claims.map(claim => claim.text), ['no escapes here', 'a "quoted" word and a \\ backslash', '']);
    });
});

describe('the reference walker', () => {
    it('visits exactly the references Langium streams, for the case study', async () => {
        const { services, documents } = await build(caseStudyFiles());
        const walker = new ReferenceWalker(services.shared.AstReflection);
        let total = 0;
        for (const document of documents) {
            const langium = AstUtils.streamAst(document.parseResult.value).flatMap(node => AstUtils.streamReferences(node)).map(describeReference).toArray();
            const walked: ReferenceInfo[] = [];
            await walker.forEach(document, new CancellationTokenSource().token, info => walked.push(info));
            assert.deepEqual(walked.map(describeReference).sort(), [...langium].sort(), document.uri.path);
            total += walked.length;
        }
        assert.ok(total > 50, `the case study has ${total} references`);
    });

    it('visits the nodes the parser listed, which are those Langium finds holding references, in document order', async () => {
        const { services, documents } = await build(caseStudyFiles());
        const walker = new ReferenceWalker(services.shared.AstReflection);
        for (const document of documents) {
            const containers: AstNode[] = [];
            await walker.forEach(document, new CancellationTokenSource().token, info => {
                if (containers[containers.length - 1] !== info.container) {
                    containers.push(info.container);
                }
            });
            assert.deepEqual(containers, streamReferencingNodes(document.parseResult.value), document.uri.path);
        }
    });

    it('stops with OperationCancelled once its token is cancelled', async () => {
        const claims = Array.from({ length: 400 }, (_, i) => `claim c${i} "C" supported by c${i + 1}`).join('\n');
        const { services, documents } = await build({ 'many.warrant': claims });
        const source = new CancellationTokenSource();
        source.cancel();
        let visited = 0;
        await assert.rejects(new ReferenceWalker(services.shared.AstReflection).forEach(documents[0]!, source.token, () => visited++), error => error === OperationCancelled);
        assert.ok(visited < 400, `visited ${visited} references after cancellation`);
    });
});

describe('validation stopping at the root', () => {
    it('still runs checks registered for nested types', async () => {
        const services = createWarrantServices(EmptyFileSystem);
        const checked: string[] = [];
        services.Warrant.validation.ValidationRegistry.register({ Claim: (claim: Claim) => { checked.push(claim.name); } });
        const document = services.shared.workspace.LangiumDocumentFactory.fromString('claim a "A"\nclaim b "B" supported by a\n', URI.parse('file:///walks/nested.warrant'));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        assert.deepEqual(checked, ['a', 'b']);
        assert.ok(document.diagnostics?.some(d => d.code === 'unsupported-claim'), 'the root check ran too');
    });
});

/** Every node's container fields, in a form that compares nodes by their place in the tree. */
function containerLinks(root: AstNode): string[] {
    const places = new Map<AstNode, number>();
    const nodes = AstUtils.streamAst(root).toArray();
    nodes.forEach((node, i) => places.set(node, i));
    return nodes.map((node, i) => `${i} ${node.$type} in ${node.$container ? places.get(node.$container) : '-'}.${node.$containerProperty ?? '-'}[${node.$containerIndex ?? ''}]`);
}

describe('linking the AST to its containers after a parse', () => {
    it('sets the container, property and index Langium sets, for the case study and a broken file', async () => {
        const files = { ...caseStudyFiles(), 'broken.warrant': 'claim a "A" supported by\nannex x { datum d interview "D" datum }\nstat s "S" = 26% cites @k p. 3, @j\nclaim b "B" { supported by a, d warrant "W" }\n' };
        const { documents } = await build(files);
        let nodes = 0;
        for (const document of documents) {
            const root = document.parseResult.value;
            const ours = containerLinks(root);
            for (const node of AstUtils.streamAst(root)) {
                const writable = node as { $container?: AstNode; $containerProperty?: string; $containerIndex?: number };
                delete writable.$container;
                delete writable.$containerProperty;
                delete writable.$containerIndex;
            }
            AstUtils.linkContentToContainer(root, { deep: true });
            assert.deepEqual(ours, containerLinks(root), document.uri.path);
            nodes += ours.length;
        }
        assert.ok(nodes > 300, `the files have ${nodes} nodes`);
    });
});

describe('the node of a finding\'s property', () => {
    it('is the node Langium finds, for every property and index of every node of the case study', async () => {
        const { services, documents } = await build(caseStudyFiles());
        let compared = 0;
        for (const document of documents) {
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                const properties = Object.keys(services.shared.AstReflection.getTypeMetaData(node.$type).properties);
                for (const property of [...properties, 'nothing']) {
                    for (const index of [undefined, -1, 0, 1, 2, 50]) {
                        const expected = GrammarUtils.findNodeForProperty(node.$cstNode, property, index);
                        const found = findNodeForProperty(node.$cstNode, property, index);
                        assert.ok(found === expected, `${node.$type}.${property}[${index}]: ${found?.text} at ${found?.offset}, Langium ${expected?.text} at ${expected?.offset}`);
                        compared += expected ? 1 : 0;
                    }
                }
            }
        }
        assert.ok(compared > 1000, `${compared} nodes found`);
    });
});
