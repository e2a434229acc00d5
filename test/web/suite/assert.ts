// The few assertions the web suite needs (Node's `assert` is not there in a Web Worker).
export class AssertionError extends Error {
    override readonly name = 'AssertionError';
}

export function ok(value: unknown, message: string): asserts value {
    if (!value) throw new AssertionError(message);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
    if (!Object.is(actual, expected)) {
        throw new AssertionError(`${message ? `${message}: ` : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
}
