/**
 * Writes examples/qda/lscb-interviews.qdpx, a small REFI-QDA project built from the invented
 * transcripts in examples/qda/transcripts/ (three interviews, their respondents as cases with
 * gender and agency, a codebook with nested codes, coded segments):
 *
 *   node --import tsx scripts/make-example-qdpx.ts
 *
 * The output is deterministic; test/qda/example.test.ts checks the committed file is current.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleProject } from '../test/qda/fixtures.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples/qda/lscb-interviews.qdpx');
writeFileSync(target, exampleProject().bytes);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
