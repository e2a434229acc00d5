import type { Connection } from 'vscode-languageserver';

/**
 * Langium keys documents by a normalised URI, and `URI.toString()` percent-encodes characters
 * such as `=`, `(`, `&` and `!` that the client may have sent literally: diagnostics published
 * under the normalised string landed on a document the client did not have open. Each document
 * the client opened is published under the exact string it used (`clientUris`, filled from
 * `didOpen`, normalised URI → client URI).
 */
export function publishUnderClientUris(connection: Connection, clientUris: ReadonlyMap<string, string>): void {
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => send({ ...params, uri: clientUris.get(params.uri) ?? params.uri });
}
