/**
 * Work cut into stages: a generator yields between them, so that the language server can hand
 * the event loop back (see WorkspaceAnalysisProvider.prepare); everyone else runs them through.
 */
export type Stages<T> = Generator<void, T>;

/** Runs what is left of the stages at once. */
export function finishStages<T>(stages: Stages<T>): T {
    for (;;) {
        const step = stages.next();
        if (step.done) {
            return step.value;
        }
    }
}
