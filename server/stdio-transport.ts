import { format } from 'node:util';
import { StreamMessageReader, StreamMessageWriter, type Connection, type DataCallback, type Disposable, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import { failureReason } from '../language/parser/checking-notices.js';

/**
 * The `--stdio` transport, built here rather than by vscode-languageserver so that the server
 * sees what the reader cannot parse. A header without a numeric Content-Length leaves the
 * stream out of step for good: every later message was swallowed and the server went silent
 * until stdin closed. Now it says why on stderr and in the client's log, and exits (code 1).
 * A body that is not JSON (the framing is intact) is logged and skipped.
 */
export interface StdioTransport {
    reader: MessageReader;
    writer: MessageWriter;
    /** Console, exit on end of input and on broken framing: what the library's own stdio mode did. */
    attach(connection: Connection): void;
}

export function stdioRequested(argv = process.argv): boolean {
    return argv.slice(2).includes('--stdio');
}

export function stdioTransport(): StdioTransport {
    const reader = new GuardedReader(process.stdin);
    const writer = new StreamMessageWriter(process.stdout);
    return {
        reader,
        writer,
        attach(connection) {
            // stdout carries the protocol: console output goes to the client's log instead.
            for (const level of ['log', 'info', 'warn', 'error'] as const) {
                console[level] = (...args: unknown[]) => connection.console[level](format(...args));
            }
            console.debug = (...args: unknown[]) => connection.console.log(format(...args));
            let shutdown = false;
            connection.onShutdown(() => {
                shutdown = true;
            });
            const end = () => process.exit(shutdown ? 0 : 1);
            process.stdin.on('end', end);
            process.stdin.on('close', end);
            reader.onError(error => {
                const problem = `${error.message}`.split('\n')[0];
                if (error instanceof SyntaxError) {
                    connection.console.warn(`Ignored a message that is not JSON: ${problem}`);
                    return;
                }
                const message = `The client sent a malformed message header (${problem}); the stream cannot be read any further, so the Warrant language server stops.`;
                process.stderr.write(`warrant: ${message}\n`);
                connection.console.error(message);
                // Let the log line reach the client before exiting.
                setTimeout(() => process.exit(1), 100);
            });
        }
    };
}

/** A reader whose consumer's failures (a malformed `$/cancelRequest`) are logged, not taken for a broken stream. */
class GuardedReader extends StreamMessageReader {
    override listen(callback: DataCallback): Disposable {
        return super.listen(message => {
            try {
                callback(message);
            } catch (error) {
                console.error(`warrant: a message could not be handled: ${failureReason(error)}`);
            }
        });
    }
}
