import { fileURLToPath } from 'node:url';

/**
 * The Lua filter shipped beside the command-line tool: filters/warrant.lua at the package root,
 * one folder up from both the bundle (out/cli.cjs) and the source (cli/).
 */
export function pandocFilterPath(): string {
    return fileURLToPath(new URL('../filters/warrant.lua', import.meta.url));
}
