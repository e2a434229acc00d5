/**
 * Child process: the Argdown baseline. Reads the Argdown document of the same argument as a
 * Warrant workspace (bench/argument.ts) and runs @argdown/core's ParserPlugin and ModelPlugin
 * on it, timed like bench/cold-build.ts times Warrant's check (reading the file included).
 *
 *   node --import tsx bench/argdown.ts --file ARGUMENT.argdown
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ArgdownApplication, ModelPlugin, ParserPlugin } from '@argdown/core';
import { arg, cpuMs, gcTimer, mainThreadTimes, memoryOf, REPOSITORY, report, round } from './common.js';

const { version } = JSON.parse(readFileSync(path.join(REPOSITORY, 'node_modules/@argdown/core/package.json'), 'utf8')) as { version: string };

const file = arg('file');
const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), 'parse-input');
app.addPlugin(new ModelPlugin(), 'build-model');

const gc = gcTimer();
const cpu = process.cpuUsage();
const thread = mainThreadTimes();
const start = performance.now();
const text = readFileSync(file, 'utf8');
const parsed = app.run({ input: text, process: ['parse-input'] });
const parseMs = performance.now() - start;
const response = app.run({ input: text, process: ['build-model'] }, parsed);
const wallMs = performance.now() - start;
const cpuTime = cpuMs(cpu);
const threadAfter = mainThreadTimes();

report({
    version,
    bytes: Buffer.byteLength(text),
    model: {
        statements: Object.keys(response.statements ?? {}).length,
        arguments: Object.keys(response.arguments ?? {}).length,
        relations: response.relations?.length ?? 0
    },
    errors: (response.parserErrors?.length ?? 0) + (response.lexerErrors?.length ?? 0),
    parseMs: round(parseMs),
    modelMs: round(wallMs - parseMs),
    wallMs: round(wallMs),
    /** All threads (GC helpers and compiler threads included). */
    cpuMs: round(cpuTime),
    mainCpuMs: round(threadAfter.cpuMs - thread.cpuMs),
    mainWaitMs: round(threadAfter.waitMs - thread.waitMs),
    gcMs: round(await gc.stop()),
    peakRssMb: round(memoryOf('self')?.peakMb ?? NaN)
});
