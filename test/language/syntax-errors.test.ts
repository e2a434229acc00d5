import assert from 'node:assert/strict';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createWarrantServices } from '../../language/warrant-module.js';
import type { Document } from '../../language/generated/ast.js';

/** Each case in a fresh workspace: names are global, so cases must not see each other's elements. */
function parse(text: string, options?: { validation: boolean }) {
    return parseHelper<Document>(createWarrantServices(EmptyFileSystem).Warrant)(text, options);
}

async function errorsOf(text: string) {
    const document = await parse(text, { validation: true });
    return (document.diagnostics ?? []).filter(d => d.severity === 1);
}

describe('syntax errors are located and recovered from', () => {
    it('an unterminated string is reported on its own line, later elements still parse', async () => {
        const document = await parse('claim a "A"\nclaim b "unterminated\nclaim c "C"\n', { validation: true });
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
        assert.ok(errors.length > 0);
        assert.ok(errors.some(e => e.range.start.line === 1 && e.code === 'lexing-error'), JSON.stringify(errors));
        const names = document.parseResult.value.elements.map(e => 'name' in e ? e.name : undefined);
        assert.ok(names.includes('a') && names.includes('c'), `recovered elements: ${names.join(', ')}`);
    });

    it('a missing closing brace is reported, not thrown', async () => {
        const errors = await errorsOf('annex A {\n  datum d interview "x"\nclaim c "C" supported by d\n');
        assert.ok(errors.length > 0);
        assert.ok(errors.every(e => e.code === 'parsing-error' || e.code === 'lexing-error' || e.code === 'unknown-reference'));
    });

    it('an unknown keyword is located at the keyword', async () => {
        const errors = await errorsOf('claim a "A"\nargument b "B"\nclaim c "C"\n');
        const first = errors[0];
        assert.equal(first.range.start.line, 1);
        assert.equal(first.range.start.character, 0);
    });

    it('garbage bytes yield located errors, never an exception', async () => {
        const errors = await errorsOf('claim a "A"\n\u0000\u0001\u00ff\ud800 ~~~ $$$\nclaim b "B"\n');
        assert.ok(errors.length > 0);
        assert.ok(errors.every(e => e.range.start.line === 1), JSON.stringify(errors.map(e => e.range)));
    });

    it('an unresolved name is an unknown-reference error with a suggestion', async () => {
        const document = await parse('claim genderHypothesis "G"\nclaim b "B" supported by genderHypotesis\n', { validation: true });
        const unknown = (document.diagnostics ?? []).find(d => d.code === 'unknown-reference');
        assert.ok(unknown);
        assert.equal(unknown.range.start.line, 1);
        assert.match(String(unknown.message), /Did you mean `genderHypothesis`/);
    });
});

describe('oversized and noisy files', () => {
    it('a file over the size limit is one located error, not a hang', async () => {
        const { MAX_DOCUMENT_CHARACTERS } = await import('../../language/parser/size-limited-lexer.js');
        const line = 'claim c "' + 'x'.repeat(80) + '"\n';
        const document = await parse(line.repeat(Math.ceil(MAX_DOCUMENT_CHARACTERS / line.length) + 1), { validation: true });
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
        assert.equal(errors.length, 1);
        assert.match(String(errors[0].message), /too large to check/);
        assert.deepEqual(errors[0].range.start, { line: 0, character: 0 });
    });

    it('diagnostics per file are capped, with a note saying how many were left out', async () => {
        const { MAX_DIAGNOSTICS_PER_FILE } = await import('../../language/validation/document-validator.js');
        const document = await parse(Array.from({ length: 800 }, (_, i) => `claim c${i} "C" supported by missing${i}`).join('\n'), { validation: true });
        const diagnostics = document.diagnostics ?? [];
        assert.equal(diagnostics.length, MAX_DIAGNOSTICS_PER_FILE);
        assert.ok(diagnostics.slice(0, -1).every(d => d.code === 'unknown-reference'), 'errors first');
        assert.match(String(diagnostics[diagnostics.length - 1].message), /more problems in this file are not shown/);
    });
});
