import assert from 'node:assert/strict';
import { USAGE } from '../../cli/args.js';
import { exportFileName, pickExportFolder } from '../../extension/export/export-location.js';
import { EXPORT_CHOICES, MAP_FORMATS, isExportChoice } from '../../language/graph/export/formats.js';

const at = (path: string) => ({ path });

describe('export: default save location', () => {
    it('prefers the workspace folder, then the document\'s folder, then the home folder', () => {
        assert.deepEqual(pickExportFolder([at('/home/ana/thesis'), at('/home/ana/thesis/ch2'), at('/home/ana')]), at('/home/ana/thesis'));
        assert.deepEqual(pickExportFolder([undefined, at('/home/ana/notes'), at('/home/ana')]), at('/home/ana/notes'));
        assert.deepEqual(pickExportFolder([undefined, undefined, at('/home/ana')]), at('/home/ana'));
    });

    it('never picks the filesystem root, on POSIX or Windows', () => {
        for (const root of ['/', '', '//', 'C:/', '/c:', '/C:/']) {
            assert.deepEqual(pickExportFolder([at(root), at(root), at('/home/ana')]), at('/home/ana'), `root ${JSON.stringify(root)}`);
            assert.equal(pickExportFolder([at(root)]), undefined, `root ${JSON.stringify(root)} alone`);
        }
        assert.deepEqual(pickExportFolder([at('/c:/Users/ana/thesis')]), at('/c:/Users/ana/thesis'));
    });

    it('names the file after the document, or argument-map for the workspace map', () => {
        assert.equal(exportFileName('/home/ana/thesis/argument.warrant', 'svg'), 'argument.svg');
        assert.equal(exportFileName('/home/ana/thesis/notes.v2.warrant', 'md'), 'notes.v2.md');
        assert.equal(exportFileName(undefined, 'dot'), 'argument-map.dot');
        assert.equal(exportFileName('/.warrant', 'png'), 'argument-map.png');
    });
});

describe('export: the editor\'s choices', () => {
    it('are the CLI\'s formats and PNG, each once', () => {
        const formats = EXPORT_CHOICES.map(c => c.format);
        assert.deepEqual([...formats].sort(), [...MAP_FORMATS.map(f => f.format), 'png'].sort());
        assert.equal(new Set(formats).size, formats.length);
        assert.ok(formats.every(isExportChoice));
        assert.ok(USAGE.includes(`--format ${MAP_FORMATS.map(f => f.format).join('|')}`), 'the CLI writes the same formats');
        assert.ok(!isExportChoice('pdf') && !isExportChoice(undefined) && !isExportChoice('__proto__'));
    });
});
