import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AstUtils, DocumentState } from 'langium';
import { generateWorkspace } from '../../bench/generate.js';
import type { Claim, Datum, Document, Support } from '../../language/generated/ast.js';
import { IncrementalWorkspace, withIncrementalWorkspace } from '../helpers/incremental.js';
import { mulberry32 } from '../helpers/random.js';
import { CASE_STUDY_DIR, hasCaseStudy } from '../lsp/fixtures.js';

type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const WORDS = ['board', 'x', 'meeting', 'é', '\\"', 'observed'];
const SNIPPETS = [
    '\nclaim fresh "new" supported by ', ', ', ' opposed by ', '}', '"', '\nannex Extra { datum extra observation of ', ' supported by ',
    '\nclaim ', '// note\n', 'classifies ', ' cites @Hall2005'
];
const DECLARATION = /\b(?:claim|datum|stat|pattern|scheme|respondent|source|annex|band|subject)\s+([A-Za-z_]\w*)/g;
const STRING = /"(?:\\.|[^"\\\r\n])*"/g;

/** An edit a writer could make: most keep every name (text in strings, line breaks), some rename, break or duplicate. */
function randomEdit(random: Random, text: string, otherNames: string[], original: string): string {
    const at = Math.floor(random() * (text.length + 1));
    const roll = random();
    if (roll < 0.3) {
        const strings = [...text.matchAll(STRING)];
        if (strings.length > 0) {
            const string = pick(random, strings);
            const inside = string.index! + 1 + Math.floor(random() * (string[0].length - 1));
            return text.slice(0, inside) + pick(random, WORDS) + text.slice(inside);
        }
    }
    if (roll < 0.4) {
        const line = text.lastIndexOf('\n', at);
        return text.slice(0, line + 1) + '\n' + text.slice(line + 1);
    }
    if (roll < 0.55) {
        const declarations = [...text.matchAll(DECLARATION)];
        if (declarations.length > 0) {
            const declaration = pick(random, declarations);
            const end = declaration.index! + declaration[0].length;
            return random() < 0.5 ? text.slice(0, end) + 'x' + text.slice(end) : text.slice(0, end - 1) + text.slice(end);
        }
    }
    if (roll < 0.65 && otherNames.length > 0) {
        const list = text.indexOf('supported by ', at);
        if (list >= 0) {
            const after = list + 'supported by '.length;
            return text.slice(0, after) + pick(random, otherNames) + ', ' + text.slice(after);
        }
    }
    if (roll < 0.75) {
        return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 30));
    }
    if (roll < 0.85) {
        return text.slice(0, at) + pick(random, SNIPPETS) + text.slice(at);
    }
    if (roll < 0.93) {
        const start = text.lastIndexOf('\n', at) + 1;
        const end = text.indexOf('\n', at);
        return text + '\n' + text.slice(start, end < 0 ? text.length : end);
    }
    return original;
}

function namesIn(text: string): string[] {
    return [...text.matchAll(DECLARATION)].map(match => match[1]!);
}

const PHASES = [DocumentState.Parsed, DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences];

/**
 * Runs a seeded edit script on the workspace: one or two files per update, some updates
 * cancelled at a random phase (as the next keystroke cancels a build), now and then a file
 * deleted and written again; after every completed update the workspace equals a fresh build.
 */
async function runScript(workspace: IncrementalWorkspace, seed: number, steps: number): Promise<void> {
    const random = mulberry32(seed);
    const editable = workspace.files.filter(file => file.endsWith('.warrant'));
    const originals = new Map(editable.map(file => [file, workspace.text(file)]));
    let deleted: string | undefined;
    for (let step = 0; step < steps; step++) {
        const context = `seed ${seed}, step ${step}`;
        if (deleted !== undefined) {
            await workspace.edit({ [deleted]: originals.get(deleted)! });
            deleted = undefined;
        } else if (random() < 0.05) {
            deleted = pick(random, editable);
            await workspace.delete(deleted);
        } else {
            const files = random() < 0.2 ? [pick(random, editable), pick(random, editable)] : [pick(random, editable)];
            const names = workspace.files.flatMap(file => namesIn(workspace.text(file)));
            const changes: Record<string, string> = {};
            for (const file of files) {
                changes[file] = randomEdit(random, changes[file] ?? workspace.text(file), names, originals.get(file)!);
            }
            const cancelAt = random() < 0.2 ? pick(random, PHASES) : undefined;
            if (!await workspace.edit(changes, cancelAt)) {
                continue; // the next update finishes what this one left
            }
        }
        await workspace.assertEqualsFreshBuild(context);
    }
}

