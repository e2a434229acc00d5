// `npm start`: the main job. Checks the case-study argument (Dudau & McAllister 2018) and prints
// its diagnostics and summary, then writes its argument map. The paper's own gaps (works cited
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

const started = Date.now();
console.log(`Checking ${example} (Dudau & McAllister 2018, "Failure in welfare partnerships")\n`);
const status = warrant('check', example);
if (status === 1) {
    console.log('The errors above are the paper\'s own: works cited in its text but missing from its reference list.');
}
const outputs = [['svg', 'out/lscb-gender-hypothesis.svg'], ['html', 'out/lscb-gender-hypothesis.html']];
console.log('');
for (const [format, out] of outputs) {
    warrant('export', example, '--format', format, '--out', out);
}
console.log(`Open ${outputs[1][1]} in a browser to explore the argument map.`);
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
