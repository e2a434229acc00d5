// Entry point of the test run in VS Code for the Web's extension host (a Web Worker). The web
// extension host loads the bundle test/web/build-suite.mjs makes of this file, every *.test.ts of
// this folder and mocha's browser build, and calls `run()`. Mocha is set up here, when the bundle is
// evaluated, because the test files that follow it in the bundle register their suites right away.
// Mocha's report goes to the runner (test/web/run.mjs), which prints it.
import 'mocha/mocha.js';
import { reportFlushed, reportLine, runnerConfig } from './runner.js';

interface BrowserMocha {
    setup(options: { ui: string; reporter: string; color: boolean; timeout: number; grep?: string }): void;
    run(done: (failures: number) => void): void;
}
interface MochaGlobal {
    mocha: BrowserMocha;
    Mocha: { reporters: { Base: { consoleLog: (...args: unknown[]) => void } } };
}

const { mocha, Mocha } = globalThis as unknown as MochaGlobal;
const config = runnerConfig();
mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: config.timeoutMs, grep: config.grep || undefined });
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => reportLine(format(args));

export async function run(): Promise<void> {
    const failures = await new Promise<number>((resolve) => mocha.run(resolve));
    await reportFlushed();
    if (failures > 0) throw new Error(`${failures} test${failures === 1 ? '' : 's'} failed`);
}

/** printf-style formatting as mocha's reporters use it (`%s`, `%d`; the rest joined by spaces). */
function format([first, ...rest]: unknown[]): string {
    if (first === undefined) return '';
    if (typeof first !== 'string') return [first, ...rest].map(String).join(' ');
    const line = first.replace(/%[sd%]/g, (directive) => directive === '%%' ? '%' : rest.length ? String(rest.shift()) : directive);
    return [line, ...rest.map(String)].join(' ');
}
