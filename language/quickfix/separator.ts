/**
 * What goes between a document's text and a declaration appended to it: a blank line, unless
 * the text is empty or ends in one. Shared by the server's quick fixes and the VS Code
 * commands that append to a file the user picks (this file imports nothing, so the extension
 * bundle stays free of the server's libraries).
 */
export function separatorBefore(text: string): string {
    return text.length === 0 || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
}
