import { URI, type LangiumSharedCoreServices } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Message, MessageStrategy, NotificationMessage, RequestMessage } from 'vscode-languageserver';
import { malformation } from './notification-shapes.js';

/** How long a request for a just-opened document waits for the document to exist. */
const DOCUMENT_WAIT_MS = 10_000;
const POLL_MS = 10;

interface Held {
    release: () => void;
}

/**
 * Sees every message from the client before it is dispatched:
 * - drops a notification whose params do not have the shape LSP prescribes, with a log line;
 * - remembers the exact URI string each `didOpen` used (see ClientUris);
 * - holds a request about a document the client has opened until the language server has
 *   created that document. `didOpen` only queues the build, so a formatting or symbols request
 *   sent right after it found no document and was answered "cancelled by the server".
 */
export class IncomingMessages implements MessageStrategy {
    private services?: LangiumSharedServices;
    private readonly held = new Map<string | number, Held>();
    private logger: (message: string) => void = () => undefined;

    constructor(private readonly clientUris: Map<string, string>) {}

    attach(services: LangiumSharedServices, logger: (message: string) => void): void {
        this.services = services;
        this.logger = logger;
    }

    handleMessage(message: Message, next: (message: Message) => void): void | Promise<void> {
        const candidate = message as Partial<RequestMessage & NotificationMessage>;
        if (typeof candidate.method !== 'string') {
            return next(message);
        }
        if (candidate.id === undefined) {
            return this.notification(candidate as NotificationMessage, next);
        }
        const uri = documentUri(candidate.params);
        if (uri && this.services && this.isOpenButUnknown(this.services, uri)) {
            return this.hold(candidate as RequestMessage, uri, this.services, next);
        }
        return next(message);
    }

    private notification(message: NotificationMessage, next: (message: Message) => void): void {
        const problem = malformation(message.method, message.params);
        if (problem !== undefined) {
            this.logger(`Ignored a malformed ${message.method} notification: ${problem}.`);
            return;
        }
        if (message.method === 'textDocument/didOpen') {
            const clientUri = (message.params as { textDocument: { uri: string } }).textDocument.uri;
            this.clientUris.set(URI.parse(clientUri).toString(), clientUri);
        }
        if (message.method === '$/cancelRequest') {
            // A cancelled request that is still held is dispatched now, so it is answered as cancelled.
            const id = (message.params as { id?: unknown } | undefined)?.id;
            if (typeof id === 'string' || typeof id === 'number') {
                this.held.get(id)?.release();
            }
        }
        next(message);
    }

    private isOpenButUnknown(services: LangiumSharedCoreServices & LangiumSharedServices, uri: URI): boolean {
        return services.workspace.TextDocuments.get(uri.toString()) !== undefined && !services.workspace.LangiumDocuments.hasDocument(uri);
    }

    private hold(message: RequestMessage, uri: URI, services: LangiumSharedServices, next: (message: Message) => void): Promise<void> {
        return new Promise(resolve => {
            const started = Date.now();
            const release = () => {
                clearInterval(timer);
                this.held.delete(message.id!);
                next(message);
                resolve();
            };
            const timer = setInterval(() => {
                if (!this.isOpenButUnknown(services, uri) || Date.now() - started > DOCUMENT_WAIT_MS) {
                    release();
                }
            }, POLL_MS);
            this.held.set(message.id!, { release });
        });
    }
}

/** `params.textDocument.uri` of a request, when it has one. */
function documentUri(params: unknown): URI | undefined {
    const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
    if (typeof uri !== 'string') {
        return undefined;
    }
    try {
        return URI.parse(uri);
    } catch {
        return undefined;
    }
}
