import { isOperationCancelled } from 'langium';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { ResponseError as LangiumResponseError } from 'vscode-languageserver-protocol';
import { failureReason } from '../language/parser/checking-notices.js';

/**
 * Langium answers a request that cannot be served (no document yet, cancelled) with a
 * ResponseError of its own copy of vscode-jsonrpc, but the connection comes from
 * vscode-languageserver's copy, which sends an error only for instances of *its* class: the
 * rest went out as a result (`{"result":{"code":-32802}}`) that clients took for an answer.
 * Langium's class is made a subclass of the connection's, so both are sent as errors.
 */
export function answerLangiumErrorsAsErrors(): void {
    if (LangiumResponseError !== ResponseError && !(LangiumResponseError.prototype instanceof ResponseError)) {
        Object.setPrototypeOf(LangiumResponseError.prototype, ResponseError.prototype);
    }
}

/**
 * The error response for what a handler of our own threw: a cancellation (Langium throws a
 * symbol, which the connection would answer as an internal error) is a cancellation.
 */
export function asResponseError(error: unknown): ResponseError<unknown> {
    if (isOperationCancelled(error)) {
        return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
    }
    if (error instanceof ResponseError) {
        return error;
    }
    return new ResponseError(ErrorCodes.InternalError, failureReason(error));
}
