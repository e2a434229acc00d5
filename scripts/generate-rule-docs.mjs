// Rewrites the parts of package.json, the config schema, docs/rules.md and README.md that come
// from the rule table (language/analysis/rule-table.ts). Run by the build; `npm run generate`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Writes the files whose generated parts changed and returns their paths. */
export async function generateRuleDocs() {
    // The generator is TypeScript (the test imports it too); plain node runs it bundled.
    const outfile = path.join(root, 'out/rule-docs.mjs');
    await esbuild.build({
        entryPoints: [path.join(root, 'scripts/rule-docs.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        logLevel: 'warning'
    });
    const { generateRuleDocs: generate } = await import(pathToFileURL(outfile).href);
    const read = file => readFileSync(path.join(root, file), 'utf8');
    const changed = [];
    for (const { path: file, text } of generate(read)) {
        if (read(file) !== text) {
            writeFileSync(path.join(root, file), text);
            changed.push(file);
        }
    }
    return changed;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    const changed = await generateRuleDocs();
    console.log(changed.length ? `rule table → ${changed.join(', ')}` : 'rule table: generated files up to date');
}
