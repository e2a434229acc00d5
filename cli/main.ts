import '../language/polyfills.js';
import './engine-tuning.js';
import { parseArgs, UsageError, USAGE, type Command } from './args.js';
import { buildCheckReport, exitCodeFor } from './check-report.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import { loadWorkspace } from './load-workspace.js';
import { pandocFilterPath } from './pandoc-filter.js';
import { report, terminalJson } from './terminal.js';
import packageJson from '../package.json' with { type: 'json' };

async function run(command: Command): Promise<number> {
    switch (command.command) {
        case 'help':
            process.stdout.write(USAGE + '\n');
            return 0;
        case 'version':
            process.stdout.write(packageJson.version + '\n');
            return 0;
        case 'check': {
            const workspace = await loadWorkspace(command.paths, process.cwd(), { root: command.root, command: 'check' });
            for (const problem of workspace.services.warrant.Files.configProblems) {
                report(problem);
            }
            const checkReport = buildCheckReport(workspace);
            const output = command.format === 'json'
                ? terminalJson(checkReport)
                : command.format === 'sarif'
                    ? formatSarif(checkReport, packageJson.version)
                    : formatText(checkReport, process.stdout.isTTY === true && !process.env.NO_COLOR);
            process.stdout.write(output);
            return exitCodeFor(checkReport, command.strict);
        }
        case 'export': {
            const { runExport } = await import('./export.js');
            return runExport(command);
        }
        case 'qda': {
            const { runQda } = await import('./qda.js');
            return runQda(command);
        }
        case 'pandoc-filter':
            process.stdout.write(pandocFilterPath() + '\n');
            return 0;
    }
}

async function main(): Promise<void> {
    let code: number;
    try {
        code = await run(parseArgs(process.argv.slice(2)));
    } catch (error) {
        if (error instanceof UsageError) {
            report(`${error.message}\n\n${USAGE}`);
            code = 2;
        } else {
            // A bug, not bad input; still no stack trace unless asked for (WARRANT_DEBUG=1).
            const detail = process.env.WARRANT_DEBUG ? (error as Error)?.stack ?? String(error) : (error as Error)?.message ?? String(error);
            report(`internal error: ${detail}`);
            code = 2;
        }
    }
    // Let stdout drain before exiting: large JSON reports go through a pipe.
    process.exitCode = code;
}

void main();
