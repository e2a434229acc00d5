/**
 * Child process: the Argdown baseline. Parses and builds the model of the Argdown document
 * equivalent to the generated Warrant workspace of N claims (same statements and relations,
 * see generateArgdown) with @argdown/core's ParserPlugin and ModelPlugin.
 *
 *   node --import tsx bench/argdown.ts --claims N
 */
import { ArgdownApplication, ModelPlugin, ParserPlugin } from '@argdown/core';
import { arg, cpuMs, mainThreadTimes, memoryOf, report, round } from './common.js';
import { generateArgdown } from './generate.js';

const claims = Number(arg('claims'));
const document = generateArgdown({ claims });

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), 'parse-input');
app.addPlugin(new ModelPlugin(), 'build-model');

const cpu = process.cpuUsage();
const thread = mainThreadTimes();
const start = performance.now();
const parsed = app.run({ input: document.text, process: ['parse-input'] });
const parseMs = performance.now() - start;
const response = app.run({ input: document.text, process: ['build-model'] }, parsed);
const wallMs = performance.now() - start;
const threadAfter = mainThreadTimes();

report({
    claims,
    bytes: Buffer.byteLength(document.text),
    generated: { statements: document.statements, relations: document.relations },
    model: {
        statements: Object.keys(response.statements ?? {}).length,
        relations: response.relations?.length ?? 0,
        arguments: Object.keys(response.arguments ?? {}).length
    },
    errors: (response.parserErrors?.length ?? 0) + (response.lexerErrors?.length ?? 0),
    parseMs: round(parseMs),
    modelMs: round(wallMs - parseMs),
    wallMs: round(wallMs),
    cpuMs: round(cpuMs(cpu)),
    mainCpuMs: round(threadAfter.cpuMs - thread.cpuMs),
    mainWaitMs: round(threadAfter.waitMs - thread.waitMs),
    peakRssMb: round(memoryOf('self')?.peakMb ?? NaN)
});
