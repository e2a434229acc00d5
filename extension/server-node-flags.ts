/**
 * Node flags of the language server process that the desktop extension starts (and that the
 * benchmark starts, so that it measures what users get).
 *
 * `--max-semi-space-size=64`: every keystroke re-parses, relinks and re-analyses, tens of MB
 * that die young; with V8's default 16 MB semi-spaces the server scavenges several times per
 * keystroke. Measured A/B (docs/performance.md, "Young-generation size"): 15–19 % less server
 * CPU per keystroke, for ~80–100 MB more peak RSS; 32 MB gained nothing. V8 sizes the young
 * generation when it starts, so this has to be a command-line flag (`v8.setFlagsFromString` in
 * the server is too late for it).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
