import v8 from 'node:v8';

/**
 * V8 settings of the `warrant` process, which checks a workspace once and exits (the language
 * server, which keeps running, keeps V8's compiler defaults).
 *
 * `--max-inlined-bytecode-size-cumulative=300` (V8's default 920): how much code the optimising
 * compiler inlines into one function. A check runs most of its code briefly and once per
 * document or per workspace, and V8 compiles a function again whenever a later document takes a
 * path an earlier one did not; with less inlined into each compilation, the compiler's work
 * (on background threads, a third of a cold check's CPU) shrinks more than the code slows.
 * Measured in alternating runs (docs/performance.md, "The CLI's compiler budget"): compiling a
 * 20,000-claim check 490 → 405 ms; process CPU −8 % at 20,000 claims and −6 % at 40,000, wall
 * time −3 %, for 6–7 % more main-thread time. Set before any of the checker's code is
 * optimised, so it holds for every compilation of the run.
 */
const CLI_V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=300'];

for (const flag of CLI_V8_FLAGS) {
    v8.setFlagsFromString(flag);
}
