import assert from 'node:assert/strict';
import { expectHover, parseHelper } from 'langium/test';
import type { Hover } from 'vscode-languageserver';
import { formatReference } from '../../language/bibliography/index.js';
import { caseStudyWorkspace, documentOf, params, suiteWorkspace } from './fixtures.js';

function text(hover: Hover | undefined): string {
    const contents = hover?.contents as { value?: string } | undefined;
    return contents?.value ?? '';
}

describe('hover', function () {
    this.timeout(60000);
    const workspace = suiteWorkspace();
    let hover: ReturnType<typeof expectHover>;

    before(async () => {
        hover = expectHover(workspace.services);
    });

    async function hoverAt(file: string, needle: string, delta = 1): Promise<string> {
        const document = documentOf(workspace, file);
        return text(await workspace.services.lsp.HoverProvider!.getHoverContent(document, params(document, needle, delta)));
    }

    it('on a claim: status, trace down to the evidence and triangulation profile', async () => {
        const value = await hoverAt('argument.warrant', 'claim genderHypothesis', 7);
        assert.match(value, /\*\*claim\*\* `genderHypothesis` — \*\*grounded\*\*/);
        assert.match(value, /> Gender segregation is a barrier/);
        assert.match(value, /\*\*Trace to the evidence\*\*/);
        // the datum quote with its method, respondent role and occurrence
        assert.match(value, /datum `teaRequest`: “the police officer asked the social worker to make him a cup of tea” — interview · Social worker \(gender: male, agency: social care\) · emergent/);
        // a stat with its value and source, a source as a formatted reference
        assert.match(value, /stat `policeWomen`: 26% in 2013 — Women among police officers \(cites `@Hall2005`\)/);
        assert.match(value, /source `@Hall2005`: Hall, P\. \(2005\)\. Interprofessional teamwork/);
        assert.match(value, /\*\*Triangulation:\*\* 1 datum · 1 respondent · 1 method \(interview\) · 1 stat · 2 sources/);
    });

    it('on an ungrounded claim: the status and why', async () => {
        const value = await hoverAt('argument.warrant', 'claim floating', 7);
        assert.match(value, /`floating` — \*\*ungrounded\*\*/);
        assert.match(value, /\*Why:\* `floating` has no support/);
        assert.doesNotMatch(value, /Triangulation/);
    });

    it('on a reference to a claim (not only its declaration)', async () => {
        await hover({ text: 'claim thesis "T" supported by <|>genderHypothesis', index: 0, hover: /\*\*claim\*\* `genderHypothesis` — \*\*grounded\*\*/, disposeAfterCheck: true });
    });

    it('on an @key from the .bib: the full formatted reference and where it is', async () => {
        const value = await hoverAt('argument.warrant', '@Hall2005', 2);
        assert.match(value, /\*\*source\*\* `@Hall2005` · article/);
        assert.match(value, /Hall, P\. \(2005\)\. Interprofessional teamwork/);
        // exactly the bibliography's own APA-like formatting of the entry
        const store = workspace.services.warrant.Files.store;
        assert.ok(value.includes(formatReference(store.entry('Hall2005')!, { markdown: true })));
        assert.match(value, /references\.bib, line 1 · cited 2 times in the workspace/);
    });

    it('on an @key of an inline source: its fields as a reference', async () => {
        await hover({
            text: 'claim c "C" cites @Mer<|>ton1948', index: 0, disposeAfterCheck: true,
            hover: /Merton, R\.K\. \(1948\)\. \*The Bearing of Empirical Research upon the Development of Sociological Theory\*\.[\s\S]*declared inline in sources\.warrant, line 3/
        });
    });

    it('on an unknown @key: not found, with the nearest keys', async () => {
        await hover({ text: 'claim c "C" cites @Hal<|>l2006', index: 0, hover: /`@Hall2006` — \*\*not found\*\*[\s\S]*Did you mean `@Hall2005`/, disposeAfterCheck: true });
    });

    it('on a datum: its full text and its respondents\' attributes', async () => {
        const value = await hoverAt('argument.warrant', 'observed teaRequest', 10);
        assert.match(value, /\*\*datum\*\* `teaRequest` · interview · Social worker \(gender: male, agency: social care\) · emergent/);
        assert.match(value, /> the police officer asked the social worker to make him a cup of tea/);
        assert.match(value, /- respondent `SW1`: Social worker \(gender: male, agency: social care\)/);
        assert.match(value, /\*Annex\* `GenderData`/);
        assert.match(value, /\*Supports\* `genderPattern`/);
    });

    it('on a stat in a classifies clause: the band it falls in', async () => {
        const value = await hoverAt('argument.warrant', 'classifies policeWomen', 12);
        assert.match(value, /\*\*stat\*\* `policeWomen` = 26% in 2013/);
        assert.match(value, /26% falls in `integrated` \(25%–55%\) of `Hakim` — ✗ classified as `maleDominated` \(below 25%\)/);
        const band = await hoverAt('argument.warrant', 'as maleDominated', 4);
        assert.match(band, /\*\*band\*\* `maleDominated` of `Hakim`: below 25%/);
    });

    it('on a pattern: its parts, observed data and status', async () => {
        const value = await hoverAt('argument.warrant', 'pattern genderPattern', 9);
        assert.match(value, /\*\*serendipity pattern\*\* `genderPattern` — \*\*grounded\*\*/);
        assert.match(value, /\*Unanticipated:\* Gender was not in the protocol/);
        assert.match(value, /\*Observed:\* 1 datum, 1 emergent/);
        assert.match(value, /\*Strategic:\* occasions claim `genderHypothesis`/);
    });

    it('on keywords: what they mean', async () => {
        await hover({ text: 'annex A { datum d interview <|>emergent "t" }', index: 0, hover: /arose without prompting/, disposeAfterCheck: true });
    });

    it('shows circular support as the cycle', async () => {
        await hover({
            text: 'claim ca "A" supported by cb\nclaim <|>cb "B" supported by ca',
            index: 0, disposeAfterCheck: true,
            hover: /\*\*circular\*\*[\s\S]*\*Circular support:\* `c[ab]` → `c[ab]` → `c[ab]`/
        });
    });

    it('escapes user text (Markdown, HTML, links)', async () => {
        const value = await (async () => {
            const document = await parseHelper(workspace.services)('claim <|x "<script>alert(1)</script> *bold* [link](http://evil) `code`" supported by teaRequest'.replace('<|', ''));
            const result = await workspace.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: { line: 0, character: 7 } });
            return text(result);
        })();
        assert.match(value, /\\<script\\>alert\(1\)\\<\/script\\> \\\*bold\\\* \\\[link\\\]\(http:\/\/evil\) \\`code\\`/);
        assert.doesNotMatch(value, /<script>/);
    });

    it('on nothing in particular: no hover', async () => {
        await hover({ text: 'claim c "C"<|>\n\n<|>', index: 1, hover: undefined, disposeAfterCheck: true });
    });
});

describe('hover on the case study', function () {
    this.timeout(60000);
    const workspace = suiteWorkspace(() => caseStudyWorkspace());

    it('genderHypothesis: grounded, with its evidence and a triangulation over interview and observation', async () => {
        const document = documentOf(workspace, 'argument.warrant');
        const value = text(await workspace.services.lsp.HoverProvider!.getHoverContent(document, params(document, 'claim genderHypothesis', 7)));
        assert.match(value, /`genderHypothesis` — \*\*grounded\*\*/);
        assert.match(value, /\*\*Triangulation:\*\* 10 data · 8 respondents · 2 methods \(interview, observation\)/);
        assert.match(value, /datum `teaRequest`: “The interviewee offered the example/);
    });

    it('policeMaleDominated: the stat falls in the integrated band, not the male-dominated one', async () => {
        const document = documentOf(workspace, 'argument.warrant');
        const value = text(await workspace.services.lsp.HoverProvider!.getHoverContent(document, params(document, 'classifies policeWomen', 12)));
        assert.match(value, /26% falls in `integrated` \(25%–55%\) of `Hakim` — ✗ classified as `maleDominated`/);
    });
});
