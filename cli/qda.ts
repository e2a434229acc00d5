import { promises as fs } from 'node:fs';
import { readQdpx } from '../language/qda/index.js';
import type { Command } from './args.js';
import { formatQdaText, qdaJson } from './format-qda.js';
import { report, terminalJson } from './terminal.js';

/** Larger files are refused before they are read into memory. */
const MAX_QDPX_BYTES = 1024 * 2 ** 20;

/** `warrant qda FILE.qdpx`: what Warrant reads from a REFI-QDA project. 0 fine, 1 errors, 2 unreadable. */
export async function runQda(command: Extract<Command, { command: 'qda' }>): Promise<number> {
    let bytes: Uint8Array;
    try {
        const stat = await fs.stat(command.file);
        if (!stat.isFile()) {
            report(`cannot read ${command.file}: not a file`);
            return 2;
        }
        if (stat.size > MAX_QDPX_BYTES) {
            report(`cannot read ${command.file}: ${Math.round(stat.size / 2 ** 20)} MB is more than the ${MAX_QDPX_BYTES / 2 ** 20} MB Warrant reads from a project`);
            return 2;
        }
        bytes = await fs.readFile(command.file);
    } catch (error) {
        report(`cannot read ${command.file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
        return 2;
    }
    const project = await readQdpx(bytes);
    process.stdout.write(command.format === 'json' ? terminalJson(qdaJson(project)) : formatQdaText(project, process.stdout.isTTY === true && !process.env.NO_COLOR));
    return !project.readable ? 2 : project.problems.some(problem => problem.severity === 'error') ? 1 : 0;
}
