import { DocumentState, URI } from 'langium';
import type { CancellationToken, Connection, ResponseError } from 'vscode-languageserver';
import { buildGraphModel } from '../language/analysis/graph-model-builder.js';
import { GraphRequest, type GraphParams } from '../language/protocol.js';
import type { GraphModel } from '../language/graph/graph-model.js';
import type { WarrantServices } from '../language/warrant-module.js';
import { asResponseError } from './response-errors.js';

/** Answers `warrant/graph` once the workspace (or the requested document) is validated. */
export function registerGraphRequest(connection: Connection, services: WarrantServices): void {
    const builder = services.shared.workspace.DocumentBuilder;
    // By method name: the server's vscode-languageserver carries its own copy of the protocol classes.
    connection.onRequest(GraphRequest.method, async (params: GraphParams, cancelToken: CancellationToken): Promise<GraphModel | ResponseError<unknown>> => {
        try {
            // Langium's form of the URI: a client may have written `=` or `(` where Langium writes `%3D`, `%28`.
            const uri = params.uri ? URI.parse(params.uri) : undefined;
            if (uri) {
                await builder.waitUntil(DocumentState.Validated, uri, cancelToken);
            } else {
                await builder.waitUntil(DocumentState.Validated, cancelToken);
            }
            return await services.shared.workspace.WorkspaceLock.read(() => buildGraphModel(services.warrant.Analysis.get(), uri?.toString()));
        } catch (error) {
            return asResponseError(error);
        }
    });
}
