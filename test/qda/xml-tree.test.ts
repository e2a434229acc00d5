import assert from 'node:assert/strict';
import { Pacer } from '../../language/qda/pacing.js';
import { parseXmlDocument, XmlError, type XmlDocument } from '../../language/qda/xml-tree.js';

const parse = (text: string, chunkChars?: number): Promise<XmlDocument> => parseXmlDocument(text, new Pacer(), chunkChars);

async function errorOf(text: string): Promise<XmlError> {
    try {
        await parse(text);
    } catch (error) {
        assert.ok(error instanceof XmlError, String(error));
        return error;
    }
    assert.fail('parsed');
}

describe('project.qde to an element tree (xml-tree)', () => {
    const sample = '\uFEFF<?xml version="1.0" encoding="utf-8"?>\r\n<!-- made by hand -->\r\n'
        + '<qda:Project xmlns:qda="urn:QDA-XML:project:1.0" qda:name="A &amp; B &#x1F642;" note="line\r\nbreak">\r\n'
        + '  <Description>one &lt;two&gt;\r\nthree <![CDATA[<four> & 🙂]]> five</Description>\r\n'
        + '  <Sources><TextSource guid="g1" name="𝔘 é"/><TextSource guid="g2"></TextSource></Sources>\r\n'
        + '</qda:Project>\r\n';

    it('names without prefix, namespaces of the root, text and attributes decoded, line breaks normalized', async () => {
        const document = await parse(sample);
        assert.deepEqual(document.namespaces, ['urn:QDA-XML:project:1.0']);
        assert.deepEqual(document.root, {
            name: 'Project',
            attrs: { name: 'A & B 🙂', note: 'line break' },
            text: '\n  \n  \n',
            children: [
                { name: 'Description', attrs: {}, children: [], text: 'one <two>\nthree <four> & 🙂 five' },
                {
                    name: 'Sources', attrs: {}, text: '', children: [
                        { name: 'TextSource', attrs: { guid: 'g1', name: '𝔘 é' }, children: [], text: '' },
                        { name: 'TextSource', attrs: { guid: 'g2' }, children: [], text: '' }
                    ]
                }
            ]
        });
    });

    it('reads the same wherever the chunks are cut (inside a tag, an entity, CDATA, a CR LF, a surrogate pair)', async () => {
        const whole = await parse(sample);
        for (let chunkChars = 1; chunkChars <= sample.length; chunkChars++) {
            assert.deepEqual(await parse(sample, chunkChars), whole, `chunks of ${chunkChars}`);
        }
    });

    it('an error in a later chunk is located in the whole text', async () => {
        const selections = Array.from({ length: 5000 }, (_, i) => `<PlainTextSelection guid="g${i}" startPosition="${i}" endPosition="${i + 1}"/>`).join('\n');
        const text = `<Project>\n${selections}\n<Broken a="1" a="2"/>\n</Project>\n`;
        assert.ok(text.length > 4 * 64 * 1024);
        const error = await errorOf(text);
        assert.equal(error.message, 'duplicate attribute: a');
        const broken = text.indexOf('<Broken');
        assert.ok(error.offset >= broken && error.offset < text.indexOf('\n', broken), `offset ${error.offset} is on the line of <Broken at ${broken}`);
    });

    it('says which element an end tag fails to close, and which is never closed', async () => {
        const mismatched = await errorOf('<Project>\n<Variables></Variable>\n</Project>');
        assert.deepEqual([mismatched.message, mismatched.offset], ['<Variables> is closed by </Variable>', 21]);
        const cut = '<Project>\n<Sources>\n<TextSource guid="g1"/>';
        const truncated = await errorOf(cut);
        assert.deepEqual([truncated.message, truncated.offset], ['<Sources> is never closed', cut.length]);
    });

    it('refuses a DOCTYPE, located at its start', async () => {
        const error = await errorOf('<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE Project [<!ENTITY a "&b;&b;">]>\n<Project name="&a;"/>');
        assert.equal(error.doctype, true);
        assert.equal(error.offset, 33);
    });

    it('reads control characters some programs write, but not markup where it cannot be', async () => {
        const document = await parse('<Project name="evil\u001b[2J\u202Ename">form\ffeed</Project>');
        assert.deepEqual([document.root.attrs['name'], document.root.text], ['evil\u001b[2J\u202Ename', 'form\ffeed']);
        assert.equal((await errorOf('<Project name="a<b"/>')).message, 'disallowed character');
        assert.equal((await errorOf('<Project>a]]>b</Project>')).message, 'the string "]]>" is disallowed in char data');
        assert.equal((await errorOf('<Project/>\n<Project/>')).message, 'documents may contain only one root');
        assert.equal((await errorOf('  ')).message, 'document must contain a root element');
    });
});
