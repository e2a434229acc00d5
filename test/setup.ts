// Node 20 lacks Object.groupBy, which Langium's parser needs (see language/polyfills.ts).
import '../language/polyfills.js';

/** How long mocha may take to exit once the last test has run. */
const EXIT_GRACE_MS = 60_000;

/**
 * A test that leaves a child process, server, worker or timer behind keeps mocha's process alive
 * after its summary, and CI would then wait silently until its own time limit. Fail loudly
 * instead: name what is still open and exit non-zero. The timer is unref'd, so it never holds
 * the process itself.
 */
export const mochaHooks = {
    afterAll(): void {
        setTimeout(() => {
            const open = process.getActiveResourcesInfo().join(', ') || 'nothing Node can name';
            console.error(`\nmocha: the last test ended ${EXIT_GRACE_MS / 1000} s ago, but the process is still kept alive by: ${open}`);
            // Mocha's own 'exit' listener sets the exit code to its count of failures; this one
            // runs after it.
            process.on('exit', () => { process.exitCode = 1; });
            process.exit(1);
        }, EXIT_GRACE_MS).unref();
    }
};
