// The harness extension does nothing itself. It has a `main` only so that the extension host maps
// the suite under it (out/test/vscode/suite) to this extension when the suite requires 'vscode'.
exports.activate = () => {};
exports.deactivate = () => {};
