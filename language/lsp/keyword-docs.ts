/**
 * What each keyword means, in one line, and a line of Warrant that uses it: shown by hover and
 * by completion (test/lsp/completion.test.ts checks that every keyword of the grammar has one).
 */
export interface KeywordDoc {
    summary: string;
    example: string;
}

const METHOD = (method: string, what: string): KeywordDoc => ({ summary: `Method of a datum: ${what}.`, example: `datum d1 ${method} of SW1 emergent "…"` });

const FIELD = (what: string, example: string): KeywordDoc => ({ summary: `Field of an inline source: ${what}.`, example });

const LOCATOR = (what: string, unit: string): KeywordDoc => ({ summary: `Locator unit: ${what} of the cited work.`, example: `cites @Hall2005 ${unit} 12` });

export const KEYWORD_DOCS: Readonly<Record<string, KeywordDoc>> = {
    claim: { summary: 'A proposition of the argument. It must trace to a datum, a stat or a resolved source (`supported by`, `cites`, `classifies`).', example: 'claim teaRevealing "The tea request reveals gender roles" supported by teaRequest' },
    datum: { summary: 'One item of primary data in an annex: its method, of whom, whether it was emergent or prompted, and its text.', example: 'datum teaRequest interview of SW1 emergent "the officer asked for tea"' },
    annex: { summary: 'A named collection of primary data, like the annex table of a paper.', example: 'annex Interviews "Interview data" { datum … }' },
    pattern: { summary: 'A serendipity pattern (Merton 1948): an unanticipated, anomalous and strategic datum set and the claim it occasions.', example: 'pattern genderPattern "Gender as a hidden variable" { … }' },
    stat: { summary: 'A secondary quantitative datum (a percentage or `n of total`), grounded by the sources it cites.', example: 'stat policeWomen "Women among police officers" = 26% in 2013 cites @HomeOffice2013' },
    scheme: { summary: 'A classification by thresholds; its bands must cover their range without gaps or overlaps.', example: 'scheme Hakim "Occupational segregation" cites @Hakim1993 { … }' },
    band: { summary: 'A band of a scheme: `below X%` is [0, X), `A% to B%` is [A, B], `above X%` is (X, 100].', example: 'band integrated "integrated" 25% to 55%' },
    below: { summary: 'A band from 0% up to (not including) a bound.', example: 'band maleDominated "male-dominated" below 25%' },
    above: { summary: 'A band above (not including) a bound, up to 100%.', example: 'band femaleDominated "female-dominated" above 55%' },
    to: { summary: 'A band between two bounds, both included.', example: 'band integrated "integrated" 25% to 55%' },
    source: { summary: 'A bibliographic work declared inline, cited as `@Name` like a BibTeX key.', example: 'source Merton1948 { author "Merton, R.K." year 1948 title "…" }' },
    project: { summary: 'Reads a REFI-QDA project (`.qdpx`, exported by NVivo, ATLAS.ti, MAXQDA, QualCoder…) as live annex data: its coded segments become data, its cases respondents.', example: 'project interviews "lscb-interviews.qdpx" { method from variable "method" }' },
    method: { summary: 'How a project\'s sources were collected: from a source variable, per source, or one method for all.', example: 'method observation for source "Board meeting notes"' },
    from: { summary: 'Takes a project setting from a variable of each source (or of its case).', example: 'method from variable "method"' },
    variable: { summary: 'A variable of the project\'s sources or cases (REFI-QDA `VariableValue`).', example: 'occurrence from variable "occurrence"' },
    for: { summary: 'The one project source a method applies to, by its name.', example: 'method observation for source "Board meeting notes"' },
    when: { summary: 'Marks a project\'s segments emergent (or prompted) when they carry a code.', example: 'emergent when code "emergent"' },
    code: { summary: 'A code of a project: every segment coded so (nested codes included) is evidence.', example: 'supported by code "gendered discourse" in interviews' },
    segment: { summary: 'One coded segment of a project, by its name, its GUID, or `quote` and words of its excerpt.', example: 'supported by segment quote "cup of tea" in interviews' },
    occurrence: { summary: 'Reads emergent or prompted for each project source from a variable whose value is `emergent` or `prompted`.', example: 'occurrence from variable "occurrence"' },
    bibliography: { summary: 'Imports the entries of a BibTeX or CSL-JSON file (e.g. a Zotero / Better BibTeX export) as citable `@keys`.', example: 'bibliography "references.bib"' },
    respondent: { summary: 'A person interviewed; attributes such as gender, role or agency serve triangulation and labels.', example: 'respondent SW1 "Social worker" { gender: male }' },
    subject: { summary: 'A person or role observed in the field; attributes serve triangulation and labels.', example: 'subject PO1 "Police officer" { gender: male }' },
    of: { summary: 'Whom a datum comes from (respondents or subjects); in a stat, `n of total`.', example: 'datum d1 interview of SW1, SW2 "…"' },
    about: { summary: 'Whom a datum is about (respondents or subjects).', example: 'datum d2 observation about PO1 "…"' },
    emergent: { summary: 'The datum arose without prompting by the researcher. A serendipity pattern needs at least one emergent datum.', example: 'datum d1 interview of SW1 emergent "…"' },
    prompted: { summary: 'The datum was prompted by the researcher (e.g. by an interview question).', example: 'datum d1 interview of SW1 prompted "…"' },
    in: { summary: 'Where something is: a datum\'s transcript file, a stat\'s year, an inline source\'s journal or book.', example: 'datum d1 interview "…" in "transcripts/sw1.txt" lines 12-18' },
    lines: { summary: 'The line range of a datum\'s transcript file that holds it.', example: 'in "transcripts/sw1.txt" lines 12-18 quote "make him a cup of tea"' },
    quote: { summary: 'Words that must occur in the datum\'s transcript file (checked).', example: 'in "transcripts/sw1.txt" quote "make him a cup of tea"' },
    supported: { summary: '`supported by …`: the claims, data, stats or patterns the claim rests on.', example: 'supported by teaRequest, genderPattern' },
    opposed: { summary: '`opposed by …`: evidence that speaks against the claim; grounded opposition makes the claim contested.', example: 'opposed by officialPolicy' },
    by: { summary: 'Introduces the evidence of `supported by` / `opposed by`, or the scheme of `classifies … as … by`.', example: 'supported by teaRequest' },
    cites: { summary: '`cites @key p. 12`: sources, from a bibliography file or declared inline.', example: 'cites @Hall2005 p. 189, @Merton1948' },
    classifies: { summary: '`classifies STAT as BAND by SCHEME`: reads a stat against a band of a threshold scheme.', example: 'classifies policeWomen as maleDominated by Hakim' },
    as: { summary: 'The band a `classifies` clause puts the stat in.', example: 'classifies policeWomen as integrated by Hakim' },
    qualifier: { summary: 'How strongly the claim is put ("probably", "in this case").', example: 'qualifier "in this case"' },
    warrant: { summary: 'Why the evidence bears on the claim (Toulmin\'s warrant).', example: 'warrant "who makes the tea shows who holds which role"' },
    unanticipated: { summary: 'What the researchers did not set out to look for (Merton: the datum is unanticipated).', example: 'unanticipated "Gender was not in the interview protocol"' },
    anomalous: { summary: 'What did not fit the expected picture (Merton: the datum is anomalous).', example: 'anomalous "Collaboration tracked gender norms, not rules"' },
    observed: { summary: 'The data that showed the pattern.', example: 'observed teaRequest, kitchenTalk' },
    strategic: { summary: 'The claim the pattern occasions (Merton: its strategic interpretation).', example: 'strategic genderHypothesis' },
    interview: METHOD('interview', 'an interview'),
    observation: METHOD('observation', 'an observation in the field'),
    document: METHOD('document', 'a document'),
    survey: METHOD('survey', 'a survey answer'),
    'focus-group': METHOD('focus-group', 'a focus group'),
    fieldnote: METHOD('fieldnote', 'a field note'),
    archive: METHOD('archive', 'an archive record'),
    author: FIELD('its authors, "Family, Given" joined by `and`', 'author "Merton, Robert K. and Barber, Elinor"'),
    editor: FIELD('its editors', 'editor "Smith, Jane"'),
    year: FIELD('the year of publication', 'year 1948'),
    title: FIELD('the title', 'title "The Bearing of Empirical Research upon the Development of Social Theory"'),
    publisher: FIELD('the publisher', 'publisher "Routledge"'),
    volume: FIELD('the volume', 'volume 13'),
    issue: FIELD('the issue', 'issue 5'),
    pages: FIELD('the pages', 'pages "505-515"'),
    doi: FIELD('the DOI', 'doi "10.2307/2087114"'),
    url: FIELD('a web address', 'url "https://example.org/report"'),
    note: FIELD('a free note', 'note "unpublished manuscript"'),
    'p.': LOCATOR('a page', 'p.'),
    'pp.': LOCATOR('pages', 'pp.'),
    'ch.': LOCATOR('a chapter', 'ch.'),
    'sec.': LOCATOR('a section', 'sec.'),
    'para.': LOCATOR('a paragraph', 'para.'),
    'fig.': LOCATOR('a figure', 'fig.')
};

/** The hover and completion documentation of a keyword: its summary and its example. */
export function keywordMarkdown(doc: KeywordDoc): string {
    return `${doc.summary}\n\n\`\`\`warrant\n${doc.example}\n\`\`\``;
}