describe('incremental builds equal a full rebuild', function () {
    this.timeout(600000);

    it('on the case study, over random edit scripts', async function () {
        if (!hasCaseStudy()) {
            this.skip();
        }
        for (const seed of [1, 2]) {
            await runScript(await IncrementalWorkspace.load(CASE_STUDY_DIR), seed, 30);
        }
    });

    it('on a generated workspace, over random edit scripts', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'warrant-incremental-'));
        try {
            generateWorkspace({ claims: 240, claimsPerFile: 60, seed: 19 }, dir);
            for (const seed of [3, 4]) {
                await runScript(await IncrementalWorkspace.load(dir), seed, 25);
            }
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('an edit that keeps every name', function () {
    this.timeout(60000);

    it('typing in a datum\'s text edits the syntax tree in place: nothing relinked, only the edited file revalidated, references reach its new text', async function () {
        if (!hasCaseStudy()) {
            this.skip();
        }
        const workspace = await IncrementalWorkspace.load(CASE_STUDY_DIR);
        const annex = workspace.text('annex.warrant');
        const root = workspace.document('annex.warrant').parseResult.value;
        const quote = annex.indexOf('"', annex.indexOf('datum ')) + 1;
        await workspace.edit({ 'annex.warrant': annex.slice(0, quote) + 'EDITED ' + annex.slice(quote) });
        assert.equal(workspace.document('annex.warrant').parseResult.value, root, 'the same syntax tree');
        assert.deepEqual([...workspace.lastUpdate.linked], []);
        assert.deepEqual([...workspace.lastUpdate.validated], ['annex.warrant']);
        const edited = workspace.document('annex.warrant').parseResult.value;
        const targets = workspace.files.filter(file => file !== 'annex.warrant').flatMap(file => supportTargets(workspace, file))
            .filter(target => AstUtils.findRootNode(target) === edited);
        assert.ok(targets.length > 0, 'other files rest on the annex');
        assert.ok(targets.some(target => (target as Datum).text?.includes('EDITED')), 'a reference reaches the edited datum\'s new text');
        await workspace.assertEqualsFreshBuild('text edit');

        // Then an edit that is not: relinks the file, Langium's way.
        const datum = /datum (\w+)/.exec(workspace.text('annex.warrant'))!;
        await workspace.edit({ 'annex.warrant': workspace.text('annex.warrant').replace(datum[0], `${datum[0]} `) });
        assert.notEqual(workspace.document('annex.warrant').parseResult.value, root, 'parsed again');
        assert.deepEqual([...workspace.lastUpdate.linked], ['annex.warrant']);
        await workspace.assertEqualsFreshBuild('edit outside a text');
    });

    it('typing in a claim\'s text carries the analysis over to the new syntax tree instead of analysing again', async function () {
        if (!hasCaseStudy()) {
            this.skip();
        }
        const workspace = await IncrementalWorkspace.load(CASE_STUDY_DIR);
        const file = workspace.files.find(name => /^claim \w+ "/m.test(workspace.text(name)))!;
        const text = workspace.text(file);
        const before = workspace.analysis;
        const oldRoot = workspace.document(file).parseResult.value;
        // Two texts at once: not an edit applied in place (see free-text-edit.ts), so the file is parsed again.
        const [first, second] = [...text.matchAll(/^claim \w+ "/gm)].map(match => match.index! + match[0].length);
        await workspace.edit({ [file]: text.slice(0, first) + 'EDITED ' + text.slice(first, second) + 'AGAIN ' + text.slice(second) });
        assert.notEqual(workspace.document(file).parseResult.value, oldRoot, 'parsed again');
        const after = workspace.analysis;
        assert.equal(after.grounding, before.grounding, 'the grounding is reused');
        const edited = workspace.document(file).parseResult.value as Document;
        const claim = edited.elements.find((element): element is Claim => element.$type === 'Claim' && element.text.startsWith('EDITED'))!;
        assert.equal(after.nodeOf(claim)?.element, claim, 'the graph points at the new syntax node');
        assert.ok(after.findings.get(edited)!.every(finding => AstUtils.findRootNode(finding.node) === edited), 'the findings too');
        await workspace.assertEqualsFreshBuild('text edit carried over');

        // A new supporter changes the structure: analysed afresh.
        const claimAt = /^claim (\w+) "/m.exec(workspace.text(file))!;
        const other = workspace.files.flatMap(name => /^claim (\w+)/m.exec(workspace.text(name))?.[1] ?? []).find(name => name !== claimAt[1])!;
        const current = workspace.text(file);
        const end = current.indexOf('\n', claimAt.index);
        await workspace.edit({ [file]: `${current.slice(0, end)} supported by ${other}${current.slice(end)}` });
        assert.notEqual(workspace.analysis.grounding, after.grounding, 'a structural edit is analysed afresh');
        await workspace.assertEqualsFreshBuild('structural edit');
    });

    it('a renamed declaration relinks the files that reference it', async function () {
        if (!hasCaseStudy()) {
            this.skip();
        }
        const workspace = await IncrementalWorkspace.load(CASE_STUDY_DIR);
        const annex = workspace.text('annex.warrant');
        const name = /datum (\w+)/.exec(annex)!;
        await workspace.edit({ 'annex.warrant': annex.replace(name[0], `${name[0]}Renamed`) });
        assert.ok([...workspace.lastUpdate.linked].some(file => file !== 'annex.warrant'), 'a dependent was relinked');
        await workspace.assertEqualsFreshBuild('rename');
    });
});

describe('duplicated names', () => {
    it('a name declared anew in an earlier file takes over references in files that did not reference it', () => withIncrementalWorkspace({
        'a.warrant': 'claim a0 "A"\n',
        'b.warrant': 'annex B { datum d observation "from b" }\n',
        'c.warrant': 'claim c "C" supported by d\n'
    }, async workspace => {
        const resolvesTo = (file: string) => AstUtils.findRootNode(supportTargets(workspace, 'c.warrant')[0]!) === workspace.document(file).parseResult.value;
        assert.ok(resolvesTo('b.warrant'));
        await workspace.edit({ 'a.warrant': 'claim a0 "A"\nannex A { datum d observation "from a" }\n' });
        assert.ok(resolvesTo('a.warrant'), 'the first file\'s, as a fresh build links it');
        await workspace.assertEqualsFreshBuild('shadowing');
    }));

    it('resolve to the same declaration before and after an edit of the file that declares it first', () => withIncrementalWorkspace({
        'a.warrant': 'annex A { datum d observation "from a" }\n',
        'b.warrant': 'annex B { datum d observation "from b" }\n',
        'c.warrant': 'claim c "C" supported by d\n'
    }, async workspace => {
        const resolvesToA = () => AstUtils.findRootNode(supportTargets(workspace, 'c.warrant')[0]!) === workspace.document('a.warrant').parseResult.value;
        assert.ok(resolvesToA());
        await workspace.edit({ 'a.warrant': 'annex A { datum d observation "from a, edited" }\n' });
        // c is relinked: its own edit.
        await workspace.edit({ 'c.warrant': 'claim c "C" supported by d\nclaim c2 "C2" supported by d\n' });
        assert.ok(resolvesToA(), 'still the first file\'s');
        await workspace.assertEqualsFreshBuild('duplicates');
    }));
});

/** The nodes the `supported by` lists of a file's claims resolve to. */
function supportTargets(workspace: IncrementalWorkspace, file: string) {
    const root = workspace.document(file).parseResult.value as Document;
    return root.elements
        .filter((element): element is Claim => element.$type === 'Claim')
        .flatMap(claim => claim.clauses.filter((clause): clause is Support => clause.$type === 'Support'))
        .flatMap(support => support.supporters.flatMap(reference => reference.ref ? [reference.ref] : []));
}
