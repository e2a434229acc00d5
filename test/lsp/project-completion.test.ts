// Completion inside a project reference on a project with more segments than one answer holds:
// what is typed narrows the candidates before the cap, and a capped answer says it is incomplete.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceAnalysis } from '../../language/analysis/analysis.js';
import { projectKeyItems } from '../../language/lsp/project-completion.js';
import { QdaIndex, readQdpx } from '../../language/qda/index.js';
import { generateProject } from '../../bench/qda-project.js';

describe('completion of a large project\'s segments', () => {
    let analysis: WorkspaceAnalysis;

    before(async () => {
        const index = new QdaIndex(await readQdpx(generateProject(400_000, 600).bytes));
        const project = { name: 'interviews' };
        analysis = { elements: { projects: [project] }, projects: { indexOf: (p: unknown) => p === project ? index : undefined } } as unknown as WorkspaceAnalysis;
    });

    const at = (line: string) => {
        const document = TextDocument.create('file:///a.warrant', 'warrant', 1, line);
        return projectKeyItems(document, line.length, analysis);
    };

    it('an empty key: the first 200 of 600 segments, marked incomplete', () => {
        const found = at('claim a "A" supported by segment "');
        assert.equal(found.items.length, 200);
        assert.equal(found.incomplete, true);
    });

    it('a typed key: only the segments it matches, all of them, complete', () => {
        const all = at('claim a "A" supported by segment "').items;
        const guid = String((all[150].textEdit as { newText: string }).newText).slice(1, -1);
        const found = at(`claim a "A" supported by segment "${guid.slice(0, -1)}`);
        assert.equal(found.incomplete, false);
        assert.ok(found.items.length >= 1 && found.items.length < 20, `${found.items.length} items`);
        assert.ok(found.items.some(item => (item.textEdit as { newText: string }).newText === `"${guid}"`));
    });
});
