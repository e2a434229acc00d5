// Preloaded into a measured process (`node --require bench/process-figures.cjs …`): writes its peak
// resident set size (VmHWM) and its CPU time to stderr as it exits, which no one can read from
// outside afterwards.
const { readFileSync } = require('node:fs');

process.on('exit', () => {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    const usage = process.resourceUsage();
    process.stderr.write(`\nPEAK_RSS_KB ${match ? match[1] : 'NaN'}\nCPU_MS ${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
});
