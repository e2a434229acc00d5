/**
 * The path of `to` relative to the folder of `fromFile`, both URI paths (forward slashes), as a
 * `bibliography` statement in `fromFile` would name it: `refs.bib`, `../library/refs.bib`.
 * (No `node:path` here: this runs in VS Code for the Web too.)
 */
export function relativePath(fromFile: string, to: string): string {
    const from = fromFile.split('/').filter(Boolean).slice(0, -1);
    const target = to.split('/').filter(Boolean);
    let common = 0;
    while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
    return [...from.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}
