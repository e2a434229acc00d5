/** Command-line parsing for `warrant check`, `warrant export`, `warrant qda` and `warrant pandoc-filter`. */
import { ANNEX_FORMATS, MAP_FORMATS, type AnnexFormat, type MapFormat } from '../language/graph/export/formats.js';

export type CheckFormat = 'text' | 'json' | 'sarif';
export type ExportFormat = MapFormat | AnnexFormat;
export type QdaFormat = 'text' | 'json';

export type Command =
    | { command: 'check'; paths: string[]; format: CheckFormat; strict: boolean; root?: string }
    | { command: 'export'; paths: string[]; format: ExportFormat; out?: string; root?: string; focus?: string }
    | { command: 'qda'; file: string; format: QdaFormat }
    | { command: 'pandoc-filter' }
    | { command: 'help' }
    | { command: 'version' };

export class UsageError extends Error {}

const CHECK_FORMATS: readonly CheckFormat[] = ['text', 'json', 'sarif'];
const EXPORT_FORMATS: readonly ExportFormat[] = [...MAP_FORMATS, ...ANNEX_FORMATS].map(entry => entry.format);
const QDA_FORMATS: readonly QdaFormat[] = ['text', 'json'];

export const USAGE = `Usage:
  warrant check [paths…] [--format ${CHECK_FORMATS.join('|')}] [--strict] [--root DIR]
  warrant export [paths…] --format ${EXPORT_FORMATS.join('|')} [--out FILE] [--root DIR] [--focus NAME]
  warrant qda FILE.qdpx [--format ${QDA_FORMATS.join('|')}]
  warrant pandoc-filter

Paths are .warrant files, Markdown manuscripts (.md, .qmd, .markdown: their warrant
fences and, in a manuscript, its citations and claim spans) or folders searched for
them (default: the current folder); a folder search honours its warrant.config.json (include, exclude) and .gitignore files.
Bibliographies, transcripts and warrant.config.json are read only inside each path
(a folder, or a file's own folder); --root DIR widens that to DIR, which must contain
every path. --focus NAME exports only what the element NAME rests on.
pandoc-filter prints the path of the Lua filter that draws warrant-map blocks
(pandoc --lua-filter, Quarto filters:).
check exits 0 when no errors are found (warnings allowed unless --strict), 1 when
errors are found, 2 on bad usage or unreadable input.
qda shows what Warrant reads from a REFI-QDA project (sources, codes, cases, coded
segments and problems); it exits 0, 1 when the project has errors, 2 when the file
cannot be read as a REFI-QDA project at all.`;

export function parseArgs(argv: string[]): Command {
    const [command, ...rest] = argv;
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
        return { command: 'help' };
    }
    if (command === '--version' || command === '-v' || command === 'version') {
        return { command: 'version' };
    }
    if (command === 'pandoc-filter') {
        if (rest.length > 0) {
            throw new UsageError('pandoc-filter takes no arguments');
        }
        return { command };
    }
    if (command !== 'check' && command !== 'export' && command !== 'qda') {
        throw new UsageError(`unknown command "${command}"`);
    }
    const paths: string[] = [];
    let format: string | undefined;
    let out: string | undefined;
    let root: string | undefined;
    let focus: string | undefined;
    let strict = false;
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
        const value = () => {
            const next = inline ?? rest[++i];
            if (next === undefined) {
                throw new UsageError(`${flag} needs a value`);
            }
            return next;
        };
        if (flag === '--format' || flag === '-f') {
            format = value();
        } else if (flag === '--out' || flag === '-o') {
            out = value();
        } else if (flag === '--root') {
            root = value();
        } else if (flag === '--focus') {
            focus = value();
        } else if (flag === '--strict') {
            strict = true;
        } else if (flag === '--help' || flag === '-h') {
            return { command: 'help' };
        } else if (flag.startsWith('-') && flag !== '-') {
            throw new UsageError(`unknown option "${flag}"`);
        } else {
            paths.push(arg);
        }
    }
    if (command === 'check') {
        if (out !== undefined) {
            throw new UsageError('--out applies to export only');
        }
        if (focus !== undefined) {
            throw new UsageError('--focus applies to export only');
        }
        const checkFormat = (format ?? 'text') as CheckFormat;
        if (!CHECK_FORMATS.includes(checkFormat)) {
            throw new UsageError(`unknown format '${format}'; check writes ${CHECK_FORMATS.join(', ')}`);
        }
        return { command, paths, format: checkFormat, strict, root };
    }
    if (strict) {
        throw new UsageError('--strict applies to check only');
    }
    if (command === 'qda') {
        if (focus !== undefined) {
            throw new UsageError('--focus applies to export only');
        }
        return qdaCommand(paths, format, out, root);
    }
    if (format === undefined) {
        throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`);
    }
    if (!EXPORT_FORMATS.includes(format as ExportFormat)) {
        throw new UsageError(`unknown format '${format}'; export writes ${EXPORT_FORMATS.join(', ')}`);
    }
    return { command, paths, format: format as ExportFormat, out, root, focus };
}

function qdaCommand(paths: string[], format: string | undefined, out: string | undefined, root: string | undefined): Command {
    if (out !== undefined || root !== undefined) {
        throw new UsageError(`${out !== undefined ? '--out' : '--root'} does not apply to qda, which reads one .qdpx file and writes to the terminal`);
    }
    if (paths.length !== 1) {
        throw new UsageError(`qda takes one .qdpx file${paths.length > 1 ? `, not ${paths.length}` : ''}`);
    }
    const qdaFormat = (format ?? 'text') as QdaFormat;
    if (!QDA_FORMATS.includes(qdaFormat)) {
        throw new UsageError(`unknown format '${format}'; qda writes ${QDA_FORMATS.join(', ')}`);
    }
    return { command: 'qda', file: paths[0]!, format: qdaFormat };
}
