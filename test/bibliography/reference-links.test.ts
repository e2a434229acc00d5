import assert from 'node:assert/strict';
import { loadBibtexParser, parseEntryDetails } from '../../language/bibliography/details.js';
import { formatReference } from '../../language/bibliography/format.js';
import { referenceLink, validDoi } from '../../language/bibliography/reference-links.js';
import { scanBibliography } from '../../language/bibliography/scanner.js';

function reference(fields: string, markdown = true): string {
    const index = scanBibliography(`@article{K, author = {Doe, Jane}, year = 2020, ${fields}}`);
    return formatReference(parseEntryDetails(index, index.byKey.get('K')!), { markdown });
}

describe('links and escaping in one-line references', () => {
    before(async function () {
        this.timeout(60000);
        await loadBibtexParser();
    });

    it('accepts a DOI only in the form 10.NNNN/…, with or without its resolver', () => {
        assert.equal(validDoi('10.1177/0952076717751037'), '10.1177/0952076717751037');
        assert.equal(validDoi('https://doi.org/10.1080/14719037.2017.1285114'), '10.1080/14719037.2017.1285114');
        assert.equal(validDoi('doi: 10.1002/(SICI)1097-4636(199706)35:4<455::AID-JBM5>3.0.CO;2-G'), '10.1002/(SICI)1097-4636(199706)35:4<455::AID-JBM5>3.0.CO;2-G');
        for (const bad of ['10.1/x', '10.1234/a b', '11.1234/x', '10.1234/', 'javascript:alert(1)', '10.1234/x\u202E', '10.1/x"><img src=x onerror=alert(1)>']) {
            assert.equal(validDoi(bad), undefined, bad);
        }
    });

    it('links only http, https and doi URLs, with targets nothing can end early', () => {
        assert.deepEqual(referenceLink('10.1002/(SICI)1097-4636(199706)35:4<455::AID-JBM5>3.0.CO;2-G', undefined), {
            kind: 'link', text: 'https://doi.org/10.1002/(SICI)1097-4636(199706)35:4<455::AID-JBM5>3.0.CO;2-G',
            target: 'https://doi.org/10.1002/%28SICI%291097-4636%28199706%2935:4%3C455::AID-JBM5%3E3.0.CO;2-G'
        });
        assert.deepEqual(referenceLink(undefined, 'https://example.org/a (b) "c" <d>'), { kind: 'link', text: 'https://example.org/a%20(b)%20%22c%22%20%3Cd%3E', target: 'https://example.org/a%20%28b%29%20%22c%22%20%3Cd%3E' });
        assert.deepEqual(referenceLink(undefined, 'doi:10.1234/abc'), { kind: 'link', text: 'https://doi.org/10.1234/abc', target: 'https://doi.org/10.1234/abc' });
        for (const url of ['javascript:alert(2)', 'JavaScript:alert(2)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'file:///etc/passwd', 'command:workbench.action.terminal.new', 'not a url']) {
            assert.deepEqual(referenceLink(undefined, url), { kind: 'refused', field: 'URL' }, url);
        }
        assert.deepEqual(referenceLink('10.1/x', 'https://example.org/'), { kind: 'link', text: 'https://example.org/', target: 'https://example.org/' }, 'a valid URL stands in for an invalid DOI');
        assert.equal(referenceLink(undefined, undefined), undefined);
    });

    it('shows a hostile DOI and a javascript: URL as no link and says why', () => {
        const md = reference('title = {T}, doi = {10.1/x"><img src=x onerror=alert(1)> [Verify your licence](https://evil.invalid/phish) &#x202E;gnp.exe}, url = {javascript:alert(2)}');
        assert.equal(md, 'Doe, J. (2020). T. *(DOI not shown: it is not of the form 10.NNNN/…)*');
        assert.equal(reference('title = {T}, url = {javascript:alert(2)}'), 'Doe, J. (2020). T. *(URL not shown: only http, https and doi links are)*');
        assert.equal(reference('title = {T}, doi = {10.1177/0952076717751037}'), 'Doe, J. (2020). T. [https://doi.org/10.1177/0952076717751037](https://doi.org/10.1177/0952076717751037)');
        assert.equal(reference('title = {T}, doi = {10.1177/0952076717751037}', false), 'Doe, J. (2020). T. https://doi.org/10.1177/0952076717751037');
    });

    it('escapes every field: Markdown, HTML, entities, and shows bidirectional controls', () => {
        const md = reference('title = {<img src=x onerror=alert(4)> [Verify](https://evil.invalid) &#x202E; \u202Egnp.exe}, journal = {*J* `x` <b>}, volume = {1](javascript:alert(5))}');
        // Once the backslash-escaped characters are taken out, nothing is left that starts markup, a link or an entity.
        assert.ok(!/[<>[\]&`]/.test(md.replace(/\\./g, '')), md);
        assert.ok(!md.includes('\u202E'), 'no raw bidi control');
        assert.match(md, /⟨U\+202E⟩gnp\.exe/);
        assert.match(md, /\\&#x202E;/);
        assert.match(md, /\\<img src=x onerror=alert\(4\)\\>/);
    });

    it('keeps < and > in titles as < and >, not as the OT1 font\'s ¡ and ¿; math keeps them too', () => {
        assert.equal(reference('title = {When a < b and c > d: {<}tags{>}}, journal = {J <x>}', false), 'Doe, J. (2020). When a < b and c > d: <tags>. J <x>.');
        const math = reference('title = {Bounds for $a<b$}', false);
        assert.ok(!/[¡¿]/.test(math), math);
    });
});
