// Bundles the web suite for VS Code for the Web's extension host (a Web Worker, which loads one
// CommonJS file and gives it only `vscode`): test/web/suite/index.ts, then every
// test/web/suite/*.test.ts, and mocha's browser build → out/test/web/suite.js. The file lies inside
// the extension (extensionDevelopmentPath is the repository), so the test host serves it.
// `runner` is written into the bundle: the runner's address, the grep pattern, the test timeout.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suiteSource = path.join(root, 'test/web/suite');
export const suiteEntry = path.join(root, 'out/test/web/suite.js');

export async function buildSuite(runner) {
    const started = Date.now();
    const tests = fs.readdirSync(suiteSource).filter((name) => name.endsWith('.test.ts')).sort();
    // index first: it sets mocha up before the test files register their suites.
    const contents = ["export * from './index';", ...tests.map((name) => `import './${name.replace(/\.ts$/, '')}';`)].join('\n');
    await esbuild.build({
        absWorkingDir: root,
        stdin: { contents, resolveDir: suiteSource, sourcefile: 'suite-entry.ts', loader: 'ts' },
        outfile: suiteEntry,
        bundle: true,
        platform: 'browser',
        target: 'es2022',
        format: 'cjs',
        sourcemap: 'inline',
        external: ['vscode'],
        define: { WARRANT_WEB_RUNNER: JSON.stringify(runner) },
        logLevel: 'warning'
    });
    console.log(`build-suite: ${tests.length} test file(s) → ${path.relative(root, suiteEntry)} (${Date.now() - started} ms)`);
    return suiteEntry;
}
