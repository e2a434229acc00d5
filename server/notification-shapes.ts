import { URI } from 'langium';

/**
 * What is wrong with the params of a notification the server acts on, or undefined when they
 * have the shape LSP prescribes. Langium and vscode-languageserver trust the client: a
 * `didOpen` whose text was `null` or a number reached the tokenizer and ended the process.
 */
export function malformation(method: string, params: unknown): string | undefined {
    const check = shapes[method];
    return check ? check(params) : undefined;
}

type Check = (value: unknown) => string | undefined;

const shapes: Record<string, Check> = {
    'textDocument/didOpen': params => field(params, 'textDocument', item => first(
        field(item, 'uri', uri),
        field(item, 'languageId', string),
        field(item, 'version', integer),
        field(item, 'text', string)
    )),
    'textDocument/didChange': params => first(
        field(params, 'textDocument', identifier => first(field(identifier, 'uri', uri), field(identifier, 'version', integer))),
        field(params, 'contentChanges', list(change => first(
            field(change, 'text', string),
            optionalField(change, 'range', range),
            optionalField(change, 'rangeLength', integer)
        )))
    ),
    'textDocument/didClose': params => field(params, 'textDocument', identifier => field(identifier, 'uri', uri)),
    'textDocument/didSave': params => first(
        field(params, 'textDocument', identifier => field(identifier, 'uri', uri)),
        optionalField(params, 'text', string)
    ),
    'textDocument/willSave': params => first(
        field(params, 'textDocument', identifier => field(identifier, 'uri', uri)),
        field(params, 'reason', integer)
    ),
    'workspace/didChangeWatchedFiles': params => field(params, 'changes', list(change => first(
        field(change, 'uri', uri),
        field(change, 'type', value => value === 1 || value === 2 || value === 3 ? undefined : 'is not 1, 2 or 3')
    ))),
    'workspace/didChangeConfiguration': params => isObject(params) ? undefined : 'the params are not an object',
    'workspace/didChangeWorkspaceFolders': params => field(params, 'event', event => first(
        field(event, 'added', list(folder => field(folder, 'uri', uri))),
        field(event, 'removed', list(folder => field(folder, 'uri', uri)))
    ))
};

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function first(...problems: Array<string | undefined>): string | undefined {
    return problems.find(problem => problem !== undefined);
}

function field(value: unknown, name: string, check: Check): string | undefined {
    if (!isObject(value)) {
        return `expected an object with \`${name}\``;
    }
    const problem = check(value[name]);
    return problem === undefined ? undefined : `\`${name}\` ${problem}`;
}

function optionalField(value: unknown, name: string, check: Check): string | undefined {
    return isObject(value) && value[name] === undefined ? undefined : field(value, name, check);
}

function list(check: Check): Check {
    return value => {
        if (!Array.isArray(value)) {
            return 'is not a list';
        }
        const index = value.findIndex(item => check(item) !== undefined);
        return index < 0 ? undefined : `[${index}]: ${check(value[index])}`;
    };
}

function string(value: unknown): string | undefined {
    return typeof value === 'string' ? undefined : 'is not a string';
}

function integer(value: unknown): string | undefined {
    return Number.isSafeInteger(value) ? undefined : 'is not an integer';
}

function uri(value: unknown): string | undefined {
    if (typeof value !== 'string') {
        return 'is not a string';
    }
    try {
        URI.parse(value);
        return undefined;
    } catch {
        return 'is not a URI';
    }
}

function position(value: unknown): string | undefined {
    return first(field(value, 'line', natural), field(value, 'character', natural));
}

function range(value: unknown): string | undefined {
    return first(field(value, 'start', position), field(value, 'end', position));
}

function natural(value: unknown): string | undefined {
    return Number.isSafeInteger(value) && (value as number) >= 0 ? undefined : 'is not a natural number';
}
