// `npm start`: the main job. Checks the case-study argument (Dudau & McAllister 2018) and prints
// its diagnostics and summary, lists the cited keys its reference list lacks (each with the
// checker's "did you mean"), then writes its argument map. The paper's own gaps (works cited
// but missing from its reference list, claims without evidence) are findings, not failures, so
// only a usage error or a crash (exit code 2) fails this script.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'bin/warrant.cjs');
const example = 'examples/lscb-gender-hypothesis';

function warrant(...args) {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
    if (result.status === 2 || result.status === null) {
        process.exit(2);
    }
    return result.status;
}

/** Each unknown cited key once, with where it is cited and the checker's suggestions. */
function unknownCitations() {
    const result = spawnSync(process.execPath, [cli, 'check', example, '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status === 2 || result.status === null) {
        process.exit(2);
    }
    const keys = new Map();
    for (const file of JSON.parse(result.stdout).files) {
        for (const d of file.diagnostics.filter(d => d.code === 'unknown-citation')) {
            const match = /^Unknown citation @(\S+?):.*?(?:Did you mean (.*)\?)?$/.exec(d.message);
            if (match) {
                const known = keys.get(match[1]) ?? { places: [], suggestions: match[2] ?? '' };
                known.places.push(`${path.basename(file.path)}:${d.line}`);
                keys.set(match[1], known);
            }
        }
    }
    return keys;
}

function listCitations(keys) {
    const width = Math.max(0, ...[...keys.keys()].map(k => k.length)) + 2;
    const line = (key, { places, suggestions }) => `  @${key.padEnd(width)}${suggestions ? `did you mean ${suggestions}?  ` : ''}(${places.join(', ')})`;
    const slips = [...keys].filter(([, k]) => k.suggestions);
    const missing = [...keys].filter(([, k]) => !k.suggestions);
    console.log(`\nCited keys the reference list does not have: ${keys.size}.`);
    console.log(`\n${slips.length} have a close entry in the list, the checker's suggestion (a slip, or another work of the same author):`);
    slips.forEach(([key, k]) => console.log(line(key, k)));
    console.log(`\n${missing.length} have no close entry: works missing from the list.`);
    missing.forEach(([key, k]) => console.log(line(key, k)));
}

const started = Date.now();
console.log(`Checking ${example} (Dudau & McAllister 2018, "Failure in welfare partnerships")\n`);
const status = warrant('check', example);
if (status === 1) {
    console.log('The errors above are the paper\'s own: works cited in its text but missing from its reference list.');
    listCitations(unknownCitations());
}
const outputs = [['svg', 'out/lscb-gender-hypothesis.svg'], ['html', 'out/lscb-gender-hypothesis.html']];
console.log('');
for (const [format, out] of outputs) {
    warrant('export', example, '--format', format, '--out', out);
}
console.log(`Open ${outputs[1][1]} in a browser to explore the argument map.`);
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
