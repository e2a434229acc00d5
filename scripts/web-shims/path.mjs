// `node:path` in the browser bundles (scripts/build.mjs): the POSIX functions the language server
// uses (resolve, join, dirname, relative), pure string work on paths of `file:` URIs. There is no
// working directory in a Web Worker: relative paths resolve against `/`.
export const sep = '/';

export function normalize(path) {
    const absolute = path.startsWith('/');
    const parts = [];
    for (const part of path.split('/')) {
        if (part === '' || part === '.') continue;
        if (part === '..') {
            if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
            else if (!absolute) parts.push('..');
        } else {
            parts.push(part);
        }
    }
    const joined = parts.join('/');
    return absolute ? `/${joined}` : joined || '.';
}

export function isAbsolute(path) {
    return path.startsWith('/');
}

export function join(...paths) {
    return normalize(paths.filter(Boolean).join('/'));
}

export function resolve(...paths) {
    let resolved = '';
    for (let i = paths.length - 1; i >= 0 && !resolved.startsWith('/'); i--) {
        if (paths[i]) resolved = resolved ? `${paths[i]}/${resolved}` : paths[i];
    }
    return normalize(resolved.startsWith('/') ? resolved : `/${resolved}`);
}

export function dirname(path) {
    const normalized = normalize(path);
    const index = normalized.lastIndexOf('/');
    if (index < 0) return '.';
    return index === 0 ? '/' : normalized.slice(0, index);
}

export function basename(path) {
    return normalize(path).split('/').pop() ?? '';
}

export function relative(from, to) {
    const fromParts = resolve(from).split('/').filter(Boolean);
    const toParts = resolve(to).split('/').filter(Boolean);
    let common = 0;
    while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
    return [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}

export const posix = { sep, normalize, isAbsolute, join, resolve, dirname, basename, relative };
// as in Node, `path.posix` is the module itself (code written for both reaches it that way)
posix.posix = posix;
export default posix;
