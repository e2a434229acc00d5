// `node:fs` in the browser bundles (scripts/build.mjs): a Web Worker has no disk, so every file
// the language server would read from one is not found (ENOENT), which its callers already
// report as such. Files of the workspace reach the server through the client instead
// (language/workspace/client-files.ts).
function missing(path) {
    const error = new Error(`ENOENT: no disk in the browser, '${path}'`);
    error.code = 'ENOENT';
    return error;
}

const fail = (path) => { throw missing(path); };
const reject = async (path) => fail(path);

export const constants = { O_RDONLY: 0, O_NONBLOCK: 0, O_NOFOLLOW: 0 };
export const promises = { open: reject, readFile: reject, readdir: reject, readlink: reject, realpath: reject, stat: reject };
export const statSync = fail;
export const realpathSync = Object.assign(fail, { native: fail });
export default { constants, promises, statSync, realpathSync };
