import * as ElkApi from 'elkjs/lib/elk-api.js';
import type { ELK, ELKConstructorArguments } from 'elkjs/lib/elk-api.js';
import workerSource from 'elkjs/lib/elk-worker.min.js' with { type: 'text' };
import type { ElkLayouter } from '../../../language/graph/layout.js';

type ElkConstructor = new (args?: ELKConstructorArguments) => ELK;

/**
 * ELK in a Web Worker, so that laying out a map never blocks the preview (in the page, ELK's
 * first layout froze it for 1.6 s while Chromium compiled ELK). VS Code webviews start
 * workers only from blob: or data: URIs, hence the script inlined as text and a blob URL; the
 * CSP allows `worker-src blob:`. If the worker cannot start or dies, layouts reject instead
 * of waiting forever, and the caller falls back to the fast layout.
 */
export async function workerElk(): Promise<ElkLayouter> {
    const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    let fail: (error: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => { fail = reject; });
    failed.catch(() => undefined); // observed through the races below
    // elk-api.js is CommonJS with `exports.default`; bundlers may wrap it once more.
    const exported = (ElkApi as unknown as { default: ElkConstructor | { default: ElkConstructor } }).default;
    const ElkClass = 'default' in exported ? exported.default : exported;
    const elk = new ElkClass({
        workerFactory: () => {
            const worker = new Worker(url, { name: 'warrant-elk' });
            worker.addEventListener('error', event => fail(new Error(`the ELK worker failed: ${event.message || 'it could not start'}`)));
            return worker;
        }
    });
    return { layout: graph => Promise.race([elk.layout(graph), failed]) };
}
