import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EditorCommands, ShowTraceCommand } from '../../language/protocol.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const manifest = JSON.parse(readFileSync(path.join(repository, 'package.json'), 'utf8')) as {
    contributes: { commands: Array<{ command: string }>; menus: Record<string, Array<{ command?: string }>> };
};

describe('protocol: command ids', () => {
    it('the commands package.json contributes are exactly the editor commands and the trace of the protocol', () => {
        const contributed = manifest.contributes.commands.map(entry => entry.command).sort();
        assert.deepEqual(contributed, [...Object.values(EditorCommands), ShowTraceCommand.id].sort());
    });

    it('every menu entry runs a contributed command', () => {
        const known = new Set(manifest.contributes.commands.map(entry => entry.command));
        const used = Object.values(manifest.contributes.menus).flat().flatMap(entry => entry.command ? [entry.command] : []);
        assert.deepEqual(used.filter(command => !known.has(command)), []);
    });
});
