/**
 * Hands the event loop back so that requests queued meanwhile are answered: setImmediate in
 * Node; a Web Worker (VS Code for the Web) has none, and a zero timeout yields there.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise(resolve => typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0));
