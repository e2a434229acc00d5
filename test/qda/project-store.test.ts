import assert from 'node:assert/strict';
import { isOperationCancelled } from 'langium';
import { ProjectStore, type ProjectBytesSource } from '../../language/workspace/project-store.js';
import { exampleProject } from './fixtures.js';

/** A source of bytes that counts how often it is read. */
function counted(version: string): ProjectBytesSource & { reads: number } {
    const source = {
        reads: 0,
        version,
        bytes: async () => {
            source.reads++;
            return exampleProject().bytes;
        },
        external: async () => undefined
    };
    return source;
}

describe('the store of read projects', () => {
    it('reads a file once per version, and again when its version changes', async () => {
        const store = new ProjectStore();
        const first = counted('1:100');
        const index = await store.load('/w/a.qdpx', first);
        assert.equal(index.project.selections.length, 10);
        assert.equal(await store.load('/w/a.qdpx', first), index);
        assert.equal(first.reads, 1);
        assert.equal(store.cached('/w/a.qdpx'), index);
        const second = counted('2:100');
        assert.notEqual(await store.load('/w/a.qdpx', second), index);
        assert.equal(second.reads, 1);
        store.retain(new Set());
        assert.equal(store.cached('/w/a.qdpx'), undefined);
    });

    it('a cancelled read stops at its next yield as a cancelled operation and caches nothing', async () => {
        const store = new ProjectStore();
        const source = counted('1:100');
        let checks = 0;
        await assert.rejects(store.load('/w/a.qdpx', source, { isCancelled: () => ++checks > 0 }), error => isOperationCancelled(error));
        assert.equal(store.cached('/w/a.qdpx'), undefined);
        const index = await store.load('/w/a.qdpx', source);
        assert.equal(index.project.readable, true);
        assert.equal(source.reads, 2);
    });
});
