import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { isInside, resolveContained } from '../../language/safety/path-containment.js';
import { createWarrantServices } from '../../language/warrant-module.js';

describe('resolveContained', () => {
    let tmp: string;
    let ws: string;
    let doc: string;
    let outside: string;

    before(() => {
        tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warrant-containment-')));
        ws = path.join(tmp, 'ws');
        outside = path.join(tmp, 'outside');
        fs.mkdirSync(path.join(ws, 'chapters', 'refs'), { recursive: true });
        fs.mkdirSync(outside);
        // A sibling whose name starts with the workspace's: must not count as inside.
        fs.mkdirSync(path.join(tmp, 'ws-evil'));
        fs.writeFileSync(path.join(tmp, 'ws-evil', 'refs.bib'), '@misc{x}');
        fs.writeFileSync(path.join(ws, 'references.bib'), '@misc{a}');
        fs.writeFileSync(path.join(ws, 'chapters', 'refs', 'local.bib'), '@misc{b}');
        fs.writeFileSync(path.join(outside, 'secret.bib'), '@misc{secret}');
        fs.writeFileSync(path.join(ws, 'big.bib'), 'x'.repeat(2048));
        fs.symlinkSync(path.join(outside, 'secret.bib'), path.join(ws, 'link-out.bib'));
        fs.symlinkSync(outside, path.join(ws, 'dir-link-out'));
        fs.symlinkSync(path.join(ws, 'references.bib'), path.join(ws, 'chapters', 'link-in.bib'));
        fs.symlinkSync(path.join(ws, 'missing.bib'), path.join(ws, 'dangling.bib'));
        doc = path.join(ws, 'chapters', 'one.warrant');
    });

    after(() => {
        fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('resolves paths relative to the referencing file', () => {
        assert.deepEqual(resolveContained(doc, 'refs/local.bib', ws), {
            ok: true, path: path.join(ws, 'chapters', 'refs', 'local.bib'), realPath: path.join(ws, 'chapters', 'refs', 'local.bib'), size: 8
        });
        const up = resolveContained(doc, '../references.bib', ws);
        assert.equal(up.ok && up.path, path.join(ws, 'references.bib'));
        const normalised = resolveContained(doc, './refs/../../references.bib', ws);
        assert.equal(normalised.ok && normalised.path, path.join(ws, 'references.bib'));
    });

    it('accepts an absolute path inside the workspace and a symlink pointing inside', () => {
        assert.equal(resolveContained(doc, path.join(ws, 'references.bib'), ws).ok, true);
        const link = resolveContained(doc, 'link-in.bib', ws);
        assert.equal(link.ok && link.realPath, path.join(ws, 'references.bib'));
    });

    it('refuses ../ escapes and absolute paths outside the workspace', () => {
        assert.deepEqual(resolveContained(doc, '../../outside/secret.bib', ws), { ok: false, reason: 'outside-workspace', path: path.join(outside, 'secret.bib') });
        assert.equal(resolveContained(doc, path.join(outside, 'secret.bib'), ws).ok, false);
        assert.equal((resolveContained(doc, '/etc/passwd', ws) as { reason: string }).reason, 'outside-workspace');
        assert.equal((resolveContained(doc, '../../ws-evil/refs.bib', ws) as { reason: string }).reason, 'outside-workspace');
        assert.equal((resolveContained(doc, '../../../../../../../../etc/hosts', ws) as { reason: string }).reason, 'outside-workspace');
    });

    it('refuses symbolic links that lead outside the workspace', () => {
        assert.equal((resolveContained(doc, '../link-out.bib', ws) as { reason: string }).reason, 'outside-workspace');
        assert.equal((resolveContained(doc, '../dir-link-out/secret.bib', ws) as { reason: string }).reason, 'outside-workspace');
    });

    it('reports directories, missing files, dangling links and oversized files', () => {
        assert.equal((resolveContained(doc, 'refs', ws) as { reason: string }).reason, 'not-a-file');
        assert.equal((resolveContained(doc, '..', ws) as { reason: string }).reason, 'not-a-file');
        assert.equal((resolveContained(doc, 'nope.bib', ws) as { reason: string }).reason, 'not-found');
        assert.equal((resolveContained(doc, '../dangling.bib', ws) as { reason: string }).reason, 'not-found');
        assert.equal((resolveContained(doc, 'bad\0name.bib', ws) as { reason: string }).reason, 'not-found');
        assert.equal((resolveContained(doc, '../big.bib', ws, 1024) as { reason: string }).reason, 'too-large');
        assert.equal(resolveContained(doc, '../big.bib', ws).ok, true, 'default cap is 50 MB');
    });

    it('works with a workspace root given with a trailing separator or unnormalised', () => {
        assert.equal(resolveContained(doc, '../references.bib', ws + path.sep).ok, true);
        assert.equal(resolveContained(doc, '../references.bib', path.join(ws, 'chapters', '..')).ok, true);
    });

    it('compares whole path segments', () => {
        assert.equal(isInside('/a/ws/x.bib', '/a/ws'), true);
        assert.equal(isInside('/a/ws', '/a/ws'), true);
        assert.equal(isInside('/a/ws-evil/x.bib', '/a/ws'), false);
        assert.equal(isInside('/x.bib', '/'), true);
    });

    it('ignores case where the file system does (Windows, macOS) and only there', () => {
        assert.equal(isInside('/Users/me/Thesis/refs.bib', '/users/me/thesis', true), true);
        assert.equal(isInside('/Users/me/Thesis-old/refs.bib', '/users/me/thesis', true), false);
        assert.equal(isInside('/Users/me/Thesis/refs.bib', '/users/me/thesis', false), false);
    });
});

describe('the workspace root of a file', () => {
    it('is the innermost folder holding it, by whole segments, the same test as containment', () => {
        const { Warrant } = createWarrantServices(NodeFileSystem);
        const files = Warrant.warrant.Files;
        const root = path.resolve('/work-a/ws');
        files.setRoots([root, path.join(root, 'inner')]);
        assert.equal(files.rootFor(path.join(root, 'inner', 'x.warrant')), path.join(root, 'inner'));
        assert.equal(files.rootFor(path.join(root, 'x.warrant')), root);
        assert.equal(files.rootFor(root), root);
        assert.equal(files.rootFor(path.resolve('/work-a/ws-evil/x.warrant')), undefined);
        assert.equal(files.rootFor(path.resolve('/work-a/x.warrant')), undefined);
    });
});
