import assert from 'node:assert/strict';
import { workspaceOf } from '../helpers/workspace.js';

/** Deterministic bytes (no Math.random: a failure must replay). */
function bytes(length: number, seed: number): string {
    let state = seed;
    let text = '';
    for (let i = 0; i < length; i++) {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        text += String.fromCharCode(state % 256);
    }
    return text;
}

describe('hostile Markdown manuscripts', function () {
    this.timeout(60_000);
    const cases: Record<string, string> = {
        'random bytes': '```warrant\n' + bytes(64 * 1024, 7),
        '5,000 fences of one claim each': Array.from({ length: 5000 }, (_, i) => `\`\`\`warrant\nclaim c${i} "C" supported by c${i + 1}\n\`\`\`\n`).join('\n'),
        'lists nested 2,000 deep with a fence at the bottom': Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n') + `\n${'  '.repeat(2000)}\`\`\`warrant\n${'  '.repeat(2000)}claim deep "D"\n`,
        'unclosed fence, comment, front matter and code span': '---\ntitle: x\n\n<!-- never closed\n```warrant\nclaim a "A"\n`unclosed [@k]{.claim ref=\n',
        'CR-only line breaks': '```warrant\rclaim a "A" supported by b\r```\r[@x] and [y]{.claim ref=a}\r',
        'claim spans and citations everywhere': '[x]{.claim ref=a} [@k] '.repeat(20_000) + '\n```warrant\nclaim a "A"\n```\n'
    };
    for (const [name, text] of Object.entries(cases)) {
        it(name, async () => {
            const workspace = await workspaceOf({ 'paper.qmd': text });
            try {
                const codes = workspace.codes('paper.qmd');
                assert.ok(!codes.includes('internal-error'), codes.join(', '));
                assert.ok(codes.length <= 500, `at most the 500 diagnostics a file shows, not ${codes.length}`);
            } finally {
                workspace.dispose();
            }
        });
    }
});
