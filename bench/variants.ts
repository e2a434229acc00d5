/**
 * The baselines the benchmark compares Warrant's build with, on the same generated workspaces.
 *
 * - `default-scoping`: Warrant exactly as the CLI builds it (same loadWorkspace, validators and
 *   analysis) except for scoping: Langium's DefaultScopeComputation (local symbols for every
 *   container, searched as streams for every reference) and DefaultScopeProvider. Annex data and
 *   scheme bands are additionally exported, because Langium's default exports only the
 *   document's top-level elements and they would not resolve from other files; with that,
 *   every reference resolves to the same target as in Warrant and the findings are identical.
 * - `langium-defaults`: the generated module on Langium's default services only: parse, index,
 *   default scoping, link and Langium's built-in validation (parse and linking errors). No
 *   Warrant service at all; annex data in other files and bands do not resolve (counted).
 */
import {
    DefaultScopeComputation, DefaultScopeProvider, URI, inject,
    type AstNodeDescription, type LangiumDocument, type LangiumSharedCoreServices
} from 'langium';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CancellationToken } from 'vscode-languageserver';
import { WarrantGeneratedModule, WarrantGeneratedSharedModule } from '../language/generated/module.js';
import { isAnnex, isDocument, isScheme } from '../language/generated/ast.js';
import { WarrantModule } from '../language/warrant-module.js';

export type Variant = 'warrant' | 'default-scoping' | 'langium-defaults';

/** Langium's default local scopes and scope provider; exports also what Warrant makes global. */
export class ExportingDefaultScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        const exports = await super.collectExportedSymbols(document, cancelToken);
        const root = document.parseResult.value;
        if (isDocument(root)) {
            for (const element of root.elements) {
                const nested = isAnnex(element) ? element.data : isScheme(element) ? element.bands : [];
                for (const node of nested) {
                    if (node.name) {
                        exports.push(this.descriptions.createDescription(node, node.name, document));
                    }
                }
            }
        }
        return exports;
    }
}

/**
 * Makes the next `createWarrantServices` (hence `loadWorkspace`) use Langium's default scoping.
 * Mutates the exported module object: only for a benchmark child process.
 */
export function useDefaultScoping(): void {
    (WarrantModule as { references?: unknown }).references = {
        ScopeComputation: (services: ConstructorParameters<typeof DefaultScopeComputation>[0]) => new ExportingDefaultScopeComputation(services),
        ScopeProvider: (services: ConstructorParameters<typeof DefaultScopeProvider>[0]) => new DefaultScopeProvider(services)
    };
}

/** Parse + link + Langium's built-in validation with no Warrant service; mirrors cli/load-workspace.ts. */
export async function loadWithLangiumDefaults(root: string): Promise<{ shared: LangiumSharedCoreServices; documents: LangiumDocument[] }> {
    const shared = inject(createDefaultSharedModule(NodeFileSystem), WarrantGeneratedSharedModule);
    const language = inject(createDefaultModule({ shared }), WarrantGeneratedModule);
    shared.ServiceRegistry.register(language);
    const documents: LangiumDocument[] = [];
    for (const file of (await findFiles(root)).sort()) {
        const document = shared.workspace.LangiumDocumentFactory.fromString(await fs.readFile(file, 'utf8'), URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { shared, documents };
}

async function findFiles(folder: string): Promise<string[]> {
    const found: string[] = [];
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            found.push(...await findFiles(full));
        } else if (entry.name.endsWith('.warrant')) {
            found.push(full);
        }
    }
    return found;
}

/** Resolved and unresolved cross-references of the built documents. */
export function referenceCounts(documents: LangiumDocument[]): { resolved: number; unresolved: number } {
    let resolved = 0;
    let unresolved = 0;
    for (const document of documents) {
        for (const reference of document.references) {
            const target = 'ref' in reference ? reference.ref : reference.items[0];
            if (reference.error || !target) {
                unresolved++;
            } else {
                resolved++;
            }
        }
    }
    return { resolved, unresolved };
}
