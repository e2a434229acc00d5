import assert from 'node:assert/strict';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createWarrantServices } from '../../language/warrant-module.js';
import {
    isAbove, isBelow, isBetween, isClaim, isCount, isPattern, isPercentage,
    type Annex, type Claim, type Document, type Pattern, type Respondent, type Scheme, type Source, type Stat
} from '../../language/generated/ast.js';

const { Warrant } = createWarrantServices(EmptyFileSystem);
const parse = parseHelper<Document>(Warrant);

async function parseClean(text: string): Promise<Document> {
    const document = await parse(text);
    const { lexerErrors, parserErrors } = document.parseResult;
    assert.deepEqual([...lexerErrors.map(e => e.message), ...parserErrors.map(e => e.message)], []);
    return document.parseResult.value;
}

describe('parsing every construct', () => {
    it('bibliography imports', async () => {
        const root = await parseClean('bibliography "references.bib"\nbibliography "more/zotero export.bib"');
        assert.deepEqual(root.elements.map(e => e.$type === 'Bibliography' && e.path), ['references.bib', 'more/zotero export.bib']);
    });

    it('inline sources with fields', async () => {
        const root = await parseClean(`source Merton1948 "Merton's paper" {
            author "Merton, R.K."  year 1948
            title "The Bearing of Empirical Research upon the Development of Sociological Theory"
            in "American Sociological Review" volume 13 pages "505-515" doi "10.2307/2087142"
        }`);
        const source = root.elements[0] as Source;
        assert.equal(source.name, 'Merton1948');
        assert.equal(source.label, "Merton's paper");
        assert.deepEqual(source.fields.map(f => [f.key, f.value]), [
            ['author', 'Merton, R.K.'], ['year', 1948],
            ['title', 'The Bearing of Empirical Research upon the Development of Sociological Theory'],
            ['in', 'American Sociological Review'], ['volume', 13], ['pages', '505-515'], ['doi', '10.2307/2087142']
        ]);
    });

    it('respondents and subjects with free attributes', async () => {
        const root = await parseClean(`respondent SW1 "Social worker" { gender: male  agency: "social care"  age: 42 }
            subject Chair2`);
        const [sw1, chair] = root.elements as Respondent[];
        assert.equal(sw1.kind, 'respondent');
        assert.deepEqual(sw1.attributes.map(a => [a.key, a.value]), [['gender', 'male'], ['agency', 'social care'], ['age', 42]]);
        assert.equal(chair.kind, 'subject');
        assert.equal(chair.attributes.length, 0);
    });

    it('annexes and data with method, respondents, occurrence, text and origin', async () => {
        const root = await parseClean(`respondent SW1  respondent PO1
        annex GenderData "Gender data occurrence" {
            datum teaRequest interview of SW1 emergent "…asked the social worker to make him a cup of tea"
            datum macho observation of PO1, SW1 prompted "\\"macho\\" culture" in "transcripts/po1.txt" lines 12-18 quote "take a stand"
            datum memo document "An undated memo"
        }`);
        const annex = root.elements[2] as Annex;
        const [tea, macho, memo] = annex.data;
        assert.equal(tea.method, 'interview');
        assert.deepEqual(tea.respondents.map(r => r.$refText), ['SW1']);
        assert.equal(tea.occurrence, 'emergent');
        assert.equal(macho.text, '"macho" culture');
        assert.deepEqual(macho.respondents.map(r => r.$refText), ['PO1', 'SW1']);
        assert.equal(macho.origin?.file, 'transcripts/po1.txt');
        assert.deepEqual([macho.origin?.lines?.from, macho.origin?.lines?.to], [12, 18]);
        assert.equal(macho.origin?.quote, 'take a stand');
        assert.equal(memo.occurrence, undefined);
        assert.equal(memo.respondents.length, 0);
    });

    it('stats as percentages and counts, with year and citations', async () => {
        const root = await parseClean(`stat policeWomen "Women among police officers" = 26% in 2013 cites @HomeOffice2013
            stat gps "Female GPs" = 35.3% in 2002 cites @DoH2013 p. 4, @DoH2005
            stat heads "Male heads" = 120 of 400`);
        const [police, gps, heads] = root.elements as Stat[];
        assert.ok(isPercentage(police.value) && police.value.value === 26);
        assert.equal(police.year, 2013);
        assert.deepEqual(police.citations.map(c => c.key), ['@HomeOffice2013']);
        assert.ok(isPercentage(gps.value) && gps.value.value === 35.3);
        assert.equal(gps.citations[0].locator?.unit, 'p.');
        assert.equal(gps.citations[0].locator?.range?.from, 4);
        assert.ok(isCount(heads.value) && heads.value.count === 120 && heads.value.total === 400);
    });

    it('schemes with below, between and above bands', async () => {
        const root = await parseClean(`scheme Hakim "Occupational gender segregation" cites @Hakim1993 {
            band maleDominated "male-dominated" below 25%
            band integrated "integrated" 25% to 55%
            band femaleDominated "female-dominated" above 55%
        }`);
        const scheme = root.elements[0] as Scheme;
        const [low, mid, high] = scheme.bands.map(b => b.range);
        assert.ok(isBelow(low) && low.upper.value === 25);
        assert.ok(isBetween(mid) && mid.lower.value === 25 && mid.upper.value === 55);
        assert.ok(isAbove(high) && high.lower.value === 55);
    });

    it('claims with every clause, braced or not', async () => {
        const root = await parseClean(`claim a "A" supported by b, c opposed by d cites @Hall2005 p. 189, @X pp. 12–15, @Y "ch. 2"
            qualifier "probably" warrant "because"
            claim b "B" {
                classifies s as integrated by Hakim
            }`);
        const [a, b] = root.elements.filter(isClaim) as Claim[];
        assert.deepEqual(a.clauses.map(c => c.$type), ['Support', 'Opposition', 'Citing', 'Qualifier', 'WarrantText']);
        assert.deepEqual(b.clauses.map(c => c.$type), ['Classification']);
        const citing = a.clauses[2];
        assert.ok(citing.$type === 'Citing');
        assert.deepEqual(citing.citations.map(c => [c.key, c.locator?.unit, c.locator?.range?.from, c.locator?.range?.to, c.locator?.text]), [
            ['@Hall2005', 'p.', 189, undefined, undefined], ['@X', 'pp.', 12, 15, undefined], ['@Y', undefined, undefined, undefined, 'ch. 2']
        ]);
    });

    it('serendipity patterns with all four parts', async () => {
        const root = await parseClean(`pattern genderPattern "Gender as a hidden variable" {
            unanticipated "not in the protocol"
            anomalous "collaboration tracked gender norms"
            observed teaRequest, macho
            strategic genderHypothesis
            cites @Merton1948 p. 506
        }`);
        const pattern = root.elements.find(isPattern) as Pattern;
        assert.deepEqual(pattern.parts.map(p => p.$type), ['Unanticipated', 'Anomalous', 'Observed', 'Strategic', 'Citing']);
    });

    it('keywords double as names where unambiguous', async () => {
        const root = await parseClean('claim interview "x"\nclaim emergent "y" supported by interview');
        assert.deepEqual(root.elements.map(e => (e as Claim).name), ['interview', 'emergent']);
    });

    it('comments, BOM and CRLF', async () => {
        const root = await parseClean('\uFEFF// line comment\r\n/* block\r\n comment */ claim a "A"\r\nclaim b "B" // trailing\r\n');
        assert.equal(root.elements.length, 2);
    });
});
