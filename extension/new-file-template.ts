// No `vscode` import here: the language tests check that the template is valid Warrant.

/** The commented start of a new argument: one datum, one claim resting on it, and where sources go. */
export const NEW_FILE_TEMPLATE = `// A Warrant file: the argument of a paper as plain text. Every claim should trace to
// annex data, a statistic or a cited source; the Problems panel says which ones do not.
// Names are shared by all .warrant files of the workspace. Type a keyword and Tab through
// the snippet, or see Help › Welcome › "Get started with Warrant".

// Sources: a BibTeX file (e.g. a Zotero export) next to this file, cited as @key.
// bibliography "references.bib"

// Primary data: what you observed or were told, with its method and its respondent.
respondent R1 "First respondent"

annex Fieldwork "Field data" {
  datum firstDatum interview of R1 emergent
    "What the respondent said, in their words"
}

// The argument: a claim and what it rests on (data, statistics, other claims, citations).
claim firstClaim "What the data show"
  supported by firstDatum
`;
