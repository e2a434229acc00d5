import assert from 'node:assert/strict';
import { strToU8 } from 'fflate';
import { readQdpx } from '../../language/qda/index.js';
import { chooseConvention, CountedText } from '../../language/qda/offsets.js';
import { Pacer } from '../../language/qda/pacing.js';
import { wholeText } from '../../language/qda/text.js';
import { Utf8Text } from '../../language/qda/utf8-text.js';
import { buildProject, positionsOf, type FixtureSource } from './fixtures.js';

const WINDOW = 1 << 20;
const pacer = () => new Pacer({ yieldNow: async () => undefined });
const count = async (text: string) => new CountedText((await Utf8Text.scan(strToU8(text), pacer()))!);

describe('REFI-QDA offsets: counting large texts in windows', () => {
    it('a surrogate pair and a CR LF that straddle scan windows are each counted once', async () => {
        // In bytes: the emoji's four start two before the first window ends, the CR is the last byte of the second.
        const text = `${'x'.repeat(WINDOW - 2)}🙂${'y'.repeat(WINDOW - 3)}\r\nend 🙂`;
        const counted = await count(text);
        assert.equal(counted.codePoints, [...text].length);
        assert.equal(counted.length('utf16'), text.length);
        assert.equal(counted.length('crlf-as-one'), [...text].length - 1);
        for (const convention of ['codepoints', 'utf16', 'crlf-as-one'] as const) {
            const cut = counted.cut(convention, positionsOf(text, 'end', convention));
            assert.ok(cut.ok);
            assert.equal(counted.text.slice(cut.start, cut.end), 'end', convention);
        }
    });

    it('a character split between two decoding chunks is decoded whole', async () => {
        // 4 MiB chunks: the emoji's four bytes start three bytes before the first chunk ends.
        const text = `${'a'.repeat((1 << 20) - 3)}🙂 We share what we know.`;
        const source: FixtureSource = { name: 'long', text, selections: [{ excerpt: 'We share what we know', codes: [] }] };
        const project = await readQdpx(buildProject({ sources: [source], cases: [] }).bytes, { limits: { maxRatio: 10_000 } });
        assert.deepEqual(project.problems.filter(p => p.severity !== 'info'), []);
        assert.equal(wholeText(project.sources[0]!.utf8!), text);
        assert.equal(project.selections[0]!.text, 'We share what we know');
    });

    it('invalid bytes in a large text are found in whichever chunk they are', async () => {
        const bytes = new Uint8Array([...strToU8('a'.repeat((1 << 20) + 10)), 0xff, ...strToU8(' tail')]);
        const source: FixtureSource = { name: 'bad', text: `${'a'.repeat((1 << 20) + 10)}\uFFFD tail`, bytes, selections: [{ excerpt: 'tail', codes: [] }] };
        const project = await readQdpx(buildProject({ sources: [source], cases: [] }).bytes, { limits: { maxRatio: 10_000 } });
        assert.ok(project.problems.some(p => p.severity === 'warning' && /The text of "bad" is not valid UTF-8/.test(p.message)));
        assert.equal(project.selections[0]!.text, 'tail');
    });

    it('no selections, or text every convention counts alike: the standard, with nothing to decide', async () => {
        assert.equal(chooseConvention(await count('plain text'), [{ start: 0, end: 5 }]).convention, 'codepoints');
        const emoji = await count('🙂 a b');
        assert.deepEqual(chooseConvention(emoji, []), { convention: 'codepoints', note: 'positions counted in Unicode code points, as the REFI-QDA standard says' });
    });
});
