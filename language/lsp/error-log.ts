import type { LangiumSharedServices } from 'langium/lsp';

/** Reports an error an editor feature recovered from (it answered without the failing part). */
export type ErrorLog = (what: string, error: unknown) => void;

/**
 * The server log: the "Warrant" output channel in VS Code, `window/logMessage` elsewhere.
 * Without a connection (the CLI, in-process tests) nothing is logged.
 */
export function serverErrorLog(shared: LangiumSharedServices): ErrorLog {
    return (what, error) => shared.lsp.Connection?.console.error(`${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
}

/** `run()`, or undefined once what it threw is logged: a hover or hint without that part beats none. */
export function recover<T>(run: () => T, log: ErrorLog, what: string): T | undefined {
    try {
        return run();
    } catch (error) {
        log(what, error);
        return undefined;
    }
}
