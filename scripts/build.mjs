// Builds everything from source: Langium generation, the files generated from the rule table,
// type-check, then esbuild bundles.
// `node scripts/build.mjs [--release] [--watch] [--no-typecheck]`
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { generateRuleDocs } from './generate-rule-docs.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = new Set(process.argv.slice(2));
const release = args.has('--release');
const require = createRequire(import.meta.url);

function run(label, command, commandArgs) {
    const started = Date.now();
    const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
        console.error(`build: ${label} failed`);
        process.exit(result.status ?? 1);
    }
    console.log(`build: ${label} (${Date.now() - started} ms)`);
}

// langium-cli itself runs chevrotain, which needs Object.groupBy on Node 20.
run('langium generate', process.execPath, [
    '--import', pathToImport(require.resolve('core-js/actual/object/group-by.js')),
    path.join(root, 'node_modules/langium-cli/bin/langium.js'), 'generate'
]);
const generated = await generateRuleDocs();
console.log(`build: rule table ${generated.length ? `→ ${generated.join(', ')}` : '(generated files up to date)'}`);
if (!args.has('--no-typecheck')) {
    run('tsc --noEmit', process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', root]);
}

/** Node bundles: CommonJS so VS Code's extension host and plain `node` load them alike. */
const nodeBundles = {
    'out/extension.cjs': 'extension/main.ts',
    'out/server.cjs': 'server/main.ts',
    'out/cli.cjs': 'cli/main.ts',
    // The map writers, loaded by the extension on its first export or Markdown map (Platform.loadWriters, extension/desktop-platform.ts).
    'out/map-export.cjs': 'extension/export/map-writers.ts'
};

const common = {
    bundle: true,
    minify: release,
    sourcemap: release ? false : 'linked',
    logLevel: 'warning',
    absWorkingDir: root
};

/**
 * The Node built-ins the browser bundles may import, and what stands in for them
 * (scripts/web-shims): path arithmetic, and a file system without files (a Web Worker has no disk;
 * the workspace's files come through the client). Any other built-in fails the build, naming the
 * module that imports it, rather than shipping a bundle that throws when the worker loads it.
 */
const webShims = { path: 'scripts/web-shims/path.mjs', fs: 'scripts/web-shims/fs.mjs' };
const noNodeBuiltins = {
    name: 'no-node-builtins',
    setup(build) {
        const builtins = new Set(builtinModules);
        build.onResolve({ filter: /.*/ }, args => {
            const bare = args.path.replace(/^node:/, '');
            if (!args.path.startsWith('node:') && !builtins.has(bare)) {
                return undefined;
            }
            if (webShims[bare]) {
                return { path: path.join(root, webShims[bare]) };
            }
            return { errors: [{ text: `${args.path} is a Node built-in, imported by ${path.relative(root, args.importer)}: the browser bundles cannot use it` }] };
        });
    }
};

/** Browser bundles (VS Code for the Web): the extension in the web extension host, the language server in a Web Worker. */
const webBundles = {
    'out/web/extension.js': 'extension/web-main.ts',
    'out/web/server.js': 'server/web-main.ts'
};

const started = Date.now();
await Promise.all([
    ...Object.entries(webBundles).map(([outfile, entry]) => esbuild.build({
        ...common,
        entryPoints: [entry],
        outfile,
        platform: 'browser',
        target: 'es2022',
        // The web extension host loads CommonJS; the server is a classic worker script.
        format: outfile === 'out/web/extension.js' ? 'cjs' : 'iife',
        external: ['vscode'],
        plugins: [noNodeBuiltins],
        metafile: true
    }).then(result => reportWebBundle(outfile, result))),
    ...Object.entries(nodeBundles).map(([outfile, entry]) => esbuild.build({
        ...common,
        entryPoints: [entry],
        outfile,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        external: ['vscode'],
        // Bundled ESM dependencies may read import.meta.url; point it at the bundle file.
        define: { 'import.meta.url': 'importMetaUrl' },
        banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
    })),
    // The preview's script, loaded by the webview (and by exported HTML pages) under a nonce CSP.
    esbuild.build({
        ...common,
        entryPoints: ['extension/preview/webview/main.ts'],
        outfile: 'out/webview.js',
        platform: 'browser',
        target: 'es2022',
        format: 'iife',
        // The page runs ELK in a worker (webview/elk-worker.ts), never the in-process build.
        external: ['elkjs/lib/elk.bundled.js']
    })
]);
console.log(`build: esbuild${release ? ' (release, minified)' : ''} (${Date.now() - started} ms)`);

// The Markdown preview's stylesheet (`markdown.previewStyles`), from the map's own stylesheet.
const { MARKDOWN_PREVIEW_CSS } = require(path.join(root, 'out/map-export.cjs'));
writeFileSync(path.join(root, 'out/markdown-preview.css'), MARKDOWN_PREVIEW_CSS);

function reportWebBundle(outfile, result) {
    const bytes = result.metafile.outputs[outfile]?.bytes ?? 0;
    console.log(`build: ${outfile} ${(bytes / 1024).toFixed(0)} KiB`);
}

function pathToImport(file) {
    return new URL(`file://${file}`).href;
}
